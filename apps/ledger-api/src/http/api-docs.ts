import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';

/*
 * The OpenAPI side of docs/api.md, in one place: a controller method says what it is (a command
 * or a read) with one decorator, and gets every response it can answer — the success body with
 * its headers, the idempotent replay, and each problem+json refusal — plus the request headers
 * every POST accepts. A response listed here is one the code can really give, no more.
 */

@ApiSchema({ name: 'ProblemFieldError' })
export class ProblemFieldErrorDoc {
  @ApiProperty({ example: 'shares' }) field!: string;
  @ApiProperty({ example: 'shares must not be less than 1' }) message!: string;
}

/** RFC 9457 problem details as problem.ts builds them. */
@ApiSchema({ name: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' })
export class ProblemDoc {
  @ApiProperty({ example: '/problems/rule-violation', description: 'a stable URI reference naming the kind of problem' }) type!: string;
  @ApiProperty({ example: 'Rule COOP-PAYUP-QUARTER violated' }) title!: string;
  @ApiProperty({ type: 'integer', example: 422 }) status!: number;
  @ApiProperty({ example: 'at least 25.00 % of the subscription must be paid at once' }) detail!: string;
  @ApiPropertyOptional({ description: 'a legal refusal: the rule of docs/rules.md', example: 'COOP-PAYUP-QUARTER' }) rule?: string;
  @ApiPropertyOptional({ description: 'a legal refusal: the article it applies', example: 'L1947 art. 27' }) article?: string;
  @ApiPropertyOptional({ description: 'a stable code (NOT_FOUND, ALREADY_EXISTS, IDEMPOTENCY-KEY-REUSED, WRONG-EXPECTED-REVISION…)', example: 'INVALID_STATE' }) code?: string;
  @ApiPropertyOptional({ type: [ProblemFieldErrorDoc], description: '400 on a body or query that is not valid: one entry per field' }) errors?: ProblemFieldErrorDoc[];
}

export class CommandEventDoc {
  @ApiProperty({ example: '7f1c0f9e-4b7a-4f5e-9d8c-2a1b3c4d5e6f' }) eventId!: string;
  @ApiProperty({ example: 'SharesSubscribed' }) type!: string;
}

/** command-response.ts: what every successful command answers. */
@ApiSchema({ name: 'CommandAnswer' })
export class CommandAnswerDoc {
  @ApiProperty({ description: 'the resource the command created or changed (what Location points at)', example: 'alpha' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'the stream revision after the command: its ETag, the If-Match of the next command', example: 0 }) revision!: number;
  @ApiProperty({ type: 'integer', description: 'global position of the last event appended', example: 1 }) position!: number;
  @ApiProperty({ type: [CommandEventDoc] }) events!: CommandEventDoc[];
}

type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 415 | 422;

const WHEN: Record<ProblemStatus, string> = {
  400: 'The request is not valid (body, query, Idempotency-Key or If-Match): `errors` names each field',
  401: 'No bearer token, or an invalid or expired one',
  403: 'The token’s role may not do this',
  404: 'The cooperative (or the resource named in the path) does not exist or the token does not cover it',
  409: 'The resource already exists (ALREADY_EXISTS), other commands kept changing it so nothing was recorded (CONCURRENCY-CONFLICT: retry), or the same Idempotency-Key is still being processed',
  412: 'If-Match names a revision the stream is no longer at (WRONG-EXPECTED-REVISION): read it again',
  415: 'The body is not application/json',
  422: 'A legal rule refuses the command (`rule`, `article`), the command does not apply in the resource’s state or to these values (INVALID_STATE, INVALID_VALUE), or an Idempotency-Key reused with another body (IDEMPOTENCY-KEY-REUSED)',
};

function problems(statuses: readonly ProblemStatus[]): MethodDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: WHEN[status], content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDoc) } } } })));
}

const ETAG = { description: 'the stream revision, e.g. "3": send it as If-Match to change the resource only if nobody else did', schema: { type: 'string', example: '"3"' } };

/** What `POST …/replays` answers: the job to follow. */
export class JobStartedDoc {
  @ApiProperty({ example: 'audit-replay-0b8f2f5e-8c1d-4f3a-9c7e-2a1b3c4d5e6f', description: 'follow it at GET /v1/jobs/{jobId} (Location)' }) jobId!: string;
}

/**
 * Work started off the request path: 202 with `{ jobId }` and Location (the job to follow);
 * nothing is appended, so no ETag and no If-Match. Idempotency-Key replays the first answer.
 */
export function ApiJobStart(doc: { summary: string; description?: string }): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ApiExtraModels(ProblemDoc, JobStartedDoc),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and body answer the first job again', schema: { type: 'string', maxLength: 200 } }),
    ApiResponse({
      status: 202,
      description: 'The job is queued: follow it at Location',
      content: { 'application/json': { schema: { $ref: getSchemaPath(JobStartedDoc) } } },
      headers: { Location: { description: 'GET /v1/jobs/{jobId}', schema: { type: 'string', format: 'uri-reference' } } },
    }),
    problems([400, 401, 403, 404, 409, 415, 422]),
  );
}

export interface CommandDoc {
  summary: string;
  description?: string;
  /** What `Location` points at, in words (“the associate”, “the movement in the register”). */
  location: string;
  /** The command starts a stream (registering a cooperative, convening an AG): there is no revision to match yet. */
  startsStream?: boolean;
  /** No cooperative in the path to be unknown (registering one). */
  noCooperative?: boolean;
  /** An answer richer than the command answer (closing a resolution gives its outcome). */
  type?: Type<CommandAnswerDoc>;
}

/**
 * A command: 201 with the command answer, ETag and Location; 200 when an Idempotency-Key
 * replays it; the problems a command can meet; Idempotency-Key always, If-Match on a stream
 * that already exists.
 */
export function ApiCommand(doc: CommandDoc): MethodDecorator {
  const answer = { $ref: getSchemaPath(doc.type ?? CommandAnswerDoc) };
  const refusals: ProblemStatus[] = [400, 401, 403, ...(doc.noCooperative ? [] : [404 as const]), 409, ...(doc.startsStream ? [] : [412 as const]), 415, 422];
  return applyDecorators(
    ApiExtraModels(ProblemDoc, CommandAnswerDoc, ...(doc.type ? [doc.type] : [])),
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Same key and same body ⇒ the first answer again (200), nothing appended twice; same key, another body ⇒ 422 IDEMPOTENCY-KEY-REUSED. 1 to 200 printable ASCII characters.',
      schema: { type: 'string', maxLength: 200, example: 'f3b9a6c2-0d5e-4a1f-9b7c-8e2d4c6a1b30' },
    }),
    ...(doc.startsStream
      ? []
      : [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description: 'The ETag of the stream this command changes (a revision such as "3", or W/"3"): refused with 412 if the stream moved on since. `*` or none: any revision.',
            schema: { type: 'string', example: '"0"' },
          }),
        ]),
    ApiResponse({
      status: 201,
      description: `Recorded. Location: ${doc.location}.`,
      headers: { ETag: ETAG, Location: { description: doc.location, schema: { type: 'string', format: 'uri-reference' } } },
      content: { 'application/json': { schema: answer } },
    }),
    ApiResponse({
      status: 200,
      description: 'An idempotent replay: this Idempotency-Key was already answered for this body; the first answer again, nothing appended',
      headers: { ETag: ETAG, 'Idempotent-Replay': { description: 'true', schema: { type: 'string', enum: ['true'] } } },
      content: { 'application/json': { schema: answer } },
    }),
    problems(refusals),
  );
}

export interface ReadDoc {
  summary: string;
  description?: string;
  /** The 200 body; omitted for a text rendering (`produces`). */
  type?: Type<unknown>;
  /** An ETag on the answer: strong (the body is the stream at that revision) or weak (it depends on the query too). */
  etag?: 'weak' | 'strong';
  /** The operation reads query parameters (or a path id) that can be malformed: 400. */
  query?: boolean;
  /** No cooperative in the path (the list of cooperatives). */
  noCooperative?: boolean;
  /** Other representations of the same 200 (CSV, markdown, HTML), as text. */
  produces?: string[];
}

/** A query: its 200 body (and other media types), its ETag if any, and 400/401/403/404 problems as they apply. */
export function ApiRead(doc: ReadDoc): MethodDecorator {
  const content: Record<string, { schema: object }> = {};
  if (doc.type) content['application/json'] = { schema: { $ref: getSchemaPath(doc.type) } };
  for (const media of doc.produces ?? []) content[media] = { schema: { type: 'string' } };
  const refusals: ProblemStatus[] = [...(doc.query ? [400 as const] : []), 401, 403, ...(doc.noCooperative ? [] : [404 as const])];
  return applyDecorators(
    ApiExtraModels(ProblemDoc, ...(doc.type ? [doc.type] : [])),
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ...(doc.produces ? [ApiProduces(...(doc.type ? ['application/json'] : []), ...doc.produces)] : []),
    ApiResponse({
      status: 200,
      description: 'OK',
      ...(doc.etag ? { headers: { ETag: { description: doc.etag === 'weak' ? 'W/"<revision>": the stream revision the answer was read at' : '"<revision>": the stream revision', schema: { type: 'string' } } } } : {}),
      content,
    }),
    problems(refusals),
  );
}
