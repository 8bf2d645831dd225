import { AssemblyCommand, assemblyDecider, AssemblyState, assemblyView, AssemblyView, Voter } from '@ledger/domain';
import type { MinutesCooperative } from '@ledger/projections';

/**
 * The README's AG walkthrough through the assembly decider alone: Alpha SCIC (four collèges),
 * ana (workers), bruno (users) and the commune (public) convened on 15 May 2025 for 5 June,
 * a combined AG with r1 (ordinary) and r2 (extraordinary), everyone for. The same story the
 * README plays over HTTP, so its procès-verbal can be printed without a running server.
 */
export const ALPHA: MinutesCooperative = { coopId: 'alpha', name: 'Alpha SCIC', legalForm: 'SCIC', companyForm: 'SAS' };

const ONE = { numerator: '1', denominator: '1' };
const VOTERS: Voter[] = [
  { associateId: 'ana', name: 'Ana Martin', collegeCode: 'workers', employee: true, weight: ONE },
  { associateId: 'bruno', name: 'Bruno Petit', collegeCode: 'users', employee: false, weight: ONE },
  { associateId: 'commune', name: 'Commune de Lyon', collegeCode: 'public', employee: false, weight: ONE },
];

export const R1_TEXT =
  'L’assemblée générale, après avoir entendu la lecture du rapport de gestion du conseil et du rapport du commissaire aux comptes, approuve les comptes annuels de l’exercice clos le 31 décembre 2024 tels qu’ils lui ont été présentés, ainsi que les opérations traduites dans ces comptes.';
export const R2_TEXT =
  'L’assemblée générale, statuant aux conditions de quorum et de majorité des assemblées extraordinaires, décide de porter le poids du collège des usagers de 30 % à 35 % et de ramener celui du collège des salariés de 40 % à 35 %, et modifie en conséquence l’article 14 des statuts.';

export function readmeAgCommands(options: { bureau?: boolean } = {}): AssemblyCommand[] {
  const commands: AssemblyCommand[] = [
    {
      type: 'ConveneAssembly',
      coopId: 'alpha',
      assemblyId: 'ag-2025',
      kind: 'combined',
      title: 'Assemblée générale mixte 2025',
      convenedOn: '2025-05-15',
      heldOn: '2025-06-05',
      place: 'Siège social, 12 rue des Tisserands, 69001 Lyon',
      convocationMethod: 'email',
      call: 1,
      recordDate: '2025-05-15',
      reconvenes: null,
      resolutions: [
        { id: 'r1', title: 'Approbation des comptes 2024', text: R1_TEXT, kind: 'ordinary', boardApproved: true },
        { id: 'r2', title: 'Nouveaux poids des collèges', text: R2_TEXT, kind: 'extraordinary', boardApproved: true },
      ],
      voters: VOTERS,
      votersHash: '5f0c2b1e9a7d3c4b8e6f1a2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3',
      rules: {
        legalForm: 'SCIC',
        companyForm: 'SAS',
        colleges: [
          { code: 'workers', name: 'Salariés', weightBp: 4000 },
          { code: 'users', name: 'Usagers', weightBp: 3000 },
          { code: 'partners', name: 'Partenaires', weightBp: 2000 },
          { code: 'public', name: 'Collectivités', weightBp: 1000 },
        ],
        collegeCounting: 'proportional',
        quorumRequiredBp: { ordinary: 0, extraordinary: 7500 },
        majority: { ordinary: { numerator: 1, denominator: 2, strict: true }, extraordinary: { numerator: 2, denominator: 3, strict: false } },
        blankProxyVotesWithBoard: true,
        noticeDays: 15,
      },
    },
    { type: 'RecordAttendance', associateId: 'ana', mode: 'present' },
    { type: 'RecordAttendance', associateId: 'bruno', mode: 'remote' },
    { type: 'RecordAttendance', associateId: 'commune', mode: 'proxy', proxyHolderId: 'ana' },
  ];
  if (options.bureau !== false) commands.push({ type: 'RecordBureau', president: { associateId: 'ana' }, secretary: { associateId: 'bruno' }, scrutineers: [] });
  commands.push({ type: 'OpenAssembly' });
  for (const resolutionId of ['r1', 'r2']) {
    for (const associateId of ['ana', 'bruno', 'commune']) commands.push({ type: 'CastBallot', resolutionId, associateId, choice: 'for' });
    commands.push({ type: 'CloseResolution', resolutionId });
  }
  commands.push({ type: 'CloseAssembly', ledgerDigest: '0d6c1f0f3b2a9e8d7c6b5a49382716f5e4d3c2b1a0f9e8d7c6b5a4938271605f', streams: 2, position: '17' });
  return commands;
}

/** The view the API would answer for those commands. */
export function viewOf(commands: AssemblyCommand[]): AssemblyView {
  let state: AssemblyState = assemblyDecider.initialState();
  for (const command of commands) for (const event of assemblyDecider.decide(command, state)) state = assemblyDecider.evolve(state, event);
  return assemblyView(state);
}
