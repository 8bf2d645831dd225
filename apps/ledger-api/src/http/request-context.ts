import { createParamDecorator, ExecutionContext, BadRequestException } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { Caller } from '../auth/roles';

/** What a command needs to know of the HTTP request that carries it. */
export interface RequestContext {
  caller: Caller;
  correlationId: string;
  idempotencyKey?: string;
  /** From If-Match: the stream revision the client last saw. */
  expectedRevision?: bigint;
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<{ caller: Caller; headers: Record<string, string | undefined>; id?: string }>();
  const correlation = request.headers['x-correlation-id'];
  return {
    caller: request.caller,
    correlationId: correlation && /^[\w.:-]{1,128}$/.test(correlation) ? correlation : randomUUID(),
    idempotencyKey: request.headers['idempotency-key'],
    expectedRevision: parseIfMatch(request.headers['if-match']),
  };
});

/** `If-Match: "3"`, `W/"3"` or `3`; `*` means any revision. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,18})"?\s*$/.exec(header);
  if (!m) throw new BadRequestException(`If-Match must be an ETag this service gave (a stream revision such as "3"), got ${JSON.stringify(header).slice(0, 80)}`);
  return BigInt(m[1]);
}

export function etagOf(revision: bigint | number | string): string {
  return `"${String(revision)}"`;
}
