import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { ApiOutput, ApiParsedInput } from '#shared/api/contract';
import { readArticle } from '#shared/document/articles';
import { variablesMap } from '#shared/document/yjsContent';
import { vietnamDate } from '#shared/format/vietnamTime';
import { bargainingScenarioSchema, publishedCostSchema, type BargainingScenario } from '#shared/costing/bargainingScenario';
import { costOfTrying, documentWorkforce, publishedCostOf, type CostingBasis } from '#shared/costing/negotiationCosting';
import { costingSettingsSchema, defaultCostingSettings } from '#shared/costing/positionCost';
import type { BargainingSide } from '#shared/negotiation/model';
import { readSalaryScales } from '#shared/salaryScale/yjsSalaryScale';
import type { VariableValue } from '#shared/templates/schema';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { visibleDocument } from '#main/kernel/access';
import { negotiationActor, type NegotiationActor } from '#main/negotiation/negotiationAccess';
import type { CostingScenarioRecord } from '#main/store/records';

const iso = (ms: number): string => new Date(ms).toISOString();

export type CostingService = ReturnType<typeof createCostingService>;

/**
 * Each side's costing scenarios (decision 0023), under the rules of internal notes: stored outside
 * the shared document, served to their side alone, told only to their side's sockets (`costing`
 * notices); a reviewer or the host sees none. Publishing one fixes it with its figures then, and
 * tells both sides; the minutes list it.
 */
export function createCostingService(context: ServiceContext, rooms: DocumentRooms) {
  const { store } = context;

  async function sideActor(caller: Caller, documentId: string, forChange: boolean): Promise<NegotiationActor & { side: BargainingSide }> {
    const actor = await negotiationActor(context, caller, documentId, forChange);
    if (actor.side === 'reviewer')
      throw new ApiError('forbidden', 'costing scenarios belong to the employer or the union side', { reason: { key: 'scenarios_sides_only' } });
    return { ...actor, side: actor.side };
  }

  /** A scenario of the actor's side; another side's is answered as none (it is not theirs to know of). */
  async function ownScenario(documentId: string, side: BargainingSide, scenarioId: string): Promise<CostingScenarioRecord> {
    const record = await store.costingScenarios.get(documentId, scenarioId);
    if (!record || record.side !== side)
      throw new ApiError('not_found', `no costing scenario "${scenarioId}" of your side in this document`, { reason: { key: 'scenario_not_found' } });
    return record;
  }

  function audit(actor: NegotiationActor, action: string, documentId: string, details: Record<string, unknown>): Promise<void> {
    return store.audit.record({ at: context.now(), actor: `participant:${actor.participantId}`, action, documentId, details });
  }

  /** Its side's other clients read scenarios through the API: tell them to read again. */
  function notify(documentId: string, sides: readonly BargainingSide[]): void {
    for (const side of sides) rooms.notifySide(documentId, side, 'costing');
  }

  async function assertArticle(documentId: string, clauseId: string | null): Promise<void> {
    if (clauseId === null) return;
    const found = await rooms.withRoom(documentId, (room) => readArticle(room.doc, clauseId) !== null);
    if (!found) throw new ApiError('not_found', `no article with clauseId "${clauseId}" in this document`, { reason: { key: 'article_not_found' } });
  }

  /** The document's values, workforce and today, as every costing of it starts from. */
  async function basis(documentId: string): Promise<CostingBasis> {
    return rooms.withRoom(documentId, (room) => ({
      values: variablesMap(room.doc).toJSON() as Record<string, VariableValue>,
      workforce: documentWorkforce(readSalaryScales(room.doc)),
      settings: defaultCostingSettings,
      today: vietnamDate(context.now()),
    }));
  }

  /** A scenario as the API gives it (settings read with their schema, defaults filled in). */
  function toScenario(record: CostingScenarioRecord): BargainingScenario {
    return bargainingScenarioSchema.parse({
      id: record.id,
      side: record.side,
      name: record.name,
      clauseId: record.clauseId,
      settings: costingSettingsSchema.parse(record.settings),
      values: record.values,
      authorName: record.authorName,
      createdAt: iso(record.createdAt),
      updatedAt: iso(record.updatedAt),
      published: record.published
        ? { at: iso(record.published.at), byName: record.published.byName, cost: publishedCostSchema.parse(record.published.cost) }
        : null,
    });
  }

  return {
    basis,
    toScenario,

    async list(documentId: string, caller: Caller): Promise<ApiOutput<'costing/scenarios'>> {
      await visibleDocument(context, caller, documentId);
      const side = caller.kind === 'participant' && caller.side !== 'reviewer' ? caller.side : null;
      const [own, published] = await Promise.all([
        side ? store.costingScenarios.listForSide(documentId, side) : [],
        store.costingScenarios.listPublished(documentId),
      ]);
      return { own: own.map((record) => toScenario(record)), published: published.map((record) => toScenario(record)) };
    },

    /** A scenario of the caller's side, or a published one; what the caller may not read is answered as none. */
    async readable(documentId: string, scenarioId: string, caller: Caller): Promise<BargainingScenario> {
      await visibleDocument(context, caller, documentId);
      const record = await store.costingScenarios.get(documentId, scenarioId);
      const side = caller.kind === 'participant' ? caller.side : null;
      if (!record || (record.published === null && record.side !== side))
        throw new ApiError('not_found', `no costing scenario "${scenarioId}" you may read in this document`, { reason: { key: 'scenario_not_found' } });
      return toScenario(record);
    },

    async save(input: ApiParsedInput<'costing/saveScenario'>, caller: Caller): Promise<BargainingScenario> {
      const actor = await sideActor(caller, input.documentId, true);
      await assertArticle(input.documentId, input.clauseId);
      const at = context.now();
      let id = input.scenarioId;
      if (id === undefined) {
        id = context.newId();
        await store.costingScenarios.insert({
          id,
          documentId: input.documentId,
          side: actor.side,
          name: input.name,
          clauseId: input.clauseId,
          settings: input.settings,
          values: input.values,
          authorId: actor.participantId,
          authorName: actor.participant.displayName,
          createdAt: at,
          updatedAt: at,
          published: null,
        });
      } else {
        const record = await ownScenario(input.documentId, actor.side, id);
        if (record.published !== null || !(await store.costingScenarios.update(input.documentId, id, { ...input, updatedAt: at })))
          throw new ApiError('conflict', 'a published scenario is fixed: save it under a new name to change it', { reason: { key: 'scenario_published' } });
      }
      notify(input.documentId, [actor.side]);
      await audit(actor, input.scenarioId === undefined ? 'costing.scenario_created' : 'costing.scenario_saved', input.documentId, { scenarioId: id });
      return toScenario((await store.costingScenarios.get(input.documentId, id)) as CostingScenarioRecord);
    },

    async remove(documentId: string, scenarioId: string, caller: Caller): Promise<boolean> {
      const actor = await sideActor(caller, documentId, true);
      const record = await ownScenario(documentId, actor.side, scenarioId);
      if (record.published !== null || !(await store.costingScenarios.remove(documentId, scenarioId)))
        throw new ApiError('conflict', 'a published scenario stays in the negotiation', { reason: { key: 'scenario_published' } });
      notify(documentId, [actor.side]);
      await audit(actor, 'costing.scenario_deleted', documentId, { scenarioId });
      return true;
    },

    async publish(documentId: string, scenarioId: string, caller: Caller): Promise<BargainingScenario> {
      const actor = await sideActor(caller, documentId, true);
      const record = await ownScenario(documentId, actor.side, scenarioId);
      if (record.published !== null) throw new ApiError('conflict', 'this scenario is already published', { reason: { key: 'scenario_published' } });
      const scenario = toScenario(record);
      const now = await basis(documentId);
      const costing = costOfTrying(scenario.values, now, scenario.settings);
      if (!costing.ok)
        throw new ApiError('conflict', `this scenario has no cost to publish (${costing.reason.replaceAll('_', ' ')})`, {
          reason: { key: 'scenario_not_costed', values: { why: costing.reason } },
        });
      const cost = publishedCostOf(costing.cost, now.values, { ...now.values, ...scenario.values });
      if (!(await store.costingScenarios.publish(documentId, scenarioId, { at: context.now(), byName: actor.participant.displayName, cost })))
        throw new ApiError('conflict', 'this scenario is already published', { reason: { key: 'scenario_published' } });
      notify(documentId, ['employer', 'union']);
      await audit(actor, 'costing.scenario_published', documentId, { scenarioId });
      return toScenario((await store.costingScenarios.get(documentId, scenarioId)) as CostingScenarioRecord);
    },

    /** Both sides' published scenarios, for the minutes. */
    published(documentId: string): Promise<BargainingScenario[]> {
      return store.costingScenarios.listPublished(documentId).then((records) => records.map((record) => toScenario(record)));
    },
  };
}
