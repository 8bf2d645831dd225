import { requireAdoptedResolution } from '../../assembly/adopted-resolution';
import { DomainError } from '../../rules/errors';
import { CommandOf } from '../commands';
import { CooperativeEvent } from '../events';
import { requireDate, requireOnOrAfter, requireRegistered, requireText } from '../guards';
import { requireUniformShareValue } from '../rules/share-value.rule';
import { CooperativeState } from '../state';
import { Statuts, StatutsInput } from '../statuts';
import { resolveStatuts } from '../statuts-defaults';
import { resolveSurplusTerms, surplusTermsOf } from '../statuts-surplus';
import { requireValidStatuts } from '../statuts-validation';

export function adoptStatuts(cmd: CommandOf<'AdoptStatuts'>, state: CooperativeState): CooperativeEvent[] {
  if (state.coopId !== null || state.statuts !== null) {
    throw new DomainError('ALREADY_EXISTS', `cooperative ${state.coopId ?? cmd.coopId} already has statuts: amend them instead`);
  }
  requireText(cmd.coopId, 'coopId');
  const statuts = resolveStatuts(cmd.statuts);
  requireValidStatuts(statuts);
  return [{ type: 'StatutsAdopted', data: { coopId: cmd.coopId, statuts, effectiveDate: statuts.registeredOn } }];
}

/**
 * Whether `resolution` is an adopted extraordinary resolution is the assembly stream's
 * knowledge, not this stream's: the command handler checks it before calling `decide` (once
 * assemblies exist); the decider records the reference so the auditor can follow it.
 */
export function amendStatuts(cmd: CommandOf<'AmendStatuts'>, state: CooperativeState): CooperativeEvent[] {
  const current = requireRegistered(state);
  requireDate(cmd.effectiveDate, 'effectiveDate');
  requireOnOrAfter(cmd.effectiveDate, current.registeredOn, 'effectiveDate', 'the registration date');
  // Amendments in effective order keep "the statuts in force on a date" a simple look-up.
  const lastAmendedOn = state.statutsHistory[state.statutsHistory.length - 1].effectiveDate;
  requireOnOrAfter(cmd.effectiveDate, lastAmendedOn, 'effectiveDate', 'the statuts in force since');
  requireText(cmd.resolution?.assemblyId, 'resolution.assemblyId');
  requireText(cmd.resolution?.resolutionId, 'resolution.resolutionId');
  requireAdoptedResolution(cmd.adoption, state.coopId ?? '', cmd.resolution, 'extraordinary');
  const changes = definedOnly(cmd.changes ?? {});
  requireUnchanged(current, changes, 'registeredOn', 'the registration date is a fact, not a clause of the statuts');
  requireUnchanged(current, changes, 'legalForm', 'turning a SCIC into a SCOP or back is a transformation, not an amendment');
  const statuts = resolveStatuts(mergeStatuts(current, changes));
  requireValidStatuts(statuts);
  requireUniformShareValue(state.totals.shares, current.shareValueCents, statuts.shareValueCents);
  return [
    {
      type: 'StatutsAmended',
      data: {
        statuts,
        changes,
        resolution: { assemblyId: cmd.resolution.assemblyId, resolutionId: cmd.resolution.resolutionId },
        effectiveDate: cmd.effectiveDate,
      },
    },
  ];
}

/**
 * The statuts in force with the changes laid over them. The statuts in force are complete, so
 * nothing falls back to a default unless the changes set a field to null (`amorcageConvertedOn:
 * null` thus removes a conversion date). Collèges given replace the list; assembly rules merge
 * per kind and field. A change of company form keeps the assembly rules in force unless the
 * amendment gives new ones: nothing is silently re-defaulted.
 */
function mergeStatuts(current: Statuts, changes: Partial<StatutsInput>): StatutsInput {
  return {
    ...current,
    ...changes,
    colleges: changes.colleges ?? current.colleges,
    // Surplus clauses merge field by field over those in force, as assembly rules do.
    surplus: resolveSurplusTerms(current.legalForm, changes.surplus, surplusTermsOf(current)),
    assemblyRules: {
      ordinary: { ...current.assemblyRules.ordinary, ...definedOnly(changes.assemblyRules?.ordinary ?? {}) },
      extraordinary: { ...current.assemblyRules.extraordinary, ...definedOnly(changes.assemblyRules?.extraordinary ?? {}) },
    },
  } as StatutsInput;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function requireUnchanged(current: Statuts, changes: Partial<StatutsInput>, field: 'registeredOn' | 'legalForm', why: string): void {
  if (!(field in changes) || changes[field] === current[field]) return;
  throw new DomainError('INVALID_VALUE', `${field} cannot be amended (${String(current[field])} → ${String(changes[field])}): ${why}`);
}
