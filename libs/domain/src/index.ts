/**
 * @ledger/domain — the cooperative ledger's pure domain: no Nest, no I/O, no clock.
 * Everything the HTTP layer, the projections and the tests may use is exported here.
 */
export * from './rules/rule-catalogue';
export * from './rules/errors';
export * from './shared/fraction';
export * from './shared/apportion';
export * from './shared/dates';
export * from './shared/format';
export * from './shared/id-list';
export * from './decider';
export * from './streams/stream-ids';

export * from './cooperative/statuts';
export * from './cooperative/events';
export * from './cooperative/event-types';
export * from './cooperative/commands';
export * from './cooperative/state';
export * from './cooperative/evolve';
export { foldPrefix, insertionIndex } from './cooperative/history';
export type { CooperativeHistory } from './cooperative/history';
export * from './cooperative/cooperative.decider';
export * from './cooperative/thresholds';
export * from './cooperative/statuts-defaults';
export * from './cooperative/statuts-validation';
export * from './cooperative/statuts-surplus';
export * from './cooperative/statuts-in-force';
export * from './cooperative/capital-picture';
export * from './cooperative/redemption-queue';
export * from './cooperative/effective-order';
export * from './cooperative/unpaid-balances';
export { complianceReport } from './cooperative/compliance';
export type { ComplianceCheck, ComplianceReport } from './cooperative/compliance';
export type { CheckStatus, CheckUnit } from './cooperative/compliance-checks';

export * from './assembly/assembly-events';
export * from './assembly/assembly-event-types';
export * from './assembly/assembly-commands';
export { initialAssemblyState } from './assembly/assembly-state';
export type { AssemblyState, AssemblyStatus, AttendanceState, CollegeTally, Convocation, Headcount, Opening, ResolutionState, ResolutionStatus, ScopList, VotingMethod } from './assembly/assembly-state';
export * from './assembly/assembly-evolve';
export * from './assembly/assembly.decider';
export * from './assembly/assembly-view';
export * from './assembly/tally';
export * from './assembly/adopted-resolution';
export * from './assembly/assembly-rules';
export * from './assembly/convocation';
export * from './assembly/scop-vote-weights';
export * from './assembly/assembly-upcast';
export { scopProxyLimit } from './assembly/rules/proxy-limit.rule';

export * from './shared/decimal-rate';
export * from './fiscal-year/fiscal-year-events';
export * from './fiscal-year/fiscal-year-event-types';
export * from './fiscal-year/fiscal-year-commands';
export * from './fiscal-year/fiscal-year-state';
export * from './fiscal-year/fiscal-year.decider';
export * from './fiscal-year/fiscal-period';
export * from './fiscal-year/allocation-facts';
export * from './fiscal-year/surplus-minimums';
export * from './fiscal-year/allocation-proposal';
export * from './fiscal-year/share-interest';
export * from './fiscal-year/worker-share';
export * from './fiscal-year/reserves';
export * from './reference/tmo-events';
export * from './reference/tmo';
export * from './reference/tmo.decider';
