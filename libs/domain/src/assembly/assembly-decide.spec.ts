import { AssemblyCommand } from './assembly-commands';
import { attend, ballots, closeAssembly, closeResolution, convene, domainError, given, hands, members, open, resolution, rule, rulesWith, sitting, vote } from './testing';

const voters = members('a', 5);

describe('ConveneAssembly', () => {
  it('records the convocation with every field of the command', () => {
    const command = convene({ voters: members('a', 2), resolutions: [resolution('r1', 'ordinary', true)] });
    given()
      .when(command)
      .then([
        {
          type: 'AssemblyConvened',
          data: {
            coopId: 'coop',
            assemblyId: 'ag1',
            kind: 'ordinary',
            title: 'Assemblée ag1',
            convenedOn: '2025-05-20',
            heldOn: '2025-06-14',
            place: 'Salle des fêtes, Lyon',
            convocationMethod: 'letter',
            call: 1,
            recordDate: '2025-05-20',
            reconvenes: null,
            resolutions: [{ id: 'r1', title: 'Resolution r1', text: 'The assembly resolves r1.', kind: 'ordinary', boardApproved: true }],
            voters: [
              { associateId: 'a1', name: 'Associate a1', collegeCode: null, employee: true, weight: { numerator: '1', denominator: '1' } },
              { associateId: 'a2', name: 'Associate a2', collegeCode: null, employee: true, weight: { numerator: '1', denominator: '1' } },
            ],
            votersHash: 'hash-of-the-voter-list',
            rules: rulesWith(),
          },
        },
      ]);
  });

  it('refuses a stream that already holds an assembly (ALREADY_EXISTS)', () => given(convene({ voters })).when(convene({ voters })).thenThrows(domainError('ALREADY_EXISTS')));

  it('refuses an assembly held before it is convened, or a record date after it is held (INVALID_VALUE)', () => {
    given()
      .when(convene({ voters, heldOn: '2025-05-19' }))
      .thenThrows(domainError('INVALID_VALUE'), 'heldOn 2025-05-19 is before the convocation date');
    given()
      .when(convene({ voters, recordDate: '2025-06-15' }))
      .thenThrows(domainError('INVALID_VALUE'), 'after the assembly is held');
    given()
      .when(convene({ voters, heldOn: '2025-02-30' }))
      .thenThrows(domainError('INVALID_VALUE'));
  });

  it('accepts a record date before the convocation, and an assembly held on the day it is convened when the statuts ask no notice', () =>
    given()
      .when(convene({ voters, recordDate: '2025-05-01', heldOn: '2025-05-20', rules: rulesWith({ noticeDays: 0 }) }))
      .thenEmits([{ type: 'AssemblyConvened', data: { convenedOn: '2025-05-20', heldOn: '2025-05-20', recordDate: '2025-05-01' } }]));

  it('refuses a resolution without its text, and a convocation without a place (INVALID_VALUE)', () => {
    given()
      .when(convene({ voters, resolutions: [{ ...resolution('r1'), text: ' ' }] }))
      .thenThrows(domainError('INVALID_VALUE'), 'resolutions[0].text');
    given()
      .when({ ...convene({ voters }), place: '' } as AssemblyCommand)
      .thenThrows(domainError('INVALID_VALUE'), 'place');
    given()
      .when({ ...convene({ voters }), convocationMethod: 'pigeon' } as never)
      .thenThrows(domainError('INVALID_VALUE'), 'convocationMethod');
  });

  it('refuses an empty agenda and a resolution listed twice (INVALID_VALUE)', () => {
    given()
      .when(convene({ voters, resolutions: [] }))
      .thenThrows(domainError('INVALID_VALUE'), 'at least one resolution');
    given()
      .when(convene({ voters, resolutions: [resolution('r1'), resolution('r1')] }))
      .thenThrows(domainError('INVALID_VALUE'), 'twice');
  });

  it('refuses a resolution of a kind the assembly cannot vote; a combined assembly votes both (INVALID_VALUE)', () => {
    given()
      .when(convene({ voters, kind: 'ordinary', resolutions: [resolution('r1', 'extraordinary')] }))
      .thenThrows(domainError('INVALID_VALUE'), 'an ordinary assembly votes ordinary resolutions only');
    given()
      .when(convene({ voters, kind: 'extraordinary', resolutions: [resolution('r1', 'ordinary')] }))
      .thenThrows(domainError('INVALID_VALUE'), 'an extraordinary assembly votes extraordinary resolutions only');
    given()
      .when(convene({ voters, kind: 'combined', resolutions: [resolution('r1', 'ordinary'), resolution('r2', 'extraordinary')] }))
      .thenEmits([
        {
          type: 'AssemblyConvened',
          data: {
            kind: 'combined',
            resolutions: [
              { id: 'r1', kind: 'ordinary' },
              { id: 'r2', kind: 'extraordinary' },
            ],
          },
        },
      ]);
  });

  it('refuses an empty voter list: no associate can vote (INVALID_STATE)', () =>
    given()
      .when(convene({ voters: [] }))
      .thenThrows(domainError('INVALID_STATE'), 'no associate can vote'));

  it('refuses an associate listed twice among the voters (INVALID_VALUE)', () =>
    given()
      .when(convene({ voters: [...voters, voters[0]] }))
      .thenThrows(domainError('INVALID_VALUE'), 'a1 is on the voter list twice'));

  it('AG-QUORUM: a second call names the first call it reconvenes, and a first call names none (INVALID_VALUE)', () => {
    given()
      .when(convene({ voters, call: 2 }))
      .thenThrows(domainError('INVALID_VALUE'), 'names the first-call assembly');
    given()
      .when(convene({ voters, call: 1, reconvenes: 'ag0' }))
      .thenThrows(domainError('INVALID_VALUE'), 'a first call reconvenes nothing');
    given()
      .when(convene({ voters, call: 2, reconvenes: 'ag1' }))
      .thenThrows(domainError('INVALID_VALUE'), 'cannot reconvene itself');
    given()
      .when(convene({ assemblyId: 'ag2', voters, call: 2, reconvenes: 'ag1' }))
      .thenEmits([{ type: 'AssemblyConvened', data: { assemblyId: 'ag2', call: 2, reconvenes: 'ag1' } }]);
  });

  it('refuses rules out of bounds (INVALID_VALUE)', () => {
    given()
      .when(convene({ voters, rules: { ...rulesWith(), quorumRequiredBp: { ordinary: 10001, extraordinary: 0 } } }))
      .thenThrows(domainError('INVALID_VALUE'), 'quorumRequiredBp.ordinary');
    given()
      .when(convene({ voters, rules: rulesWith({ majority: { ordinary: { numerator: 3, denominator: 2, strict: false } } }) }))
      .thenThrows(domainError('INVALID_VALUE'), 'majority.ordinary');
  });
});

describe('RecordAttendance', () => {
  it('records each mode', () => {
    for (const mode of ['present', 'remote', 'mail'] as const) {
      given(convene({ voters }))
        .when(attend('a1', mode))
        .then([{ type: 'AttendanceRecorded', data: { associateId: 'a1', mode, proxyHolderId: null } }]);
    }
  });

  it('refuses an associate recorded twice (ALREADY_EXISTS)', () => given(convene({ voters }), attend('a1')).when(attend('a1', 'remote')).thenThrows(domainError('ALREADY_EXISTS'), 'already recorded (present)'));

  it('records a late arrival once the assembly is open, counted from the first resolution not yet closed', () => {
    const agenda = [resolution('r1'), resolution('r2'), resolution('r3')];
    given(convene({ voters, resolutions: agenda }), attend('a1'), attend('a2'), open, ballots('r1', { for: ['a1'] }), closeResolution('r1'))
      .when(attend('a5', 'proxy', 'a1'))
      .then([{ type: 'AttendanceRecorded', data: { associateId: 'a5', mode: 'proxy', proxyHolderId: 'a1', countsFrom: 'r2' } }]);
  });

  it('a late arrival votes on the resolutions still open, not on those closed before (INVALID_STATE)', () => {
    const agenda = [resolution('r1'), resolution('r2')];
    const late = [convene({ voters, resolutions: agenda }), attend('a1'), open, ballots('r1', { for: ['a1'] }), closeResolution('r1'), attend('a2')];
    given(late)
      .when(vote('r2', 'a2', 'for'))
      .thenEmits([{ type: 'BallotCast', data: { associateId: 'a2' } }]);
    given(late)
      .when(vote('r1', 'a2', 'for'))
      .thenThrows(domainError('INVALID_STATE'), 'r1 is closed');
  });

  it('refuses attendance once every resolution is closed, and once the assembly is closed (INVALID_STATE)', () => {
    given(sitting({ voters: members('a', 4) }), ballots('r1', { for: ['a1'] }), closeResolution('r1'))
      .when(attend('a5'))
      .thenThrows(domainError('INVALID_STATE'), 'every resolution is already closed');
    given(sitting({ voters }), ballots('r1', { for: ['a1'] }), closeResolution('r1'), closeAssembly)
      .when(attend('a5'))
      .thenThrows(domainError('INVALID_STATE'), 'closed');
  });

  it('refuses anything on a stream with no assembly (NOT_FOUND)', () => {
    given().when(attend('a1')).thenThrows(domainError('NOT_FOUND'));
    given().when(open).thenThrows(domainError('NOT_FOUND'));
    given()
      .when(vote('r1', 'a1', 'for'))
      .thenThrows(domainError('NOT_FOUND'));
  });

  it('refuses an unknown mode (INVALID_VALUE)', () =>
    given(convene({ voters }))
      .when({ type: 'RecordAttendance', associateId: 'a1', mode: 'dreaming' } as never)
      .thenThrows(domainError('INVALID_VALUE')));
});

describe('OpenAssembly', () => {
  it('AG-QUORUM: refuses to open with nobody present or represented, even at a 0 % quorum', () =>
    given(convene({ voters, rules: rulesWith({ quorum: { ordinary: 0 } }) }))
      .when(open)
      .thenThrows(rule('AG-QUORUM'), 'nobody of the 5 associates'));

  it('opens at a 0 % quorum with one associate present', () =>
    given(convene({ voters, rules: rulesWith({ quorum: { ordinary: 0 } }) }), attend('a3'))
      .when(open)
      .thenEmits([{ type: 'AssemblyOpened', data: { total: 1, ordinaryQuorumMet: true } }]));

  it('refuses to reopen a closed assembly (INVALID_STATE)', () =>
    given(sitting({ voters }), ballots('r1', { for: ['a1'] }), closeResolution('r1'), closeAssembly)
      .when(open)
      .thenThrows(domainError('INVALID_STATE'), 'closed'));
});

describe('CastBallot', () => {
  it('records the ballot, cast by the associate', () =>
    given(sitting({ voters }))
      .when(vote('r1', 'a1', 'abstain'))
      .then([{ type: 'BallotCast', data: { resolutionId: 'r1', associateId: 'a1', choice: 'abstain', castBy: 'a1' } }]));

  it('takes a postal ballot for an associate who votes by mail', () =>
    given(convene({ voters }), attend('a1', 'mail'), open)
      .when(vote('r1', 'a1', 'for'))
      .then([{ type: 'BallotCast', data: { resolutionId: 'r1', associateId: 'a1', choice: 'for', castBy: 'a1' } }]));

  it('refuses a vote before the assembly opens (INVALID_STATE)', () =>
    given(convene({ voters }), attend('a1'))
      .when(vote('r1', 'a1', 'for'))
      .thenThrows(domainError('INVALID_STATE'), 'the assembly is not open yet; record the attendance, then open it'));

  it('refuses an unknown resolution (NOT_FOUND) and a closed one (INVALID_STATE)', () => {
    given(sitting({ voters }))
      .when(vote('r9', 'a1', 'for'))
      .thenThrows(domainError('NOT_FOUND'), 'no resolution r9');
    given(sitting({ voters }), closeResolution('r1'))
      .when(vote('r1', 'a1', 'for'))
      .thenThrows(domainError('INVALID_STATE'), 'resolution r1 is closed');
  });

  it('refuses an associate on the list who does not attend (INVALID_STATE)', () =>
    given(convene({ voters }), attend('a1'), open)
      .when(vote('r1', 'a2', 'for'))
      .thenThrows(domainError('INVALID_STATE'), 'a2 is not recorded as attending'));

  it('refuses an unknown choice (INVALID_VALUE)', () =>
    given(sitting({ voters }))
      .when(vote('r1', 'a1', 'maybe' as never))
      .thenThrows(domainError('INVALID_VALUE')));

  it('refuses a ballot on a resolution voted by show of hands: never mixed (INVALID_STATE)', () =>
    given(sitting({ voters }), hands('r1', { for: 1, against: 0 }))
      .when(vote('r1', 'a1', 'for'))
      .thenThrows(domainError('INVALID_STATE'), 'voted by show of hands'));

  it('refuses a vote once the assembly is closed (INVALID_STATE)', () =>
    given(sitting({ voters }), closeResolution('r1'), closeAssembly)
      .when(vote('r1', 'a1', 'for'))
      .thenThrows(domainError('INVALID_STATE'), 'the assembly is closed'));
});

describe('RecordShowOfHands', () => {
  it('records the counts, blank defaulting to 0', () =>
    given(sitting({ voters }))
      .when(hands('r1', { for: 3, against: 1, abstain: 1 }))
      .then([{ type: 'ShowOfHandsRecorded', data: { resolutionId: 'r1', collegeCode: null, for: 3, against: 1, abstain: 1, blank: 0, nonEmployee: null } }]));

  it('refuses hands before the assembly opens (INVALID_STATE), on an unknown (NOT_FOUND) or closed (INVALID_STATE) resolution', () => {
    given(convene({ voters }))
      .when(hands('r1', { for: 1, against: 0 }))
      .thenThrows(domainError('INVALID_STATE'), 'not open yet');
    given(sitting({ voters }))
      .when(hands('r9', { for: 1, against: 0 }))
      .thenThrows(domainError('NOT_FOUND'));
    given(sitting({ voters }), closeResolution('r1'))
      .when(hands('r1', { for: 1, against: 0 }))
      .thenThrows(domainError('INVALID_STATE'));
  });

  it('refuses hands on a resolution with ballots: never mixed (INVALID_STATE)', () =>
    given(sitting({ voters }), vote('r1', 'a1', 'for'))
      .when(hands('r1', { for: 1, against: 0 }))
      .thenThrows(domainError('INVALID_STATE'), 'voted by ballots (1 cast)'));

  it('refuses a second show of hands without collèges (ALREADY_EXISTS)', () =>
    given(sitting({ voters }), hands('r1', { for: 1, against: 0 }))
      .when(hands('r1', { for: 1, against: 0 }))
      .thenThrows(domainError('ALREADY_EXISTS')));

  it('refuses negative or fractional counts (INVALID_VALUE)', () => {
    given(sitting({ voters }))
      .when(hands('r1', { for: -1, against: 0 }))
      .thenThrows(domainError('INVALID_VALUE'), 'for must be a whole number');
    given(sitting({ voters }))
      .when(hands('r1', { for: 1.5, against: 0 }))
      .thenThrows(domainError('INVALID_VALUE'));
    given(sitting({ voters }))
      .when(hands('r1', { for: 0, against: 0, blank: -2 }))
      .thenThrows(domainError('INVALID_VALUE'), 'blank');
  });

  it('refuses more hands than attendees who can raise one; blank proxies raise none (INVALID_VALUE)', () => {
    // 5 on the list: a1, a2, a3 present, a4 blank proxy, a5 absent: 3 hands at most.
    const ag = [convene({ voters }), attend('a1'), attend('a2'), attend('a3'), attend('a4', 'proxy'), open];
    given(ag)
      .when(hands('r1', { for: 2, against: 1 }))
      .then([{ type: 'ShowOfHandsRecorded', data: { resolutionId: 'r1', collegeCode: null, for: 2, against: 1, abstain: 0, blank: 0, nonEmployee: null } }]);
    given(ag)
      .when(hands('r1', { for: 2, against: 1, blank: 1 }))
      .thenThrows(domainError('INVALID_VALUE'), '4 hands counted (for 2, against 1, abstain 0, blank 1) but only 3 attendees who can vote by hand');
  });

  it("counts the hands per collège against that collège's attendees", () => {
    const three = [...members('a', 2, { college: 'A' }), ...members('b', 3, { college: 'B' }), ...members('c', 1, { college: 'C' })];
    const ag = sitting({
      voters: three,
      rules: rulesWith({
        colleges: [
          { code: 'A', name: 'A', weightBp: 4000 },
          { code: 'B', name: 'B', weightBp: 3000 },
          { code: 'C', name: 'C', weightBp: 3000 },
        ],
      }),
    });
    given(ag)
      .when(hands('r1', { for: 3, against: 0 }, 'B'))
      .then([{ type: 'ShowOfHandsRecorded', data: { resolutionId: 'r1', collegeCode: 'B', for: 3, against: 0, abstain: 0, blank: 0, nonEmployee: null } }]);
    given(ag)
      .when(hands('r1', { for: 3, against: 0 }, 'A'))
      .thenThrows(domainError('INVALID_VALUE'), 'collège A: attendees who can vote by hand');
  });

  describe('SCOP-VOTES-65 in a show of hands', () => {
    const scop = [...members('e', 3), ...members('o', 2, { employee: false })];
    const ag = sitting({ voters: scop, rules: rulesWith({ legalForm: 'SCOP' }) });

    it('SCOP-VOTES-65 refuses a SCOP show of hands without its non-employee part when outsiders attend', () =>
      given(ag)
        .when(hands('r1', { for: 3, against: 2 }))
        .thenThrows(rule('SCOP-VOTES-65'), '2 non-employee associate(s) can vote by hand'));

    it('SCOP-VOTES-65 records the non-employee part, within the counts and the attendees of each kind', () => {
      given(ag)
        .when(hands('r1', { for: 3, against: 2 }, null, { for: 0, against: 2, abstain: 0 }))
        .then([{ type: 'ShowOfHandsRecorded', data: { resolutionId: 'r1', collegeCode: null, for: 3, against: 2, abstain: 0, blank: 0, nonEmployee: { for: 0, against: 2, abstain: 0, blank: 0 } } }]);
      given(ag)
        .when(hands('r1', { for: 3, against: 2 }, null, { for: 3, against: 0, abstain: 0 }))
        .thenThrows(domainError('INVALID_VALUE'), 'only 2 non-employee attendees');
      given(ag)
        .when(hands('r1', { for: 1, against: 2 }, null, { for: 2, against: 0, abstain: 0 }))
        .thenThrows(domainError('INVALID_VALUE'), 'nonEmployee.for (2) is more than for (1)');
      given(ag)
        .when(hands('r1', { for: 4, against: 0 }, null, { for: 0, against: 0, abstain: 0 }))
        .thenThrows(domainError('INVALID_VALUE'), 'employee attendees');
    });

    it('SCOP-VOTES-65 needs no split when only employees attend, and a SCIC takes none (INVALID_VALUE)', () => {
      given(convene({ voters: scop, rules: rulesWith({ legalForm: 'SCOP' }) }), attend('e1'), attend('e2'), open)
        .when(hands('r1', { for: 2, against: 0 }))
        .then([{ type: 'ShowOfHandsRecorded', data: { resolutionId: 'r1', collegeCode: null, for: 2, against: 0, abstain: 0, blank: 0, nonEmployee: null } }]);
      given(sitting({ voters }))
        .when(hands('r1', { for: 1, against: 0 }, null, { for: 1, against: 0, abstain: 0 }))
        .thenThrows(domainError('INVALID_VALUE'), 'SCOP');
    });
  });
});

describe('CloseResolution', () => {
  it('refuses to close before the assembly opens (INVALID_STATE), an unknown resolution (NOT_FOUND), or twice (INVALID_STATE)', () => {
    given(convene({ voters })).when(closeResolution('r1')).thenThrows(domainError('INVALID_STATE'), 'not open yet');
    given(sitting({ voters })).when(closeResolution('r9')).thenThrows(domainError('NOT_FOUND'));
    given(sitting({ voters }), closeResolution('r1')).when(closeResolution('r1')).thenThrows(domainError('INVALID_STATE'), 'resolution r1 is closed (rejected)');
  });
});

describe('CloseAssembly', () => {
  const agenda = [resolution('r1'), resolution('r2'), resolution('r3')];

  it('records the ledger digest once every resolution is closed', () =>
    given(sitting({ voters, resolutions: agenda }), ['r1', 'r2', 'r3'].map(closeResolution))
      .when(closeAssembly)
      .then([{ type: 'AssemblyClosed', data: { ledgerDigest: 'digest-of-every-stream-head', streams: 2, position: '41' } }]));

  it('refuses a position that is not a global position (INVALID_VALUE)', () =>
    given(sitting({ voters }), closeResolution('r1')).when({ type: 'CloseAssembly', ledgerDigest: 'd', streams: 1, position: '-3' }).thenThrows(domainError('INVALID_VALUE'), 'position'));

  it('refuses while resolutions are open, listing them (INVALID_STATE)', () =>
    given(sitting({ voters, resolutions: agenda }), closeResolution('r2'))
      .when(closeAssembly)
      .thenThrows(domainError('INVALID_STATE'), 'resolution(s) r1, r3 still open'));

  it('refuses before opening and after closing (INVALID_STATE), and an empty digest (INVALID_VALUE)', () => {
    given(convene({ voters })).when(closeAssembly).thenThrows(domainError('INVALID_STATE'));
    given(sitting({ voters }), closeResolution('r1'), closeAssembly).when(closeAssembly).thenThrows(domainError('INVALID_STATE'), 'closed');
    const noDigest: AssemblyCommand = { type: 'CloseAssembly', ledgerDigest: '', streams: 1 };
    given(sitting({ voters }), closeResolution('r1')).when(noDigest).thenThrows(domainError('INVALID_VALUE'));
  });
});

describe('a whole meeting', () => {
  it('an assembly goes convened → open → closed, and decide never mutates the state (checked by given)', () => {
    const events = given(convene({ voters: members('a', 3) }), attend('a1'), attend('a2', 'proxy', 'a1'), attend('a3', 'proxy'), open, ballots('r1', { for: ['a1'], against: ['a2'] }), closeResolution('r1'))
      .when(closeAssembly)
      .events();
    expect(events.map((e) => e.type)).toEqual(['AssemblyClosed']);
  });
});

describe('RecordBureau', () => {
  it('names associates from the voter list and other persons by name; the scrutateurs are optional', () =>
    given(convene({ voters }))
      .when({ type: 'RecordBureau', president: { associateId: 'a1' }, secretary: { name: ' Jeanne Expert ' } })
      .then([{ type: 'BureauRecorded', data: { president: { associateId: 'a1', name: 'Associate a1' }, secretary: { associateId: null, name: 'Jeanne Expert' }, scrutineers: [] } }]));

  it('refuses an associate not on the list, a member with neither id nor name (INVALID_VALUE), and a closed assembly (INVALID_STATE)', () => {
    given(convene({ voters }))
      .when({ type: 'RecordBureau', president: { associateId: 'zz' }, secretary: { name: 'X' } })
      .thenThrows(domainError('INVALID_VALUE'), 'zz is not on the voter list');
    given(convene({ voters }))
      .when({ type: 'RecordBureau', president: { name: 'P' }, secretary: {} })
      .thenThrows(domainError('INVALID_VALUE'), 'secretary');
    given(sitting({ voters }), closeResolution('r1'), closeAssembly)
      .when({ type: 'RecordBureau', president: { name: 'P' }, secretary: { name: 'S' } })
      .thenThrows(domainError('INVALID_STATE'), 'closed');
  });
});

describe('AdjournAssembly', () => {
  const agenda = [resolution('r1'), resolution('r2'), resolution('r3')];

  it('adjourns an open assembly with its reason; the resolutions not yet closed are not voted', () =>
    given(sitting({ voters, resolutions: agenda }), ballots('r1', { for: ['a1'] }), closeResolution('r1'))
      .when({ type: 'AdjournAssembly', reason: 'La salle doit être évacuée.' })
      .then([{ type: 'AssemblyAdjourned', data: { reason: 'La salle doit être évacuée.', notVoted: ['r2', 'r3'] } }]));

  it('an adjourned assembly takes no ballot and no closing (INVALID_STATE)', () => {
    const adjourned = [sitting({ voters }), { type: 'AdjournAssembly', reason: 'interrompue' } as AssemblyCommand];
    given(adjourned)
      .when(vote('r1', 'a1', 'for'))
      .thenThrows(domainError('INVALID_STATE'), 'adjourned');
    given(adjourned).when(closeAssembly).thenThrows(domainError('INVALID_STATE'), 'adjourned');
  });

  it('refuses before opening, and without a reason (INVALID_STATE, INVALID_VALUE)', () => {
    given(convene({ voters })).when({ type: 'AdjournAssembly', reason: 'x' }).thenThrows(domainError('INVALID_STATE'), 'not open yet');
    given(sitting({ voters })).when({ type: 'AdjournAssembly', reason: '  ' }).thenThrows(domainError('INVALID_VALUE'), 'reason');
  });
});
