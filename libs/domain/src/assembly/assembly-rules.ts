import type { Statuts } from '../cooperative/statuts';
import { noticeDaysOf } from '../cooperative/statuts-defaults';
import { AssemblyRules, Call } from './assembly-events';

/**
 * The statuts as they bear on one AG, copied into its convocation so that a later amendment
 * cannot change an AG already convened: AG-QUORUM for this call, AG-MAJORITY,
 * AG-COLLEGE-TALLY, AG-BLANK-PROXY and AG-NOTICE.
 */
export function assemblyRulesOf(statuts: Statuts, call: Call): AssemblyRules {
  const quorum = (kind: 'ordinary' | 'extraordinary') => (call === 1 ? statuts.assemblyRules[kind].quorumFirstCallBp : statuts.assemblyRules[kind].quorumSecondCallBp);
  return {
    legalForm: statuts.legalForm,
    companyForm: statuts.companyForm,
    colleges: statuts.colleges.map((c) => ({ ...c })),
    collegeCounting: statuts.collegeCounting,
    quorumRequiredBp: { ordinary: quorum('ordinary'), extraordinary: quorum('extraordinary') },
    majority: { ordinary: { ...statuts.assemblyRules.ordinary.majority }, extraordinary: { ...statuts.assemblyRules.extraordinary.majority } },
    blankProxyVotesWithBoard: statuts.blankProxyVotesWithBoard,
    noticeDays: call === 1 ? noticeDaysOf(statuts).firstCall : noticeDaysOf(statuts).secondCall,
  };
}
