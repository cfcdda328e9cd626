import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  formatIsoDate,
  formatVietnamDate,
  formatVietnamDateTime,
  formatVietnamTime,
  vietnamClock,
  vietnamDate,
  vietnamMidnight,
} from '#shared/format/vietnamTime';

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

// 21:14 on 6 Dec 2027 in UTC is 04:14 on 7 Dec in Vietnam, and 16:14 on 6 Dec in New York: the
// moment the issue found (the screen said 06/12, the lifecycle 07/12).
const moment = '2027-12-06T21:14:00Z';

describe("Vietnam time: every date and time shown or written is Vietnam's", () => {
  it('reads a moment on a clock in Vietnam, to the minute, across midnight', () => {
    expect(vietnamClock(moment)).toEqual({ date: '2027-12-07', time: '04:14' });
    expect(vietnamDate(Date.parse('2027-01-04T16:59:59Z'))).toBe('2027-01-04');
    expect(vietnamDate(Date.parse('2027-01-04T17:00:00Z'))).toBe('2027-01-05');
    expect(vietnamMidnight('2027-01-05')).toBe('2027-01-04T17:00:00.000Z');
    expect(vietnamDate(vietnamMidnight('2027-12-31'))).toBe('2027-12-31');
    expect(formatVietnamDateTime(moment, 'vi')).toBe('04:14 07/12/2027');
    expect(formatVietnamDateTime(new Date(moment), 'en')).toBe('07/12/2027, 04:14');
    expect(formatVietnamDate(Date.parse(moment))).toBe('07/12/2027');
    expect(formatVietnamTime('2027-12-06T16:59:00.000Z')).toBe('23:59');
    expect(formatIsoDate('2028-02-29')).toBe('29/02/2028');
  });

  it('refuses what is not a moment or not a calendar date, with a clear error', () => {
    expect(() => formatVietnamDateTime('yesterday', 'vi')).toThrow(/not a moment in time: yesterday/);
    expect(() => vietnamDate(Number.NaN)).toThrow(RangeError);
    expect(() => formatIsoDate('2027-02-30')).toThrow(/not a calendar date/);
    expect(() => vietnamMidnight('05/01/2027')).toThrow(/not a calendar date/);
  });

  // A child process per zone: TZ is read when the process starts, so it surely applies to every
  // module, the server's worker threads included; the child reports the zone it ran in.
  it.each([
    ['America/New_York', 300],
    ['UTC', 0],
  ])("a server and the command line running in %s show and write Vietnam's dates and times", async (zone, offsetMinutes) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/time/timeProbe.ts', moment, '2028-01-01'], {
      cwd: projectRoot,
      env: { ...process.env, TZ: zone },
      timeout: 60_000,
    });
    const seen = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect({ zone: seen.zone, offsetMinutes: seen.offsetMinutes }).toEqual({ zone, offsetMinutes });
    expect(seen).toEqual({
      zone,
      offsetMinutes,
      helpers: {
        dateTimeVi: '04:14 07/12/2027',
        dateTimeEn: '07/12/2027, 04:14',
        date: '07/12/2027',
        time: '04:14',
        today: '2027-12-07',
        midnight: '2027-12-06T17:00:00.000Z',
        effectiveValue: '01/01/2028',
      },
      server: {
        // The session the minutes cover by default began at midnight today in Vietnam.
        sessionSince: '2027-12-06T17:00:00.000Z',
        lifecycleToday: '2027-12-07',
        minutesPeriod: 'Thời gian: từ 00 giờ 00, ngày 07 tháng 12 năm 2027 đến 04 giờ 14, ngày 07 tháng 12 năm 2027.',
        agreementEffective: '1. Thỏa ước có hiệu lực kể từ ngày 01/01/2028 và có thời hạn 03 năm kể từ ngày có hiệu lực.',
      },
      cliLegalDate: expect.stringMatching(/^Pháp luật áp dụng ngày 01\/01\/2028 \(ngày hiệu lực ghi trong văn bản\);/),
    });
  });
});
