import { CapTable, capTableCsv, fecBytes, fecText, Journal, journalCsv } from '@ledger/projections';
import { jsonWithList, sliced } from './export-files';

/** A journal of `n` one-line-pair entries, with the text a CSV or a FEC must escape. */
function journalOf(n: number): Journal {
  const entries: Journal['entries'] = Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    journalCode: 'OD',
    journalLabel: 'Opérations diverses',
    date: '2024-03-01',
    pieceRef: `m${i}`,
    pieceDate: '2024-03-01',
    label: i % 2 ? `=Souscription "${i}", Zoé Œuvray` : `Libellé\tavec tabulation ${i}`,
    validDate: '2024-03-02',
    lines: [
      { account: '4562', accountLabel: 'Associés, capital souscrit', auxiliary: `a${i}`, auxiliaryLabel: 'Zoé Œuvray', debitCents: 10_000 + i, creditCents: 0 },
      { account: '1013', accountLabel: 'Capital souscrit appelé non versé', debitCents: 0, creditCents: 10_000 + i },
    ],
  }));
  return { coopId: 'ex', year: 2024, startsOn: '2024-01-01', endsOn: '2024-12-31', entries };
}

const joined = (parts: Iterable<string>) => [...parts].join('');

describe('an export rendered a slice at a time is the synchronous answer byte for byte', () => {
  it.each([0, 1, 2, 5])('the journal CSV, both dialects, and the FEC, of %i entries cut by 2', (n) => {
    const journal = journalOf(n);
    for (const dialect of ['rfc4180', 'fr'] as const) {
      const text = sliced(journal.entries, (entries) => journalCsv({ ...journal, entries }, dialect), 2);
      expect(joined(text.content)).toBe(journalCsv(journal, dialect));
      expect(text.parts).toBe(Math.max(1, Math.ceil(n / 2)));
    }
    const fec = sliced(journal.entries, (entries) => fecText({ ...journal, entries }), 2);
    expect(Buffer.concat([...fec.content].map(fecBytes)).equals(fecBytes(fecText(journal)))).toBe(true);
  });

  it('the cap table CSV, whose rows are cut while the totals stay', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({
      associateId: `a${i}`,
      name: `Nom, "${i}"`,
      category: 'employee' as const,
      collegeCode: null,
      status: 'active' as const,
      shares: i,
      capitalCents: i * 100,
      paidUpCents: i * 50,
      capitalBp: 2000,
    }));
    const table = { asOf: '2024-12-31', totals: { associates: 5, shares: 10, capitalCents: 1000, paidUpCents: 500 }, byCategory: [], byCollege: [], rows } as unknown as CapTable;
    expect(joined(sliced(rows, (slice) => capTableCsv({ ...table, rows: slice }, 'fr'), 2).content)).toBe(capTableCsv(table, 'fr'));
  });

  it('the JSON: the list written around by JSON.stringify, its place and the escaping of the other fields kept', () => {
    const whole = { coopId: 'ex', note: 'a "quoted" \u0000 entries', entries: [{ n: 1, s: '\u2028' }, { n: 2 }, { n: 3, nested: { entries: [] } }], next: null };
    for (const size of [1, 2, 5]) expect(joined(jsonWithList(whole, 'entries', whole.entries, size).content)).toBe(JSON.stringify(whole));
    expect(joined(jsonWithList({ items: [], next: null }, 'items', []).content)).toBe('{"items":[],"next":null}');
  });
});
