import { CooperativeCommand } from './commands';
import { StatutsInput } from './statuts';
import { domainError, given, rule, statutsInput, THREE_COLLEGES } from './testing';

/** The parameter rules, through the decider: statuts that break them are never adopted. */
function adopt(legalForm: 'SCIC' | 'SCOP', overrides: Partial<StatutsInput> = {}): CooperativeCommand {
  return { type: 'AdoptStatuts', coopId: 'coop', statuts: statutsInput(legalForm, overrides) };
}

function weighted(...weights: number[]) {
  return weights.map((weightBp, i) => ({ code: `c${i}`, name: `Collège ${i}`, weightBp }));
}

describe('COOP-SHARE-VALUE', () => {
  it('COOP-SHARE-VALUE accepts one cent', () =>
    given()
      .when(adopt('SCOP', { shareValueCents: 1 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { shareValueCents: 1 } } }]));
  it('COOP-SHARE-VALUE refuses zero, a fraction of a cent and an unsafe integer', () => {
    given()
      .when(adopt('SCOP', { shareValueCents: 0 }))
      .thenThrows(rule('COOP-SHARE-VALUE'));
    given()
      .when(adopt('SCOP', { shareValueCents: 12.5 }))
      .thenThrows(rule('COOP-SHARE-VALUE'));
    given()
      .when(adopt('SCOP', { shareValueCents: 2 ** 53 }))
      .thenThrows(rule('COOP-SHARE-VALUE'));
  });
});

describe('COOP-PAYUP-QUARTER', () => {
  it('COOP-PAYUP-QUARTER accepts a minimum of exactly a quarter, and full payment', () => {
    given()
      .when(adopt('SCOP', { minimumPaidAtSubscriptionBp: 2500 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { minimumPaidAtSubscriptionBp: 2500 } } }]);
    given()
      .when(adopt('SCOP', { minimumPaidAtSubscriptionBp: 10000 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { minimumPaidAtSubscriptionBp: 10000 } } }]);
  });
  it('COOP-PAYUP-QUARTER refuses a minimum below a quarter or above everything', () => {
    given()
      .when(adopt('SCOP', { minimumPaidAtSubscriptionBp: 2499 }))
      .thenThrows(rule('COOP-PAYUP-QUARTER'), 'minimumPaidAtSubscriptionBp is 2499');
    given()
      .when(adopt('SCOP', { minimumPaidAtSubscriptionBp: 10001 }))
      .thenThrows(rule('COOP-PAYUP-QUARTER'));
  });
  it('COOP-PAYUP-QUARTER accepts a payment delay of 60 months and refuses 61', () => {
    given()
      .when(adopt('SCIC', { paymentDelayMonths: 60 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { paymentDelayMonths: 60 } } }]);
    given()
      .when(adopt('SCIC', { paymentDelayMonths: 61 }))
      .thenThrows(rule('COOP-PAYUP-QUARTER'));
  });
});

describe('COOP-CAPITAL-FLOOR', () => {
  it('COOP-CAPITAL-FLOOR accepts a floor of a quarter up to the whole capital', () => {
    given()
      .when(adopt('SCIC', { capitalFloorBp: 2500 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { capitalFloorBp: 2500 } } }]);
    given()
      .when(adopt('SCIC', { capitalFloorBp: 10000 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { capitalFloorBp: 10000 } } }]);
  });
  it('COOP-CAPITAL-FLOOR refuses a floor below a quarter or above the whole', () => {
    given()
      .when(adopt('SCIC', { capitalFloorBp: 2499 }))
      .thenThrows(rule('COOP-CAPITAL-FLOOR'));
    given()
      .when(adopt('SCIC', { capitalFloorBp: 10001 }))
      .thenThrows(rule('COOP-CAPITAL-FLOOR'));
  });
});

describe('COOP-REDEMPTION-NOMINAL', () => {
  it('COOP-REDEMPTION-NOMINAL accepts a redemption delay of 0 to 60 months and refuses 61', () => {
    given()
      .when(adopt('SCIC', { redemptionDelayMonths: 0 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { redemptionDelayMonths: 0 } } }]);
    given()
      .when(adopt('SCIC', { redemptionDelayMonths: 60 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { redemptionDelayMonths: 60 } } }]);
    given()
      .when(adopt('SCIC', { redemptionDelayMonths: 61 }))
      .thenThrows(rule('COOP-REDEMPTION-NOMINAL'));
  });
});

describe('SCIC-COLLEGES', () => {
  it('SCIC-COLLEGES accepts collèges weighing exactly 10 % and 50 %', () =>
    given()
      .when(adopt('SCIC', { colleges: weighted(1000, 4000, 5000) }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { colleges: weighted(1000, 4000, 5000) } } }]));
  it('SCIC-COLLEGES refuses a collège of 999 bp', () =>
    given()
      .when(adopt('SCIC', { colleges: weighted(999, 4001, 5000) }))
      .thenThrows(rule('SCIC-COLLEGES'), 'weightBp is 999'));
  it('SCIC-COLLEGES refuses a collège of 5001 bp', () =>
    given()
      .when(adopt('SCIC', { colleges: weighted(1000, 3999, 5001) }))
      .thenThrows(rule('SCIC-COLLEGES')));
  it('SCIC-COLLEGES refuses weights that do not sum to 10000', () =>
    given()
      .when(adopt('SCIC', { colleges: weighted(3000, 3000, 3000) }))
      .thenThrows(rule('SCIC-COLLEGES'), 'sum to 9000'));
  it('SCIC-COLLEGES refuses 2 collèges', () =>
    given()
      .when(adopt('SCIC', { colleges: weighted(5000, 5000) }))
      .thenThrows(rule('SCIC-COLLEGES')));
  it('SCIC-COLLEGES refuses two collèges with the same code', () =>
    given()
      .when(adopt('SCIC', { colleges: [...THREE_COLLEGES, { code: 'users', name: 'Again' }] }))
      .thenThrows(rule('SCIC-COLLEGES')));
  it('SCIC-COLLEGES refuses collèges in a SCOP', () =>
    given()
      .when(adopt('SCOP', { colleges: THREE_COLLEGES }))
      .thenThrows(rule('SCIC-COLLEGES')));
  it('SCIC-COLLEGES accepts no collèges at all (one associate, one vote)', () =>
    given()
      .when(adopt('SCIC'))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { legalForm: 'SCIC', colleges: [] } } }]));
});

describe('SCIC-STATUTORY-RESERVE', () => {
  it('SCIC-STATUTORY-RESERVE accepts 50 % and refuses 49.99 %', () => {
    given()
      .when(adopt('SCIC', { statutoryReserveBp: 5000 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { statutoryReserveBp: 5000 } } }]);
    given()
      .when(adopt('SCIC', { statutoryReserveBp: 4999 }))
      .thenThrows(rule('SCIC-STATUTORY-RESERVE'));
  });
  it('SCIC-STATUTORY-RESERVE accepts 100 % and refuses more', () => {
    given()
      .when(adopt('SCIC', { statutoryReserveBp: 10000 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { statutoryReserveBp: 10000 } } }]);
    given()
      .when(adopt('SCIC', { statutoryReserveBp: 10001 }))
      .thenThrows(rule('SCIC-STATUTORY-RESERVE'));
  });
  it('SCOP-DEVELOPMENT-FUND: a SCOP may set any rate from 0 to 100 %', () => {
    given()
      .when(adopt('SCOP', { statutoryReserveBp: 0 }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { legalForm: 'SCOP', statutoryReserveBp: 0 } } }]);
    given()
      .when(adopt('SCOP', { statutoryReserveBp: 10001 }))
      .thenThrows(rule('SCOP-DEVELOPMENT-FUND'));
  });
});

describe('AG-QUORUM and AG-MAJORITY', () => {
  it('AG-QUORUM accepts 0 and 10000 bp and refuses 10001 or a negative quorum', () => {
    given()
      .when(adopt('SCIC', { assemblyRules: { ordinary: { quorumFirstCallBp: 10000, quorumSecondCallBp: 0 } } }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { assemblyRules: { ordinary: { quorumFirstCallBp: 10000, quorumSecondCallBp: 0 } } } } }]);
    given()
      .when(adopt('SCIC', { assemblyRules: { ordinary: { quorumFirstCallBp: 10001 } } }))
      .thenThrows(rule('AG-QUORUM'));
    given()
      .when(adopt('SCIC', { assemblyRules: { extraordinary: { quorumSecondCallBp: -1 } } }))
      .thenThrows(rule('AG-QUORUM'));
  });
  it('AG-MAJORITY accepts unanimity (1/1, not strict)', () =>
    given()
      .when(adopt('SCIC', { assemblyRules: { extraordinary: { majority: { numerator: 1, denominator: 1, strict: false } } } }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { assemblyRules: { extraordinary: { majority: { numerator: 1, denominator: 1, strict: false } } } } } }]));
  it('AG-MAJORITY refuses 0, more than 1, a zero denominator and "more than all"', () => {
    for (const majority of [
      { numerator: 0, denominator: 2, strict: false },
      { numerator: 3, denominator: 2, strict: false },
      { numerator: 1, denominator: 0, strict: false },
      { numerator: 1, denominator: 1, strict: true },
    ]) {
      given()
        .when(adopt('SCIC', { assemblyRules: { ordinary: { majority } } }))
        .thenThrows(rule('AG-MAJORITY'));
    }
  });
});

describe('SCOP-AMORCAGE', () => {
  it('SCOP-AMORCAGE accepts a conversion date in a SCOP', () =>
    given()
      .when(adopt('SCOP', { amorcageConvertedOn: '2024-01-15' }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { legalForm: 'SCOP', amorcageConvertedOn: '2024-01-15' } } }]));
  it('SCOP-AMORCAGE refuses a conversion date in a SCIC', () =>
    given()
      .when(adopt('SCIC', { amorcageConvertedOn: '2024-01-15' }))
      .thenThrows(rule('SCOP-AMORCAGE')));
});

describe('Statuts shape (not law)', () => {
  it('refuses an empty name, an impossible registration date and an unknown company form', () => {
    given()
      .when(adopt('SCIC', { name: ' ' }))
      .thenThrows(domainError('INVALID_VALUE'));
    given()
      .when(adopt('SCIC', { registeredOn: '2024-02-30' }))
      .thenThrows(domainError('INVALID_VALUE'));
    given()
      .when(adopt('SCIC', { companyForm: 'SNC' as never }))
      .thenThrows(domainError('INVALID_VALUE'));
  });
});
