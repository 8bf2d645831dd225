import { requireAdoptedResolution } from '../assembly/adopted-resolution';
import { requireCents, requireDate, requireOnOrAfter, requireText } from '../cooperative/guards';
import { assertNever, DomainError } from '../rules/errors';
import { FiscalYearCommand, FiscalYearCommandOf } from './fiscal-year-commands';
import { FiscalYearEvent, WorkerShareEmployee } from './fiscal-year-events';
import { FiscalYearState } from './fiscal-year-state';
import { decideAllocation } from './allocation.decision';

/** The fiscal year's decider: pure; RuleViolation for the law, DomainError for a command that makes no sense here. */
export function decideFiscalYear(command: FiscalYearCommand, state: FiscalYearState): FiscalYearEvent[] {
  switch (command.type) {
    case 'CloseFiscalYear':
      return closeFiscalYear(command, state);
    case 'RecordWorkerShareInputs':
      return recordWorkerShareInputs(command, state);
    case 'AllocateSurplus':
      return allocate(command, state);
    default:
      return assertNever(command);
  }
}

function closeFiscalYear(cmd: FiscalYearCommandOf<'CloseFiscalYear'>, state: FiscalYearState): FiscalYearEvent[] {
  if (state.closing) throw new DomainError('ALREADY_EXISTS', `fiscal year ${cmd.year} was already closed on ${state.closing.closedOn}`);
  requireDate(cmd.closedOn, 'closedOn');
  requireOnOrAfter(cmd.closedOn, cmd.period.endsOn, 'closedOn', `the end of fiscal year ${cmd.year}`);
  requireCents(cmd.netResultCents, 'netResultCents', Number.MIN_SAFE_INTEGER);
  const subsidiesCents = cmd.subsidiesCents ?? 0;
  const excludedGainsCents = cmd.excludedGainsCents ?? 0;
  requireCents(subsidiesCents, 'subsidiesCents');
  requireCents(excludedGainsCents, 'excludedGainsCents');
  if (cmd.legalForm !== 'SCOP' && excludedGainsCents !== 0) {
    throw new DomainError('INVALID_VALUE', "excludedGainsCents (L1978 art. 32 gains, SCOP-EXCLUDED-GAINS) is a SCOP figure; a SCIC's result has none");
  }
  return [
    {
      type: 'FiscalYearClosed',
      data: {
        coopId: cmd.coopId,
        year: cmd.year,
        legalForm: cmd.legalForm,
        startsOn: cmd.period.startsOn,
        endsOn: cmd.period.endsOn,
        closedOn: cmd.closedOn,
        netResultCents: cmd.netResultCents,
        subsidiesCents,
        excludedGainsCents,
      },
    },
  ];
}

function recordWorkerShareInputs(cmd: FiscalYearCommandOf<'RecordWorkerShareInputs'>, state: FiscalYearState): FiscalYearEvent[] {
  if (cmd.legalForm !== 'SCOP') throw new DomainError('INVALID_STATE', "the worker share (part travail, L1978 art. 33) is a SCOP's; this cooperative is a SCIC");
  if (state.status === 'allocated') throw new DomainError('CONFLICT', `fiscal year ${cmd.year} is already allocated: its worker-share inputs can no longer change`);
  if (!Array.isArray(cmd.employees)) throw new DomainError('INVALID_VALUE', 'employees must be a list');
  const seen = new Set<string>();
  const employees = cmd.employees.map((e, i): WorkerShareEmployee => {
    requireText(e?.id, `employees[${i}].id`);
    if (seen.has(e.id)) throw new DomainError('INVALID_VALUE', `employee ${e.id} is listed twice`);
    seen.add(e.id);
    requireText(e.name, `employees[${i}].name`);
    requireCents(e.salaryCents, `employees[${i}].salaryCents`);
    if (typeof e.hours !== 'number' || !Number.isFinite(e.hours) || e.hours < 0) throw new DomainError('INVALID_VALUE', `employees[${i}].hours must be a number of hours of at least 0`);
    requireDate(e.hiredOn, `employees[${i}].hiredOn`);
    if (e.leftOn !== undefined) {
      requireDate(e.leftOn, `employees[${i}].leftOn`);
      requireOnOrAfter(e.leftOn, e.hiredOn, `employees[${i}].leftOn`, 'the hiring date');
    }
    return {
      id: e.id,
      name: e.name,
      ...(e.associateId ? { associateId: e.associateId } : {}),
      salaryCents: e.salaryCents,
      hours: e.hours,
      hiredOn: e.hiredOn,
      ...(e.leftOn !== undefined ? { leftOn: e.leftOn } : {}),
    };
  });
  return [{ type: 'WorkerShareInputsRecorded', data: { year: cmd.year, employees } }];
}

/**
 * The allocation binds once an AG adopted it: an ordinary resolution of a closed assembly of
 * the same cooperative, held after the fiscal year's end (so on accounts that were closed).
 */
function allocate(cmd: FiscalYearCommandOf<'AllocateSurplus'>, state: FiscalYearState): FiscalYearEvent[] {
  if (state.status === 'allocated') throw new DomainError('ALREADY_EXISTS', `fiscal year ${cmd.year} is already allocated (resolution ${describeResolution(state)}); an allocation is recorded once`);
  if (!state.closing) throw new DomainError('CONFLICT', `fiscal year ${cmd.year} is not closed: close it (POST …/fiscal-years/${cmd.year}/closing) before allocating its result`);
  requireText(cmd.resolution?.assemblyId, 'resolution.assemblyId');
  requireText(cmd.resolution?.resolutionId, 'resolution.resolutionId');
  const adoption = requireAdoptedResolution(cmd.adoption, cmd.coopId, cmd.resolution, 'ordinary');
  if (adoption.heldOn <= state.closing.endsOn) {
    throw new DomainError('INVALID_STATE', `assembly ${adoption.assemblyId} was held on ${adoption.heldOn}, not after the end of fiscal year ${cmd.year} (${state.closing.endsOn}): it cannot have approved its accounts`);
  }
  return decideAllocation(cmd, state.closing, state.employees ?? [], adoption.heldOn);
}

function describeResolution(state: FiscalYearState): string {
  const r = state.allocation?.resolution ?? state.lossAllocation?.resolution;
  return r ? `${r.resolutionId} of ${r.assemblyId}` : 'unknown';
}
