import { checkPlausibility, type PlausibilityInput } from './plausibility';
import type { OutcomeValue } from './values';

const number = (value: number, currencyUnit?: 'kr' | 'tkr' | 'mnkr'): OutcomeValue =>
  currencyUnit ? { kind: 'number', value, currencyUnit } : { kind: 'number', value };

function input(value: OutcomeValue, more: Partial<PlausibilityInput> = {}): PlausibilityInput {
  return { value, valueType: 'number', unitOfMeasure: null, target: 80, previous: number(78), ...more };
}

describe(checkPlausibility.name, () => {
  test.each<[string, PlausibilityInput]>([
    ['a value more than ten times both the target and the previous value', input(number(999_999_999_999))],
    ['a value under a tenth of both', input(number(7.7))],
    ['a value far from the target when there is no previous value', input(number(801), { previous: null })],
    ['a value far from the previous value when there is no target', input(number(5), { target: null })],
    [
      'a percent with its decimal comma one place off (55 for 5,5)',
      input(number(55), { valueType: 'percent', target: 4.6, previous: number(4.9) }),
    ],
    [
      'an amount in kronor typed where millions are meant',
      input(number(-24_600_000_000, 'kr'), { valueType: 'currency', unitOfMeasure: 'mnkr', target: -12, previous: number(-18.2) }),
    ],
  ])('when %s, then it is questioned', (_situation, value) => {
    expect(checkPlausibility(value)).not.toBeNull();
  });

  test.each<[string, PlausibilityInput]>([
    ['a value near the target', input(number(81))],
    ['a value far from the target but near the previous value', input(number(700), { previous: number(650) })],
    ['a value ten times the target exactly (boundary)', input(number(800), { previous: null })],
    [
      'a percent under ten times both (44 for 4,4 is within the factor)',
      input(number(44), { valueType: 'percent', target: 4.6, previous: number(4.9) }),
    ],
    ['zero', input(number(0))],
    ['a value with no reference at all', input(number(1e12), { target: null, previous: null })],
    ['a value whose only reference is zero', input(number(1e12), { target: 0, previous: null })],
    ['a sign swing of the same size', input(number(-5), { valueType: 'currency', unitOfMeasure: 'mnkr', target: 0, previous: number(18) })],
    [
      'the same amount in another currency scale',
      input(number(-24_600, 'tkr'), { valueType: 'currency', unitOfMeasure: 'Mnkr', target: 0, previous: number(-18.2) }),
    ],
    ['a yes/no answer', input({ kind: 'boolean', value: true }, { target: true })],
    ['a text', input({ kind: 'text', value: 'Klart' })],
    ['not available', input({ kind: 'not_available' })],
  ])('when %s, then it is not questioned', (_situation, value) => {
    expect(checkPlausibility(value)).toBeNull();
  });

  test('when questioned, then it names the references it was compared to, leaving out a zero target', () => {
    expect(checkPlausibility(input(number(1e9)))).toEqual({ target: 80, previous: number(78) });
    expect(checkPlausibility(input(number(1e9), { target: 0 }))).toEqual({ target: null, previous: number(78) });
  });
});
