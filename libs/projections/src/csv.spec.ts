import { CsvColumn, csvChunks, toCsv } from './csv';

interface Row {
  id: string;
  name: string;
  capitalCents: number;
}

const COLUMNS: ReadonlyArray<CsvColumn<Row>> = [
  { name: 'id', kind: 'text', value: (row) => row.id },
  { name: 'name', kind: 'text', value: (row) => row.name },
  { name: 'capitalCents', kind: 'cents', value: (row) => row.capitalCents },
];

const ROWS: Row[] = [
  { id: 'a', name: 'Dupont, Jeanne', capitalCents: 5000 },
  { id: 'b', name: '=SUM(A1:A9)', capitalCents: 12345 },
  { id: 'c', name: 'Le "Fournil"', capitalCents: 0 },
  { id: 'd', name: 'two\nlines', capitalCents: -150 },
  { id: 'e', name: 'Éloïse', capitalCents: 99 },
];

describe('a CSV written a chunk at a time', () => {
  it('is RFC 4180 with CRLF, quoted fields and formulas defused', () => {
    expect(toCsv(COLUMNS, ROWS.slice(0, 3))).toBe('id,name,capitalCents\r\na,"Dupont, Jeanne",5000\r\nb,\'=SUM(A1:A9),12345\r\nc,"Le ""Fournil""",0\r\n');
  });

  it.each(['rfc4180', 'fr'] as const)('joins into the whole CSV byte for byte, whatever the chunk size (%s)', (dialect) => {
    const whole = toCsv(COLUMNS, ROWS, dialect);
    for (const size of [1, 2, 3, 5, 1000]) expect([...csvChunks(COLUMNS, ROWS, dialect, size)].join('')).toBe(whole);
  });

  it('opens only the first chunk with the byte order mark and the header', () => {
    const chunks = [...csvChunks(COLUMNS, ROWS, 'fr', 2)];
    expect(chunks).toHaveLength(3);
    expect(chunks[0].startsWith('\ufeffid;name;capitalEur\r\n')).toBe(true);
    expect(chunks.slice(1).some((chunk) => chunk.includes('\ufeff') || chunk.includes('capitalEur'))).toBe(false);
  });

  it('writes the header alone when there is no row, as the whole CSV does', () => {
    expect([...csvChunks(COLUMNS, [], 'rfc4180', 2)]).toEqual(['id,name,capitalCents\r\n']);
    expect([...csvChunks(COLUMNS, [], 'fr', 2)].join('')).toBe(toCsv(COLUMNS, [], 'fr'));
  });

  it('reads the rows only as the chunks are asked for', () => {
    let read = 0;
    function* counted(): Generator<Row> {
      for (const row of ROWS) {
        read++;
        yield row;
      }
    }
    const chunks = csvChunks(COLUMNS, counted(), 'rfc4180', 2);
    chunks.next();
    expect(read).toBe(2);
  });
});
