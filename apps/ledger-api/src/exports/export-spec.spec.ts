import { exportSpecOf } from './export-spec';

describe('what an export takes, by kind', () => {
  it('fills the defaults: json, the FEC itself, today for an as-of register, RFC 4180 for a CSV', () => {
    expect(exportSpecOf('ex', { kind: 'journal', year: 2024 }, '2025-01-15')).toEqual({ spec: { coopId: 'ex', kind: 'journal', format: 'json', year: 2024 }, errors: [] });
    expect(exportSpecOf('ex', { kind: 'fec', year: 2024 }, '2025-01-15')).toEqual({ spec: { coopId: 'ex', kind: 'fec', format: 'fec', year: 2024 }, errors: [] });
    expect(exportSpecOf('ex', { kind: 'cap-table', format: 'csv' }, '2025-01-15')).toEqual({ spec: { coopId: 'ex', kind: 'cap-table', format: 'csv', asOf: '2025-01-15', dialect: 'rfc4180' }, errors: [] });
    expect(exportSpecOf('ex', { kind: 'capital-movements', format: 'csv', dialect: 'fr' }, '2025-01-15')).toEqual({ spec: { coopId: 'ex', kind: 'capital-movements', format: 'csv', dialect: 'fr' }, errors: [] });
  });

  it('names every field that does not fit the kind', () => {
    const fields = (asked: Parameters<typeof exportSpecOf>[1]) => exportSpecOf('ex', asked, '2025-01-15').errors.map((e) => e.field);
    expect(fields({ kind: 'journal' })).toEqual(['year']);
    expect(fields({ kind: 'fec', year: 2024, format: 'csv' })).toEqual(['format']);
    expect(fields({ kind: 'associates', format: 'fec' })).toEqual(['format']);
    expect(fields({ kind: 'cap-table', year: 2024, dialect: 'fr' })).toEqual(['year', 'dialect']);
    expect(fields({ kind: 'capital-movements', asOf: '2024-12-31' })).toEqual(['asOf']);
  });
});
