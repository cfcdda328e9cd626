import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSalaryScales, salaryScaleMap } from '#shared/salaryScale/yjsSalaryScale';
import { createDocument, joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { connectClient, deniedAtLeast, synced, type SyncClient } from '../helpers/syncClient';
import { storedDoc } from '../helpers/storedState';
import { waitFor } from '../helpers/waitFor';

const scale = { title: 'Thang lương khối sản xuất', order: 1 };
const grade = { scale: 's1', title: 'Công nhân may', code: 'CN.1', order: 1 };
const step = { grade: 'g1', step: 1, monthlyWage: 5_600_000, headcount: 40, allowances: [{ name: 'Phụ cấp độc hại', amount: 300_000, regular: true }] };

describe('S29 the salary scale is co-edited through sync, and only valid entries are kept', () => {
  let harness: Harness;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await harness.dispose();
  });

  it("takes the employer's steps to the union, refuses invalid cells and a reviewer's write, and changes nothing for them", async () => {
    harness = await startHarness();
    const document = await createDocument(harness.server);
    const connect = async (side: 'employer' | 'union' | 'reviewer', name: string) => {
      const client = connectClient(harness.server.url, document.id, (await joinAs(harness.server, document.id, side, name)).token);
      clients.push(client);
      await synced(client);
      return client;
    };
    const employer = await connect('employer', 'Chị Lan');
    const union = await connect('union', 'Anh Minh');

    employer.doc.transact(() => {
      salaryScaleMap(employer.doc).set('scale:s1', scale);
      salaryScaleMap(employer.doc).set('grade:g1', grade);
      salaryScaleMap(employer.doc).set('step:t1', step);
    });
    await waitFor(() => readSalaryScales(union.doc)[0]?.grades[0]?.steps[0]?.monthlyWage === 5_600_000, "the employer's step to reach the union");
    // The union edits the same cell: the employer sees it.
    salaryScaleMap(union.doc).set('step:t1', { ...step, headcount: 42 });
    await waitFor(() => readSalaryScales(employer.doc)[0]?.grades[0]?.steps[0]?.headcount === 42, "the union's headcount to reach the employer");

    const refused = async (what: string, write: (doc: Y.Doc) => void) => {
      const client = await connect('union', `Người thử ${what}`);
      write(client.doc);
      await deniedAtLeast(client, 1);
      return client.denials[0] ?? '';
    };
    expect(await refused('lẻ', (doc) => salaryScaleMap(doc).set('step:t1', { ...step, monthlyWage: 5_600_000.5 }))).toBe(
      'invalid salary scale: the salary scale entry "step:t1", field "monthlyWage": a wage must be a whole number of đồng, not negative',
    );
    expect(await refused('âm', (doc) => salaryScaleMap(doc).set('step:t2', { ...step, headcount: -1 }))).toMatch(
      /"step:t2", field "headcount": a headcount must be a whole number/,
    );
    expect(await refused('lạ', (doc) => salaryScaleMap(doc).set('step:t3', { ...step, overtime: 1 }))).toMatch(/"step:t3": the scale has no such field/);
    expect(await refused('ký tự', (doc) => salaryScaleMap(doc).set('grade:g2', { ...grade, title: 'Thợ\uFFFE' }))).toMatch(
      /"grade:g2", field "title": a name is one line/,
    );
    expect(await refused('map', (doc) => salaryScaleMap(doc).set('grade:g3', new Y.Map()))).toMatch(/"grade:g3": the salary scale holds only its scales/);
    expect(await refused('khóa', (doc) => salaryScaleMap(doc).set('note', 'x'))).toMatch(/"note": the salary scale holds only its scales/);
    expect(await refused('mảng', (doc) => doc.getArray('salaryScale').push([{ ...step }]))).toBe(
      'the salary scale holds only its scales, grades and steps, as plain values',
    );
    // A valid edit in the same update as an invalid one is refused with it.
    expect(
      await refused('gộp', (doc) =>
        doc.transact(() => {
          salaryScaleMap(doc).set('step:t1', { ...step, monthlyWage: 9_000_000 });
          salaryScaleMap(doc).set('step:t4', { ...step, monthlyWage: -5 });
        }),
      ),
    ).toMatch(/"step:t4"/);

    // A reviewer writes nothing (S3), the scale included.
    const reviewer = await connect('reviewer', 'Ông Tuấn (Sở Nội vụ)');
    salaryScaleMap(reviewer.doc).set('step:t1', { ...step, monthlyWage: 1 });
    await deniedAtLeast(reviewer, 1);
    expect(reviewer.denials[0]).toBe('reviewers can read but not edit');

    // Nothing refused was applied, stored or relayed: the server, the employer and the union hold the union's last edit.
    const expected = { 'scale:s1': scale, 'grade:g1': grade, 'step:t1': { ...step, headcount: 42 } };
    await waitFor(
      async () =>
        JSON.stringify((await storedDoc(harness.server.context.store.updates, document.id)).getMap('salaryScale').toJSON()) === JSON.stringify(expected),
      'the stored scale',
    );
    expect(employer.doc.getMap('salaryScale').toJSON()).toEqual(expected);
    expect(union.doc.getMap('salaryScale').toJSON()).toEqual(expected);
    await harness.server.sync.withRoom(document.id, (room) => expect(room.doc.getMap('salaryScale').toJSON()).toEqual(expected));
  });
});
