import { addDays, IsoDate } from '../shared/dates';
import { CooperativeCommand } from './commands';
import { cooperativeDecider } from './cooperative.decider';
import { CooperativeEvent } from './events';
import { CooperativeHistory } from './history';
import { historySnapshots, MOVEMENTS_PER_PART, SavedHistory } from './history-snapshot';
import { admit, cancel, scic, subscribe, transfer } from './testing';

const { decide, evolve, initialState } = cooperativeDecider;

/** Decides each command on the history and folds what it emits; the refusals are kept, not thrown. */
function run(history: CooperativeHistory, commands: readonly CooperativeCommand[]): Array<CooperativeEvent[] | string> {
  return commands.map((command) => {
    try {
      const events = decide(command, history);
      for (const event of events) evolve(history, event);
      return events;
    } catch (error) {
      return (error as Error).message;
    }
  });
}

/** Saved and read back through JSON, as the snapshot store does. */
function savedAndRestored(history: CooperativeHistory): CooperativeHistory {
  const form = historySnapshots;
  const head = JSON.parse(JSON.stringify(form.head(history))) as SavedHistory;
  const parts = Array.from({ length: form.partCount(history) }, (_, index) => JSON.parse(JSON.stringify(form.part(history, index))) as unknown);
  return form.restore(head, (index) => parts[index]);
}

/** What a query or a decision reads of a history: the fold, without the timeline and its checkpoints (records read through their layers). */
function foldOf(history: CooperativeHistory): unknown {
  const { timeline: _t, checkpoints: _c, recent: _r, base: _b, ...fold } = history;
  return JSON.parse(JSON.stringify({ ...fold, associates: fold.associateOrder.map((id) => fold.associates[id]), movements: fold.movementOrder.map((id) => fold.movements[id]) }));
}

function day(n: number): IsoDate {
  return addDays('2024-02-01', n);
}

/** A SCIC with 30 associates and a few hundred movements over 60 days, one of them cancelled. */
function grownHistory(): CooperativeHistory {
  const history = initialState();
  evolve(history, scic());
  const commands: CooperativeCommand[] = [];
  for (let i = 0; i < 30; i++) commands.push(admit({ id: `a${i}`, category: i % 3 === 0 ? 'employee' : 'beneficiary', shares: 5, on: day(i), movementId: `adm-${i}` }));
  for (let i = 0; i < 300; i++) commands.push(subscribe({ associate: `a${i % 30}`, shares: 1 + (i % 4), on: day(30 + Math.floor(i / 10)), movementId: `sub-${i}` }));
  commands.push(cancel('sub-7'));
  const outcomes = run(history, commands);
  const refused = outcomes.filter((o) => typeof o === 'string');
  if (refused.length > 0) throw new Error(`The scenario's commands were refused: ${refused.join('; ')}`);
  return history;
}

describe('the write path snapshot of a cooperative history', () => {
  it('restores the fold exactly: associates, movements in order, cancellations, totals', () => {
    const history = grownHistory();
    const restored = savedAndRestored(history);
    expect(foldOf(restored)).toEqual(foldOf(history));
    expect(restored.movements['sub-7'].cancelled).toBe(true);
    expect(restored.base).toEqual({ length: history.timeline.length, lastDate: day(59) });
  });

  it('decides the acts dated on or after its last date as the full history does, and folds them the same', () => {
    const history = grownHistory();
    const restored = savedAndRestored(history);
    const next: CooperativeCommand[] = [
      subscribe({ associate: 'a1', shares: 2, on: day(59), movementId: 'same-day' }),
      transfer({ from: 'a2', to: 'a4', shares: 1, on: day(61), movementId: 'later' }),
      // Back-dated within what the restored timeline holds (after its last saved date): spliced in, as in the full history.
      subscribe({ associate: 'a5', shares: 1, on: day(60), movementId: 'between' }),
      subscribe({ associate: 'nobody', shares: 1, on: day(62), movementId: 'refused-unknown' }),
      cancel('later'),
    ];
    expect(next.map((command) => historySnapshots.needsWholeStream(restored, { command }))).toEqual([false, false, false, false, false]);
    const outcomes = run(restored, next);
    expect(outcomes).toEqual(run(history, next));
    expect(typeof outcomes[3]).toBe('string');
    expect(foldOf(restored)).toEqual(foldOf(history));
  });

  it('says an act dated before its last date, or the cancellation of a movement dated before it, needs the whole stream', () => {
    const restored = savedAndRestored(grownHistory());
    expect(historySnapshots.needsWholeStream(restored, { command: subscribe({ associate: 'a1', shares: 1, on: day(58) }) })).toBe(true);
    expect(historySnapshots.needsWholeStream(restored, { command: cancel('sub-12') })).toBe(true);
    expect(historySnapshots.needsWholeStream(restored, { event: { type: 'SharesPaidUp', data: { movementId: 'p', associateId: 'a1', amountCents: 1, effectiveDate: day(10) } } })).toBe(true);
    expect(historySnapshots.needsWholeStream(grownHistory(), { command: cancel('sub-12') })).toBe(false);
  });

  it('keeps movements in parts: full parts are final, a cancellation is in the head, not in its part', () => {
    const history = initialState();
    evolve(history, scic());
    evolve(history, { type: 'AssociateAdmitted', data: { associateId: 'a', name: 'A', personType: 'natural', category: 'beneficiary', collegeCode: null, effectiveDate: day(0) } });
    const count = MOVEMENTS_PER_PART + 10;
    for (let i = 0; i < count; i++) evolve(history, { type: 'SharesSubscribed', data: { movementId: `m${i}`, associateId: 'a', shares: 1, amountCents: 100, paidCents: 100, effectiveDate: day(1) } });
    evolve(history, { type: 'CapitalMovementCancelled', data: { movementId: 'm3', cancelledType: 'SharesSubscribed', reason: 'mistake', effectiveDate: day(1) } });
    expect(historySnapshots.partCount(history)).toBe(2);
    expect(historySnapshots.fullParts(history)).toBe(1);
    expect((historySnapshots.part(history, 0) as unknown[][])[3][0]).toBe('m3');
    expect((historySnapshots.head(history) as SavedHistory).cancelled).toEqual(['m3']);
    const restored = savedAndRestored(history);
    expect(restored.movements.m3.cancelled).toBe(true);
    expect(restored.totals).toEqual(history.totals);
    expect(restored.movementOrder.length).toBe(count);
  });

  it('refuses to restore a head whose parts do not hold its movements', () => {
    const history = grownHistory();
    const head = historySnapshots.head(history);
    expect(() => historySnapshots.restore(head, () => [])).toThrow(/holds 0 movements, its head says 330/);
  });
});
