import { IsoDate } from '../shared/dates';
import { CooperativeEvent } from './events';
import { evolve } from './evolve';
import { CooperativeState, initialState } from './state';

/** Every cooperative event carries its date of legal effect (StatutsAdopted: registeredOn). */
export function effectiveDateOf(event: CooperativeEvent): IsoDate {
  return event.data.effectiveDate;
}

/**
 * The events in the order they take effect: by effective date, then recording order (the sort
 * is stable). A cancellation carries the cancelled movement's date and was recorded after it,
 * so it lands after it. Already sorted input costs one linear pass.
 */
export function inEffectiveOrder(events: readonly CooperativeEvent[]): CooperativeEvent[] {
  return [...events].sort((a, b) => {
    const da = effectiveDateOf(a);
    const db = effectiveDateOf(b);
    return da < db ? -1 : da > db ? 1 : 0;
  });
}

/** The cooperative as it stood on `asOf`: the events in force then, folded in effective order. */
export function stateAsOf(events: readonly CooperativeEvent[], asOf: IsoDate): CooperativeState {
  const state = initialState();
  for (const event of inEffectiveOrder(events)) {
    if (effectiveDateOf(event) <= asOf) evolve(state, event);
  }
  return state;
}
