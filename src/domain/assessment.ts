import type { OutcomeValue } from './values';
import type { Assessment, Direction } from './vocabulary';

/** Default tolerance: 5 % of the target (or of the baseline when that is the reference). */
export const DEFAULT_TOLERANCE = 0.05;
// Relative slack so float noise (4.83 − 4.6 > 0.05 · 4.6) cannot push an exact boundary outside.
const FLOAT_SLACK = 1e-12;

export interface AssessmentInput {
  outcome: OutcomeValue | null;
  target: number | boolean | null;
  baseline: number | boolean | null;
  direction: Direction;
  /** Fraction of the reference value, e.g. 0.05 = 5 %. An absolute amount when the reference is 0. */
  tolerance?: number;
}

/**
 * Suggests a bedömning that the owner confirms or changes (SPEC §4). "Near" means
 * |value − ref| ≤ tolerance · |ref| (≤ tolerance when ref is 0), boundary included.
 * - No outcome → null; not available → `not_measured`; text → null.
 * - Yes/no (`yes`): answer equal to the target (default Ja) → achieved, else not_achieved.
 *   Any other direction with a yes/no answer → null, except `none` with an equal boolean target → achieved.
 * - `increase` / `atLeast` with a target: value ≥ target → achieved; near the target, or above the
 *   baseline → partly; else not_achieved. `decrease` / `atMost` mirror this.
 * - `increase` / `decrease` without a target: moved the right way from the baseline → achieved;
 *   near the baseline → partly; else not_achieved. `atLeast` / `atMost` without a target use the
 *   baseline as the threshold. Neither target nor baseline → null.
 * - `maintain`: near the target (or the baseline when there is no target) → achieved; with both,
 *   near the baseline → partly; else not_achieved.
 * - `none`: near the target → achieved; otherwise null (the owner decides).
 * Target or baseline of the wrong type (boolean for a numeric outcome) counts as absent.
 */
export function suggestAssessment(input: AssessmentInput): Assessment | null {
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new RangeError(`tolerance must be a finite fraction ≥ 0, got ${tolerance}`);
  }
  const { outcome, direction } = input;
  if (outcome === null) return null;
  switch (outcome.kind) {
    case 'not_available':
      return 'not_measured';
    case 'text':
      return null;
    case 'boolean':
      return suggestForYesNo(outcome.value, input.target, direction);
    case 'number':
      return suggestForNumber(outcome.value, numeric(input.target), numeric(input.baseline), direction, tolerance);
  }
}

function suggestForYesNo(answer: boolean, target: AssessmentInput['target'], direction: Direction): Assessment | null {
  if (direction === 'yes') return answer === (typeof target === 'boolean' ? target : true) ? 'achieved' : 'not_achieved';
  if (direction === 'none' && typeof target === 'boolean' && answer === target) return 'achieved';
  return null;
}

function suggestForNumber(
  value: number,
  target: number | null,
  baseline: number | null,
  direction: Direction,
  tolerance: number,
): Assessment | null {
  // Decreasing is increasing on the negated axis; nearness is unchanged by negation.
  const flip = direction === 'decrease' || direction === 'atMost' ? -1 : 1;
  const v = flip * value;
  const t = target === null ? null : flip * target;
  const b = baseline === null ? null : flip * baseline;
  switch (direction) {
    case 'increase':
    case 'decrease':
      if (t !== null) return againstThreshold(v, t, b, tolerance);
      if (b === null) return null;
      if (v > b) return 'achieved';
      return isNear(v, b, tolerance) ? 'partly' : 'not_achieved';
    case 'atLeast':
    case 'atMost': {
      const threshold = t ?? b;
      return threshold === null ? null : againstThreshold(v, threshold, t === null ? null : b, tolerance);
    }
    case 'maintain': {
      const reference = t ?? b;
      if (reference === null) return null;
      if (isNear(v, reference, tolerance)) return 'achieved';
      return t !== null && b !== null && isNear(v, b, tolerance) ? 'partly' : 'not_achieved';
    }
    case 'none':
      return t !== null && isNear(v, t, tolerance) ? 'achieved' : null;
    case 'yes':
      return null;
  }
}

/** Higher is better: reached → achieved; near it or better than the baseline → partly. */
function againstThreshold(v: number, threshold: number, baseline: number | null, tolerance: number): Assessment {
  if (v >= threshold) return 'achieved';
  if (isNear(v, threshold, tolerance)) return 'partly';
  return baseline !== null && v > baseline ? 'partly' : 'not_achieved';
}

function isNear(value: number, reference: number, tolerance: number): boolean {
  const allowed = reference === 0 ? tolerance : tolerance * Math.abs(reference);
  const slack = FLOAT_SLACK * Math.max(1, Math.abs(value), Math.abs(reference));
  return Math.abs(value - reference) <= allowed + slack;
}

function numeric(x: number | boolean | null): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
