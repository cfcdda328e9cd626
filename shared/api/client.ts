import { apiContract, type ApiInput, type ApiMethod, type ApiOutput } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import { describeIssues } from '#shared/api/dispatch';

/** Sends one call over some transport; resolves with the raw result or rejects with ApiError. */
export type ApiTransport = (method: ApiMethod, input: unknown) => Promise<unknown>;

export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
}

/** A typed API client over any transport; results are validated against the contract. */
export function createApiClient(transport: ApiTransport): ApiClient {
  return {
    async call(method, input) {
      const raw = await transport(method, input);
      const parsed = apiContract[method].output.safeParse(raw);
      if (!parsed.success) {
        throw new ApiError('internal', `unexpected reply to ${method}: ${describeIssues(parsed.error.issues)}`);
      }
      return parsed.data as ApiOutput<typeof method>;
    },
  };
}
