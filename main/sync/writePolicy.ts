import type * as Y from 'yjs';
import { contentRootName, variablesRootName } from '#shared/document/yjsContent';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { validateVariableValue, type VariableLookup } from '#shared/templates/variableValues';
import { agreedArticles, articleLabel, variablesShownIn } from '#shared/negotiation/agreedLock';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { describeEntryProblem, entryProblem, scaleProblemWords } from '#shared/salaryScale/model';
import { salaryScaleRootName } from '#shared/salaryScale/yjsSalaryScale';
import { describeCharacter, xmlIllegalCharacters } from '#shared/text/safeText';
import { bodyShapeProblem } from '#main/sync/bodyShape';
import { typingEffects } from '#main/sync/typing';
import { judgeSuggestions, valueWriteRefusal, type ClientUpdate } from '#main/sync/suggestionMarks';
import { articlesTouched, inspectUpdate, type DecodedStruct, type SharedType, type UpdateEffects } from '#main/sync/updateInspection';

/** An update refused: why, and, when it edits what both sides agreed, which articles and values. */
export interface Refusal {
  reason: string;
  agreedEdit?: AgreedEdit;
}

/** The agreed articles an update edits (their text), and the variables they show whose values it changes. */
export interface AgreedEdit {
  clauseIds: string[];
  variableIds: string[];
}

/**
 * Why an update with these effects must be refused, or null to accept it. `suggestionOnly` holds
 * the text blocks in which the update only made or withdrew suggestions (their accepted text
 * stays as it was).
 */
export type WritePolicy = (effects: UpdateEffects, doc: Y.Doc, suggestionOnly: ReadonlySet<SharedType>) => Refusal | null;

/** Root types of a document that clients may change through sync; the rest are the server's. */
export const clientWritableRoots: ReadonlySet<string> = new Set([contentRootName, variablesRootName, salaryScaleRootName]);

/**
 * What the sync server accepts from a client: changes to the body, the variables and the salary
 * scales only (proposals, statuses and threads change through the API), and only valid variable
 * values and scale entries — never a procedural fact (the vote, the signing), which the server
 * writes from the lifecycle record. Returns the reason for refusing an update, or null.
 */
export function createWritePolicy(lookupVariable: VariableLookup): WritePolicy {
  return (effects, doc, suggestionOnly) => {
    for (const root of effects.roots) {
      if (!clientWritableRoots.has(root)) return { reason: `the "${root}" part of the document is changed only through the API` };
    }
    for (const change of [...effects.mapWrites, ...effects.mapDeletions]) {
      if (change.root === variablesRootName && isProceduralFact(change.key))
        return { reason: `the variable "${change.key}" is filled only from the lifecycle record, when its step is recorded` };
    }
    for (const write of effects.mapWrites) {
      if (write.root !== variablesRootName) continue;
      const definition = lookupVariable(write.key);
      if (!definition) return { reason: `unknown variable "${write.key}"` };
      const illegal = typeof write.value === 'string' ? xmlIllegalCharacters(write.value) : [];
      if (illegal.length > 0)
        return { reason: `invalid value for the variable "${write.key}": it holds ${describeCharacter(illegal[0] as string)}, which no document can hold` };
      const problem = validateVariableValue(definition, write.value);
      if (problem) return { reason: `invalid value for the variable "${write.key}": ${problem.en} / ${problem.vi}` };
    }
    const scaleProblem = salaryScaleProblem(effects);
    if (scaleProblem) return { reason: scaleProblem };
    const agreedEdit = agreedEditOf(effects, doc, suggestionOnly);
    if (!agreedEdit) return null;
    const articles = agreedEdit.clauseIds.map((clauseId) => articleLabel(doc, clauseId));
    const values = agreedEdit.variableIds.map((id) => `“${lookupVariable(id)?.label.en ?? id}”`);
    const what = [articles.length > 0 ? articles.join(', ') : null, values.length > 0 ? `the value ${values.join(', ')} shown in an agreed article` : null]
      .filter(Boolean)
      .join(' and ');
    return {
      reason: `${what}: agreed by both sides, it changes only through a proposal the other side accepts, or after both sides agree to reopen it`,
      agreedEdit,
    };
  };
}

/** Why an update's writes to the salary scales cannot be kept (model.ts), or null: only plain, valid entries at the top of the map. */
function salaryScaleProblem(effects: UpdateEffects): string | null {
  if (effects.unkeyedRoots.has(salaryScaleRootName)) return scaleProblemWords.not_an_entry;
  for (const write of effects.mapWrites) {
    if (write.root !== salaryScaleRootName) continue;
    const found = entryProblem(write.key, write.value);
    if (found) return `invalid salary scale: ${describeEntryProblem(write.key, found)}`;
  }
  return null;
}

/**
 * Tentative agreement is a lock (S23): the agreed articles an update edits, and the variables
 * shown in agreed articles whose values it writes or removes; null when it touches neither. A
 * suggestion changes nothing agreed until it is accepted (decision 0024): blocks in which the
 * update only suggested are no edit.
 */
function agreedEditOf(effects: UpdateEffects, doc: Y.Doc, suggestionOnly: ReadonlySet<SharedType>): AgreedEdit | null {
  const clauseIds: string[] = [];
  if (effects.roots.has(contentRootName)) {
    const maps = negotiationMaps(doc);
    const edited =
      suggestionOnly.size === 0
        ? effects
        : {
            ...effects,
            touchedTypes: new Set([...effects.touchedTypes].filter((type) => !suggestionOnly.has(type))),
            deletedTypes: new Set([...effects.deletedTypes].filter((type) => !suggestionOnly.has(type))),
          };
    for (const clauseId of articlesTouched(edited)) if (maps.article(clauseId).status === 'agreed') clauseIds.push(clauseId);
  }
  // Most updates (keystrokes) write no value: the rest runs only for those that do.
  const variableIds = effects.mapWrites.length + effects.mapDeletions.length > 0 ? agreedValuesWritten(effects, doc) : [];
  return clauseIds.length > 0 || variableIds.length > 0 ? { clauseIds, variableIds } : null;
}

/** The variables whose values an update writes or removes that an agreed article shows. */
function agreedValuesWritten(effects: UpdateEffects, doc: Y.Doc): string[] {
  const written = [...effects.mapWrites, ...effects.mapDeletions].filter((write) => write.root === variablesRootName).map((write) => write.key);
  if (written.length === 0) return [];
  const shown = variablesShownIn(doc, agreedArticles(doc));
  return [...new Set(written.filter((id) => shown.has(id)))];
}

/** What PersistentDoc asks of every client update before applying it: why to refuse it, or null. */
export type AdmissionCheck = (update: ClientUpdate, doc: Y.Doc, isWaiting: (struct: DecodedStruct) => boolean) => Refusal | null;

/**
 * The check PersistentDoc runs on every client update: inspect it against the document, then
 * apply the suggestion rules, the policy and the body's shape rules. A keystroke is inspected the
 * short way, and keeps the body's shape by what it is (see typingEffects); the suggestion rules and
 * the policy judge it all the same.
 */
export function checkUpdates(policy: WritePolicy): AdmissionCheck {
  return (update, doc, isWaiting) => {
    const { decoded } = update;
    const typing = typingEffects(decoded, doc, isWaiting);
    const effects = typing ?? inspectUpdate(decoded, doc, isWaiting);
    const valueRefusal = valueWriteRefusal(update, doc, effects);
    if (valueRefusal !== null) return { reason: valueRefusal };
    const judged = judgeSuggestions(update, doc, effects);
    if ('refusal' in judged) return { reason: judged.refusal };
    const refusal = policy(effects, doc, judged.suggestionOnly);
    if (refusal !== null || typing !== null || !effects.roots.has(contentRootName)) return refusal;
    const problem = bodyShapeProblem(decoded, doc, isWaiting);
    return problem === null ? null : { reason: `the text cannot take this change: ${problem}` };
  };
}
