import { ResolutionRecord } from '../../assembly/adopted-resolution';
import { CooperativeCommand } from '../commands';
import { StatutsInput } from '../statuts';
import { resolveStatuts } from '../statuts-defaults';
import { admitted, domainError, given, rule, scic, scop, statutsInput, THREE_COLLEGES } from '../testing';

/** The extraordinary resolution r1 of the closed AG age-2025, adopted: what the write path reads from that assembly. */
const ADOPTED: ResolutionRecord = { coopId: 'coop', assemblyId: 'age-2025', assemblyStatus: 'closed', heldOn: '2025-06-20', resolutionId: 'r1', kind: 'extraordinary', outcome: 'adopted' };

function amend(changes: Partial<StatutsInput>, effectiveDate = '2025-06-30', adoption: ResolutionRecord | null = ADOPTED): CooperativeCommand {
  return { type: 'AmendStatuts', effectiveDate, changes, resolution: { assemblyId: 'age-2025', resolutionId: 'r1' }, adoption };
}

describe('AdoptStatuts', () => {
  it('records the resolved statuts, in force from registration', () => {
    const input = statutsInput('SCIC', { colleges: THREE_COLLEGES });
    given()
      .when({ type: 'AdoptStatuts', coopId: 'alpha', statuts: input })
      .then([{ type: 'StatutsAdopted', data: { coopId: 'alpha', statuts: resolveStatuts(input), effectiveDate: '2024-01-15' } }]);
  });

  it('refuses statuts for a cooperative that already has them (ALREADY_EXISTS)', () =>
    given(scic())
      .when({ type: 'AdoptStatuts', coopId: 'coop', statuts: statutsInput('SCIC') })
      .thenThrows(domainError('ALREADY_EXISTS')));
});

describe('AmendStatuts', () => {
  it('records the statuts in force with the changes laid over them, and the resolution', () => {
    const events = given(scic())
      .when(amend({ capitalFloorBp: 3000, colleges: THREE_COLLEGES }))
      .events();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.type).toBe('StatutsAmended');
    expect(event.data).toMatchObject({
      statuts: { ...resolveStatuts(statutsInput('SCIC')), capitalFloorBp: 3000, colleges: resolveStatuts(statutsInput('SCIC', { colleges: THREE_COLLEGES })).colleges },
      changes: { capitalFloorBp: 3000, colleges: THREE_COLLEGES },
      resolution: { assemblyId: 'age-2025', resolutionId: 'r1' },
      effectiveDate: '2025-06-30',
    });
  });

  it('keeps every clause the amendment leaves out, assembly rules merged field by field', () => {
    const [event] = given(scop({ companyForm: 'SA', paymentDelayMonths: 12 }))
      .when(amend({ assemblyRules: { ordinary: { quorumFirstCallBp: 2500 } } }))
      .events();
    const statuts = (event.data as { statuts: ReturnType<typeof resolveStatuts> }).statuts;
    expect(statuts.paymentDelayMonths).toBe(12);
    expect(statuts.assemblyRules.ordinary).toEqual({ quorumFirstCallBp: 2500, quorumSecondCallBp: 0, majority: { numerator: 1, denominator: 2, strict: true } });
  });

  it('SCIC-COLLEGES: an amendment is held to the same bounds as the adoption', () =>
    given(scic())
      .when(
        amend({
          colleges: [
            { code: 'a', name: 'A', weightBp: 5000 },
            { code: 'b', name: 'B', weightBp: 5000 },
          ],
        }),
      )
      .thenThrows(rule('SCIC-COLLEGES')));

  it('COOP-CAPITAL-FLOOR: an amendment cannot lower the floor under a quarter', () =>
    given(scop())
      .when(amend({ capitalFloorBp: 2000 }))
      .thenThrows(rule('COOP-CAPITAL-FLOOR')));

  it('COOP-SHARE-VALUE: the share value cannot change while shares are outstanding', () =>
    given(scop(), admitted('e1', 'employee', 10))
      .when(amend({ shareValueCents: 200 }))
      .thenThrows(rule('COOP-SHARE-VALUE'), '10 shares are outstanding'));

  it('COOP-SHARE-VALUE: the share value may change before any share is subscribed', () =>
    given(scop())
      .when(amend({ shareValueCents: 200 }))
      .thenEmits([{ type: 'StatutsAmended', data: { statuts: { shareValueCents: 200 }, changes: { shareValueCents: 200 } } }]));

  it('refuses an amendment dated before registration or before the statuts in force (INVALID_VALUE)', () => {
    given(scop())
      .when(amend({ capitalFloorBp: 3000 }, '2024-01-14'))
      .thenThrows(domainError('INVALID_VALUE'));
    const later = { type: 'StatutsAmended', data: { statuts: resolveStatuts(statutsInput('SCOP')), changes: {}, resolution: { assemblyId: 'a', resolutionId: 'r' }, effectiveDate: '2025-01-01' } } as const;
    given(scop(), later)
      .when(amend({ capitalFloorBp: 3000 }, '2024-12-31'))
      .thenThrows(domainError('INVALID_VALUE'));
  });

  it('refuses to change the legal form or the registration date (INVALID_VALUE)', () => {
    given(scop())
      .when(amend({ legalForm: 'SCIC' }))
      .thenThrows(domainError('INVALID_VALUE'), 'transformation');
    given(scop())
      .when(amend({ registeredOn: '2023-01-01' }))
      .thenThrows(domainError('INVALID_VALUE'));
  });

  it('refuses an amendment without its resolution (INVALID_VALUE) and before any statuts (NOT_FOUND)', () => {
    given(scop())
      .when({ type: 'AmendStatuts', effectiveDate: '2025-01-01', changes: {}, resolution: { assemblyId: '', resolutionId: 'r' }, adoption: null })
      .thenThrows(domainError('INVALID_VALUE'));
    given().when(amend({})).thenThrows(domainError('NOT_FOUND'));
  });

  it('refuses an amendment whose resolution is not an adopted extraordinary one of a closed AG of this cooperative (INVALID_STATE)', () => {
    given(scop())
      .when(amend({}, '2025-06-30', null))
      .thenThrows(domainError('INVALID_STATE'), 'does not exist');
    given(scop())
      .when(amend({}, '2025-06-30', { ...ADOPTED, coopId: 'other' }))
      .thenThrows(domainError('INVALID_STATE'), 'of cooperative other, not of coop');
    given(scop())
      .when(amend({}, '2025-06-30', { ...ADOPTED, assemblyStatus: 'open' }))
      .thenThrows(domainError('INVALID_STATE'), 'still open');
    given(scop())
      .when(amend({}, '2025-06-30', { ...ADOPTED, kind: 'ordinary' }))
      .thenThrows(domainError('INVALID_STATE'), 'is ordinary');
    given(scop())
      .when(amend({}, '2025-06-30', { ...ADOPTED, outcome: 'rejected' }))
      .thenThrows(domainError('INVALID_STATE'), 'was rejected');
  });
});
