/** Lines per chunk of a streamed NDJSON answer: few writes, and memory that holds one chunk whatever the number of rows. */
const LINES_PER_CHUNK = 1000;

/** One JSON value a line (application/x-ndjson, each line ended by `\n`), a chunk of lines at a time, read from `rows` only as the chunks are asked for. */
export function* ndjsonChunks(rows: Iterable<unknown>, linesPerChunk = LINES_PER_CHUNK): Generator<string> {
  let chunk = '';
  let lines = 0;
  for (const row of rows) {
    chunk += `${JSON.stringify(row)}\n`;
    if (++lines < linesPerChunk) continue;
    yield chunk;
    chunk = '';
    lines = 0;
  }
  if (chunk !== '') yield chunk;
}
