import type { ImportIssueCode } from '../domain/import-issues';
import { parseOutcome } from '../domain/values';
import type { Direction, ValueType } from '../domain/vocabulary';
import { cellText, type Cell } from './tabular-sheet';

/** Folds accents, case and separators so `Ja/Nej`, `janej` and `ja-nej` read alike. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_/-]+/gu, '');
}

const VALUE_TYPE_WORDS = new Map<string, ValueType>([
  ['number', 'number'],
  ['tal', 'number'],
  ['antal', 'number'],
  ['percent', 'percent'],
  ['procent', 'percent'],
  ['%', 'percent'],
  ['currency', 'currency'],
  ['kr', 'currency'],
  ['valuta', 'currency'],
  ['belopp', 'currency'],
  ['yesno', 'yesno'],
  ['janej', 'yesno'],
  ['text', 'text'],
]);

export function parseValueType(text: string): ValueType | undefined {
  return VALUE_TYPE_WORDS.get(fold(text));
}

const DIRECTION_WORDS = new Map<string, Direction>([
  ['increase', 'increase'],
  ['oka', 'increase'],
  ['okning', 'increase'],
  ['decrease', 'decrease'],
  ['minska', 'decrease'],
  ['minskning', 'decrease'],
  ['maintain', 'maintain'],
  ['behalla', 'maintain'],
  ['bibehalla', 'maintain'],
  ['atleast', 'atLeast'],
  ['minst', 'atLeast'],
  ['atmost', 'atMost'],
  ['hogst', 'atMost'],
  ['yes', 'yes'],
  ['ja', 'yes'],
  ['janej', 'yes'],
  ['none', 'none'],
  ['ingen', 'none'],
  ['', 'none'],
]);

// Plans write the starting value into the direction: `Minska (ingångsvärde 5,1%)`.
const DIRECTION_RE = /^([^(]*)(?:\((.*)\))?\s*$/su;
const BASELINE_HINT_RE = /^\s*ing[åa]ngsv[äa]rde\s*:?\s*(.+?)\s*$/isu;

/** A direction word (English code or Swedish), and the baseline written in brackets after it, if any. */
export function parseDirection(text: string): { direction: Direction; baselineHint?: string } | undefined {
  const match = DIRECTION_RE.exec(text);
  const direction = DIRECTION_WORDS.get(fold(match?.[1] ?? text));
  if (direction === undefined) return undefined;
  const hint = BASELINE_HINT_RE.exec(match?.[2] ?? '')?.[1];
  return hint === undefined ? { direction } : { direction, baselineHint: hint };
}

/** Owner e-mails in one cell, separated by `,` or `;`; repeats dropped. */
export function splitOwners(text: string): string[] {
  const owners = text
    .split(/[,;]/u)
    .map(ownerAddress)
    .filter((owner) => owner !== '');
  return owners.filter((owner, index) => owners.findIndex((o) => o.toLowerCase() === owner.toLowerCase()) === index);
}

/** The address of `Anna Berg <anna.berg@region.example>`, as Outlook copies it; other text as it is. */
export function ownerAddress(text: string): string {
  return (/<([^<>]+)>/u.exec(text)?.[1] ?? text).trim();
}

/**
 * Period codes in one cell: `DÅ04, DÅ08, ÅR`, `;` or space separated. Reports also write
 * `DÅ04,08,ÅR`, so a bare number after a lettered code borrows that code's letters.
 */
export function splitPeriodCodes(text: string): string[] {
  const codes: string[] = [];
  let prefix: string | undefined;
  for (const token of text.split(/[,;\s]+/u).filter((t) => t !== '')) {
    const code = /^\d+$/u.test(token) && prefix !== undefined ? `${prefix}${token}` : token;
    prefix = /^(\p{L}+)\d+$/u.exec(code)?.[1] ?? prefix;
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

export type TargetParse = { ok: true; value: number | boolean | null } | { ok: false; code: ImportIssueCode; detail?: string };

/**
 * A baseline or target cell for an indicator of `valueType`. Blank, `ej tillgängligt` and
 * `mäts senare` mean no value (null). Text indicators have no target to compare against.
 */
export function parseTargetCell(cell: Cell, valueType: ValueType): TargetParse {
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  if (valueType === 'text') return { ok: false, code: 'target_type_mismatch', detail: valueType };
  if (typeof cell === 'number') {
    return valueType === 'yesno' ? { ok: false, code: 'target_type_mismatch', detail: valueType } : { ok: true, value: cell };
  }
  if (typeof cell === 'boolean') {
    return valueType === 'yesno' ? { ok: true, value: cell } : { ok: false, code: 'target_type_mismatch', detail: valueType };
  }
  const parsed = parseOutcome(text, valueType);
  if (!parsed.ok) {
    return { ok: false, code: valueType === 'yesno' ? 'invalid_value' : 'invalid_number', detail: parsed.error.code };
  }
  const value = parsed.value;
  if (value === null || value.kind === 'not_available') return { ok: true, value: null };
  if (value.kind === 'text') return { ok: false, code: 'target_type_mismatch', detail: valueType };
  return { ok: true, value: value.value };
}

/** A plan year: four digits. */
export function parseYear(text: string): number | undefined {
  return /^\d{4}$/u.test(text) ? Number(text) : undefined;
}
