import { resolveCollegeWeights, resolveStatuts } from './statuts-defaults';
import { statutsInput, THREE_COLLEGES } from './testing';

describe('Statuts defaults', () => {
  it('COOP-PAYUP-QUARTER, COOP-CAPITAL-FLOOR, COOP-REDEMPTION-NOMINAL: a quarter paid, 60 months to pay, a quarter floor, 60 months to redeem', () => {
    const statuts = resolveStatuts(statutsInput('SCIC'));
    expect(statuts).toMatchObject({
      minimumPaidAtSubscriptionBp: 2500,
      paymentDelayMonths: 60,
      capitalFloorBp: 2500,
      redemptionDelayMonths: 60,
      collegeCounting: 'proportional',
      colleges: [],
      blankProxyVotesWithBoard: true,
      amorcageConvertedOn: null,
    });
  });

  it('SCIC-STATUTORY-RESERVE: half of what the legal reserve leaves for a SCIC; no statutory floor for a SCOP', () => {
    expect(resolveStatuts(statutsInput('SCIC')).statutoryReserveBp).toBe(5000);
    expect(resolveStatuts(statutsInput('SCOP')).statutoryReserveBp).toBe(0);
  });

  it('SCIC-COLLEGES: equal weights by default, the odd basis points to the first collèges', () => {
    expect(resolveStatuts(statutsInput('SCIC', { colleges: THREE_COLLEGES })).colleges.map((c) => c.weightBp)).toEqual([3334, 3333, 3333]);
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((code) => ({ code, name: code }));
    expect(resolveCollegeWeights(six).map((c) => c.weightBp)).toEqual([1667, 1667, 1667, 1667, 1666, 1666]);
  });

  it('SCIC-COLLEGES: collèges without a weight share what the weighted ones leave', () => {
    const colleges = resolveCollegeWeights([
      { code: 'a', name: 'A', weightBp: 5000 },
      { code: 'b', name: 'B' },
      { code: 'c', name: 'C' },
    ]);
    expect(colleges.map((c) => c.weightBp)).toEqual([5000, 2500, 2500]);
  });

  it('AG-QUORUM, AG-MAJORITY: SA — 1/5 then none, more than half; extraordinary 1/4 then 1/5, two thirds (C.com. L.225-96/98)', () => {
    expect(resolveStatuts(statutsInput('SCIC', { companyForm: 'SA' })).assemblyRules).toEqual({
      ordinary: { quorumFirstCallBp: 2000, quorumSecondCallBp: 0, majority: { numerator: 1, denominator: 2, strict: true } },
      extraordinary: { quorumFirstCallBp: 2500, quorumSecondCallBp: 2000, majority: { numerator: 2, denominator: 3, strict: false } },
    });
  });

  it('AG-QUORUM, AG-MAJORITY: SCOP SARL model statuts — no ordinary quorum; extraordinary 3/4 then 1/2, three quarters', () => {
    expect(resolveStatuts(statutsInput('SCOP', { companyForm: 'SARL' })).assemblyRules).toEqual({
      ordinary: { quorumFirstCallBp: 0, quorumSecondCallBp: 0, majority: { numerator: 1, denominator: 2, strict: true } },
      extraordinary: { quorumFirstCallBp: 7500, quorumSecondCallBp: 5000, majority: { numerator: 3, denominator: 4, strict: false } },
    });
  });

  it('AG-MAJORITY: other SARL and SAS take two thirds for extraordinary resolutions', () => {
    expect(resolveStatuts(statutsInput('SCIC', { companyForm: 'SARL' })).assemblyRules.extraordinary.majority).toEqual({ numerator: 2, denominator: 3, strict: false });
    expect(resolveStatuts(statutsInput('SCOP', { companyForm: 'SAS' })).assemblyRules.extraordinary.majority).toEqual({ numerator: 2, denominator: 3, strict: false });
  });

  it('AG-QUORUM: a quorum the statuts give replaces only that figure', () => {
    const rules = resolveStatuts(statutsInput('SCIC', { companyForm: 'SA', assemblyRules: { ordinary: { quorumFirstCallBp: 2500 } } })).assemblyRules;
    expect(rules.ordinary).toEqual({ quorumFirstCallBp: 2500, quorumSecondCallBp: 0, majority: { numerator: 1, denominator: 2, strict: true } });
  });

  it('COOP-SHARE-VALUE: the resolved statuts keep only the fields Statuts knows', () => {
    const statuts = resolveStatuts({ ...statutsInput('SCOP'), extra: 'dropped' } as never);
    expect(statuts).not.toHaveProperty('extra');
    expect(statuts.shareValueCents).toBe(100);
  });
});
