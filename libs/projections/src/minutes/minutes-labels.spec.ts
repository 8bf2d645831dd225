import { fractionDecimal, fractionIsEmpty, fractionText, majorityText, percentBp } from './minutes-labels';

describe('minutes wording', () => {
  it('prints basis points with two decimals, from integers', () => {
    expect(percentBp(6667)).toBe('66.67 %');
    expect(percentBp(5833)).toBe('58.33 %');
    expect(percentBp(10000)).toBe('100.00 %');
    expect(percentBp(5)).toBe('0.05 %');
  });

  it('prints an exact fraction in lowest terms, whatever its size', () => {
    expect(fractionText({ numerator: '21', denominator: '24' })).toBe('7/8');
    expect(fractionText({ numerator: '35', denominator: '39' })).toBe('35/39');
    expect(fractionText({ numerator: '123456789012345678901234567890', denominator: '246913578024691357802469135780' })).toBe('1/2');
  });

  it('prints digits it cannot parse verbatim rather than fail', () => {
    expect(fractionText({ numerator: 'x', denominator: '3' })).toBe('x/3');
  });

  it('gives a truncated decimal as a reading aid', () => {
    expect(fractionDecimal({ numerator: '35', denominator: '39' })).toBe('0.8974');
    expect(fractionDecimal({ numerator: '1', denominator: '0' })).toBeNull();
  });

  it('knows a fraction over zero votes cast', () => {
    expect(fractionIsEmpty({ numerator: '0', denominator: '0' })).toBe(true);
    expect(fractionIsEmpty({ numerator: '0', denominator: '1' })).toBe(false);
  });

  it('words AG-MAJORITY as the law does: more than, or at least', () => {
    expect(majorityText({ numerator: 1, denominator: 2, strict: true })).toBe('more than 1/2 of the votes cast');
    expect(majorityText({ numerator: 2, denominator: 3, strict: false })).toBe('at least 2/3 of the votes cast');
  });
});
