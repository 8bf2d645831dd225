import { RuleId } from '../rules/rule-catalogue';
import { ComplianceReport, complianceReport, stateAsOf } from './compliance';
import { CooperativeEvent } from './events';
import { resolveStatuts } from './statuts-defaults';
import { admitted, cancelled, categoryChanged, History, paidUp, redeemed, scic, scop, statutsInput, subscribed, transferred, withdrew } from './testing';

function report(history: History[], asOf: string): ComplianceReport {
  return complianceReport((history as unknown[]).flat(Infinity) as CooperativeEvent[], asOf);
}

function check(r: ComplianceReport, rule: RuleId) {
  const found = r.checks.find((c) => c.rule === rule);
  if (!found) throw new Error(`no ${rule} check`);
  return found;
}

describe('stateAsOf', () => {
  it('folds the events in force on the date, in effective order whatever the recording order', () => {
    const events = [scic(), ...admitted('b1', 'beneficiary', 10), subscribed('b1', 5, { on: '2024-09-01' }), subscribed('b1', 1, { on: '2024-03-01' })];
    expect(stateAsOf(events, '2024-06-30').associates.b1.shares).toBe(11);
    expect(stateAsOf(events, '2024-09-01').associates.b1.shares).toBe(16);
    expect(stateAsOf(events, '2024-01-14').statuts).toBeNull();
  });
});

describe('complianceReport', () => {
  const scicOk = [scic(), admitted('b1', 'beneficiary', 10), admitted('e1', 'employee', 10), admitted('s1', 'supporter', 10)];

  it('a SCIC with its three categories is compliant; SCOP rules and the SA minimum do not apply', () => {
    const r = report(scicOk, '2024-12-31');
    expect(r.status).toBe('compliant');
    for (const rule of ['SCOP-CAP-51', 'SCOP-VOTES-65', 'SCOP-MIN-ASSOCIATES', 'COOP-SA-MIN-CAPITAL', 'SCIC-COLLEGES'] as const) {
      expect(check(r, rule)).toMatchObject({ status: 'not_applicable', value: null, threshold: null });
    }
    expect(check(r, 'SCIC-PUBLIC-CAPITAL-50')).toMatchObject({ status: 'ok', value: 0, threshold: 5000, unit: 'bp', article: 'L1947 art. 19 septies' });
  });

  it('refuses a date before registration (NOT_FOUND)', () => expect(() => report(scicOk, '2024-01-14')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' })));

  it('SCIC-CATEGORIES: a violation since the date a compulsory category went missing', () => {
    const c = check(report([scicOk, withdrew('e1', '2024-05-01')], '2024-12-31'), 'SCIC-CATEGORIES');
    expect(c).toMatchObject({ status: 'violation', value: 2, threshold: 3, unit: 'categories', since: '2024-05-01' });
    expect(c.detail).toContain('employees (or producers');
  });

  it('SCIC-CATEGORIES: producers stand in for employees, and the detail says on what condition', () => {
    const c = check(report([scic(), admitted('b1', 'beneficiary', 1), admitted('p1', 'producer', 1), admitted('s1', 'supporter', 1)], '2024-12-31'), 'SCIC-CATEGORIES');
    expect(c.status).toBe('ok');
    expect(c.detail).toContain('employs no one');
  });

  it("SCIC-PUBLIC-CAPITAL-50: others' redemptions take public bodies above half — reported, rounded up, since the redemption", () => {
    const history = [scicOk, admitted('p1', 'public_body', 30), withdrew('s1', '2024-03-01')];
    expect(check(report(history, '2024-12-31'), 'SCIC-PUBLIC-CAPITAL-50').status).toBe('ok'); // s1's shares are capital until redeemed
    const c = check(report([history, redeemed('s1', 10, '2024-04-01')], '2024-12-31'), 'SCIC-PUBLIC-CAPITAL-50');
    expect(c).toMatchObject({ status: 'violation', value: 6000, threshold: 5000, since: '2024-04-01' });
    const odd = check(report([scicOk, admitted('p1', 'public_body', 31), withdrew('s1', '2024-03-01'), redeemed('s1', 10, '2024-04-01')], '2024-12-31'), 'SCIC-PUBLIC-CAPITAL-50');
    expect(odd.value).toBe(6079); // 31/51 = 60.78…% shown as 6079
  });

  it('SCIC-COLLEGES: associates left outside the collèges an amendment creates are reported until placed', () => {
    const amended = {
      type: 'StatutsAmended',
      data: {
        statuts: resolveStatuts(
          statutsInput('SCIC', {
            colleges: [
              { code: 'a', name: 'A' },
              { code: 'b', name: 'B' },
              { code: 'c', name: 'C' },
            ],
          }),
        ),
        changes: {},
        resolution: { assemblyId: 'ag', resolutionId: 'r' },
        effectiveDate: '2024-06-01',
      },
    } as CooperativeEvent;
    expect(check(report([scicOk, amended], '2024-12-31'), 'SCIC-COLLEGES')).toMatchObject({ status: 'violation', value: 3, since: '2024-06-01' });
  });

  describe('SCOP', () => {
    // e1 holds exactly half of the capital: SCOP-MAX-HOLDING allows it.
    const scopOk = [scop(), admitted('e1', 'employee', 50), admitted('e2', 'employee', 11), admitted('o1', 'supporter', 39)];

    it('SCOP-CAP-51 and SCOP-VOTES-65: figures in basis points, rounded down', () => {
      const r = report(scopOk, '2024-12-31');
      expect(r.status).toBe('compliant');
      expect(check(r, 'SCOP-CAP-51')).toMatchObject({ status: 'ok', value: 6100, threshold: 5100, unit: 'bp' });
      expect(check(r, 'SCOP-VOTES-65')).toMatchObject({ status: 'ok', value: 6666, threshold: 6500, unit: 'bp' });
      expect(check(r, 'SCIC-CATEGORIES').status).toBe('not_applicable');
    });

    it('SCOP-CAP-51: an employee who leaves stops counting at once; the violation runs from the exit through the redemption', () => {
      const r = report([scopOk, withdrew('e1', '2024-05-01'), redeemed('e1', 50, '2024-08-01')], '2024-12-31');
      expect(check(r, 'SCOP-CAP-51')).toMatchObject({ status: 'violation', value: 2200, since: '2024-05-01' });
      expect(check(r, 'SCOP-VOTES-65')).toMatchObject({ status: 'violation', value: 5000, since: '2024-05-01' });
      expect(r.status).toBe('non_compliant');
    });

    it('SCOP-CAP-51: a category change away from employee is reported from its date, and ends when undone', () => {
      const history = [scopOk, categoryChanged('e1', 'employee', 'supporter', '2024-04-01')];
      expect(check(report(history, '2024-12-31'), 'SCOP-CAP-51').since).toBe('2024-04-01');
      expect(check(report([history, categoryChanged('e1', 'supporter', 'employee', '2024-06-01')], '2024-12-31'), 'SCOP-CAP-51').status).toBe('ok');
    });

    it('SCOP-MIN-ASSOCIATES: the date it fell below and stayed, and a year from then to regularise', () => {
      const history = [scopOk, withdrew('e2', '2024-03-01'), admitted('e3', 'employee', 10, { on: '2024-06-01' }), withdrew('e3', '2024-07-15')];
      expect(check(report(history, '2024-12-31'), 'SCOP-MIN-ASSOCIATES')).toMatchObject({
        status: 'violation',
        value: 1,
        threshold: 2,
        unit: 'associates',
        since: '2024-07-15',
        deadline: '2025-07-15',
      });
    });

    it('SCOP-MIN-ASSOCIATES: 7 employee-associates for a SCOP SA', () => {
      const sa = [scop({ companyForm: 'SA' }), ...Array.from({ length: 6 }, (_, i) => admitted(`e${i}`, 'employee', 2000))];
      expect(check(report(sa, '2024-12-31'), 'SCOP-MIN-ASSOCIATES')).toMatchObject({ status: 'violation', value: 6, threshold: 7, since: '2024-01-15', deadline: '2025-01-15' });
    });

    it('SCOP-AMORCAGE: within the period, 50 % to reach by the deadline; then SCOP-CAP-51 again, from the day after', () => {
      // Converted in 2024: until 2031-12-31. Employees hold 50.50 %: enough then, not after.
      const history = [scop({ amorcageConvertedOn: '2024-01-15' }), admitted('e1', 'employee', 500), admitted('e2', 'employee', 5), admitted('o1', 'supporter', 495)];
      expect(check(report(history, '2031-12-31'), 'SCOP-CAP-51')).toMatchObject({ status: 'ok', value: 5050, threshold: 5000, deadline: '2031-12-31' });
      const after = check(report(history, '2032-06-30'), 'SCOP-CAP-51');
      expect(after).toMatchObject({ status: 'violation', value: 5050, threshold: 5100, since: '2032-01-01' });
      expect(after.deadline).toBeUndefined();
    });

    it('SCOP-AMORCAGE: below 50 % during the period is lawful, and the check shows the deadline to reach it', () => {
      const short = [scop({ amorcageConvertedOn: '2024-01-15' }), admitted('e1', 'employee', 500), admitted('e2', 'employee', 5), admitted('o1', 'supporter', 495), transferred('e1', 'o1', 10, '2025-01-01')];
      expect(check(report(short, '2030-01-01'), 'SCOP-CAP-51')).toMatchObject({ status: 'ok', value: 4950, threshold: 5000, deadline: '2031-12-31' });
    });
  });

  it('COOP-SA-MIN-CAPITAL: 18,500 € is enough, one share less is reported', () => {
    const sa = (shares: number) => [scic({ companyForm: 'SA' }), admitted('b1', 'beneficiary', shares)];
    expect(check(report(sa(18_500), '2024-12-31'), 'COOP-SA-MIN-CAPITAL')).toMatchObject({ status: 'ok', value: 1_850_000, threshold: 1_850_000, unit: 'cents' });
    expect(check(report(sa(18_499), '2024-12-31'), 'COOP-SA-MIN-CAPITAL')).toMatchObject({ status: 'violation', value: 1_849_900, since: '2024-01-15' });
  });

  describe('COOP-PAYUP-QUARTER', () => {
    const owing = [scic({ paymentDelayMonths: 12 }), scicOk.slice(1), admitted('x1', 'supporter', 10, { paidCents: 250, on: '2024-03-10' })];

    it('COOP-PAYUP-QUARTER: the deadline fixed at subscription holds, even against an amendment of the same day and a later cancellation', () => {
      const decidedUnderTwelveMonths: CooperativeEvent[] = [
        { type: 'AssociateAdmitted', data: { associateId: 'x2', name: 'x2', personType: 'natural', category: 'supporter', collegeCode: null, effectiveDate: '2024-03-10' } },
        { type: 'SharesSubscribed', data: { movementId: 'sub-x2', associateId: 'x2', shares: 10, amountCents: 1000, paidCents: 250, effectiveDate: '2024-03-10', paymentDueOn: '2025-03-10' } },
      ];
      const amended: CooperativeEvent = {
        type: 'StatutsAmended',
        data: { statuts: resolveStatuts(statutsInput('SCIC', { paymentDelayMonths: 24 })), changes: { paymentDelayMonths: 24 }, resolution: { assemblyId: 'ag', resolutionId: 'r1' }, effectiveDate: '2024-03-10' },
      };
      const history = [scic({ paymentDelayMonths: 12 }), scicOk.slice(1), decidedUnderTwelveMonths, amended];
      const expected = { status: 'violation', value: 750, deadline: '2025-03-10' };
      expect(check(report(history, '2025-03-11'), 'COOP-PAYUP-QUARTER')).toMatchObject(expected);
      // A cancellation effective after the subscription rebuilds the balances from the whole history.
      const mistake = subscribed('s1', 1, { on: '2024-06-01', movementId: 'mistake' });
      expect(check(report([...history, mistake, cancelled(mistake)], '2025-03-11'), 'COOP-PAYUP-QUARTER')).toMatchObject(expected);
    });

    it('COOP-PAYUP-QUARTER: a balance is due on its deadline and overdue from the next day', () => {
      expect(check(report(owing, '2025-03-10'), 'COOP-PAYUP-QUARTER')).toMatchObject({ status: 'ok', value: 0 });
      expect(check(report(owing, '2025-03-11'), 'COOP-PAYUP-QUARTER')).toMatchObject({ status: 'violation', value: 750, threshold: 0, since: '2025-03-11', deadline: '2025-03-10' });
    });

    it('COOP-PAYUP-QUARTER: a payment ends it; a transfer does not buy time', () => {
      expect(check(report([owing, paidUp('x1', 750, '2025-04-01')], '2025-06-30'), 'COOP-PAYUP-QUARTER').status).toBe('ok');
      const sold = [
        owing,
        { type: 'SharesTransferred', data: { movementId: 't1', fromAssociateId: 'x1', toAssociateId: 'b1', shares: 10, amountCents: 1000, paidCents: 250, effectiveDate: '2024-12-01' } } as CooperativeEvent,
      ];
      expect(check(report(sold, '2025-03-11'), 'COOP-PAYUP-QUARTER')).toMatchObject({ status: 'violation', value: 750, deadline: '2025-03-10' });
    });

    it('COOP-PAYUP-QUARTER: a cancelled subscription never owed anything', () => {
      const [, sub] = admitted('x2', 'supporter', 10, { paidCents: 250, on: '2024-03-10', movementId: 'sub-x2' });
      const r = report([scic({ paymentDelayMonths: 12 }), scicOk.slice(1), admitted('x2', 'supporter', 10, { paidCents: 250, on: '2024-03-10', movementId: 'sub-x2' }), cancelled(sub)], '2025-06-30');
      expect(check(r, 'COOP-PAYUP-QUARTER').status).toBe('ok');
    });
  });

  describe('COOP-REDEMPTION-NOMINAL', () => {
    const leaving = [scic({ redemptionDelayMonths: 12 }), scicOk.slice(1), admitted('x1', 'supporter', 10), withdrew('x1', '2024-03-01')];

    it('COOP-REDEMPTION-NOMINAL: a leaving associate not repaid within the delay is reported from the day after', () => {
      expect(check(report(leaving, '2025-03-01'), 'COOP-REDEMPTION-NOMINAL').status).toBe('ok');
      expect(check(report(leaving, '2025-03-02'), 'COOP-REDEMPTION-NOMINAL')).toMatchObject({ status: 'violation', value: 1000, since: '2025-03-02', deadline: '2025-03-01' });
      expect(check(report([leaving, redeemed('x1', 10, '2025-04-01')], '2025-06-30'), 'COOP-REDEMPTION-NOMINAL').status).toBe('ok');
    });

    it('COOP-REDEMPTION-NOMINAL: a redemption suspended by the capital floor is lawfully waiting', () => {
      const floor = [scic({ redemptionDelayMonths: 12, capitalFloorBp: 10000 }), scicOk.slice(1), admitted('x1', 'supporter', 10), withdrew('x1', '2024-03-01')];
      const c = check(report(floor, '2025-06-30'), 'COOP-REDEMPTION-NOMINAL');
      expect(c.status).toBe('ok');
      expect(c.detail).toContain('suspended by the capital floor');
    });
  });

  it('COOP-CAPITAL-FLOOR: for information, capital against the floor of the highest capital reached', () =>
    expect(check(report([scicOk, withdrew('s1', '2024-03-01'), redeemed('s1', 10, '2024-04-01')], '2024-12-31'), 'COOP-CAPITAL-FLOOR')).toMatchObject({
      status: 'ok',
      value: 2000,
      threshold: 750,
      unit: 'cents',
    }));
});
