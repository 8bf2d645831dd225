import type { Statuts } from '../cooperative/statuts';
import { AssemblyRules, Call } from './assembly-events';

/**
 * The statuts as they bear on one AG, copied into its convocation so that a later amendment
 * cannot change an AG already convened: AG-QUORUM for this call, AG-MAJORITY,
 * AG-COLLEGE-TALLY and AG-BLANK-PROXY.
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
  };
}
