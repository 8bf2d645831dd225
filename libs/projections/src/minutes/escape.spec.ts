import { escapeHtml, escapeMarkdown, markdownCode } from './escape';

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Dupont & Fils</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Dupont &amp; Fils&lt;/a&gt;');
  });

  it('turns a script into inert text', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('leaves ordinary text, accents included, as it is', () => {
    expect(escapeHtml('Gaëlle Roux — collège B')).toBe('Gaëlle Roux — collège B');
  });

  it('escapes an ampersand once, so an existing entity prints literally', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('escapeMarkdown', () => {
  it('escapes table pipes', () => {
    expect(escapeMarkdown('Dupont | Fils')).toBe('Dupont \\| Fils');
  });

  it('escapes raw HTML', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
  });

  it('escapes emphasis, code and link syntax', () => {
    expect(escapeMarkdown('*bold* _it_ `code` [link](x) ~~del~~ a\\b')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~del\\~\\~ a\\\\b');
  });

  it.each([
    ['# Not a heading', '\\# Not a heading'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['> not a quote', '\\> not a quote'],
    ['1. not a list', '1\\. not a list'],
    ['2) not a list', '2\\) not a list'],
    ['=== not an underline', '\\=== not an underline'],
  ])('escapes the leading markdown character of %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('leaves figures that cannot open a list alone', () => {
    expect(escapeMarkdown('30.00 %')).toBe('30.00 %');
  });

  it('folds newlines so user text cannot end a table row or start a block', () => {
    expect(escapeMarkdown('first\n# second\r\nthird')).toBe('first # second third');
  });

  it('escapes an ampersand only where an entity would swallow it', () => {
    expect(escapeMarkdown('Dupont & Fils &amp; &#60;')).toBe('Dupont & Fils \\&amp; \\&#60;');
  });
});

describe('markdownCode', () => {
  it('puts identifiers and hashes in a code span', () => {
    expect(markdownCode('ag-2025')).toBe('`ag-2025`');
  });

  it('falls back to escaped text for anything a code span would not hold verbatim', () => {
    expect(markdownCode('a`b | c')).toBe('a\\`b \\| c');
  });
});
