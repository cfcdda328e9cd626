import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { ImportPackResult, TemplateDraft, TemplateOwnerSide, UserTemplate } from '#shared/api/templates';
import { templateLibrary } from '#shared/templates/library';
import { checkContextFromLibrary, templatePackFormat, templatePackVersion, type TemplatePack } from '#shared/templates/pack';
import { describePackProblems } from '#shared/templates/packProblems';
import { articleTemplateSchema, type ArticleTemplate, type VariableDefinition } from '#shared/templates/schema';
import { checkTemplateContent, userIdPrefix, variablesUsedBy } from '#shared/templates/templateChecks';
import { actorOf, visibleDocument, workspaceOfCaller } from '#main/kernel/access';
import { toUserTemplate } from '#main/kernel/dto';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { createdByOf, keeperOf, keeps, ownerSideFor, type TemplateKeeper } from '#main/services/templateKeepers';
import { importTemplatePack } from '#main/services/templatePackImport';
import type { StoreRepositories } from '#main/store/port';
import type { UserTemplateRecord } from '#main/store/records';

export type TemplatesService = ReturnType<typeof createTemplatesService>;

/** User templates: saved from an article, edited, deleted, and carried between installations as packs. */
export function createTemplatesService(context: ServiceContext) {
  const { store } = context;
  const builtIn = checkContextFromLibrary(templateLibrary());

  /** A template as it will be stored in a workspace, refused with every problem found (invalid_input). */
  function validTemplate(keeper: TemplateKeeper, id: string, version: number, draft: TemplateDraft): ArticleTemplate {
    const template = articleTemplateSchema.parse({ ...draft, id, version });
    const problems = checkTemplateContent(
      template,
      ['template'],
      {
        ...builtIn,
        lookupVariable: context.variables(keeper.workspaceId),
        missingVariableHint: {
          en: 'neither a built-in variable nor a variable of an imported template pack',
          vi: 'không phải biến có sẵn cũng không phải biến của một gói mẫu đã nhập',
        },
      },
      { checkId: false },
    );
    if (problems.length > 0) {
      const described = describePackProblems(problems);
      throw new ApiError('invalid_input', described.en, { reason: { key: 'template_refused', values: { problems: described } } });
    }
    return template;
  }

  function visibleTo(keeper: TemplateKeeper): Promise<UserTemplateRecord[]> {
    return keeper.kind === 'host' ? store.userTemplates.list(keeper.workspaceId) : store.userTemplates.listByOwner(keeper.workspaceId, keeper.side);
  }

  /** The template, if it exists and the caller may change it; otherwise not_found or forbidden. */
  async function changeableTemplate(repositories: StoreRepositories, keeper: TemplateKeeper, id: string): Promise<UserTemplateRecord> {
    const record = await repositories.userTemplates.get(keeper.workspaceId, id);
    if (!record) throw new ApiError('not_found', `no user template with id "${id}"`, { reason: { key: 'template_not_found' } });
    if (!keeps(keeper, record))
      throw new ApiError('forbidden', 'only the side that owns this template, or the host, may change it', { reason: { key: 'template_not_yours' } });
    return record;
  }

  return {
    async list(caller: Caller): Promise<UserTemplate[]> {
      return (await visibleTo(await keeperOf(context, caller))).map(toUserTemplate);
    },

    async save(draft: TemplateDraft, requestedOwner: TemplateOwnerSide | null | undefined, caller: Caller): Promise<UserTemplate> {
      const keeper = await keeperOf(context, caller);
      const ownerSide = ownerSideFor(keeper, requestedOwner);
      const id = `${userIdPrefix}${context.newId()}`;
      const at = context.now();
      const record: UserTemplateRecord = {
        id,
        template: validTemplate(keeper, id, 1, draft),
        ownerSide,
        createdBy: createdByOf(keeper),
        createdAt: at,
        updatedAt: at,
      };
      await store.transaction(async (tx) => {
        await tx.userTemplates.insert(keeper.workspaceId, [record]);
        await tx.audit.record({
          at,
          actor: actorOf(caller),
          action: 'template.saved',
          documentId: null,
          details: { templateId: record.id, ownerSide, title: record.template.title.vi },
        });
      });
      return toUserTemplate(record);
    },

    /** Replaces a template's content; its version goes up by one. */
    async update(id: string, draft: TemplateDraft, caller: Caller): Promise<UserTemplate> {
      const keeper = await keeperOf(context, caller);
      const at = context.now();
      return store.transaction(async (tx) => {
        const existing = await changeableTemplate(tx, keeper, id);
        const template = validTemplate(keeper, id, existing.template.version + 1, draft);
        await tx.userTemplates.replace(keeper.workspaceId, [template], at);
        await tx.audit.record({
          at,
          actor: actorOf(caller),
          action: 'template.updated',
          documentId: null,
          details: { templateId: id, version: template.version },
        });
        return toUserTemplate({ ...existing, template, updatedAt: at });
      });
    },

    /** Deletes a template and returns it as it was. Variables it used stay: documents may hold their values. */
    async delete(id: string, caller: Caller): Promise<UserTemplate> {
      const keeper = await keeperOf(context, caller);
      const at = context.now();
      return store.transaction(async (tx) => {
        const existing = await changeableTemplate(tx, keeper, id);
        await tx.userTemplates.delete(keeper.workspaceId, id);
        await tx.audit.record({
          at,
          actor: actorOf(caller),
          action: 'template.deleted',
          documentId: null,
          details: { templateId: id, ownerSide: existing.ownerSide },
        });
        return toUserTemplate(existing);
      });
    },

    /** The caller's visible templates and the user variables they use, as a pack. */
    async exportPack(caller: Caller): Promise<TemplatePack> {
      const keeper = await keeperOf(context, caller);
      const templates = (await visibleTo(keeper)).map((record) => record.template);
      const used = new Set(templates.flatMap((template) => [...variablesUsedBy(template)]));
      const variables = (await store.userVariables.list(keeper.workspaceId)).map((record) => record.definition).filter((definition) => used.has(definition.id));
      const at = context.now();
      await store.audit.record({
        at,
        actor: actorOf(caller),
        action: 'template.pack_exported',
        documentId: null,
        details: { templates: templates.length, variables: variables.length },
      });
      return { format: templatePackFormat, version: templatePackVersion, exportedAt: new Date(at).toISOString(), variables, templates };
    },

    /** The variables of a workspace's template packs: the document's workspace when one is named, else the caller's. */
    async variables(caller: Caller, documentId?: string): Promise<VariableDefinition[]> {
      const workspaceId =
        documentId === undefined ? await workspaceOfCaller(context, caller) : (await visibleDocument(context, caller, documentId)).workspaceId;
      return (await store.userVariables.list(workspaceId)).map((record) => record.definition);
    },

    async importPack(packJson: string, requestedOwner: TemplateOwnerSide | null | undefined, caller: Caller): Promise<ImportPackResult> {
      const keeper = await keeperOf(context, caller);
      return importTemplatePack(context, { packJson, keeper, ownerSide: ownerSideFor(keeper, requestedOwner), actor: actorOf(caller) });
    },
  };
}
