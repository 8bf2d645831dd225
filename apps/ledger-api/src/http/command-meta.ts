import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'crypto';
import { Caller } from '../auth/roles';
import { CommandMetadata, RecoveredCommand } from '../write/command-metadata';

interface CommandRequest {
  caller: Caller;
  headers: Record<string, string | undefined>;
  /** Set by the idempotency interceptor (see idempotency.interceptor.ts). */
  idempotency?: { seed: string; recovered?: RecoveredCommand };
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
    ...(request.idempotency ? { idSeed: request.idempotency.seed, recovered: request.idempotency.recovered } : {}),
  };
});

const generated = new WeakMap<CommandMetadata, number>();

/**
 * An id the server chooses for what a command creates (a movement, an associate, an assembly).
 * Under an Idempotency-Key it derives from the key, the caller and the request, so the retry of
 * a command whose process died after recording it names the same ids and gets the same answer;
 * otherwise it is random. Call it in the same order on every run of one request.
 */
export function newId(meta: CommandMetadata): string {
  if (meta.idSeed === undefined) return randomUUID();
  const n = generated.get(meta) ?? 0;
  generated.set(meta, n + 1);
  const hex = createHash('sha256').update(`${meta.idSeed}\n${n}`).digest('hex');
  // RFC 9562 version 8 (name-based, custom hash), variant 10.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The verified caller (see auth.guard.ts). */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => context.switchToHttp().getRequest<CommandRequest>().caller);

/** `If-Match: "3"`, `W/"3"` or `3`; `*` means any revision. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,18})"?\s*$/.exec(header);
  if (!m) throw new BadRequestException(`If-Match must be an ETag this service gave (a stream revision such as "3"), got ${JSON.stringify(header).slice(0, 80)}`);
  return BigInt(m[1]);
}
