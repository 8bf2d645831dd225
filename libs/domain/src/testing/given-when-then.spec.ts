import { DomainError, RuleViolation } from '../rules/errors';
import { domainError, givenFor, rule } from './given-when-then';

/** A counter: a toy decider, so that these specs hold the helper whatever the real ones become. */
type Command = { type: 'Add'; by: number; note?: string } | { type: 'Sneak' };
type Event = { type: 'Added'; data: { by: number; detail: { note: string; tags: string[] } } } | { type: 'Noted'; data: { note: string } };
type State = { total: number; seen: Map<string, number> };

const counter = {
  initialState: (): State => ({ total: 0, seen: new Map() }),
  decide(command: Command, state: State): Event[] {
    if (command.type === 'Sneak') {
      state.seen.set('sneak', 1);
      return [];
    }
    if (command.by <= 0) throw new DomainError('INVALID_VALUE', `by must be positive, got ${command.by}`);
    if (state.total + command.by > 10) throw new RuleViolation('COOP-SHARE-VALUE', `the total would be ${state.total + command.by}`);
    const added: Event = { type: 'Added', data: { by: command.by, detail: { note: command.note ?? '', tags: ['a', 'b'] } } };
    return command.note ? [added, { type: 'Noted', data: { note: command.note } }] : [added];
  },
  evolve(state: State, event: Event): State {
    if (event.type === 'Added') state.total += event.data.by;
    return state;
  },
};

const isCommand = (item: Command | Event): item is Command => !('data' in item);
const given = givenFor(counter, { isCommand });
const add = (by: number, note?: string): Command => ({ type: 'Add', by, note });

describe('given / when / then', () => {
  it('then: exactly these events', () => {
    given(add(2))
      .when(add(3))
      .then([{ type: 'Added', data: { by: 3, detail: { note: '', tags: ['a', 'b'] } } }]);
    expect(() =>
      given()
        .when(add(3))
        .then([{ type: 'Added', data: { by: 3, detail: { note: '', tags: ['a'] } } }]),
    ).toThrow();
  });

  it('thenEmits: the fields stated, at any depth, in every event and no more events', () => {
    given()
      .when(add(3, 'n'))
      .thenEmits([{ type: 'Added', data: { detail: { note: 'n' } } }, { type: 'Noted' }]);
    expect(() =>
      given()
        .when(add(3, 'n'))
        .thenEmits([{ type: 'Added', data: { by: 4 } }, { type: 'Noted' }]),
    ).toThrow();
    expect(() =>
      given()
        .when(add(3, 'n'))
        .thenEmits([{ type: 'Added' }]),
    ).toThrow();
    expect(() =>
      given()
        .when(add(3))
        .thenEmits([{ type: 'Added' }, { type: 'Noted' }]),
    ).toThrow();
    expect(() =>
      given()
        .when(add(3, 'n'))
        .thenEmits([{ type: 'Noted' }, { type: 'Added' }]),
    ).toThrow();
    expect(() =>
      given()
        .when(add(3))
        .thenEmits([{ type: 'Added', data: { detail: { tags: ['a'] } } }]),
    ).toThrow();
    expect(() =>
      given()
        .when(add(3))
        .thenEmits([{ type: 'Added', data: { missing: 1 } as never }]),
    ).toThrow();
  });

  it('thenThrows: the rule or error code, and a part of the detail', () => {
    given(add(8)).when(add(3)).thenThrows(rule('COOP-SHARE-VALUE'), 'would be 11');
    given()
      .when(add(0))
      .thenThrows(domainError('INVALID_VALUE'), /got 0$/);
    expect(() => given(add(8)).when(add(3)).thenThrows(rule('COOP-CAPITAL-FLOOR'))).toThrow('expected RuleViolation COOP-CAPITAL-FLOOR');
    expect(() => given(add(8)).when(add(3)).thenThrows(rule('COOP-SHARE-VALUE'), 'would be 12')).toThrow('expected the detail to mention');
    expect(() => given().when(add(1)).thenThrows(domainError('INVALID_VALUE'))).toThrow('expected a refusal');
  });

  it('a history decides its commands in sequence and fails loudly on a refused one', () => {
    expect(
      given({ type: 'Added', data: { by: 5, detail: { note: '', tags: [] } } }, [add(4)])
        .when(add(1))
        .events(),
    ).toHaveLength(1);
    expect(() => given(add(8), add(3))).toThrow("the history's Add was refused");
  });

  it('fails a decide that mutates the state it was given, Maps included', () => expect(() => given().when({ type: 'Sneak' }).then([])).toThrow('decide mutated the state'));
});
