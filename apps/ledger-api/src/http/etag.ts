/** A resource whose body is the stream at this revision, whatever the query. */
export function strongEtag(revision: bigint | number | string): string {
  return `"${String(revision)}"`;
}

/**
 * A resource whose body depends on the query as well (`asOf`, `format`): two bodies may share a
 * revision, so the validator is weak (RFC 9110 §8.8.1). If-Match still reads its revision.
 */
export function weakEtag(revision: bigint | number | string): string {
  return `W/"${String(revision)}"`;
}
