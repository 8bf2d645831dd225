import { createHash } from 'crypto';
import type { Test } from 'supertest';

/** The body as the bytes on the wire, whatever its media type (supertest would parse JSON and leave text/plain aside). */
export function raw(request: Test): Test {
  return request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
