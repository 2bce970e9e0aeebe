import { currencyUnitOf, type OutcomeValue } from './values';
import type { CurrencyUnit, ValueType } from './vocabulary';

/** How many times larger (or smaller) than every reference a value must be to be questioned. */
export const PLAUSIBILITY_FACTOR = 10;

const CURRENCY_SCALE: Record<CurrencyUnit, number> = { kr: 1, tkr: 1_000, mnkr: 1_000_000 };

export interface PlausibilityInput {
  value: OutcomeValue;
  valueType: ValueType;
  /** The indicator's unit (`mnkr`, `index`, …): the scale of its target and of values typed without one. */
  unitOfMeasure: string | null;
  target: number | boolean | null;
  /** The indicator's outcome in the previous period, if any. */
  previous: OutcomeValue | null;
}

/** The references an implausible value is far from: each is given when it was compared. */
export interface Implausible {
  target: number | null;
  previous: OutcomeValue | null;
}

/**
 * Questions a numeric utfall that is probably a typo (a digit too many, a comma left out): it is
 * implausible when, for every reference there is (the target, the previous period's value; a zero
 * reference says nothing about scale and is skipped), it is more than PLAUSIBILITY_FACTOR times the
 * reference's size or less than a PLAUSIBILITY_FACTOR-th of it. Sizes are compared without sign
 * (a budget result may swing from -18 to +5), currency in kronor (`-24 600 tkr` is `-24,6 mnkr`).
 * Zero is never questioned (a count may well be 0), nor is a value with no reference to compare.
 */
export function checkPlausibility(input: PlausibilityInput): Implausible | null {
  const value = magnitude(input.value, input);
  if (value === null || value === 0) return null;
  const target = typeof input.target === 'number' && input.target !== 0 ? input.target : null;
  const previousSize = input.previous ? magnitude(input.previous, input) : null;
  const previous = previousSize !== null && previousSize !== 0 ? input.previous : null;
  const references = [
    target === null ? null : Math.abs(target) * scaleOf(undefined, input),
    previous === null ? null : previousSize,
  ].filter((r): r is number => r !== null);
  if (references.length === 0) return null;
  const far = references.every((reference) => value > reference * PLAUSIBILITY_FACTOR || value * PLAUSIBILITY_FACTOR < reference);
  return far ? { target, previous } : null;
}

/** |value| in the indicator's smallest common scale (kronor for currency); null for anything not numeric. */
function magnitude(value: OutcomeValue, input: Pick<PlausibilityInput, 'valueType' | 'unitOfMeasure'>): number | null {
  if (value.kind !== 'number' || !Number.isFinite(value.value)) return null;
  return Math.abs(value.value) * scaleOf(value.currencyUnit, input);
}

function scaleOf(currencyUnit: CurrencyUnit | undefined, input: Pick<PlausibilityInput, 'valueType' | 'unitOfMeasure'>): number {
  if (input.valueType !== 'currency') return 1;
  const unit = currencyUnit ?? currencyUnitOf(input.unitOfMeasure);
  return unit === undefined ? 1 : CURRENCY_SCALE[unit];
}
