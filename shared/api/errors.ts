import type { z } from 'zod';
import { readReason, type ApiErrorReason } from '#shared/api/errorReasons';

/** Error codes that cross every transport boundary, as data. */
export const apiErrorCodes = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'rate_limited',
  'damaged_document',
  'cancelled',
  'unavailable',
  'internal',
] as const;

export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiErrorData {
  code: ApiErrorCode;
  /** In English, for logs and programs; the interface shows `reason` (or what `code` means) instead. */
  message: string;
  /** Why, for people: see shared/api/errorReasons.ts. */
  reason?: ApiErrorReason;
  /** `rate_limited`: in how many seconds the call may be tried again (HTTP also sends it as Retry-After). */
  retryAfterSeconds?: number;
}

/** An expected failure of an API call; anything else is reduced to `internal` at the boundary. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly reason: ApiErrorReason | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ApiErrorCode, message: string, options: { reason?: ApiErrorReason | undefined; retryAfterSeconds?: number | undefined } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.reason = options.reason;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /**
   * The error again, from what a transport carried (an HTTP body, an IPC or worker message); a
   * reason this version cannot read (a newer server's) is dropped, the code still saying what failed.
   */
  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, {
      reason: readReason(data.reason),
      retryAfterSeconds: typeof data.retryAfterSeconds === 'number' ? data.retryAfterSeconds : undefined,
    });
  }

  toData(): ApiErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason === undefined ? {} : { reason: this.reason }),
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
    };
  }
}

const httpStatusByCode: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  // The document's stored text cannot be laid out (damaged before the write policy checked its shape).
  damaged_document: 422,
  // Nobody reads it: the client closed the request (nginx's "client closed request").
  cancelled: 499,
  // Hosted mode: the instance cannot reach its database for now; the call changed nothing.
  unavailable: 503,
  internal: 500,
};

/** The HTTP status that carries an error code in server mode. */
export function httpStatusFor(code: ApiErrorCode): number {
  return httpStatusByCode[code];
}

/** Whether a value received from a transport is a serialised API error. */
export function isApiErrorData(value: unknown): value is ApiErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof message === 'string' && (apiErrorCodes as readonly unknown[]).includes(code);
}

/** Describes validation issues as one readable sentence naming each offending field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`).join('; ');
}
