/**
 * The accounts of the Plan comptable général (ANC regulation 2014-03, as amended) the ledger's
 * entries use, with their PCG titles, and its two journals. docs/year-close.md ("Journal and
 * FEC") says why each one.
 */
export const ACCOUNTS = {
  '1011': 'Capital souscrit - non appelé',
  '1012': 'Capital souscrit - appelé, non versé',
  '1013': 'Capital souscrit - appelé, versé',
  '1061': 'Réserve légale',
  '1063': 'Réserves statutaires ou contractuelles',
  '109': 'Actionnaires : capital souscrit - non appelé',
  '110': 'Report à nouveau (solde créditeur)',
  '119': 'Report à nouveau (solde débiteur)',
  '120': "Résultat de l'exercice (bénéfice)",
  '129': "Résultat de l'exercice (perte)",
  '4284': 'Dettes provisionnées pour participation des salariés aux résultats',
  '4423': 'Retenues et prélèvements sur les distributions',
  '4562': 'Apporteurs - capital appelé, non versé',
  '4567': 'Associés - capital à rembourser',
  '457': 'Associés - dividendes à payer',
  '512': 'Banques',
  '691': 'Participation des salariés aux résultats',
} as const;

export type Account = keyof typeof ACCOUNTS;

export const JOURNALS = {
  OD: 'Opérations diverses',
  BQ: 'Banque',
} as const;

export type JournalCode = keyof typeof JOURNALS;
