import { attend, convene, given, members, rule, rulesWith } from '../testing';
import { scopProxyLimit } from './proxy-limit.rule';

/** A SCOP of `n` voters where h1 attends and already holds the proxies of the next `held`. */
function scopWith(n: number, held: number) {
  const voters = members('a', n);
  return [convene({ voters, rules: rulesWith({ legalForm: 'SCOP' }) }), attend('a1'), voters.slice(1, 1 + held).map((v) => attend(v.associateId, 'proxy', 'a1'))];
}

describe('SCOP-PROXY-LIMIT', () => {
  it('SCOP-PROXY-LIMIT: one proxy under 20 associates, one per 20 (rounded down) from 20', () => {
    expect([1, 19, 20, 39, 40, 59, 60, 100].map((n) => [n, scopProxyLimit(n)])).toEqual([
      [1, 1],
      [19, 1],
      [20, 1],
      [39, 1],
      [40, 2],
      [59, 2],
      [60, 3],
      [100, 5],
    ]);
  });

  it('SCOP-PROXY-LIMIT with 19 voters: a first proxy is accepted, a second refused', () => {
    given(scopWith(19, 0))
      .when(attend('a19', 'proxy', 'a1'))
      .then([{ type: 'AttendanceRecorded', data: { associateId: 'a19', mode: 'proxy', proxyHolderId: 'a1' } }]);
    given(scopWith(19, 1))
      .when(attend('a19', 'proxy', 'a1'))
      .thenThrows(rule('SCOP-PROXY-LIMIT'), 'a1 already holds 1 proxy; with 19 associates on the voter list one associate may hold at most 1');
  });

  it('SCOP-PROXY-LIMIT with 20 voters: still one proxy (1/20 of 20)', () => {
    given(scopWith(20, 0))
      .when(attend('a20', 'proxy', 'a1'))
      .then([{ type: 'AttendanceRecorded', data: { associateId: 'a20', mode: 'proxy', proxyHolderId: 'a1' } }]);
    given(scopWith(20, 1))
      .when(attend('a20', 'proxy', 'a1'))
      .thenThrows(rule('SCOP-PROXY-LIMIT'), 'at most 1 (one per 20 associates, rounded down)');
  });

  it('SCOP-PROXY-LIMIT with 40 voters: two proxies, not three', () => {
    given(scopWith(40, 1))
      .when(attend('a40', 'proxy', 'a1'))
      .then([{ type: 'AttendanceRecorded', data: { associateId: 'a40', mode: 'proxy', proxyHolderId: 'a1' } }]);
    given(scopWith(40, 2))
      .when(attend('a40', 'proxy', 'a1'))
      .thenThrows(rule('SCOP-PROXY-LIMIT'), 'at most 2');
  });

  it('SCOP-PROXY-LIMIT counts per holder: another associate may hold the next proxy', () =>
    given(scopWith(19, 1), attend('a10'))
      .when(attend('a19', 'proxy', 'a10'))
      .then([{ type: 'AttendanceRecorded', data: { associateId: 'a19', mode: 'proxy', proxyHolderId: 'a10' } }]));

  it('SCOP-PROXY-LIMIT does not apply to a SCIC (its statuts may limit proxies; the law we hold does not)', () => {
    const voters = members('a', 10);
    given(convene({ voters }), attend('a1'), attend('a2', 'proxy', 'a1'), attend('a3', 'proxy', 'a1'))
      .when(attend('a4', 'proxy', 'a1'))
      .then([{ type: 'AttendanceRecorded', data: { associateId: 'a4', mode: 'proxy', proxyHolderId: 'a1' } }]);
  });
});
