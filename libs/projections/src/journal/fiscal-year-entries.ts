import type { FiscalYearEvent } from '@ledger/domain';
import { DraftEntry, EntryBuilder } from './entries';
import { WithholdingRates, withheldOn, withholdingRatesOn } from './withholding-rates';

/** A fiscal-year event as the journal keeps it. */
export interface FiscalYearRecord {
  position: number;
  recordedOn: string;
  eventId: string;
  type: FiscalYearEvent['type'];
  data: FiscalYearEvent['data'];
}

/** A payment date no withholding row covers: the journal says so rather than guess a rate. */
export class MissingWithholdingRateError extends Error {
  constructor(readonly paidOn: string) {
    super(`no withholding rates are known for interest paid on ${paidOn} (libs/projections/src/journal/withholding-rates.ts)`);
  }
}

/**
 * The entries of the fiscal year's events. The closing itself books nothing: the year's result
 * is the accountant's, from the whole books. What the AG decides of it is the ledger's:
 *
 * - the SCOP part travail (SCOP-WORKER-SHARE) is a charge of the year it rewards, booked on that
 *   year's last day (691 against 4284, one line per employee) although the AG fixes it later;
 * - the allocation, on the AG's date: 120 (the result, after the part travail) against the
 *   prior losses it clears (119), the legal reserve (1061), the statutory reserve or SCOP
 *   fonds de développement (1063), each associate's interest (457) and the report à nouveau (110);
 * - interest on shares put in payment on the AG's date (BQ): 457 against 512, less what is
 *   withheld for natural persons (4423);
 * - a loss: 129 against the statutory reserve it is charged to (1063) or the report à nouveau
 *   débiteur (119).
 */
export function fiscalYearEntries(record: FiscalYearRecord, yearEndOf: (year: number) => string, rates?: readonly WithholdingRates[]): DraftEntry[] {
  const at = { position: record.position, recordedOn: record.recordedOn };
  const event = { type: record.type, data: record.data } as FiscalYearEvent;
  switch (event.type) {
    case 'SurplusAllocated': {
      const d = event.data;
      const pieceRef = `${d.resolution.assemblyId}/${d.resolution.resolutionId}`;
      const head = { pieceRef, pieceDate: d.heldOn, ...at };
      const entries: Array<DraftEntry | undefined> = [];
      if (d.workerShareCents > 0) {
        const charge = new EntryBuilder().debit('691', d.workerShareCents);
        for (const share of d.workerShare) charge.credit('4284', share.amountCents, { id: `S-${share.employeeId}`, name: share.name });
        entries.push(charge.entry('OD', { ...head, date: yearEndOf(d.year), label: `Participation des salariés (part travail) ${d.year}` }));
      }
      const allocation = new EntryBuilder()
        .debit('120', d.base.netResultCents - d.workerShareCents)
        // The result first clears the report à nouveau débiteur (all of it, or what it can: then nothing else is allocated).
        .credit('119', Math.min(d.base.priorLossesCents, Math.max(0, d.base.netResultCents)))
        .credit('1061', d.legalReserveCents)
        .credit('1063', d.statutoryReserveCents);
      for (const row of d.shareInterest.rows) allocation.credit('457', row.grossCents, { id: row.associateId, name: row.name });
      allocation.credit('110', d.retainedEarningsCents);
      entries.push(allocation.entry('OD', { ...head, date: d.heldOn, label: `Affectation du résultat ${d.year}` }));
      const interestRows = d.shareInterest.rows.filter((row) => row.grossCents > 0);
      if (interestRows.length > 0) {
        const withholding = interestRows.some((row) => row.personType === 'natural') ? withholdingRatesOn(d.heldOn, rates) : undefined;
        if (interestRows.some((row) => row.personType === 'natural') && !withholding) throw new MissingWithholdingRateError(d.heldOn);
        const paid = new EntryBuilder();
        let bank = 0;
        let withheld = 0;
        for (const row of interestRows) {
          paid.debit('457', row.grossCents, { id: row.associateId, name: row.name });
          const levies = row.personType === 'natural' ? withheldOn(row.grossCents, withholding!) : { incomeTaxCents: 0, socialCents: 0 };
          withheld += levies.incomeTaxCents + levies.socialCents;
          bank += row.grossCents - levies.incomeTaxCents - levies.socialCents;
        }
        paid.credit('4423', withheld).credit('512', bank);
        entries.push(paid.entry('BQ', { ...head, date: d.heldOn, label: `Intérêts aux parts sociales ${d.year} mis en paiement` }));
      }
      return entries.filter((entry): entry is DraftEntry => entry !== undefined);
    }
    case 'LossAllocated': {
      const d = event.data;
      const loss = new EntryBuilder()
        .debit('1063', d.statutoryReserveCents)
        .debit('119', d.retainedEarningsCents)
        .credit('129', d.lossCents)
        .entry('OD', { date: d.heldOn, pieceRef: `${d.resolution.assemblyId}/${d.resolution.resolutionId}`, pieceDate: d.heldOn, label: `Affectation de la perte ${d.year}`, ...at });
      return loss ? [loss] : [];
    }
    case 'FiscalYearClosed':
    case 'WorkerShareInputsRecorded':
      return [];
  }
}
