import { assemblyStreamId, coopIdOf, cooperativeStreamId, fiscalYearStreamId, parseStreamId, referenceStreamId } from './stream-ids';

describe('stream ids', () => {
  it('names each stream kind and reads it back', () => {
    expect(parseStreamId(cooperativeStreamId('alpha'))).toEqual({ kind: 'cooperative', coopId: 'alpha' });
    expect(parseStreamId(assemblyStreamId('alpha', 'ag-2025'))).toEqual({ kind: 'assembly', coopId: 'alpha', assemblyId: 'ag-2025' });
    expect(parseStreamId(fiscalYearStreamId('alpha', 2025))).toEqual({ kind: 'fiscalyear', coopId: 'alpha', year: 2025 });
  });

  it('keeps dashes inside ids: the kind ends at the first dash, the cooperative at the first dot', () => {
    expect(parseStreamId('assembly-coop-a.ag-1')).toEqual({ kind: 'assembly', coopId: 'coop-a', assemblyId: 'ag-1' });
    expect(coopIdOf('cooperative-coop-a')).toBe('coop-a');
  });

  it('reads no cooperative out of an id the ledger does not write', () => {
    for (const id of ['cooperative-', 'cooperative-a.b', 'assembly-a', 'assembly-.x', 'assembly-a.', 'fiscalyear-a.25', 'ledger-a', 'nodash']) {
      expect(parseStreamId(id)).toBeUndefined();
    }
  });

  it('files reference data (reference-tmo) under no cooperative, read back by parseStreamId', () => {
    expect(parseStreamId(referenceStreamId('tmo'))).toEqual({ kind: 'reference', name: 'tmo' });
    expect(coopIdOf('reference-tmo')).toBeUndefined();
  });
});
