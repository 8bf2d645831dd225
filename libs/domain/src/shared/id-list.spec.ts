import { IdList } from './id-list';

const ids = (n: number, prefix = 'm') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('IdList', () => {
  it('reads like the array of what was pushed, across chunks', () => {
    const list = IdList.of(ids(2500));
    expect(list.length).toBe(2500);
    expect([...list]).toEqual(ids(2500));
    expect([list.at(0), list.at(1023), list.at(1024), list.at(2499), list.at(2500), list.at(-1)]).toEqual(['m0', 'm1023', 'm1024', 'm2499', undefined, undefined]);
    expect(list.map((id, i) => `${i}:${id}`).slice(1022, 1026)).toEqual(['1022:m1022', '1023:m1023', '1024:m1024', '1025:m1025']);
    expect(list.filter((_, i) => i % 1000 === 0)).toEqual(['m0', 'm1000', 'm2000']);
    expect([list.indexOf('m0'), list.indexOf('m1500'), list.indexOf('nope')]).toEqual([0, 1500, -1]);
    expect(JSON.stringify(IdList.of(['a', 'b']))).toBe('["a","b"]');
  });

  it('forks a prefix that neither the original nor other forks can change', () => {
    const original = IdList.of(ids(2100));
    const prefixes = [0, 1, 1023, 1024, 1025, 2048, 2100].map((n) => [n, original.fork(n)] as const);
    for (let i = 0; i < 1500; i++) original.push(`late${i}`);
    for (const [n, fork] of prefixes) {
      fork.push('own');
      expect([...fork]).toEqual([...ids(n), 'own']);
    }
    expect(original.length).toBe(3600);
    expect(original.at(2100)).toBe('late0');
    expect([...original.fork()].slice(-1)).toEqual(['late1499']);
  });
});
