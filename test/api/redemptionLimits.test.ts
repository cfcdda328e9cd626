import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '#main/cli/runCli';
import { databaseFileName } from '#main/server/dataFolder';
import { createStoreRedemptionLimiter, defaultRedemptionLimits, limitKeyOf, type RedemptionLimiter } from '#main/kernel/redemptionLimiter';
import { openStore } from '#main/store/openStore';
import type { Store } from '#main/store/port';
import { createTestClock, type TestClock } from '../helpers/apiTransports';
import { createDocument, startHarness, type Harness } from '../helpers/serverHarness';
import { createTempFolder } from '../helpers/tempFolder';

// The limits on guessing invitation codes, over HTTP from several loopback addresses (Linux
// routes all of 127.0.0.0/8 to the loopback interface, so a client may bind 127.0.0.2 and the
// server sees that address), and what wrong codes leave in the log and the audit trail.

const minuteMs = 60_000;
const windowSeconds = defaultRedemptionLimits.windowMs / 1000;

interface Reply {
  status: number;
  retryAfter: string | undefined;
  body: { error?: { code: string; message: string; reason?: unknown; retryAfterSeconds?: number } };
}

/** POSTs invitations/redeem from a given local address, as a client on that machine would. */
function redeemFrom(server: { port: number }, localAddress: string, code: string, displayName = 'Nguyễn Văn An', forwardedFor?: string): Promise<Reply> {
  const body = JSON.stringify({ code, displayName });
  const forwarded = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port: server.port,
        localAddress,
        path: '/api/invitations/redeem',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...forwarded },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          const retryAfter = response.headers['retry-after'];
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
            body: JSON.parse(text) as Reply['body'],
          });
        });
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

/** A code that no invitation has (codes never contain U: this one cannot exist). */
const wrongCode = (index: number): string => `UUUUU-${String(index).padStart(5, '0')}`;

describe('limits on guessing invitation codes', () => {
  let harness: Harness | undefined;
  let clock: TestClock;

  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  async function start(options: Parameters<typeof startHarness>[0] = {}) {
    clock = createTestClock();
    const started = await startHarness({ now: clock.now, ...options });
    harness = started;
    const document = await createDocument(started.server);
    const invite = async () =>
      (await started.server.handlers['invitations/create']({ documentId: document.id, side: 'union', validForHours: 24 }, { kind: 'admin' })).code;
    return { harness: started, server: started.server, document, invite };
  }

  /** Sends `count` wrong codes from an address; each must be answered 404. */
  async function guess(server: { port: number }, address: string, count: number, from = 0): Promise<void> {
    for (let index = from; index < from + count; index += 1) {
      const reply = await redeemFrom(server, address, wrongCode(index));
      expect({ index, status: reply.status, code: reply.body.error?.code }).toEqual({ index, status: 404, code: 'not_found' });
    }
  }

  it('refuses an address after ten wrong codes, says when to retry, and still serves other addresses', async () => {
    const { server, document, invite } = await start();
    const code = await invite();
    await guess(server, '127.0.0.2', defaultRedemptionLimits.perAddress);

    const refused = await redeemFrom(server, '127.0.0.2', wrongCode(99));
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe(String(windowSeconds));
    expect(refused.body.error).toEqual({
      code: 'rate_limited',
      message: 'too many wrong invitation codes from this address; try again in 15 minutes',
      reason: { key: 'too_many_codes', values: { count: 15 } },
      retryAfterSeconds: windowSeconds,
    });
    // Refused whatever the code: the limit stops the guessing, not only the wrong guesses.
    expect((await redeemFrom(server, '127.0.0.2', code)).status).toBe(429);
    expect(await server.context.store.participants.listByDocument(document.id)).toEqual([]);

    const elsewhere = await redeemFrom(server, '127.0.0.3', code, 'Trần Thị Bình');
    expect(elsewhere.status).toBe(200);

    // Each wrong code counts for 15 minutes: a minute before the first expires, still refused, with less to wait.
    clock.advance(14 * minuteMs);
    const later = await redeemFrom(server, '127.0.0.2', wrongCode(100));
    expect({ status: later.status, retryAfter: later.retryAfter }).toEqual({ status: 429, retryAfter: '60' });
    expect(later.body.error?.message).toMatch(/try again in a minute$/);
    expect(later.body.error?.reason).toEqual({ key: 'too_many_codes', values: { count: 1 } });
    clock.advance(minuteMs);
    expect((await redeemFrom(server, '127.0.0.2', wrongCode(101))).status).toBe(404);
  });

  it('behind a trusted load balancer, counts each client under the address X-Forwarded-For names', async () => {
    const { server, invite } = await start({ trustedProxies: new Set(['127.0.0.9']) });
    const code = await invite();
    for (let index = 0; index < defaultRedemptionLimits.perAddress; index += 1) {
      expect((await redeemFrom(server, '127.0.0.9', wrongCode(index), 'Nguyễn Văn An', '198.51.100.7, 203.0.113.5')).status).toBe(404);
    }
    expect((await redeemFrom(server, '127.0.0.9', wrongCode(50), 'Nguyễn Văn An', '203.0.113.5')).status).toBe(429);
    // Another client behind the same balancer is not held to the first one's guesses.
    expect((await redeemFrom(server, '127.0.0.9', code, 'Trần Thị Bình', '203.0.113.6')).status).toBe(200);
    expect(harness?.logger.lines.find((line) => line.event === 'invitation.redeem_failed')?.fields.address).toBe('203.0.113.5');
  });

  it('ignores X-Forwarded-For from a client it does not trust: the client cannot choose the address it is counted under', async () => {
    const { server } = await start({ trustedProxies: new Set(['127.0.0.9']) });
    for (let index = 0; index < defaultRedemptionLimits.perAddress; index += 1) {
      expect((await redeemFrom(server, '127.0.0.2', wrongCode(index), 'Nguyễn Văn An', `203.0.113.${index + 10}`)).status).toBe(404);
    }
    expect((await redeemFrom(server, '127.0.0.2', wrongCode(50), 'Nguyễn Văn An', '203.0.113.99')).status).toBe(429);
  });

  it('does not hold an honest typo against anyone, nor count the codes that work', async () => {
    const { server, invite } = await start();
    const first = await invite();
    expect((await redeemFrom(server, '127.0.0.4', `${first.slice(0, -1)}U`)).status).toBe(404);
    expect((await redeemFrom(server, '127.0.0.4', first)).status).toBe(200);
    // A whole office behind one address joins, more people than the limit of wrong codes.
    for (let person = 0; person < defaultRedemptionLimits.perAddress + 5; person += 1) {
      expect((await redeemFrom(server, '127.0.0.4', await invite(), `Người số ${person}`)).status).toBe(200);
    }
    // Only the typo counted: nine more wrong codes are still answered, the next one is not.
    await guess(server, '127.0.0.4', defaultRedemptionLimits.perAddress - 1);
    expect((await redeemFrom(server, '127.0.0.4', wrongCode(50))).status).toBe(429);
  });

  it('has a ceiling over all addresses together, against guessing spread over many clients', async () => {
    const limits = { windowMs: 15 * minuteMs, perAddress: 3, overall: 7 };
    const { harness: started, server, invite } = await start({ redemptionLimits: limits });
    await guess(server, '127.0.0.11', 3, 0);
    await guess(server, '127.0.0.12', 3, 10);
    await guess(server, '127.0.0.13', 1, 20);
    const refused = await redeemFrom(server, '127.0.0.13', wrongCode(21));
    expect({ status: refused.status, retryAfter: refused.retryAfter }).toEqual({ status: 429, retryAfter: String(windowSeconds) });
    expect(refused.body.error?.message).toBe('too many wrong invitation codes on this server (from all addresses together); try again in 15 minutes');
    // A newcomer with a real code waits too: the ceiling cannot tell it from the next guesser.
    expect((await redeemFrom(server, '127.0.0.14', await invite())).status).toBe(429);
    const limited = started.logger.lines.filter((line) => line.event === 'invitation.redeem_limited');
    expect(limited.map((line) => line.fields)).toEqual([
      { address: '127.0.0.11', limit: 'address', attempts: 3, windowMinutes: 15 },
      { address: '127.0.0.12', limit: 'address', attempts: 3, windowMinutes: 15 },
      { address: '127.0.0.13', limit: 'overall', attempts: 7, windowMinutes: 15 },
    ]);
  });

  it('logs and audits each wrong code with its address and two characters of the code, and nothing per refusal', async () => {
    const { harness: started, server } = await start();
    const failures = () => server.context.store.audit.listByActionPrefix('invitation.redeem_failed');
    const failureLines = () => started.logger.lines.filter((line) => line.event === 'invitation.redeem_failed');
    expect((await redeemFrom(server, '127.0.0.5', ' 7kq2m xw9pd ')).status).toBe(404);
    expect(await failures()).toEqual([
      { at: clock.now(), actor: 'anonymous', action: 'invitation.redeem_failed', documentId: null, details: { address: '127.0.0.5', codeStart: '7K' } },
    ]);
    expect(failureLines()).toEqual([{ level: 'warn', event: 'invitation.redeem_failed', fields: { address: '127.0.0.5', codeStart: '7K' } }]);
    const everything = JSON.stringify([await failures(), started.logger.lines]);
    expect(everything).not.toMatch(/7KQ2M|XW9PD|7kq2m|xw9pd|Q2M/);

    await guess(server, '127.0.0.5', defaultRedemptionLimits.perAddress - 1);
    expect(await failures()).toHaveLength(defaultRedemptionLimits.perAddress);
    const linesBefore = started.logger.lines.length;
    for (let index = 0; index < 5; index += 1) expect((await redeemFrom(server, '127.0.0.5', wrongCode(200 + index))).status).toBe(429);
    // Refusals write nothing: a flood of guesses cannot fill the database or the log.
    expect(await failures()).toHaveLength(defaultRedemptionLimits.perAddress);
    expect(started.logger.lines.slice(linesBefore).filter((line) => line.event.startsWith('invitation.'))).toEqual([]);
  });

  it('keeps counting across a restart of the server on the same data folder', async () => {
    const { harness: started, server, invite } = await start();
    const code = await invite();
    await guess(server, '127.0.0.6', defaultRedemptionLimits.perAddress);
    await started.stop();
    clock.advance(5 * minuteMs);
    const restarted = await started.restart();
    const refused = await redeemFrom(restarted, '127.0.0.6', code);
    expect({ status: refused.status, retryAfter: refused.retryAfter, code: refused.body.error?.code }).toEqual({
      status: 429,
      retryAfter: String(windowSeconds - 5 * 60),
      code: 'rate_limited',
    });
    expect((await redeemFrom(restarted, '127.0.0.7', code)).status).toBe(200);
  });

  it('does not limit the command line, which runs on the machine that holds the data, but audits its wrong codes', async () => {
    const folder = createTempFolder('thoa-uoc-redeem-');
    try {
      const printed: string[] = [];
      for (let index = 0; index <= defaultRedemptionLimits.perAddress; index += 1) {
        const exitCode = await runCli(['--data', folder.path, 'redeem', wrongCode(index), '--name', 'Quản trị'], (text) => printed.push(text));
        expect(exitCode).toBe(1);
      }
      expect(printed.every((line) => line.startsWith('Error (not_found)'))).toBe(true);
      const store = await openStore({ kind: 'sqlite', file: join(folder.path, databaseFileName) });
      try {
        const failures = await store.audit.listByActionPrefix('invitation.redeem_failed');
        expect(failures.map((entry) => entry.details)).toEqual(
          Array.from({ length: defaultRedemptionLimits.perAddress + 1 }, () => ({ address: 'local', codeStart: 'UU' })),
        );
      } finally {
        await store.close();
      }
    } finally {
      folder.remove();
    }
  });
});

describe('the limiter over the database', () => {
  const limits = { windowMs: 15 * minuteMs, perAddress: 3, overall: 100 };
  let folder: { path: string; remove: () => void };
  let stores: Store[] = [];

  afterEach(async () => {
    for (const store of stores) await store.close();
    stores = [];
    folder.remove();
  });

  it('counts the same attempts for every process on one database', async () => {
    folder = createTempFolder('thoa-uoc-limiter-');
    const file = join(folder.path, databaseFileName);
    stores = [await openStore({ kind: 'sqlite', file }), await openStore({ kind: 'sqlite', file })];
    const [one, two] = stores.map((store) => createStoreRedemptionLimiter(store, limits));
    if (!one || !two) throw new Error('two limiters');
    const at = Date.UTC(2027, 0, 4);
    const admit = (limiter: RedemptionLimiter, id: string) => limiter.admit({ id, address: '192.0.2.10', at });
    expect(await admit(one, 'a')).toMatchObject({ admitted: true, addressAttempts: 1 });
    expect(await admit(two, 'b')).toMatchObject({ admitted: true, addressAttempts: 2 });
    expect(await admit(one, 'c')).toMatchObject({ admitted: true, addressAttempts: 3 });
    expect(await admit(two, 'd')).toEqual({ admitted: false, limit: 'address', retryAt: at + limits.windowMs });
    // An attempt taken back in one process (its code was right) frees a place in the other.
    await one.release('c');
    expect(await admit(two, 'e')).toMatchObject({ admitted: true, addressAttempts: 3 });
  });

  it('counts an IPv6 client by its /64 network, and an IPv4 address written as IPv6 as itself', () => {
    expect(limitKeyOf('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(limitKeyOf('192.0.2.10')).toBe('192.0.2.10');
    expect(limitKeyOf('2001:db8:0:12:1:2:3:4')).toBe('2001:db8:0:12::/64');
    expect(limitKeyOf('2001:0DB8:0000:0012::ffff')).toBe('2001:db8:0:12::/64');
    expect(limitKeyOf('2001:db8::12:aaaa:1:2:3')).toBe('2001:db8:0:12::/64');
    expect(limitKeyOf('2001:db8:0:13::1')).toBe('2001:db8:0:13::/64');
    expect(limitKeyOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(limitKeyOf('::1')).toBe('0:0:0:0::/64');
  });
});
