import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, RuleViolation } from '@ledger/domain';
import { WrongExpectedRevisionError } from '@ledger/event-store';
import { StaleRevisionError } from '../write/command-metadata';

/** RFC 9457 problem details, as docs/api.md fixes them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  rule?: string;
  article?: string;
  code?: string;
  errors?: Array<{ field: string; message: string }>;
}

/** An HTTP-level refusal with a stable code (IDEMPOTENCY-KEY-REUSED, PRECONDITION…). */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const DOMAIN_STATUS: Record<DomainError['code'], number> = {
  NOT_FOUND: HttpStatus.NOT_FOUND,
  ALREADY_EXISTS: HttpStatus.CONFLICT,
  CONFLICT: HttpStatus.CONFLICT,
  INVALID_STATE: HttpStatus.UNPROCESSABLE_ENTITY,
  INVALID_VALUE: HttpStatus.UNPROCESSABLE_ENTITY,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const logger = new Logger('Problem');

function problem(status: number, slug: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `/problems/${slug}`, title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

/** A problem named after its status, for answers given outside the exception filter. */
export function problemOf(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return problem(status, slugOf(status), detail, extra);
}

/** Maps anything thrown while serving a request to the problem the client gets. */
export function toProblem(error: unknown): Problem {
  if (error instanceof RuleViolation) {
    return problem(422, 'rule-violation', error.detail, { title: `Rule ${error.rule} violated`, rule: error.rule, article: error.article });
  }
  if (error instanceof DomainError) {
    return problem(DOMAIN_STATUS[error.code], error.code.toLowerCase().replace(/_/g, '-'), error.detail, { code: error.code });
  }
  if (error instanceof StaleRevisionError) {
    // RFC 9110 §13.1.1: an If-Match that no longer matches is a failed precondition.
    return problem(412, 'precondition-failed', `The resource changed: If-Match named revision ${String(error.expected)}, it is now at ${String(error.actual)}. Read it again and retry with its current ETag.`, {
      code: 'WRONG-EXPECTED-REVISION',
    });
  }
  if (error instanceof WrongExpectedRevisionError) {
    return problem(409, 'concurrency-conflict', `Other commands kept changing the resource (expected revision ${String(error.expected)}, it is now at ${String(error.actual)}); nothing was recorded: retry.`, {
      code: 'CONCURRENCY-CONFLICT',
    });
  }
  if (error instanceof ProblemException) {
    return problem(error.status, error.code.toLowerCase(), error.detail, { code: error.code });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse() as { message?: unknown; errors?: Problem['errors'] } | string;
    if (typeof response === 'object' && Array.isArray(response.errors)) {
      return problem(status, 'invalid-request', 'The request is not valid: see errors', { errors: response.errors });
    }
    const message = typeof response === 'string' ? response : Array.isArray(response.message) ? response.message.join('; ') : String(response.message ?? error.message);
    return problem(status, slugOf(status), message);
  }
  const fastifyError = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return problem(fastifyError.statusCode, slugOf(fastifyError.statusCode), fastifyDetail(fastifyError), { code: typeof fastifyError.code === 'string' ? fastifyError.code : undefined });
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return problem(500, 'internal-error', 'An unexpected error occurred; nothing was recorded by this request. The error has been logged.');
}

function fastifyDetail(error: { code?: unknown; message?: unknown }): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return `The body is not valid JSON: ${String(error.message)}`;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the body as application/json';
    default:
      return String(error.message ?? 'Bad request');
  }
}

function slugOf(status: number): string {
  return (TITLES[status] ?? 'error').toLowerCase().replace(/\s+/g, '-');
}
