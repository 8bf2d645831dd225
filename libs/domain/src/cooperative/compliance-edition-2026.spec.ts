import { RuleId } from '../rules/rule-catalogue';
import { ComplianceReport, complianceReport } from './compliance';
import { CooperativeEvent } from './events';
import { admitted, History, paidUp, REGISTERED_ON, scop, withdrew } from './testing';

/** What the compliance report says of the rules edition 2026-12 of docs/rules.md changed. */
function report(history: History[], asOf: string): ComplianceReport {
  return complianceReport((history as unknown[]).flat(3) as CooperativeEvent[], asOf);
}

function check(r: ComplianceReport, rule: RuleId) {
  const found = r.checks.find((c) => c.rule === rule);
  if (!found) throw new Error(`no ${rule} check`);
  return found;
}

describe('compliance, edition 2026-12', () => {
  describe('SCOP-AMORCAGE: 50 % by 31 December of the 7th year after the conversion year, both shown', () => {
    // Converted on 2024-01-15: deadline 2031-12-31. Cooperators hold 49 of 100, then 50 of 100.
    const converted = scop({ amorcageConvertedOn: '2024-01-15' });
    const below = [converted, admitted('e1', 'employee', 49), admitted('o1', 'supporter', 26), admitted('o2', 'supporter', 25)];

    it('SCOP-AMORCAGE is ok below 50 % up to the deadline, and shows the threshold and the deadline', () =>
      expect(check(report(below, '2031-12-31'), 'SCOP-AMORCAGE')).toMatchObject({ status: 'ok', value: 4900, threshold: 5000, unit: 'bp', deadline: '2031-12-31' }));

    it('SCOP-AMORCAGE is violated the day after the deadline, since that day', () =>
      expect(check(report(below, '2032-01-01'), 'SCOP-AMORCAGE')).toMatchObject({ status: 'violation', value: 4900, threshold: 5000, since: '2032-01-01' }));

    it('SCOP-AMORCAGE is met after the deadline at exactly 50 %', () => {
      const half = [converted, admitted('e1', 'employee', 50), admitted('o1', 'supporter', 25), admitted('o2', 'supporter', 25)];
      expect(check(report(half, '2032-01-01'), 'SCOP-AMORCAGE')).toMatchObject({ status: 'ok', value: 5000 });
    });

    it('SCOP-AMORCAGE does not apply to a SCOP without a conversion date', () => expect(check(report([scop()], '2024-06-01'), 'SCOP-AMORCAGE').status).toBe('not_applicable'));
  });

  describe('SCOP-MAX-HOLDING: reported when a state breaks it for reasons no act could be refused for', () => {
    it('SCOP-MAX-HOLDING judges the founding subscriptions together at the end of the registration date', () => {
      const founders = [scop(), admitted('f1', 'employee', 6, { on: REGISTERED_ON }), admitted('f2', 'employee', 4, { on: REGISTERED_ON })];
      expect(check(report(founders, '2024-06-01'), 'SCOP-MAX-HOLDING')).toMatchObject({ status: 'violation', value: 6000, threshold: 5000, since: REGISTERED_ON });
      const even = [scop(), admitted('f1', 'employee', 5, { on: REGISTERED_ON }), admitted('f2', 'employee', 5, { on: REGISTERED_ON })];
      expect(check(report(even, '2024-06-01'), 'SCOP-MAX-HOLDING')).toMatchObject({ status: 'ok', value: 5000 });
    });

    it("SCOP-MAX-HOLDING: a withdrawn associate's shares still count as capital, others' exits do not make anyone hold more", () => {
      const coop = [scop(), admitted('e1', 'employee', 5), admitted('e2', 'employee', 5), withdrew('e2', '2024-03-01')];
      expect(check(report(coop, '2024-06-01'), 'SCOP-MAX-HOLDING').status).toBe('ok');
    });

    it('SCOP-MAX-HOLDING is waived for 7 years from the conversion date, then reported from the day it ends', () => {
      const coop = [scop({ amorcageConvertedOn: '2024-01-15' }), admitted('e1', 'employee', 8, { on: REGISTERED_ON }), admitted('e2', 'employee', 2, { on: REGISTERED_ON })];
      expect(check(report(coop, '2031-01-14'), 'SCOP-MAX-HOLDING').status).toBe('ok');
      expect(check(report(coop, '2031-02-01'), 'SCOP-MAX-HOLDING')).toMatchObject({ status: 'violation', since: '2031-01-15' });
    });
  });

  describe('COOP-PAYUP-QUARTER: SCOP subscriptions recorded partly paid before edition 2026-12 are reported, never rewritten', () => {
    // Recorded before the rule was applied: a SCOP SAS took e1's 10 shares with 250 cents paid.
    const recorded = [scop({ companyForm: 'SAS' }), admitted('e1', 'employee', 10, { paidCents: 250 }), admitted('e2', 'employee', 10)];

    it('COOP-PAYUP-QUARTER reports the unpaid balance of a SCOP SAS from the subscription date, with the rule, although no payment delay has passed', () => {
      const c = check(report(recorded, '2024-06-01'), 'COOP-PAYUP-QUARTER');
      expect(c).toMatchObject({ status: 'violation', value: 750, threshold: 0, since: '2024-02-01' });
      expect(c.detail).toContain('L1978 art. 27');
    });

    it('COOP-PAYUP-QUARTER is met again once the balance is paid up', () => expect(check(report([recorded, paidUp('e1', 750, '2024-04-01')], '2024-06-01'), 'COOP-PAYUP-QUARTER').status).toBe('ok'));

    it('COOP-PAYUP-QUARTER: a SCOP SA may owe a balance within its delay', () => {
      const sa = [scop({ companyForm: 'SA' }), admitted('e1', 'employee', 10, { paidCents: 250 }), admitted('e2', 'employee', 10)];
      expect(check(report(sa, '2024-06-01'), 'COOP-PAYUP-QUARTER').status).toBe('ok');
    });
  });
});
