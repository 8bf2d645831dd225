/**
 * What is withheld when interest on shares is paid to an associate who is a natural person
 * resident in France: the prélèvement forfaitaire non libératoire (income tax paid in advance)
 * and the prélèvements sociaux, both withheld by the cooperative at payment (CGI art. 117 quater,
 * 125 A; CSS L136-7). Legal persons are paid gross. Rates in basis points by payment date,
 * each with its source; a payment date no row covers is refused rather than guessed.
 *
 * Not modelled: the dispense of the 12.8 % an associate may ask for when their reference tax
 * income is below the thresholds of CGI art. 117 quater I-1 (the accountant then books the
 * payment by hand), and non-residents (withholding tax of CGI art. 119 bis instead).
 */
export interface WithholdingRates {
  /** First payment date the row applies to (inclusive). */
  readonly from: string;
  /** Last payment date it applies to (inclusive), or null while in force. */
  readonly to: string | null;
  readonly incomeTaxBp: number;
  readonly socialBp: number;
  readonly source: string;
}

export const WITHHOLDING_RATES: readonly WithholdingRates[] = [
  {
    from: '2018-01-01',
    to: '2025-12-31',
    incomeTaxBp: 1280,
    socialBp: 1720,
    source:
      'PFNL 12.8 %: CGI art. 117 quater I and 125 A (loi 2017-1837 de finances pour 2018, art. 28). Prélèvements sociaux 17.2 %: CSG 9.2 % (CSS L136-7, L136-8), CRDS 0.5 % (ordonnance 96-50 art. 16), prélèvement de solidarité 7.5 % (CSS L235-1).',
  },
  {
    from: '2026-01-01',
    to: null,
    incomeTaxBp: 1280,
    socialBp: 1860,
    source:
      'PFNL 12.8 %: CGI art. 117 quater I and 125 A. Prélèvements sociaux 18.6 %: the CSG on investment income raised from 9.2 % to 10.6 % by the loi de financement de la sécurité sociale pour 2026 (CSS L136-8), CRDS 0.5 %, prélèvement de solidarité 7.5 %.',
  },
];

export function withholdingRatesOn(paidOn: string, rates: readonly WithholdingRates[] = WITHHOLDING_RATES): WithholdingRates | undefined {
  return rates.find((row) => row.from <= paidOn && (row.to === null || paidOn <= row.to));
}

/** Each levy rounded to the nearest cent (half up), as a payer computes it on one payment. */
export function withheldOn(grossCents: number, rates: WithholdingRates): { incomeTaxCents: number; socialCents: number } {
  return { incomeTaxCents: Math.round((grossCents * rates.incomeTaxBp) / 10000), socialCents: Math.round((grossCents * rates.socialBp) / 10000) };
}
