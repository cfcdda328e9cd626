/**
 * Run by vietnamTime.test.ts as a child process under another time zone (TZ): prints, as one JSON
 * line, what the product shows and writes of one moment and of one date — through the real server
 * (SQLite in a temporary folder, the file workers writing .docx), the command line's `check`, and
 * the helpers — together with the time zone the process really ran in.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Caller } from '#shared/api/caller';
import { formatVietnamDate, formatVietnamDateTime, formatVietnamTime, vietnamDate, vietnamMidnight } from '#shared/format/vietnamTime';
import { formatVariableValue } from '#shared/templates/variableValues';
import { templateLibrary } from '#shared/templates/library';
import { runCli } from '#main/cli/runCli';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';
import { docxBodyText } from '../export/fileTools';
import { joinAs, startHarness } from '../helpers/serverHarness';

const [moment, effectiveDate] = [process.argv[2] ?? '', process.argv[3] ?? ''];
const now = Date.parse(moment);
const kind = 'enterprise_agreement';
const library = templateLibrary();
let next = 0;
const built = buildDocument(
  { kind, language: 'vi', facts: { effective_date: effectiveDate }, chosen: outlineChoices(kind, library)?.recommended ?? new Set(), wordings: {} },
  library,
  () => `probe${(next += 1)}`,
);
if (!built) throw new Error('no outline for an enterprise agreement');

const harness = await startHarness({ now: () => now });
try {
  const { server } = harness;
  const document = await server.handlers['documents/create'](
    { kind, title: 'Thỏa ước lao động tập thể 2028', content: built.content, variables: built.variables, language: 'vi' },
    { kind: 'admin' },
  );
  const seat = await joinAs(server, document.id, 'employer', 'Chị Lan');
  const employer: Caller = { kind: 'participant', participantId: seat.participant.id, documentId: document.id, side: 'employer' };
  const minutes = await server.handlers['negotiation/minutes']({ documentId: document.id }, employer);
  const minutesFile = await server.handlers['documents/exportReport']({ documentId: document.id, report: 'minutes', format: 'docx' }, employer);
  const agreementFile = await server.handlers['documents/exportDocx'](
    { documentId: document.id, redline: false, annex: false, salaryScaleAnnex: false, trackedChanges: false },
    employer,
  );
  const lifecycle = await server.handlers['lifecycle/get']({ documentId: document.id }, employer);
  const minutesText = docxBodyText(Buffer.from(minutesFile.fileBase64, 'base64'));
  const agreementText = docxBodyText(Buffer.from(agreementFile.fileBase64, 'base64'));

  const exported = join(harness.dataFolder, 'agreement.json');
  writeFileSync(
    exported,
    JSON.stringify({
      format: 'thoa-uoc-document',
      version: 1,
      kind,
      title: document.title,
      language: 'vi',
      blocks: built.content,
      variables: built.variables,
      dates: { created: vietnamDate(now) },
    }),
  );
  const printed: string[] = [];
  await runCli(['check', exported], (text) => printed.push(text));

  const effective = library.variables.find((variable) => variable.id === 'effective_date');
  if (!effective) throw new Error('no effective_date variable');
  console.log(
    JSON.stringify({
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      offsetMinutes: new Date(now).getTimezoneOffset(),
      helpers: {
        dateTimeVi: formatVietnamDateTime(now, 'vi'),
        dateTimeEn: formatVietnamDateTime(moment, 'en'),
        date: formatVietnamDate(new Date(now)),
        time: formatVietnamTime(now),
        today: vietnamDate(now),
        midnight: vietnamMidnight(vietnamDate(now)),
        effectiveValue: formatVariableValue(effective, effectiveDate, 'vi'),
      },
      server: {
        sessionSince: minutes.sessionSince,
        lifecycleToday: lifecycle.today,
        minutesPeriod: minutesText.split('\n').find((line) => line.startsWith('Thời gian:')) ?? null,
        agreementEffective: agreementText.split('\n').find((line) => line.includes('có hiệu lực kể từ ngày')) ?? null,
      },
      cliLegalDate: printed.join('\n').split('\n')[1] ?? null,
    }),
  );
} finally {
  await harness.dispose();
}
