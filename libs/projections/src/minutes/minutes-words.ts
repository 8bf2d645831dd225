import { AttendanceMode, ConvocationMethod, ResolutionKind } from '@ledger/domain/assembly/assembly-events';
import { Lang } from './minutes-labels';

/**
 * Every sentence of the procès-verbal, in French (what is signed) and in English (a reading
 * aid). Both dictionaries have the same shape: `satisfies` makes the compiler refuse one that
 * forgets a sentence.
 */
const FR = {
  heading: (kind: string, held: string) => `Procès-verbal des délibérations de l’${kind} du ${held}`,
  firstCall: 'Sur première convocation',
  secondCall: 'Sur deuxième convocation',
  reconvening: (id: string) => ` (l’assemblée ${id}, réunie sur première convocation, n’avait pas atteint le quorum)`,
  met: (held: string, name: string, kind: string, place: string | null) =>
    `Le ${held}, les associés de la société ${name} se sont réunis en ${kind}, ${place ? `au lieu suivant : ${place}` : 'au lieu suivant : ……………………………………………………'}.`,
  convened: (method: ConvocationMethod | null, on: string, days: number, notice: number | null) =>
    `Ils ont été convoqués ${method ? METHODS_FR[method] : ''} le ${on}, soit ${days} jour${days > 1 ? 's' : ''} avant l’assemblée${notice === null ? '' : ` (délai de convocation des statuts : ${notice} jours — AG-NOTICE)`}.`.replace(
      'convoqués  le',
      'convoqués le',
    ),
  voterList: (on: string, voters: number, hash: string) => `La liste des associés ayant droit de vote a été arrêtée au ${on} : ${voters} associé${voters > 1 ? 's' : ''} (empreinte sha256 de la liste : ${hash}).`,
  president: 'Président(e) de séance',
  secretary: 'Secrétaire de séance',
  scrutineers: 'Scrutateur(s)',
  scrutineer: 'Scrutateur',
  none: 'aucun',
  agendaTitle: 'Ordre du jour',
  kindOf: (kind: ResolutionKind): string => (kind === 'ordinary' ? 'ordinaire' : 'extraordinaire'),
  boardApproved: ', agréée par le conseil',
  attendanceTitle: 'Feuille de présence',
  attendanceHead: { name: 'Associé', college: 'Collège', mode: 'Présence' },
  attendanceEmpty: 'Aucune présence n’a été enregistrée.',
  mode: (mode: AttendanceMode, holder: string | null) =>
    mode === 'present' ? 'présent(e)' : mode === 'remote' ? 'à distance' : mode === 'mail' ? 'vote par correspondance' : holder === null ? 'pouvoir en blanc' : `représenté(e) par ${holder}`,
  late: (from: string) => ` — arrivé(e) en cours de séance, compte à partir de la ${from}`,
  allAssociates: 'tous les associés',
  quorumTitle: 'Quorum',
  breakdown: (present: number, remote: number, mail: number, represented: number, blank: number, total: number, voters: number, late: number) =>
    `Présents ${present} · à distance ${remote} · par correspondance ${mail} · représentés ${represented}${blank > 0 ? ` (dont ${blank} par pouvoir en blanc)` : ''} — soit ${total} associé${total > 1 ? 's' : ''} sur ${voters}${late > 0 ? `, dont ${late} arrivé${late > 1 ? 's' : ''} en cours de séance (hors quorum)` : ''}.`,
  weightedVotes: (attending: string, onList: string) => `, comptés en voix pondérées comme la liste les fixe : ${attending} sur ${onList} (L1978 art. 14)`,
  quorumPending: (kind: ResolutionKind, required: string) => `Quorum de la partie ${kind === 'ordinary' ? 'ordinaire' : 'extraordinaire'} : pas encore constaté (l’assemblée n’est pas ouverte) ; requis ${required}.`,
  quorumLine: (kind: ResolutionKind, attending: string, weighted: string, required: string, met: boolean) =>
    `Quorum de la partie ${kind === 'ordinary' ? 'ordinaire' : 'extraordinaire'} : ${attending} présents ou représentés${weighted} ; requis ${required} — ${met ? 'atteint' : `non atteint : les résolutions ${kind === 'ordinary' ? 'ordinaires' : 'extraordinaires'} ne peuvent être mises aux voix (AG-QUORUM)`}.`,
  votingRights: (cooperators: number, outsiders: number, societies: boolean, outsiderWeight: string | null, societyWeight: string | null) =>
    `Droits de vote (SCOP-VOTES-65) : la liste compte ${cooperators} associés coopérateurs et ${outsiders} associés non coopérateurs ; ceux-ci détiennent au plus ${societies ? '49 % (les non coopératives 35 %)' : '35 %'} des droits de vote, ` +
    `si bien que ${[outsiderWeight ? `la voix de chaque non-coopérateur pèse ${outsiderWeight}` : null, societyWeight ? `celle de chaque société coopérative ${societyWeight}` : null].filter(Boolean).join(' et ')} ; chaque décompte et le quorum utilisent ces poids.`,
  adjourned: (reason: string) => `La séance a été levée avant son terme (ajournement). Motif : ${reason}. Les résolutions non encore closes n’ont pas été mises aux voix.`,
  resolutionsTitle: 'Délibérations',
  countingProportional: 'Les collèges sont décomptés à la proportionnelle : la part des voix « pour » est calculée dans chaque collège, puis pondérée par son poids (AG-COLLEGE-TALLY).',
  countingMajority: 'Les collèges sont décomptés à la majorité : le poids entier de chaque collège va au côté majoritaire en son sein (AG-COLLEGE-TALLY).',
  tableHead: ['Collège', 'Poids', 'Poids effectif', 'Pour', 'Contre', 'Abst.', 'Blanc', 'Note'],
  pendingOpen: 'Vote en cours.',
  pendingNotYet: 'Pas encore mise aux voix.',
  ballots: 'bulletins',
  showOfHands: 'main levée',
  droppedNote: 'aucun suffrage : retiré',
  votesCast: (cast: number, counted: number, ballots: boolean) =>
    `Suffrages exprimés : ${cast} sur ${counted} ${ballots ? 'bulletins' : 'voix comptées à main levée'} (abstentions et votes blancs ne sont pas des suffrages exprimés).`,
  blankProxies: (n: number, board: boolean) =>
    `Pouvoirs en blanc : ${n}, comptés ${board ? 'pour, la résolution étant agréée par le conseil' : 'contre, la résolution n’étant pas agréée par le conseil'} (AG-BLANK-PROXY).`,
  dropped: (which: string[]) =>
    `${which.length > 1 ? 'Les collèges' : 'Le collège'} ${which.join(', ')} n’${which.length > 1 ? 'ont' : 'a'} exprimé aucun suffrage ; le poids des autres collèges est augmenté à proportion (AG-COLLEGE-TALLY).`,
  scopRegister: (factor: string, society: string | null, cast: number) =>
    `SCOP-VOTES-65 : la voix de chaque non-coopérateur a pesé ${factor}${society ? `, celle d’une société coopérative ${society}` : ''} ; ${cast} des suffrages exprimés étaient de non-coopérateurs.`,
  scopVotesCast: (non: number, emp: number, factor: string, decimal: string | null) =>
    `SCOP-VOTES-65 appliqué : les voix des non-salariés (${non} exprimées, contre ${emp} de salariés) dépassaient 35 % des suffrages exprimés et ont été réduites du facteur ${factor}${decimal ? ` (≈ ${decimal})` : ''}.`,
  result: (forPart: string, required: string, majority: string) => `Résultat : ${forPart} pour ; requis ${required} (${majority}).`,
  exact: (exact: string) => `Les pourcentages sont arrondis pour l’affichage (pour : par défaut ; requis : par excès) ; la décision a été prise sur la part exacte des voix pour, ${exact}.`,
  noVoteCast: 'Aucun suffrage n’a été exprimé : la part des voix pour n’est pas définie.',
  weightedResult: 'Résultat pondéré',
  resultLabel: 'Résultat',
  adopted: 'Cette résolution est adoptée.',
  rejected: 'Cette résolution est rejetée.',
  notVotedQuorum: (kind: ResolutionKind, firstCall: boolean) =>
    `Cette résolution n’a pas été mise aux voix : le quorum de la partie ${kind === 'ordinary' ? 'ordinaire' : 'extraordinaire'} n’était pas atteint (AG-QUORUM).${firstCall ? ' Elle peut être soumise à une assemblée réunie sur deuxième convocation.' : ''}`,
  notVotedAdjourned: 'Cette résolution n’a pas été mise aux voix : la séance a été levée avant (ajournement).',
  digestTitle: 'Empreinte du registre',
  digestPending: 'Pas encore calculée : l’empreinte est prise à la clôture de l’assemblée.',
  digestAdjourned: 'L’assemblée a été ajournée : aucune empreinte n’a été prise.',
  digestTaken: (position: string | null) => (position === null ? 'Empreinte sha256 prise à la clôture de l’assemblée :' : `Empreinte sha256 prise à la clôture de l’assemblée, à la position ${position} du journal :`),
  digestMeaning: 'Elle scelle l’état de tous les flux de la coopérative à cet instant : toute modification ultérieure de l’historique enregistré serait décelée.',
  digestNoPosition: 'La position du journal n’a pas été enregistrée lors de cette clôture (antérieure à cette version) : l’empreinte se vérifie sur l’historique tel qu’il était alors, avec les têtes de flux.',
  digestCheck: 'Pour la vérifier, un auditeur exécute la commande suivante ; le champ « digest » de la réponse doit être identique :',
  signaturesTitle: 'Signatures',
  signatureLine: 'Nom, date et signature',
  draftNotice: 'Projet — assemblée non close : ce procès-verbal n’est pas définitif et ne peut être signé.',
};

const METHODS_FR: Record<ConvocationMethod, string> = { letter: 'par lettre', email: 'par courrier électronique (avec leur accord)', notice: 'par avis publié', hand: 'par lettre remise en main propre' };
const METHODS_EN: Record<ConvocationMethod, string> = { letter: 'by letter', email: 'by e-mail (with their consent)', notice: 'by published notice', hand: 'by letter delivered by hand' };

const EN: typeof FR = {
  heading: (kind, held) => `Minutes of the proceedings of the ${kind} of ${held}`,
  firstCall: 'On first call',
  secondCall: 'On second call',
  reconvening: (id) => ` (assembly ${id}, on first call, did not reach its quorum)`,
  met: (held, name, kind, place) => `On ${held}, the associates of ${name} met in ${kind}, at: ${place ?? '……………………………………………………'}.`,
  convened: (method, on, days, notice) =>
    `They were convened${method ? ` ${METHODS_EN[method]}` : ''} on ${on}, ${days} day${days === 1 ? '' : 's'} before the meeting${notice === null ? '' : ` (notice required by the statuts: ${notice} days — AG-NOTICE)`}.`,
  voterList: (on, voters, hash) => `The list of associates entitled to vote was fixed on ${on}: ${voters} associate${voters === 1 ? '' : 's'} (sha256 of the list: ${hash}).`,
  president: 'Chair of the meeting (président de séance)',
  secretary: 'Secretary (secrétaire)',
  scrutineers: 'Scrutineer(s) (scrutateurs)',
  scrutineer: 'Scrutineer',
  none: 'none',
  agendaTitle: 'Agenda',
  kindOf: (kind) => kind,
  boardApproved: ', approved by the board',
  attendanceTitle: 'Attendance (feuille de présence)',
  attendanceHead: { name: 'Associate', college: 'Collège', mode: 'Attendance' },
  attendanceEmpty: 'No attendance recorded.',
  mode: (mode, holder) => (mode === 'present' ? 'present' : mode === 'remote' ? 'remote' : mode === 'mail' ? 'by mail' : holder === null ? 'blank proxy' : `represented by ${holder}`),
  late: (from) => ` — arrived during the meeting, counted from the ${from}`,
  allAssociates: 'all associates',
  quorumTitle: 'Quorum',
  breakdown: (present, remote, mail, represented, blank, total, voters, late) =>
    `Present ${present} · remote ${remote} · by mail ${mail} · represented ${represented}${blank > 0 ? ` (of which ${blank} by blank proxy)` : ''} — total ${total} of ${voters} voters${late > 0 ? `, of which ${late} arrived during the meeting (not in the quorum)` : ''}.`,
  weightedVotes: (attending, onList) => `, counted in votes as the voter list weighs them: ${attending} of ${onList} (L1978 art. 14)`,
  quorumPending: (kind, required) => `Quorum of the ${kind} part: not yet established (the assembly has not opened); required ${required}.`,
  quorumLine: (kind, attending, weighted, required, met) =>
    `Quorum of the ${kind} part: ${attending} of the voters present or represented${weighted}; required ${required} — ${met ? 'met' : `not met: the ${kind} resolutions cannot be put to the vote (AG-QUORUM)`}.`,
  votingRights: (cooperators, outsiders, societies, outsiderWeight, societyWeight) =>
    `Voting rights (SCOP-VOTES-65): the voter list holds ${cooperators} cooperators and ${outsiders} non-cooperators; non-cooperators may hold at most ${societies ? '49 % (the non-cooperatives among them 35 %)' : '35 %'} of the voting rights, ` +
    `so ${[outsiderWeight ? `each non-cooperator's vote weighs ${outsiderWeight}` : null, societyWeight ? `each cooperative society's vote weighs ${societyWeight}` : null].filter(Boolean).join(' and ')}; every tally and the quorum use these weights.`,
  adjourned: (reason) => `The meeting was adjourned before its end. Reason: ${reason}. The resolutions not yet closed were not put to the vote.`,
  resolutionsTitle: 'Resolutions',
  countingProportional: 'Collèges counted proportionally: each collège’s share of votes for is computed inside it, then weighted (AG-COLLEGE-TALLY).',
  countingMajority: 'Collèges counted by majority: each collège’s whole weight goes to the side with more votes inside it (AG-COLLEGE-TALLY).',
  tableHead: ['Collège', 'Weight', 'Effective weight', 'For', 'Against', 'Abst.', 'Blank', 'Note'],
  pendingOpen: 'Voting in progress.',
  pendingNotYet: 'Not yet put to the vote.',
  ballots: 'ballots',
  showOfHands: 'show of hands',
  droppedNote: 'no vote cast: dropped',
  votesCast: (cast, counted, ballots) => `Votes cast: ${cast} of ${counted} ${ballots ? 'ballots' : 'counted by show of hands'} (abstentions and blank ballots are not votes cast).`,
  blankProxies: (n, board) => `Blank proxies: ${n}, counted ${board ? 'for, as the board approved this resolution' : 'against, as the board did not approve this resolution'} (AG-BLANK-PROXY).`,
  dropped: (which) => `${which.length > 1 ? 'Collèges' : 'Collège'} ${which.join(', ')} cast no vote and dropped out; the other collèges’ weights were scaled pro rata (AG-COLLEGE-TALLY).`,
  scopRegister: (factor, society, cast) => `SCOP-VOTES-65: each non-cooperator's vote weighed ${factor}${society ? `, a cooperative society's ${society}` : ''}; ${cast} of the votes cast were non-cooperators'.`,
  scopVotesCast: (non, emp, factor, decimal) =>
    `SCOP-VOTES-65 applied: non-employee votes (${non} cast, against ${emp} employee votes) exceeded 35 % of the votes cast and were reduced pro rata by the factor ${factor}${decimal ? ` (≈ ${decimal})` : ''}.`,
  result: (forPart, required, majority) => `Result: ${forPart} for; required ${required} (${majority}).`,
  exact: (exact) => `Percentages are rounded for display (for: down, required: up); the outcome was decided exactly on the share for = ${exact}.`,
  noVoteCast: 'No vote was cast: the share for is undefined.',
  weightedResult: 'Weighted result',
  resultLabel: 'Result',
  adopted: 'This resolution is adopted.',
  rejected: 'This resolution is rejected.',
  notVotedQuorum: (kind, firstCall) => `This resolution was not put to the vote: the quorum of the ${kind} part was not met (AG-QUORUM).${firstCall ? ' It can be put to an assembly reconvened on second call.' : ''}`,
  notVotedAdjourned: 'This resolution was not put to the vote: the meeting was adjourned before.',
  digestTitle: 'Ledger digest',
  digestPending: 'Not yet computed: the digest is taken when the assembly closes.',
  digestAdjourned: 'The assembly was adjourned: no digest was taken.',
  digestTaken: (position) => (position === null ? 'sha256 digest taken when the assembly closed:' : `sha256 digest taken when the assembly closed, at position ${position} of the log:`),
  digestMeaning: 'It seals every stream of the cooperative as it then stood: any later change to the recorded history is detectable against it.',
  digestNoPosition: 'The log position was not recorded at this closing (before this version): the digest is checked against the history as it then stood, with the stream heads.',
  digestCheck: 'To check it, an auditor runs the command below; the "digest" field of the answer must be identical:',
  signaturesTitle: 'Signatures',
  signatureLine: 'Name, date and signature',
  draftNotice: 'Draft — assembly not closed: these minutes are not final and cannot be signed.',
};

export function words(lang: Lang): typeof FR {
  return lang === 'fr' ? FR : EN;
}
