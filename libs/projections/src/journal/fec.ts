import { decimalComma } from '../csv';
import { Journal } from './journal';

/** LPF art. A47 A-1, I: the 18 fields of the fichier des écritures comptables, in order, named so in the header. */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

/** `<siren>FEC<AAAAMMJJ>.txt`, the date being the fiscal year's end (LPF art. A47 A-1). */
export function fecFileName(siren: string, endsOn: string): string {
  return `${siren}FEC${compact(endsOn)}.txt`;
}

/**
 * The journal as a FEC: a header of the 18 field names, one line per entry line, fields
 * separated by a tab, dates AAAAMMJJ, amounts with a decimal comma and no thousands separator,
 * CRLF line ends. Lettering and currency fields are empty: the ledger letters nothing and books
 * in euros. A text field cannot hold the separator: tabs and line breaks become spaces.
 * Returned as text; `fecBytes` encodes it as the file is served.
 */
export function fecText(journal: Journal): string {
  const out: string[] = [FEC_COLUMNS.join('\t')];
  for (const e of journal.entries) {
    const head = `${e.journalCode}\t${text(e.journalLabel)}\t${e.number}\t${compact(e.date)}\t`;
    const piece = `\t${text(e.pieceRef)}\t${compact(e.pieceDate)}\t${text(e.label)}\t`;
    const tail = `\t\t\t${compact(e.validDate)}\t\t`;
    for (const l of e.lines) {
      out.push(
        `${head}${l.account}\t${text(l.accountLabel)}\t${l.auxiliary === undefined ? '' : text(l.auxiliary)}\t${l.auxiliaryLabel === undefined ? '' : text(l.auxiliaryLabel)}${piece}${decimalComma(l.debitCents)}\t${decimalComma(l.creditCents)}${tail}`,
      );
    }
  }
  return out.join('\r\n') + '\r\n';
}

/**
 * ISO 8859-15, one of the character sets the administration reads (BOI-CF-IOR-60-40-20): every
 * French letter, the euro sign and the œ have a byte there. A character it lacks is written
 * without its accent when that is enough (ł → l), else as `?`.
 */
export function fecBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff && !LATIN1_REPLACED.has(code))) bytes[n++] = code;
    else bytes[n++] = LATIN9_EXTRA.get(code) ?? ascii(text[i]);
  }
  return bytes.subarray(0, n);
}

/** The eight code points where ISO 8859-15 differs from ISO 8859-1 (€ Š š Ž ž Œ œ Ÿ), both ways. */
const LATIN9_EXTRA = new Map<number, number>([
  [0x20ac, 0xa4],
  [0x160, 0xa6],
  [0x161, 0xa8],
  [0x17d, 0xb4],
  [0x17e, 0xb8],
  [0x152, 0xbc],
  [0x153, 0xbd],
  [0x178, 0xbe],
]);
const LATIN1_REPLACED = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);

function ascii(char: string): number {
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const code = base.charCodeAt(0);
  return base.length === 1 && code < 0x80 ? code : 0x3f;
}

/** ISO 8859-15 bytes read back as text (the FEC checker's way in). */
export function fecDecode(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe]/g, (c) => String.fromCharCode(LATIN9_BACK.get(c.charCodeAt(0))!));
}

const LATIN9_BACK = new Map([...LATIN9_EXTRA].map(([code, byte]) => [byte, code]));

function compact(date: string): string {
  return date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
}

function text(value: string): string {
  return /[\t\r\n]/.test(value) ? value.replace(/[\t\r\n]+/g, ' ') : value;
}
