import type * as Y from 'yjs';
import { contentRootName, variablesRootName } from '#shared/document/yjsContent';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { validateVariableValue, type VariableLookup } from '#shared/templates/variableValues';
import { describeCharacter, xmlIllegalCharacters } from '#shared/text/safeText';
import { bodyShapeProblem } from '#main/sync/bodyShape';
import { inspectUpdate, type DecodedStruct, type UpdateEffects } from '#main/sync/updateInspection';

/** The reason for refusing an update with these effects, or null to accept it. */
export type WritePolicy = (effects: UpdateEffects) => string | null;

/** Root types of a document that clients may change through sync; the rest are the server's. */
export const clientWritableRoots: ReadonlySet<string> = new Set([contentRootName, variablesRootName]);

/**
 * What the sync server accepts from a client: changes to the body and to the variables only
 * (proposals, statuses and threads change through the API), and only valid variable values —
 * never a procedural fact (the vote, the signing), which the server writes from the lifecycle
 * record. Returns the reason for refusing an update, or null.
 */
export function createWritePolicy(lookupVariable: VariableLookup): WritePolicy {
  return (effects) => {
    for (const root of effects.roots) {
      if (!clientWritableRoots.has(root)) return `the "${root}" part of the document is changed only through the API`;
    }
    for (const change of [...effects.mapWrites, ...effects.mapDeletions]) {
      if (change.root === variablesRootName && isProceduralFact(change.key)) return `the variable "${change.key}" is filled only from the lifecycle record, when its step is recorded`;
    }
    for (const write of effects.mapWrites) {
      if (write.root !== variablesRootName) continue;
      const definition = lookupVariable(write.key);
      if (!definition) return `unknown variable "${write.key}"`;
      const illegal = typeof write.value === 'string' ? xmlIllegalCharacters(write.value) : [];
      if (illegal.length > 0) return `invalid value for the variable "${write.key}": it holds ${describeCharacter(illegal[0] as string)}, which no document can hold`;
      const problem = validateVariableValue(definition, write.value);
      if (problem) return `invalid value for the variable "${write.key}": ${problem.en} / ${problem.vi}`;
    }
    return null;
  };
}

/** The write policy's verdict on one update: the reason to refuse it, or what to do once it is applied. */
export type Admission = { refusal: string } | { refusal: null; onApplied: () => void };

/** What PersistentDoc asks of every client update before applying it (see checkUpdates). */
export type AdmissionCheck = (decoded: ReturnType<typeof Y.decodeUpdate>, doc: Y.Doc, isWaiting: (struct: DecodedStruct) => boolean) => Admission;

/**
 * The check PersistentDoc runs on every client update: inspect it against the document, apply the
 * policy, and hand the effects of an applied update to `onApplied` (the room follows edits of
 * agreed articles with it).
 */
export function checkUpdates(policy: WritePolicy, onApplied?: (effects: UpdateEffects) => void): AdmissionCheck {
  return (decoded, doc, isWaiting) => {
    const effects = inspectUpdate(decoded, doc, isWaiting);
    let refusal = policy(effects);
    if (refusal === null && effects.roots.has(contentRootName)) {
      const problem = bodyShapeProblem(decoded, doc, isWaiting);
      if (problem !== null) refusal = `the text cannot take this change: ${problem}`;
    }
    return refusal === null ? { refusal, onApplied: () => onApplied?.(effects) } : { refusal };
  };
}
