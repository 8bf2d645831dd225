import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { Caller } from '../auth/roles';
import { CommandMetadata } from '../write/command-metadata';

interface CommandRequest {
  caller: Caller;
  headers: Record<string, string | undefined>;
}

/** The command's metadata from the HTTP request: the caller, X-Correlation-Id, Idempotency-Key, If-Match. */
export const CommandMeta = createParamDecorator((_: unknown, context: ExecutionContext): CommandMetadata => {
  const request = context.switchToHttp().getRequest<CommandRequest>();
  const correlation = request.headers['x-correlation-id'];
  return {
    actor: { sub: request.caller.sub, role: request.caller.role },
    correlationId: correlation && /^[\w.:-]{1,128}$/.test(correlation) ? correlation : randomUUID(),
    idempotencyKey: request.headers['idempotency-key'],
    expectedRevision: parseIfMatch(request.headers['if-match']),
  };
});

/** The verified caller (see auth.guard.ts). */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => context.switchToHttp().getRequest<CommandRequest>().caller);

/** `If-Match: "3"`, `W/"3"` or `3`; `*` means any revision. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,18})"?\s*$/.exec(header);
  if (!m) throw new BadRequestException(`If-Match must be an ETag this service gave (a stream revision such as "3"), got ${JSON.stringify(header).slice(0, 80)}`);
  return BigInt(m[1]);
}
