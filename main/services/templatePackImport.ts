import { ApiError } from '#shared/api/errors';
import type { ImportPackResult, TemplateOwnerSide } from '#shared/api/templates';
import { templateLibrary } from '#shared/templates/library';
import { checkTemplatePack, packSizeProblem, type TemplatePack } from '#shared/templates/pack';
import { describePackProblems, formatPath, type PackProblem } from '#shared/templates/packProblems';
import type { ArticleTemplate, VariableDefinition } from '#shared/templates/schema';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { createdByOf, keeps, type TemplateKeeper } from '#main/services/templateKeepers';
import type { StoreRepositories } from '#main/store/port';

export interface ImportRequest {
  /** The pack file's text, exactly as read. */
  packJson: string;
  keeper: TemplateKeeper;
  /** Whom new templates belong to (templates replaced keep their owner). */
  ownerSide: TemplateOwnerSide | null;
  actor: string;
}

const notImported = 'the template pack was not imported (nothing was changed)';

/** The refusal of a pack with problems: every one of them, in English for the logs and in both languages for the interface. */
function packRefused(code: 'conflict' | 'invalid_input', problems: readonly PackProblem[]): ApiError {
  const described = describePackProblems(problems);
  return new ApiError(code, `${notImported}. ${described.en}`, { reason: { key: 'pack_refused', values: { problems: described } } });
}

/** JSON with keys sorted at every level: two equal values give the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

interface ImportPlan<T> {
  created: T[];
  replaced: T[];
  unchanged: T[];
}

const ids = (items: readonly { id: string }[]): string[] => items.map((item) => item.id);

/**
 * Sorts the pack's entries into new, changed and unchanged by comparing them with the store, and
 * lists what the keeper may not change: another side's template, or (for a side) a variable
 * already defined differently. Variables are shared by every document of the workspace, so only
 * its host may change a definition that documents may already hold values of.
 */
async function planImport(store: StoreRepositories, pack: TemplatePack, keeper: TemplateKeeper) {
  const problems: PackProblem[] = [];
  const variables: ImportPlan<VariableDefinition> = { created: [], replaced: [], unchanged: [] };
  for (const [index, definition] of pack.variables.entries()) {
    const existing = await store.userVariables.get(keeper.workspaceId, definition.id);
    if (!existing) variables.created.push(definition);
    else if (canonicalJson(existing.definition) === canonicalJson(definition)) variables.unchanged.push(definition);
    else if (keeper.kind === 'host') variables.replaced.push(definition);
    else {
      problems.push({
        path: formatPath(['variables', index]),
        message: {
          en: `the variable "${definition.id}" is already defined differently here; only the host may change its definition (or give this one another id)`,
          vi: `biến "${definition.id}" đã được định nghĩa khác ở đây; chỉ người chủ trì mới được đổi định nghĩa của nó (hoặc hãy đặt cho biến này mã khác)`,
        },
      });
    }
  }
  const templates: ImportPlan<ArticleTemplate> = { created: [], replaced: [], unchanged: [] };
  for (const [index, template] of pack.templates.entries()) {
    const existing = await store.userTemplates.get(keeper.workspaceId, template.id);
    if (!existing) templates.created.push(template);
    else if (!keeps(keeper, existing)) {
      problems.push({
        path: formatPath(['templates', index, 'id']),
        message: {
          en: `"${template.id}" is already the id of a template that you may not change; give this one another id`,
          vi: `"${template.id}" đã là mã của một mẫu mà bạn không được sửa; hãy đặt cho mẫu này mã khác`,
        },
      });
    } else if (canonicalJson(existing.template) === canonicalJson(template)) templates.unchanged.push(template);
    else templates.replaced.push(template);
  }
  if (problems.length > 0) throw packRefused('conflict', problems);
  return { variables, templates };
}

/**
 * Imports a pack all or nothing: it is checked whole first (size, JSON, shape, ids, placeholders,
 * values, texts), then compared with the store and written in one transaction. Entries are matched
 * by id: importing the same pack again changes nothing, and an edited pack replaces what it
 * replaced before, without duplicates.
 */
export async function importTemplatePack(context: ServiceContext, request: ImportRequest): Promise<ImportPackResult> {
  const { store } = context;
  // Before anything else, and without walking a huge text: a 50 MB file is refused at once.
  const tooLarge = packSizeProblem(request.packJson);
  if (tooLarge) throw new ApiError('payload_too_large', `${notImported}: ${tooLarge.en}`, { reason: { key: 'pack_too_large' } });
  const checked = checkTemplatePack(request.packJson, templateLibrary());
  if (!checked.ok)
    throw checked.tooLarge
      ? new ApiError('payload_too_large', `${notImported}. ${describePackProblems(checked.problems).en}`, { reason: { key: 'pack_too_large' } })
      : packRefused('invalid_input', checked.problems);
  const { pack } = checked;
  const at = context.now();
  const result = await store.transaction(async (tx): Promise<ImportPackResult> => {
    const { variables, templates } = await planImport(tx, pack, request.keeper);
    const { workspaceId } = request.keeper;
    await tx.userVariables.upsert(workspaceId, [...variables.created, ...variables.replaced], at);
    await tx.userTemplates.insert(
      workspaceId,
      templates.created.map((template) => ({
        id: template.id,
        template,
        ownerSide: request.ownerSide,
        createdBy: createdByOf(request.keeper),
        createdAt: at,
        updatedAt: at,
      })),
    );
    await tx.userTemplates.replace(workspaceId, templates.replaced, at);
    const summary: ImportPackResult = {
      templates: { created: ids(templates.created), replaced: ids(templates.replaced), unchanged: ids(templates.unchanged) },
      variables: { created: ids(variables.created), replaced: ids(variables.replaced), unchanged: ids(variables.unchanged) },
    };
    const counts = (plan: ImportPackResult['templates']) => ({
      created: plan.created.length,
      replaced: plan.replaced.length,
      unchanged: plan.unchanged.length,
    });
    await tx.audit.record({
      at,
      actor: request.actor,
      action: 'template.pack_imported',
      documentId: null,
      details: { ownerSide: request.ownerSide, templates: counts(summary.templates), variables: counts(summary.variables) },
    });
    return summary;
  });
  const changedVariables = [...result.variables.created, ...result.variables.replaced];
  if (changedVariables.length > 0)
    await context.events.emit('userVariablesChanged', { workspaceId: request.keeper.workspaceId, variableIds: changedVariables });
  return result;
}
