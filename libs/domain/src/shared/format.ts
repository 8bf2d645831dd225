/** Wording helpers for rule details: figures a gérant can read, computed from exact integers. */

/** 5099 → "50.99 %". */
export function percent(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} %`;
}

/** 1850000 → "18,500.00 €" (cents in, euros out). */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}${units}.${String(abs % 100).padStart(2, '0')} €`;
}
