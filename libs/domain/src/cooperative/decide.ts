import { assertNever } from '../rules/errors';
import { CooperativeCommand } from './commands';
import { cancelCapitalMovement } from './decisions/cancellation.decision';
import { payUpShares, redeemShares, subscribeShares, transferShares } from './decisions/capital.decisions';
import { admitAssociate, changeCategory, changeCollege, withdrawAssociate } from './decisions/membership.decisions';
import { adoptStatuts, amendStatuts } from './decisions/statuts.decisions';
import { recordOpeningBalances } from './decisions/opening-balances.decision';
import { CooperativeEvent } from './events';
import { CooperativeState } from './state';

/**
 * The cooperative stream's decider: pure, no clock, no I/O, never mutates `state`. Throws
 * `RuleViolation` (a legal rule, 422 with the rule id and article) or `DomainError` (a command
 * that makes no sense against the state); returns the events to append otherwise.
 */
export function decide(command: CooperativeCommand, state: CooperativeState): CooperativeEvent[] {
  switch (command.type) {
    case 'AdoptStatuts':
      return adoptStatuts(command, state);
    case 'AmendStatuts':
      return amendStatuts(command, state);
    case 'AdmitAssociate':
      return admitAssociate(command, state);
    case 'SubscribeShares':
      return subscribeShares(command, state);
    case 'PayUpShares':
      return payUpShares(command, state);
    case 'ChangeCategory':
      return changeCategory(command, state);
    case 'ChangeCollege':
      return changeCollege(command, state);
    case 'WithdrawAssociate':
      return withdrawAssociate(command, state);
    case 'RedeemShares':
      return redeemShares(command, state);
    case 'TransferShares':
      return transferShares(command, state);
    case 'CancelCapitalMovement':
      return cancelCapitalMovement(command, state);
    case 'RecordOpeningBalances':
      return recordOpeningBalances(command, state);
    default:
      return assertNever(command);
  }
}
