import { performance } from 'node:perf_hooks';
import { AssemblyCommand } from './assembly-commands';
import { decideAssembly } from './assembly-decide';
import { BALLOT_CHOICES } from './assembly-events';
import { evolveAssembly } from './assembly-evolve';
import { initialAssemblyState } from './assembly-state';
import { colleges, convene, members, rulesWith } from './testing';

/**
 * Scale: 100,000 associates in 5 collèges, each attending and voting on one resolution through
 * decide + evolve, then the resolution closed. Correctness is asserted; the timings are printed,
 * not asserted (machines differ), for the record.
 */
describe('an assembly of 100,000 associates', () => {
  it('casts 100,000 ballots one lookup each and closes the resolution from the running tallies', () => {
    const codes = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const voters = codes.flatMap((code) => members(`${code}-`, 20_000, { college: code }));
    const state = initialAssemblyState();
    const run = (command: AssemblyCommand) => {
      for (const e of decideAssembly(command, state)) evolveAssembly(state, e);
    };
    run(convene({ voters, rules: rulesWith({ colleges: colleges({ c1: 2000, c2: 2000, c3: 2000, c4: 2000, c5: 2000 }) }) }));
    const t0 = performance.now();
    for (const v of voters) run({ type: 'RecordAttendance', associateId: v.associateId, mode: 'present' });
    run({ type: 'OpenAssembly' });
    const t1 = performance.now();
    voters.forEach((v, i) => run({ type: 'CastBallot', resolutionId: 'r1', associateId: v.associateId, choice: BALLOT_CHOICES[i % 4] }));
    const t2 = performance.now();
    const closings: number[] = [];
    let closed;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      [closed] = decideAssembly({ type: 'CloseResolution', resolutionId: 'r1' }, state);
      closings.push(performance.now() - start);
    }
    closings.sort((a, b) => a - b);
    // Each collège: 5,000 each of for, against, abstain, blank → 1/2 everywhere: rejected (> 1/2 needed).
    expect(state.resolutions.r1.ballotCount).toBe(100_000);
    expect(closed).toMatchObject({ type: 'ResolutionClosed', data: { outcome: 'rejected', result: { exact: { numerator: '1', denominator: '2' }, votesCast: 50_000 } } });
    console.log(
      `100,000 attendances: ${(t1 - t0).toFixed(0)} ms; 100,000 ballots (decide + evolve): ${(t2 - t1).toFixed(0)} ms; ` +
        `closing the resolution: median ${closings[2].toFixed(3)} ms (min ${closings[0].toFixed(3)}, max ${closings[4].toFixed(3)})`,
    );
  });
});
