/** Realistic bodies for the e2e stories. */
export const scicAlpha = {
  id: 'alpha',
  name: 'Alpha SCIC',
  legalForm: 'SCIC',
  companyForm: 'SAS',
  registeredOn: '2024-01-15',
  shareValueCents: 5000,
  colleges: [
    { code: 'workers', name: 'Salariés', weightBp: 4000 },
    { code: 'users', name: 'Usagers', weightBp: 3000 },
    { code: 'partners', name: 'Partenaires', weightBp: 2000 },
    { code: 'public', name: 'Collectivités', weightBp: 1000 },
  ],
  collegeCounting: 'proportional',
};

export const scopBeta = {
  id: 'beta',
  name: 'Beta SCOP',
  legalForm: 'SCOP',
  companyForm: 'SARL',
  registeredOn: '2023-03-01',
  shareValueCents: 10000,
};

export function associate(id: string, category: string, shares: number, extra: Record<string, unknown> = {}) {
  return { id, name: `Associate ${id}`, personType: category === 'public_body' ? 'legal' : 'natural', category, admittedOn: '2024-02-01', shares, ...extra };
}
