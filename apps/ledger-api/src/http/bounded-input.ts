import type { Socket } from 'net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Problem, problemOf } from './problem';

/** Body limit: the largest legitimate command (statuts with collèges) is a few kilobytes. */
export const BODY_LIMIT_BYTES = 256 * 1024;
/**
 * The deepest legitimate command nests 4 levels (statuts → collèges → one collège → a field);
 * 32 leaves room and keeps class-validator's recursive walk far from the stack's end.
 */
export const MAX_JSON_DEPTH = 32;
/** Ids are at most 63 characters; a longer path segment can name nothing. */
export const MAX_PARAM_LENGTH = 100;
/** Node refuses request heads over 16 KiB (431); a URL over 8 KiB is refused as too long first. */
export const MAX_URL_LENGTH = 8 * 1024;

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** The depth at which a JSON text's arrays and objects nest, counted without parsing it (strings skipped). */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** `charset` of a Content-Type, lower-cased and unquoted, or undefined when it names none. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType ?? '');
  return match ? match[2].toLowerCase() : undefined;
}

class InputError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * JSON bodies as Fastify reads them (prototype poisoning refused), once two cheap checks have
 * passed: UTF-8 only (RFC 8259 §8.1: another charset would be read as garbage), and a bounded
 * nesting depth, so that no later recursive walk (class-validator, canonical JSON) can blow the stack.
 */
export function registerBoundedJsonParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return done(new InputError(415, 'UNSUPPORTED-CHARSET', `Send the body as UTF-8 JSON (Content-Type: application/json; charset=utf-8), not ${charset}`), undefined);
    }
    if (jsonDepthExceeds(body as string, MAX_JSON_DEPTH)) {
      return done(new InputError(400, 'BODY-TOO-DEEP', `The body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`), undefined);
    }
    parse(request, body as string, done);
  });
}

/**
 * Errors Fastify answers before the app sees the request — a path that is not valid
 * percent-encoding, a path segment longer than any id — in the same problem+json as the rest.
 */
export function frameworkErrors(error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  const detail = status === 414 ? `A path segment is longer than ${MAX_PARAM_LENGTH} characters: no resource has such an id` : 'The path is not valid percent-encoding';
  void reply
    .code(status)
    .header('content-type', PROBLEM_TYPE)
    .send(problemOf(status, detail, { code: error.code }));
}

/** A URL longer than any this API gives or takes: 414 before routing. */
export function refuseLongUrl(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (request.raw.url !== undefined && request.raw.url.length > MAX_URL_LENGTH) {
    void reply
      .code(414)
      .header('content-type', PROBLEM_TYPE)
      .send(problemOf(414, `The URL is longer than ${MAX_URL_LENGTH} characters`));
    return;
  }
  done();
}

/**
 * Node's parser refuses a request head over its limit (HPE_HEADER_OVERFLOW) before any request
 * exists: the answer is written on the socket, as problem+json. A head whose request line alone
 * is too long is a URL too long (414); otherwise its headers are (431).
 */
export function clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let body: Problem;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const firstLineEnd = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.indexOf('\r\n') : -1;
    body = firstLineEnd < 0 || firstLineEnd > MAX_URL_LENGTH ? problemOf(414, 'The URL is too long') : problemOf(431, 'The request headers are too large');
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    body = problemOf(408, 'The request took too long to arrive');
  } else {
    body = problemOf(400, 'The request is not valid HTTP');
  }
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${body.status} ${body.title}\r\nContent-Type: ${PROBLEM_TYPE}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
  }
  socket.destroy(error);
}

/**
 * The last safety net: whatever answers an error without problem+json (a plugin, a hook, a
 * handler that wrote its own body) leaves as problem+json all the same.
 */
export function problemOnSend(_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload?: unknown) => void): void {
  if (reply.statusCode < 400 || String(reply.getHeader('content-type') ?? '').startsWith('application/problem+json')) return done(null, payload);
  let detail = 'The request could not be answered';
  if (typeof payload === 'string') {
    try {
      const parsed = JSON.parse(payload) as { message?: unknown };
      if (typeof parsed?.message === 'string') detail = parsed.message;
    } catch {
      // not JSON: keep the generic detail rather than echo an unknown body
    }
  }
  const body = JSON.stringify(problemOf(reply.statusCode, detail));
  void reply.header('content-type', PROBLEM_TYPE).header('content-length', Buffer.byteLength(body));
  done(null, body);
}

export function registerProblemSafetyNet(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', refuseLongUrl);
  fastify.addHook('onSend', problemOnSend);
}
