import type { ApiInput, ApiMethod, ApiOutput, apiContract } from '#shared/api/contract';
import { ApiError, describeIssues } from '#shared/api/errors';

/** Sends one call over some transport; resolves with the raw result or rejects with ApiError. */
export type ApiTransport = (method: ApiMethod, input: unknown) => Promise<unknown>;

export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
}

/**
 * The contract's schemas, built when the first call is made rather than when a page's code is
 * evaluated: there are hundreds of them, and a document's page needs none to show its text.
 */
let contractLoading: Promise<{ apiContract: typeof apiContract }> | undefined;

/** A typed API client over any transport; results are validated against the contract. */
export function createApiClient(transport: ApiTransport): ApiClient {
  return {
    async call(method, input) {
      contractLoading ??= import('#shared/api/contract');
      const [raw, { apiContract }] = await Promise.all([transport(method, input), contractLoading]);
      const parsed = apiContract[method].output.safeParse(raw);
      if (!parsed.success) {
        throw new ApiError('internal', `unexpected reply to ${method}: ${describeIssues(parsed.error.issues)}`);
      }
      return parsed.data as ApiOutput<typeof method>;
    },
  };
}
