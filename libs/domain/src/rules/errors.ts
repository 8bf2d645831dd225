import { RuleId, RULES } from './rule-catalogue';

/** A command would break a legal rule: HTTP 422 with the rule id and its article. */
export class RuleViolation extends Error {
  readonly article: string;
  constructor(
    readonly rule: RuleId,
    readonly detail: string,
  ) {
    super(`${rule}: ${detail}`);
    this.name = 'RuleViolation';
    this.article = RULES[rule].article;
  }
}

/**
 * A command that makes no sense against the current state, whatever the law says
 * (unknown associate, cancelling a movement twice…). `code` is stable and machine-readable.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
  }
}

export type DomainErrorCode =
  | 'NOT_FOUND' // → 404
  | 'ALREADY_EXISTS' // → 409
  | 'CONFLICT' // → 409 (the resource is not in the state the command needs yet, e.g. a fiscal year not closed)
  | 'INVALID_STATE' // → 422 (e.g. associate already withdrawn)
  | 'INVALID_VALUE'; // → 422 (a value that passes the DTO but not the domain, e.g. a date before registration)

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
