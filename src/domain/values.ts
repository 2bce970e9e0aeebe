import { z } from 'zod';
import { CurrencyUnitSchema, type CurrencyUnit, type ValueType } from './vocabulary';

export const MAX_TEXT_LENGTH = 2000;
/** Cap for number, percent, currency and yes/no input, checked before any parsing. */
export const MAX_VALUE_LENGTH = 200;

export const OutcomeValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: z.number(), currencyUnit: CurrencyUnitSchema.optional() }),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
  z.object({ kind: z.literal('text'), value: z.string().min(1).max(MAX_TEXT_LENGTH) }),
  z.object({ kind: z.literal('not_available') }),
]);
/**
 * A parsed utfall. Percent values are in percent units (`5,4 %` → 5.4). Currency values stay in
 * the scale the owner wrote; `currencyUnit` records that scale and nothing is ever rescaled.
 */
export type OutcomeValue = z.infer<typeof OutcomeValueSchema>;

export const VALUE_ERROR_CODES = [
  'empty',
  'too_long',
  'not_a_number',
  'multiple_decimal_separators',
  'ambiguous_decimal_point',
  'invalid_digit_grouping',
  'unit_mismatch',
  'percent_out_of_range',
  'not_yes_no',
] as const;
export type ValueErrorCode = (typeof VALUE_ERROR_CODES)[number];
/** `input` is exactly what the owner typed, so the card can show it back unchanged. */
export interface ValueError {
  code: ValueErrorCode;
  input: string;
}
export type ParseResult = { ok: true; value: OutcomeValue | null } | { ok: false; error: ValueError };
export interface ParseOptions {
  /** Empty input is a valid "no answer yet" (`value: null`) instead of the error `empty`. */
  allowEmpty?: boolean;
  /** Upper bound for percent values, inclusive. */
  maxPercent?: number;
  /**
   * How the person writes numbers. For an English writer `21,707` may be twenty-one thousand (their
   * grouping) or 21,707 (the Swedish decimal comma the form otherwise accepts): they are asked which.
   */
  numberStyle?: 'sv' | 'en';
}

const NBSP = '\u00A0';
const SIGN_RE = /^[+\-\u2212\u2013]/u;
const BODY_RE = /^(\d[\d.,\u0020\u00A0\u202F\u2009]*)(.*)$/su;
const GROUPED_RE = /^[1-9]\d{0,2}(?:[\u0020\u00A0\u202F\u2009]\d{3})+$/u;
/** English grouping, as cards show numbers in English: `1,234,567` or `1,234.5` (never a lone `21,707`, which is 21,707 in Swedish). */
const ENGLISH_GROUPED_RE = /^([1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d+))?$/u;
// One token such as `kr`, `%`, `g/km`, `kWh/m2`, `m²`, `st.`; digits only after a slash so `1e5` is no unit.
const UNIT_RE = /^[\p{L}%]+(?:\/[\p{L}\p{N}]+)*[²³]?\.?$/u;
const NOT_AVAILABLE_RE = /^(?:ej tillgängligt?|mäts senare|n\/a)\.?$/u;
const YES_NO = new Map<string, boolean>([
  ['ja', true],
  ['j', true],
  ['yes', true],
  ['nej', false],
  ['n', false],
  ['no', false],
]);
const CURRENCY_ALIASES = new Map<string, CurrencyUnit>([
  ['kr', 'kr'],
  ['kronor', 'kr'],
  ['sek', 'kr'],
  ['tkr', 'tkr'],
  ['tsek', 'tkr'],
  ['mnkr', 'mnkr'],
  ['mkr', 'mnkr'],
  ['msek', 'mnkr'],
  ['mnsek', 'mnkr'],
]);
const PERCENT_UNITS = new Set(['%', 'procent']);

/** The currency scale a unit names (`mnkr`, `Mkr`, `tkr`, `kronor`, `SEK` …), if it names one. */
export function currencyUnitOf(unit: string | null | undefined): CurrencyUnit | undefined {
  return unit ? CURRENCY_ALIASES.get(stripPeriod(unit.trim().toLowerCase())) : undefined;
}

type NumberParse = { ok: true; value: number; unit?: string } | { ok: false; code: ValueErrorCode };

/**
 * Parses an utfall the way Swedish owners type it (SPEC §4): decimal comma (or one unambiguous
 * point), space/NBSP/narrow-NBSP thousands groups, a leading `+`, `-`, `−` or `–`, and a unit
 * after the number. `ej tillgängligt`, `mäts senare` and `n/a` are `not_available` for every type.
 * Never throws; errors carry a code and the untouched input.
 */
export function parseOutcome(input: string, valueType: ValueType, options: ParseOptions = {}): ParseResult {
  const fail = (code: ValueErrorCode): ParseResult => ({ ok: false, error: { code, input } });
  const text = input.normalize('NFC').trim();
  if (text === '') return options.allowEmpty ? { ok: true, value: null } : fail('empty');
  if (text.length > (valueType === 'text' ? MAX_TEXT_LENGTH : MAX_VALUE_LENGTH)) return fail('too_long');
  if (NOT_AVAILABLE_RE.test(text.toLowerCase().replace(/\s+/gu, ' '))) {
    return { ok: true, value: { kind: 'not_available' } };
  }
  if (valueType === 'text') return { ok: true, value: { kind: 'text', value: text } };
  if (valueType === 'yesno') {
    const answer = YES_NO.get(stripPeriod(text.toLowerCase()));
    return answer === undefined ? fail('not_yes_no') : { ok: true, value: { kind: 'boolean', value: answer } };
  }
  const parsed = parseNumber(text, options.numberStyle ?? 'sv');
  if (!parsed.ok) return fail(parsed.code);
  const unit = parsed.unit === undefined ? undefined : stripPeriod(parsed.unit.toLowerCase());
  if (valueType === 'percent') {
    if (unit !== undefined && !PERCENT_UNITS.has(unit)) return fail('unit_mismatch');
    if (options.maxPercent !== undefined && parsed.value > options.maxPercent) return fail('percent_out_of_range');
    return { ok: true, value: { kind: 'number', value: parsed.value } };
  }
  if (valueType === 'currency' && unit !== undefined) {
    const currencyUnit = CURRENCY_ALIASES.get(unit);
    if (currencyUnit === undefined) return fail('unit_mismatch');
    return { ok: true, value: { kind: 'number', value: parsed.value, currencyUnit } };
  }
  return { ok: true, value: { kind: 'number', value: parsed.value } };
}

function stripPeriod(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

function parseNumber(text: string, style: 'sv' | 'en'): NumberParse {
  const sign = SIGN_RE.exec(text)?.[0];
  const match = BODY_RE.exec(sign === undefined ? text : text.slice(sign.length));
  if (match === null) return { ok: false, code: 'not_a_number' };
  const body = (match[1] ?? '').trimEnd();
  const unit = match[2] ?? '';
  const english = ENGLISH_GROUPED_RE.exec(body);
  if (english && (english[2] !== undefined || (body.match(/,/gu) ?? []).length > 1)) {
    if (unit !== '' && !UNIT_RE.test(unit)) return { ok: false, code: 'not_a_number' };
    const magnitude = Number(`${english[1]!.replace(/,/gu, '')}${english[2] === undefined ? '' : `.${english[2]}`}`);
    const value = sign !== undefined && sign !== '+' && magnitude !== 0 ? -magnitude : magnitude;
    return unit === '' ? { ok: true, value } : { ok: true, value, unit };
  }
  const separators = body.match(/[.,]/gu) ?? [];
  if (separators.length > 1) return { ok: false, code: 'multiple_decimal_separators' };
  const [integer = '', fraction] = body.split(/[.,]/u);
  if (fraction !== undefined && !/^\d+$/u.test(fraction)) return { ok: false, code: 'not_a_number' };
  if (/\D/u.test(integer) && !GROUPED_RE.test(integer)) return { ok: false, code: 'invalid_digit_grouping' };
  // `1.600` is 1 600 to a Dane or German and 1,6 to an English speaker: make the owner say which.
  if (separators[0] === '.' && /^[1-9]\d{0,2}$/u.test(integer) && fraction?.length === 3) {
    return { ok: false, code: 'ambiguous_decimal_point' };
  }
  if (style === 'en' && separators[0] === ',' && /^[1-9]\d{0,2}$/u.test(integer) && fraction?.length === 3) {
    return { ok: false, code: 'ambiguous_decimal_point' };
  }
  if (unit !== '' && !UNIT_RE.test(unit)) return { ok: false, code: 'not_a_number' };
  const magnitude = Number(`${integer.replace(/\D/gu, '')}${fraction === undefined ? '' : `.${fraction}`}`);
  if (!Number.isFinite(magnitude)) return { ok: false, code: 'not_a_number' };
  const value = sign !== undefined && sign !== '+' && magnitude !== 0 ? -magnitude : magnitude;
  return unit === '' ? { ok: true, value } : { ok: true, value, unit };
}

/** How numbers are written: the Swedish way (`1 234,5`) or the English (`1,234.5`). */
export type NumberStyle = 'sv' | 'en';

/**
 * Formats a value for Swedish reports: NBSP thousands groups, decimal comma, ASCII `-`, at most
 * two decimals, `5,4 %` (NBSP before `%`), `Ja`/`Nej`, `Ej tillgängligt`. A currency value's own
 * `currencyUnit` wins over `unit`; either is appended after an NBSP (for number values too).
 * `style` 'en' writes the number the English way (`1,234.5`); the words stay the caller's.
 */
export function formatValue(value: OutcomeValue, valueType: ValueType, unit?: string, style: NumberStyle = 'sv'): string {
  switch (value.kind) {
    case 'boolean':
      return value.value ? 'Ja' : 'Nej';
    case 'text':
      return value.value;
    case 'not_available':
      return 'Ej tillgängligt';
    case 'number': {
      const label = valueType === 'percent' ? '%' : (value.currencyUnit ?? unit);
      const number = formatNumber(value.value, 2, style);
      return label === undefined || label === '' ? number : `${number}${NBSP}${label}`;
    }
  }
}

/**
 * sv-SE number with at most `maxDecimals` decimals and no trailing zeros. Intl emits U+2212 for
 * negatives and `−0` for tiny negatives; both become ASCII as in the reports. Throws a RangeError
 * for NaN and infinities, which no parsed value can hold.
 */
export function formatNumber(n: number, maxDecimals = 2, style: NumberStyle = 'sv'): string {
  if (!Number.isFinite(n)) throw new RangeError(`formatNumber needs a finite number, got ${n}`);
  const text = numberFormatter(maxDecimals, style)
    .format(n)
    .replace(/\u2212/gu, '-')
    .replace(/[\u0020\u202F]/gu, NBSP);
  return text === '-0' ? '0' : text;
}

const FORMATTERS = new Map<string, Intl.NumberFormat>();

/** Building an Intl.NumberFormat costs far more than formatting with one; reports format thousands. */
function numberFormatter(maxDecimals: number, style: NumberStyle): Intl.NumberFormat {
  const key = `${style}:${maxDecimals}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(style === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: maxDecimals });
    FORMATTERS.set(key, formatter);
  }
  return formatter;
}
