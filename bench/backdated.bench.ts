import { performance } from 'node:perf_hooks';
import { CooperativeCommand } from '../libs/domain/src/cooperative/commands';
import { cooperativeDecider } from '../libs/domain/src/cooperative/cooperative.decider';
import { CooperativeEvent } from '../libs/domain/src/cooperative/events';
import { CooperativeHistory } from '../libs/domain/src/cooperative/history';
import { resolveStatuts } from '../libs/domain/src/cooperative/statuts-defaults';
import { addDays } from '../libs/domain/src/shared/dates';

/**
 * What a back-dated act costs beside a current one, through the cooperative decider alone (no
 * HTTP, no store): one SCIC, 10,000 admissions then 90,000 subscriptions in date order, then
 * acts dated 1 day, ~1 %, ~10 % and ~50 % of the history back, each decided and folded in.
 *
 *   npm run build && node -r ./apps/ledger-api/register-paths.js dist/bench/backdated.bench.js
 *   BENCH_SCALE=0.1 …   # a tenth of the history
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ASSOCIATES = Math.round(10_000 * SCALE);
const MOVEMENTS = Math.round(90_000 * SCALE);
const START = '2015-02-01';

let history: CooperativeHistory = cooperativeDecider.initialState();
let n = 0;

function run(command: CooperativeCommand): { decideMs: number; evolveMs: number } {
  const t0 = performance.now();
  const events: CooperativeEvent[] = cooperativeDecider.decide(command, history);
  const t1 = performance.now();
  for (const e of events) history = cooperativeDecider.evolve(history, e);
  return { decideMs: t1 - t0, evolveMs: performance.now() - t1 };
}

function subscribe(associate: number, on: string): CooperativeCommand {
  return { type: 'SubscribeShares', associateId: `a${associate}`, shares: 1, effectiveDate: on, movementId: `m${n++}` };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const statuts = resolveStatuts({ name: 'Bench', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: START, shareValueCents: 2_000 } as never);
  history = cooperativeDecider.evolve(history, { type: 'StatutsAdopted', data: { coopId: 'bench', statuts, effectiveDate: START } });
  const t0 = performance.now();
  for (let i = 0; i < ASSOCIATES; i++) {
    run({
      type: 'AdmitAssociate',
      associateId: `a${i}`,
      name: `A ${i}`,
      personType: 'natural',
      category: i % 3 === 0 ? 'employee' : 'beneficiary',
      admittedOn: addDays(START, Math.floor(i / 10)),
      shares: 5,
      movementId: `adm${i}`,
    });
  }
  const lastAdmission = addDays(START, Math.floor((ASSOCIATES - 1) / 10));
  const current: number[] = [];
  for (let j = 0; j < MOVEMENTS; j++) {
    const { decideMs, evolveMs } = run(subscribe(j % ASSOCIATES, addDays(lastAdmission, Math.floor(j / 100))));
    if (j >= MOVEMENTS - 2_000) current.push(decideMs + evolveMs);
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  const events = history.timeline.length;
  const lastDate = addDays(lastAdmission, Math.floor((MOVEMENTS - 1) / 100));
  const days = Math.floor((MOVEMENTS - 1) / 100);
  console.log(
    `Scenario: one SCIC, ${ASSOCIATES} admissions then ${MOVEMENTS} subscriptions in date order (${events} events, ${history.checkpoints.length} checkpoints); loaded in ${loadSeconds.toFixed(1)} s (${Math.round((ASSOCIATES + MOVEMENTS) / loadSeconds)} commands/s through decide + evolve)`,
  );
  console.log('');
  console.log('| act | samples | median ms (decide + evolve) | max ms |');
  console.log('|---|---:|---:|---:|');
  console.log(`| current (dated on the last day) | ${current.length} | ${median(current).toFixed(3)} | ${Math.max(...current).toFixed(2)} |`);
  for (const [label, back] of [
    ['1 day back', 1],
    ['~1 % back', Math.round(days / 100)],
    ['~10 % back', Math.round(days / 10)],
    ['~50 % back', Math.round(days / 2)],
  ] as const) {
    const samples: number[] = [];
    for (let k = 0; k < 20; k++) {
      const { decideMs, evolveMs } = run(subscribe((k * 37) % ASSOCIATES, addDays(lastDate, -back)));
      samples.push(decideMs + evolveMs);
    }
    console.log(`| ${label} (${addDays(lastDate, -back)}) | ${samples.length} | ${median(samples).toFixed(2)} | ${Math.max(...samples).toFixed(2)} |`);
  }
}

main();
