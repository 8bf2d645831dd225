import { performance } from 'node:perf_hooks';
import { CooperativeEvent, FiscalYearEvent, Statuts } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { cooperativeLedgerProjection, CooperativeLedgerState, fecBytes, fecText, journalCsv, journalOf, journalProjection, JournalState } from '@ledger/projections';
import { median } from './stats';

/**
 * Issue 9's journal benchmark: the journal and the FEC of a year for a cooperative of 10,000
 * associates and 100,000 capital events, all in that year (the worst case: one FEC holds them
 * all), plus the allocation of the year before with 10,000 interest rows. The read models are
 * built by applying events to the projections (no HTTP, no store): what is measured is the
 * journal itself, cold (nothing cached beside the read model) and warm.
 *
 *   npm run bench:journal
 *   BENCH_SCALE=0.1 npm run bench:journal
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ASSOCIATES = Math.round(10_000 * SCALE);
const EVENTS = Math.round(100_000 * SCALE);
const RUNS = 5;
const SHARE = 10_000;

function recorded(streamId: string, event: { type: string; data: unknown }, position: number, eventId: string): RecordedEvent {
  const day = 1 + (position % 28);
  return {
    streamId,
    revision: BigInt(position),
    position: BigInt(position),
    type: event.type,
    data: event.data as RecordedEvent['data'],
    metadata: {
      eventId,
      coopId: 'bench',
      actor: { sub: 'b', role: 'gerant' },
      correlationId: 'c',
      causationId: 'c',
      recordedAt: `2024-06-${String(day).padStart(2, '0')}T10:00:00.000Z`,
      schemaVersion: 1,
      prevHash: '',
      hash: '',
    },
  };
}

function build(): { ledger: CooperativeLedgerState; journal: JournalState; capitalEvents: number } {
  let ledger = cooperativeLedgerProjection.init();
  let journal = journalProjection.init();
  let position = 0;
  const push = (event: CooperativeEvent, id = `e${position}`) => (ledger = cooperativeLedgerProjection.apply(ledger, recorded('cooperative-bench', event, ++position, id)));
  const statuts = { name: 'Bench SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2023-01-02', shareValueCents: SHARE, colleges: [], siren: '732829320' } as unknown as Statuts;
  push({ type: 'StatutsAdopted', data: { coopId: 'bench', statuts, effectiveDate: '2023-01-02' } });
  let capitalEvents = 0;
  const date = (i: number) => `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  for (let a = 0; a < ASSOCIATES; a++) {
    push({ type: 'AssociateAdmitted', data: { associateId: `a${a}`, name: `Associé ${a}`, personType: a % 3 ? 'natural' : 'legal', category: 'beneficiary', collegeCode: null, effectiveDate: '2024-01-02' } });
    push({ type: 'SharesSubscribed', data: { movementId: `s${a}`, associateId: `a${a}`, shares: 10, amountCents: 10 * SHARE, paidCents: 5 * SHARE, effectiveDate: '2024-01-02' } }, `s${a}`);
    capitalEvents++;
  }
  for (let i = 0; capitalEvents < EVENTS; i++, capitalEvents++) {
    const a = `a${i % ASSOCIATES}`;
    const b = `a${(i * 7 + 1) % ASSOCIATES}`;
    const id = `m${i}`;
    switch (i % 5) {
      case 0:
        push({ type: 'SharesSubscribed', data: { movementId: id, associateId: a, shares: 2, amountCents: 2 * SHARE, paidCents: SHARE, effectiveDate: date(i) } }, id);
        break;
      case 1:
        push({ type: 'SharesPaidUp', data: { movementId: id, associateId: a, amountCents: 2_500, effectiveDate: date(i) } }, id);
        break;
      case 2:
        push({ type: 'SharesTransferred', data: { movementId: id, fromAssociateId: a, toAssociateId: b, shares: 1, amountCents: SHARE, paidCents: 6_000, effectiveDate: date(i) } }, id);
        break;
      case 3:
        push({ type: 'SharesRedeemed', data: { movementId: id, associateId: a, shares: 1, amountCents: 5_000, nominalCents: SHARE, paidCents: 5_000, effectiveDate: date(i) } }, id);
        break;
      default:
        push({ type: 'CapitalMovementCancelled', data: { movementId: `m${i - 4}`, cancelledType: 'SharesSubscribed', reason: 'bench', effectiveDate: date(i - 4) } });
    }
  }
  const rows = Array.from({ length: ASSOCIATES }, (_, a) => ({ associateId: `a${a}`, name: `Associé ${a}`, personType: (a % 3 ? 'natural' : 'legal') as 'natural' | 'legal', basisCents: 50_000, grossCents: 1_900 }));
  const interest = rows.reduce((s, r) => s + r.grossCents, 0);
  const reserves = { legalReserveCents: 0, statutoryReserveCents: 0, retainedEarningsCents: 0 };
  const allocation: FiscalYearEvent = {
    type: 'SurplusAllocated',
    data: {
      year: 2023,
      resolution: { assemblyId: 'ag', resolutionId: 'r1' },
      heldOn: '2024-06-15',
      base: { netResultCents: 100_000_000, priorLossesCents: 0, excludedGainsCents: 0, subsidiesCents: 0, distributableCents: 100_000_000 },
      legalReserveCents: 15_000_000,
      statutoryReserveCents: 85_000_000 - interest,
      workerShareCents: 0,
      shareInterestCents: interest,
      retainedEarningsCents: 0,
      shareInterestRate: '3.8',
      capRate: null,
      shareInterest: { mode: 'yearEnd', rows },
      workerShare: [],
      figures: { capitalCents: 0, highestCapitalCents: 0, reservesBefore: reserves, reservesAfter: reserves },
    },
  };
  journal = journalProjection.apply(journal, recorded('fiscalyear-bench.2023', allocation, ++position, 'fy'));
  return { ledger, journal, capitalEvents };
}

function time<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

function main(): void {
  const built = time(build);
  console.log(`read models: ${ASSOCIATES} associates, ${built.value.capitalEvents} capital events + an allocation of ${ASSOCIATES} interest rows, built in ${built.ms.toFixed(0)} ms`);
  const figures: Record<string, number[]> = { 'journal (cold)': [], 'journal (warm)': [], JSON: [], FEC: [], CSV: [] };
  let entries = 0;
  let lines = 0;
  let fecMiB = 0;
  for (let run = 0; run < RUNS; run++) {
    const { ledger, journal } = built.value;
    // A fresh CooperativeLedger object: nothing kept beside it from the previous run.
    const fresh: CooperativeLedgerState = { ...ledger, coops: { bench: { ...ledger.coops.bench } } };
    const cold = time(() => journalOf(fresh, journal, 'bench', 2024)!);
    figures['journal (cold)'].push(cold.ms);
    figures['journal (warm)'].push(time(() => journalOf(fresh, journal, 'bench', 2024)).ms);
    figures.JSON.push(time(() => JSON.stringify(cold.value)).ms);
    const fec = time(() => fecBytes(fecText(cold.value)));
    figures.FEC.push(fec.ms);
    figures.CSV.push(time(() => journalCsv(cold.value)).ms);
    entries = cold.value.entries.length;
    lines = cold.value.entries.reduce((s, e) => s + e.lines.length, 0);
    fecMiB = fec.value.length / 1024 / 1024;
  }
  console.log(`the 2024 journal: ${entries} entries, ${lines} lines; FEC ${fecMiB.toFixed(1)} MiB`);
  for (const [name, values] of Object.entries(figures)) console.log(`${name.padEnd(16)} median ${median(values).toFixed(0)} ms (${values.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`journal + FEC, cold: median ${median(figures['journal (cold)'].map((v, i) => v + figures.FEC[i])).toFixed(0)} ms`);
}

main();
