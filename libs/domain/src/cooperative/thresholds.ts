/**
 * The legal figures the decider and the compliance report both compare against, once.
 * Basis points: 10000 = 100 %. Sources are in rules/rule-catalogue.ts under the same ids.
 */
export const LEGAL = {
  /** COOP-PAYUP-QUARTER: at least a quarter paid at subscription, the balance within 5 years. */
  minimumPaidAtSubscriptionBp: 2500,
  maximumPaymentDelayMonths: 60,
  /** COOP-PAYUP-QUARTER for SCOP (L1978 art. 27): only a SCOP SA takes a quarter, the balance within 3 years. */
  scopSaMaximumPaymentDelayMonths: 36,
  /** COOP-CAPITAL-FLOOR: redemptions never below a quarter of the highest capital reached. */
  minimumCapitalFloorBp: 2500,
  /** COOP-REDEMPTION-NOMINAL: the model statuts' longest delay (the law sets none we could confirm). */
  maximumRedemptionDelayMonths: 60,
  /** COOP-SA-MIN-CAPITAL: 18,500 €. */
  saMinimumCapitalCents: 1_850_000,
  /** SCIC-PUBLIC-CAPITAL-50: territorial public bodies hold at most half of the capital. */
  scicPublicCapitalMaxBp: 5000,
  /** SCIC-CATEGORIES */
  scicMinimumCategories: 3,
  /** SCIC-COLLEGES */
  scicMinimumColleges: 3,
  collegeMinimumWeightBp: 1000,
  collegeMaximumWeightBp: 5000,
  /** SCIC-STATUTORY-RESERVE: half of what is left after the legal reserve, at least. */
  scicMinimumStatutoryReserveBp: 5000,
  /** SCOP-CAP-51 */
  scopEmployeeCapitalMinBp: 5100,
  /** SCOP-AMORCAGE: the 50 % the cooperators must reach by the deadline (L1978 art. 49 ter). */
  scopAmorcageEmployeeCapitalMinBp: 5000,
  scopAmorcageYearsAfterConversion: 7,
  /** SCOP-MAX-HOLDING (L1978 art. 24): no associate above half of the capital. */
  scopMaximumHoldingBp: 5000,
  /** SCOP-VOTES-65 */
  scopEmployeeVotesMinBp: 6500,
  /** SCOP-VOTES-65: all outsiders together, when some are cooperative societies (L1947 art. 3 bis). */
  scopOutsidersWithCooperativesMaxBp: 4900,
  /** SCOP-MIN-ASSOCIATES: below it for more than a year exposes the SCOP to dissolution. */
  scopMinimumEmployeeAssociates: { SA: 7, SAS: 2, SARL: 2 },
  scopMinimumAssociatesGraceYears: 1,
} as const;

export const FULL_BP = 10000;
