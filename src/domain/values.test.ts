import fc from 'fast-check';
import { formatNumber, formatValue, parseOutcome, type ValueErrorCode } from './values';
import { VALUE_TYPES, type ValueType } from './vocabulary';

const NBSP = '\u00A0';
const okNumber = (input: string, type: ValueType) => {
  const result = parseOutcome(input, type);
  if (!result.ok || result.value?.kind !== 'number') throw new Error(`expected a number from ${JSON.stringify(input)}`);
  return result.value;
};

describe(parseOutcome.name, () => {
  // Every example of fixtures/README.md "value kinds seen", plus SPEC §4.
  test.each<[string, string, ValueType, number]>([
    ['percent with a space', '5,4 %', 'percent', 5.4],
    ['percent with a space', '15,24 %', 'percent', 15.24],
    ['percent with a space', '3,74 %', 'percent', 3.74],
    ['percent with a space', '100 %', 'percent', 100],
    ['percent with a space', '0 %', 'percent', 0],
    ['percent with a no-break space', `11,15${NBSP}%`, 'percent', 11.15],
    ['percent with a narrow no-break space', '5,4\u202F%', 'percent', 5.4],
    ['percent without a space', '5,4%', 'percent', 5.4],
    ['percent without a space', '6,3%', 'percent', 6.3],
    ['percent without a space', '72%', 'percent', 72],
    ['percent without a space', '98%', 'percent', 98],
    ['percent without a space', '100%', 'percent', 100],
    ['percent without a space', '11%', 'percent', 11],
    ['percent without a space', '6,5%', 'percent', 6.5],
    ['percent without a space', '12,46%', 'percent', 12.46],
    ['percent written as a word', '5 procent', 'percent', 5],
    ['percent without the sign', '5,5', 'percent', 5.5],
    ['negative percent', '-1,3 %', 'percent', -1.3],
    ['decimal comma', '0,5', 'number', 0.5],
    ...['4,11', '4,46', '36,7', '97,2', '15,7', '203,5', '4,65', '5,5'].map((s): [string, string, ValueType, number] => [
      'decimal comma',
      s,
      'number',
      Number(s.replace(',', '.')),
    ]),
    ['decimal comma with a zero decimal', '4,0', 'number', 4],
    ['an unambiguous decimal point', '4.5', 'number', 4.5],
    ['a decimal point after a leading zero', '0.125', 'number', 0.125],
    ...['200', '466', '12', '0', '4', '77', '872', '80', '65'].map((s): [string, string, ValueType, number] => [
      'plain integer',
      s,
      'number',
      Number(s),
    ]),
    ['space thousands', '21 707', 'number', 21707],
    ['space thousands', '9 773', 'number', 9773],
    ['space thousands', '1 600', 'number', 1600],
    ['space thousands', '30 000', 'number', 30000],
    ['space thousands', '35 000', 'number', 35000],
    ['space thousands and decimals', '1 234 567,89', 'number', 1234567.89],
    ['no-break space thousands', `21${NBSP}707`, 'number', 21707],
    ['narrow no-break space thousands', '1\u202F600', 'number', 1600],
    ['negative with thousands', '-26 151', 'number', -26151],
    ['Unicode minus', '\u221211,1', 'number', -11.1],
    ['en dash as minus at the start', '\u20133', 'number', -3],
    ['explicit plus', '+24,7', 'number', 24.7],
    ['explicit plus', '+34,2', 'number', 34.2],
    ['negative zero', '-0', 'number', 0],
    ['unit g/km', '140 g/km', 'number', 140],
    ['unit g', '100 g', 'number', 100],
    ['unit sek', '21 sek', 'number', 21],
    ['unit kg', '662 kg', 'number', 662],
    ['unit st', '12 st', 'number', 12],
    ['unit dagar', '7 dagar', 'number', 7],
    ['unit kWh/m2 with a period', '5 kWh/m2.', 'number', 5],
    ['mnkr on a number indicator (NB-P3-G1-I1)', '-11,1 mnkr', 'number', -11.1],
    ['% on a number indicator', '5 %', 'number', 5],
  ])('when %s is typed as %j for %s, then the value is %d', (_kind, input, type, expected) => {
    expect(okNumber(input, type)).toEqual({ kind: 'number', value: expected });
  });

  test.each<[string, number, string | undefined]>([
    ['-11,1 mnkr', -11.1, 'mnkr'],
    ['\u221211,1 mnkr', -11.1, 'mnkr'],
    ['15 kr', 15, 'kr'],
    ['118 kr', 118, 'kr'],
    ['250 tkr', 250, 'tkr'],
    ['3 Mkr', 3, 'mnkr'],
    ['12 SEK', 12, 'kr'],
    ['+16,9', 16.9, undefined],
    ['+0,7', 0.7, undefined],
    ['0,0', 0, undefined],
  ])('when currency %j is typed, then it is %d in the unit written (%s), not rescaled', (input, value, currencyUnit) => {
    expect(okNumber(input, 'currency')).toEqual(currencyUnit ? { kind: 'number', value, currencyUnit } : { kind: 'number', value });
  });

  test.each<[string, boolean]>([
    ['Ja', true],
    ['Nej', false],
    ['ja', true],
    ['NEJ', false],
    ['Ja.', true],
    ['yes', true],
    ['No', false],
    ['j', true],
    ['N', false],
  ])('when %j is typed for yesno, then it is %s', (input, value) => {
    expect(parseOutcome(input, 'yesno')).toEqual({ ok: true, value: { kind: 'boolean', value } });
  });

  const notAvailable = [
    'Ej tillgängligt',
    'ej tillgänglig',
    ' EJ TILLGÄNGLIGT. ',
    'Mäts senare',
    'n/a',
    'N/A.',
    `Ej${NBSP}tillgängligt`,
    'Ej tillga\u0308ngligt',
  ];
  test.each(VALUE_TYPES.flatMap((type) => notAvailable.map((input): [string, ValueType] => [input, type])))(
    'when %j is typed for %s, then it is not_available',
    (input, type) => {
      expect(parseOutcome(input, type)).toEqual({ ok: true, value: { kind: 'not_available' } });
    },
  );

  test.each(VALUE_TYPES.flatMap((type) => ['', '   ', NBSP].map((input): [string, ValueType] => [input, type])))(
    'when %j is typed for %s, then it is empty unless empty is allowed',
    (input, type) => {
      expect(parseOutcome(input, type)).toEqual({ ok: false, error: { code: 'empty', input } });
      expect(parseOutcome(input, type, { allowEmpty: true })).toEqual({ ok: true, value: null });
    },
  );

  test.each<[string, string, ValueType, ValueErrorCode]>([
    ['two decimal commas', '12,3,4', 'number', 'multiple_decimal_separators'],
    ['a point and a comma', '1.234,5', 'number', 'multiple_decimal_separators'],
    ['a point that may be a thousands separator', '1.600', 'number', 'ambiguous_decimal_point'],
    ['single digits separated by spaces', '1 2 3 4', 'number', 'invalid_digit_grouping'],
    ['a two-digit thousands group', '21 70', 'number', 'invalid_digit_grouping'],
    ['a four-digit first group', '1234 567', 'number', 'invalid_digit_grouping'],
    ['letters', 'abc', 'number', 'not_a_number'],
    ['a verbal outcome (NB-P1-G1-I3)', 'Ökning', 'number', 'not_a_number'],
    ['a verbal outcome (NB-P1-G1-I2)', 'I nivå med fg år', 'number', 'not_a_number'],
    ['a verbal outcome', 'Ökning', 'percent', 'not_a_number'],
    ['a direction word', 'Behålla', 'number', 'not_a_number'],
    ['a direction with a baseline', 'Minska (ingångsvärde 5,1%)', 'number', 'not_a_number'],
    ['a direction with a baseline', 'Öka (ingångsvärde 66%)', 'percent', 'not_a_number'],
    ['a footnote reference', 'Se fotnot 1', 'number', 'not_a_number'],
    ['a reason instead of a value', 'Mäts helår.', 'number', 'not_a_number'],
    ['a reason instead of a value', 'Ingen uppgift.', 'currency', 'not_a_number'],
    ['a number split across a line break', '100\n662 kg', 'number', 'not_a_number'],
    ['an en dash inside a range', '0–6', 'number', 'not_a_number'],
    ['a minus sign after a space', '- 5', 'number', 'not_a_number'],
    ['a trailing decimal comma', '5,', 'number', 'not_a_number'],
    ['a missing integer part', ',5', 'number', 'not_a_number'],
    ['exponent notation', '1e5', 'number', 'not_a_number'],
    ['two numbers', '5 till 7', 'number', 'not_a_number'],
    ['a non-percent unit', '5 kr', 'percent', 'unit_mismatch'],
    ['a non-currency unit', '5 %', 'currency', 'unit_mismatch'],
    ['a non-currency unit', '140 g/km', 'currency', 'unit_mismatch'],
    ['neither yes nor no', 'kanske', 'yesno', 'not_yes_no'],
    ['a number', '1', 'yesno', 'not_yes_no'],
    ['an object prototype key', 'constructor', 'yesno', 'not_yes_no'],
  ])('when %s is typed (%j as %s), then the error is %s and keeps the input', (_situation, input, type, code) => {
    expect(parseOutcome(input, type)).toEqual({ ok: false, error: { code, input } });
  });

  test.each<[string, string]>([
    ['Ökning', 'Ökning'],
    ['I nivå med fg år', 'I nivå med fg år'],
    ['  Mäts helår.  ', 'Mäts helår.'],
  ])('when %j is typed for text, then it is kept trimmed', (input, value) => {
    expect(parseOutcome(input, 'text')).toEqual({ ok: true, value: { kind: 'text', value } });
  });

  test.each<[string, ValueType, number, boolean]>([
    ['201 digits', 'number', 201, false],
    ['201 letters', 'yesno', 201, false],
    ['2000 letters', 'text', 2000, true],
    ['2001 letters', 'text', 2001, false],
  ])('when %s are typed for %s, then only text up to 2000 characters is accepted', (_situation, type, length, ok) => {
    const input = (type === 'number' ? '9' : 'a').repeat(length);
    expect(parseOutcome(input, type)).toEqual(
      ok ? { ok, value: { kind: 'text', value: input } } : { ok, error: { code: 'too_long', input } },
    );
  });

  test.each<[string, number, boolean]>([
    ['100 %', 100, true],
    ['100,01 %', 100, false],
    ['-5 %', 100, true],
  ])('when %j is typed with maxPercent %d, then ok is %s', (input, maxPercent, ok) => {
    expect(parseOutcome(input, 'percent', { maxPercent }).ok).toBe(ok);
  });

  test.each<[string, number]>([
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['-1,250.75 tkr', -1250.75],
    ['21,707', 21.707],
  ])('when %j is typed (English grouping, or a lone comma read the Swedish way), then it is %d', (typed, expected) => {
    expect(okNumber(typed, 'currency').value).toBe(expected);
  });

  test.each<[string, number]>([
    ['21,5', 21.5],
    ['1,2345', 1.2345],
    ['21,707.5', 21707.5],
    ['1 600', 1600],
  ])('when an English writer types %s, then it is %d', (input, expected) => {
    expect(parseOutcome(input, 'number', { numberStyle: 'en' })).toEqual({ ok: true, value: { kind: 'number', value: expected } });
  });

  test('when an English writer types a comma before three digits (21,707), then they are asked which they mean; a Swedish writer is not', () => {
    expect(parseOutcome('21,707', 'number', { numberStyle: 'en' })).toEqual({
      ok: false,
      error: { code: 'ambiguous_decimal_point', input: '21,707' },
    });
    expect(parseOutcome('21,707', 'number')).toEqual({ ok: true, value: { kind: 'number', value: 21.707 } });
  });

  test('when any string is typed for any type, then it never throws', () => {
    const type = fc.constantFrom(...VALUE_TYPES);
    const numberish = fc.string({ unit: fc.constantFrom(...'09 ,.-+%\u00A0\u2212kr/'.split('')) });
    const input = fc.oneof(fc.string({ unit: 'grapheme-composite' }), numberish);
    fc.assert(fc.property(input, type, (s, t) => typeof parseOutcome(s, t).ok === 'boolean'));
  });
});

describe(formatValue.name, () => {
  test.each<[string, Parameters<typeof formatValue>, string]>([
    ['an integer with thousands', [{ kind: 'number', value: 21707 }, 'number'], `21${NBSP}707`],
    ['a negative number', [{ kind: 'number', value: -26151 }, 'number'], `-26${NBSP}151`],
    ['a whole decimal', [{ kind: 'number', value: 4.0 }, 'number'], '4'],
    ['more than two decimals', [{ kind: 'number', value: 1234.567 }, 'number'], `1${NBSP}234,57`],
    ['a tiny negative', [{ kind: 'number', value: -0.001 }, 'number'], '0'],
    ['a percent', [{ kind: 'number', value: 5.4 }, 'percent'], `5,4${NBSP}%`],
    ['a negative percent', [{ kind: 'number', value: -1.3 }, 'percent', '%'], `-1,3${NBSP}%`],
    ['currency with its own unit', [{ kind: 'number', value: -11.1, currencyUnit: 'mnkr' }, 'currency', 'tkr'], `-11,1${NBSP}mnkr`],
    ['currency with the indicator unit', [{ kind: 'number', value: 250 }, 'currency', 'tkr'], `250${NBSP}tkr`],
    ['a number with a unit', [{ kind: 'number', value: 140 }, 'number', 'g/km'], `140${NBSP}g/km`],
    ['yes', [{ kind: 'boolean', value: true }, 'yesno'], 'Ja'],
    ['no', [{ kind: 'boolean', value: false }, 'yesno'], 'Nej'],
    ['not available', [{ kind: 'not_available' }, 'percent'], 'Ej tillgängligt'],
    ['text', [{ kind: 'text', value: 'Ökning' }, 'text'], 'Ökning'],
  ])('when formatting %s, then it reads the Swedish way', (_situation, args, expected) => {
    expect(formatValue(...args)).toBe(expected);
  });

  const twoDecimals = fc
    .double({ min: -1e12, max: 1e12, noNaN: true })
    .map((d) => Math.round(d * 100) / 100)
    .filter((x) => Math.abs(x) < 1e12);
  test.each<ValueType>(['number', 'percent', 'currency'])(
    'when a two-decimal number is formatted as %s and parsed back, then it is unchanged',
    (type) => {
      fc.assert(fc.property(twoDecimals, (x) => okNumber(formatValue({ kind: 'number', value: x }, type), type).value === x + 0));
    },
  );

  test.each<[string, Parameters<typeof formatValue>, string]>([
    ['an integer with thousands', [{ kind: 'number', value: 21707 }, 'number', undefined, 'en'], '21,707'],
    ['a negative decimal with thousands', [{ kind: 'number', value: -1234.567 }, 'number', undefined, 'en'], '-1,234.57'],
    ['a percent', [{ kind: 'number', value: 5.4 }, 'percent', undefined, 'en'], `5.4${NBSP}%`],
    ['currency with its own unit', [{ kind: 'number', value: -11.1, currencyUnit: 'mnkr' }, 'currency', 'tkr', 'en'], `-11.1${NBSP}mnkr`],
  ])('when formatting %s in English, then it reads the English way', (_situation, args, expected) => {
    expect(formatValue(...args)).toBe(expected);
  });

  test.each<ValueType>(['number', 'percent', 'currency'])(
    'when a two-decimal number is formatted the English way as %s and parsed back, then it is unchanged',
    (type) => {
      fc.assert(
        fc.property(twoDecimals, (x) => okNumber(formatValue({ kind: 'number', value: x }, type, undefined, 'en'), type).value === x + 0),
      );
    },
  );

  test('when yes or no is formatted and parsed back, then it is unchanged', () => {
    fc.assert(
      fc.property(fc.boolean(), (b) => {
        const result = parseOutcome(formatValue({ kind: 'boolean', value: b }, 'yesno'), 'yesno');
        return result.ok && result.value?.kind === 'boolean' && result.value.value === b;
      }),
    );
  });
});

describe(formatNumber.name, () => {
  test.each<[number, number, string]>([
    [0.1 + 0.2, 2, '0,3'],
    [1.005, 2, '1,01'],
    [1.23456, 3, '1,235'],
    [-2.5, 0, '-3'],
    [1e11 + 0.01, 2, `100${NBSP}000${NBSP}000${NBSP}000,01`],
  ])('when %d is formatted with %s decimals, then it is %j', (n, maxDecimals, expected) => {
    expect(formatNumber(n, maxDecimals)).toBe(expected);
  });

  test.each([NaN, Infinity, -Infinity])('when %d is formatted, then it throws a RangeError', (n) => {
    expect(() => formatNumber(n)).toThrow(RangeError);
  });
});
