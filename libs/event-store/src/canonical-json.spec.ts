import fc from 'fast-check';
import { canonicalJson, canonicalJsonBySerializer, NotCanonicalJsonError } from './canonical-json';

/** A double from its IEEE 754 bits, as RFC 8785 Appendix B lists them. */
function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonical JSON (RFC 8785)', () => {
  it('writes the same text whatever the key order, at every depth', () => {
    const one = { b: 1, a: { y: [1, { z: true, x: null }], x: 'é' } };
    const other = { a: { x: 'é', y: [1, { x: null, z: true }] }, b: 1 };
    expect(canonicalJson(one)).toBe('{"a":{"x":"é","y":[1,{"x":null,"z":true}]},"b":1}');
    expect(canonicalJson(other)).toBe(canonicalJson(one));
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\ud83d\ude00', '\u0080', '\u00f6'];
    const object = Object.fromEntries(keys.map((key, i) => [key, i]));
    expect(canonicalJson(object)).toBe('{"\\r":1,"1":3,"\u0080":5,"ö":6,"€":0,"😀":4,"\ufb33":2}');
  });

  it('writes the RFC 8785 §3.2.2 example exactly', () => {
    const input = JSON.parse(`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
      "literals": [null, true, false]
    }`);
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' + '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('writes numbers as ECMAScript does (RFC 8785 Appendix B)', () => {
    const cases: Array<[string, string]> = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['3eb0c6f7a0b5ed8e', '0.0000010000000000000002'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of cases) expect([bits, canonicalJson(double(bits))]).toEqual([bits, text]);
  });

  it('writes the everyday numbers of a ledger plainly', () => {
    expect(canonicalJson({ amountCents: 150000, shares: 12, rate: 0.5, big: 1e21, negative: -42 })).toBe('{"amountCents":150000,"big":1e+21,"negative":-42,"rate":0.5,"shares":12}');
  });

  it('escapes strings as JSON.stringify does, leaving non-ASCII as it is', () => {
    expect(canonicalJson('Société coopérative « Les Abeilles » 🐝\n\t"\\')).toBe('"Société coopérative « Les Abeilles » 🐝\\n\\t\\"\\\\"');
    expect(canonicalJson('\u0000\u001f\u007f')).toBe('"\\u0000\\u001f\u007f"');
  });

  it('leaves out members whose value is undefined, as storage would', () => {
    expect(canonicalJson({ a: 1, idempotencyKey: undefined })).toBe('{"a":1}');
  });

  it('refuses what JSON cannot carry faithfully', () => {
    for (const bad of [NaN, Infinity, -Infinity, 1n, () => 1, Symbol('s'), new Date(0), [undefined]]) {
      expect(() => canonicalJson({ value: bad })).toThrow(NotCanonicalJsonError);
    }
    expect(() => canonicalJson(undefined)).toThrow(NotCanonicalJsonError);
    expect(() => canonicalJson({ deep: [{ x: NaN }] })).toThrow('$.deep[0].x');
  });

  it('writes through JSON.stringify only what the serializer writes alike: values in any key order, integer-like keys, undefined members, -0', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalJsonBySerializer(value));
        // Parsed back, the members are in canonical order: the shortcut's case.
        expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJsonBySerializer(value));
      }),
      { numRuns: 500 },
    );
    const awkward = { b: undefined, a: -0, '10': [1.5, { y: 1, x: 2 }], '2': 'é\ud800' };
    expect(canonicalJson(awkward)).toBe(canonicalJsonBySerializer(awkward));
    expect(canonicalJson(awkward)).toBe('{"10":[1.5,{"x":2,"y":1}],"2":"é\\ud800","a":0}');
  });
});
