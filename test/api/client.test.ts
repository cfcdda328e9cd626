import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiTransport } from '#shared/api/client';
import { ApiError } from '#shared/api/errors';

const health = { status: 'ok', version: '1.0.0', protocolVersion: 3, uptimeSeconds: 12, openDocuments: 0, connections: 0 };

/** A transport that answers every call with `reply`, and remembers what it was asked. */
function answering(reply: unknown): { transport: ApiTransport; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    transport: async (method) => {
      calls.push(method);
      return reply;
    },
  };
}

describe('the API client', () => {
  it('returns a reply that keeps to the contract, as the contract reads it', async () => {
    const { transport, calls } = answering({ ...health, extra: 'dropped' });
    await expect(createApiClient(transport).call('health/get', {})).resolves.toEqual(health);
    expect(calls).toEqual(['health/get']);
  });

  it('refuses a reply that breaks the contract, naming the field, as an internal error', async () => {
    const { transport } = answering({ ...health, connections: 'many' });
    const failure = await createApiClient(transport)
      .call('health/get', {})
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'internal' });
    expect((failure as ApiError).message).toMatch(/^unexpected reply to health\/get: connections: /);
  });

  it('a transport that fails fails the call with its own error', async () => {
    const refused = new ApiError('forbidden', 'not yours');
    const client = createApiClient(async () => {
      throw refused;
    });
    await expect(client.call('health/get', {})).rejects.toBe(refused);
  });
});
