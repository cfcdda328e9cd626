import { afterEach, describe, expect, it } from 'vitest';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { packFile, samplePack } from '../helpers/templateFixtures';

describe('variables defined by imported template packs', () => {
  let harness: Harness;
  afterEach(async () => harness.dispose());

  it('are listed to every participant, reviewers included, so that every interface can show their values', async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const reviewer = await joinAs(harness.server, document.id, 'reviewer', 'Bà Hạnh');
    const reviewerCaller = { kind: 'participant', participantId: reviewer.participant.id, documentId: document.id, side: 'reviewer' } as const;
    expect(await harness.server.handlers['templates/variables']({}, reviewerCaller)).toEqual([]);

    const pack = samplePack();
    await harness.server.handlers['templates/importPack']({ packJson: packFile(pack), ownerSide: 'union' }, { kind: 'admin' });
    const listed = await harness.server.handlers['templates/variables']({}, reviewerCaller);
    expect(listed.map((definition) => definition.id).sort()).toEqual(pack.variables.map((definition) => definition.id).sort());
    expect(listed).toEqual(expect.arrayContaining(pack.variables));
  });
});
