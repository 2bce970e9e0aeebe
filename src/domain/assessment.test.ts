import { DEFAULT_TOLERANCE, suggestAssessment, type AssessmentInput } from './assessment';
import type { OutcomeValue } from './values';
import { DIRECTIONS, type Assessment, type Direction } from './vocabulary';

const num = (value: number): OutcomeValue => ({ kind: 'number', value });
type Row = [string, Direction, number, number | null, number | null, Assessment | null];

describe(suggestAssessment.name, () => {
  test.each<Row>([
    // situation, direction, outcome, target, baseline, expected
    ['the target is reached', 'increase', 72, 70, 66, 'achieved'],
    ['the target is exceeded', 'increase', 80, 70, null, 'achieved'],
    ['the value is 5 % below the target, exactly on the boundary', 'increase', 95, 100, null, 'partly'],
    ['the value is just past the 5 % boundary without a baseline', 'increase', 94.99, 100, null, 'not_achieved'],
    ['the value moved up from the baseline but is far from the target', 'increase', 70, 100, 66, 'partly'],
    ['the value fell below the baseline', 'increase', 60, 100, 66, 'not_achieved'],
    ['the value equals the baseline, far from the target', 'increase', 66, 100, 66, 'not_achieved'],
    ['there is no target and the value rose (NB-P2-G1-I2)', 'increase', 72, null, 66, 'achieved'],
    ['there is no target and the value is within 5 % below the baseline', 'increase', 63, null, 66, 'partly'],
    ['there is no target and the value is unchanged', 'increase', 66, null, 66, 'partly'],
    ['there is no target and the value fell beyond tolerance', 'increase', 60, null, 66, 'not_achieved'],
    ['there is neither target nor baseline', 'increase', 72, null, null, null],
    ['the target is 0 and the value is within the absolute tolerance', 'increase', -0.05, 0, null, 'partly'],
    ['the target is 0 and the value is beyond the absolute tolerance', 'increase', -0.06, 0, null, 'not_achieved'],
    ['negative numbers improve towards a negative target', 'increase', -12, -10, -15, 'partly'],
    ['a negative target is reached', 'increase', -9, -10, -15, 'achieved'],
    ['a decrease target is reached', 'decrease', 4.5, 4.6, 5.1, 'achieved'],
    ['a decrease target is missed by exactly 5 % (float noise)', 'decrease', 4.83, 4.6, null, 'partly'],
    ['a decrease target is missed, but the value fell from the baseline', 'decrease', 5, 4.6, 5.1, 'partly'],
    ['a decrease target is missed and the value rose (NB-P2-G1-I1 with a target)', 'decrease', 6.3, 4.6, 5.1, 'not_achieved'],
    ['a decrease has no target and the value rose (NB-P2-G1-I1)', 'decrease', 6.3, null, 5.1, 'not_achieved'],
    ['a decrease has no target and the value fell', 'decrease', 4.9, null, 5.1, 'achieved'],
    ['a decrease has no target and the value is unchanged', 'decrease', 5.1, null, 5.1, 'partly'],
    ['a decrease has a target of 0 and the value is 0', 'decrease', 0, 0, 2, 'achieved'],
    ['a decrease of a negative result reaches its target', 'decrease', -30, -26, -20, 'achieved'],
    ['an at-least threshold is met exactly', 'atLeast', 98, 98, null, 'achieved'],
    ['an at-least threshold is missed within tolerance', 'atLeast', 94, 98, null, 'partly'],
    ['an at-least threshold is missed but above the baseline', 'atLeast', 80, 98, 70, 'partly'],
    ['an at-least threshold is missed by far', 'atLeast', 80, 98, null, 'not_achieved'],
    ['an at-least has no target, so the baseline is the threshold', 'atLeast', 66, null, 66, 'achieved'],
    ['an at-least without target falls below the baseline', 'atLeast', 60, null, 66, 'not_achieved'],
    ['an at-least has neither target nor baseline', 'atLeast', 60, null, null, null],
    ['an at-most ceiling is respected', 'atMost', 140, 150, null, 'achieved'],
    ['an at-most ceiling is exceeded within tolerance', 'atMost', 157.5, 150, null, 'partly'],
    ['an at-most ceiling is exceeded but below the baseline', 'atMost', 170, 150, 180, 'partly'],
    ['an at-most ceiling is exceeded by far', 'atMost', 170, 150, null, 'not_achieved'],
    ['an at-most has no target, so the baseline is the ceiling', 'atMost', 21, null, 21, 'achieved'],
    ['a maintained level is within tolerance', 'maintain', 97, 100, null, 'achieved'],
    ['a maintained level is exactly on the boundary', 'maintain', 105, 100, null, 'achieved'],
    ['a maintained level missed the target but is near the baseline', 'maintain', 90, 100, 92, 'partly'],
    ['a maintained level missed both target and baseline', 'maintain', 80, 100, 92, 'not_achieved'],
    ['a maintained level missed the target and there is no baseline', 'maintain', 90, 100, null, 'not_achieved'],
    ['a maintain has no target, so the baseline is the level', 'maintain', 5.2, null, 5.1, 'achieved'],
    ['a maintain has no target and drifted from the baseline', 'maintain', 6, null, 5.1, 'not_achieved'],
    ['a maintain has neither target nor baseline', 'maintain', 5, null, null, null],
    ['a maintained level of 0 is kept', 'maintain', 0, 0, null, 'achieved'],
    ['no direction, and the value is near the target (NB-P3-G1-I2)', 'none', 98, 100, null, 'achieved'],
    ['no direction, and the value is far from the target (NB-P3-G1-I1)', 'none', -11.1, 0, null, null],
    ['no direction and no target', 'none', 5, null, 5, null],
    ['a yes/no direction gets a number', 'yes', 1, 1, null, null],
  ])('when %s (%s %d, target %s, baseline %s), then it suggests %s', (_situation, direction, value, target, baseline, expected) => {
    expect(suggestAssessment({ outcome: num(value), target, baseline, direction })).toBe(expected);
  });

  test.each<[string, boolean, boolean | null, Direction, Assessment | null]>([
    ['the answer is Ja and Ja is the target', true, true, 'yes', 'achieved'],
    ['the answer is Nej and Ja is the target', false, true, 'yes', 'not_achieved'],
    ['the answer is Ja and there is no target', true, null, 'yes', 'achieved'],
    ['the answer is Nej and there is no target', false, null, 'yes', 'not_achieved'],
    ['the answer is Nej and Nej is the target', false, false, 'yes', 'achieved'],
    ['the answer is Ja and Nej is the target', true, false, 'yes', 'not_achieved'],
    ['no direction and the answer equals the target', true, true, 'none', 'achieved'],
    ['no direction and the answer differs from the target', false, true, 'none', null],
    ['a yes/no answer meets a numeric direction', true, true, 'increase', null],
  ])('when %s (%s, target %s, %s), then it suggests %s', (_situation, answer, target, direction, expected) => {
    expect(suggestAssessment({ outcome: { kind: 'boolean', value: answer }, target, baseline: null, direction })).toBe(expected);
  });

  test.each<[string, Assessment | null, OutcomeValue | null]>([
    ['nothing is answered yet', null, null],
    ['the outcome is not available (Ej tillgängligt)', 'not_measured', { kind: 'not_available' }],
    ['the outcome is verbal (Ökning)', null, { kind: 'text', value: 'Ökning' }],
  ])('when %s, then it suggests %s for every direction', (_situation, expected, outcome) => {
    for (const direction of DIRECTIONS) {
      expect(suggestAssessment({ outcome, target: 10, baseline: 5, direction })).toBe(expected);
    }
  });

  test.each<[string, Assessment | null, Partial<AssessmentInput>]>([
    ['the default tolerance is 5 %', 'partly', { tolerance: undefined }],
    ['the tolerance is 0', 'not_achieved', { tolerance: 0 }],
    ['the tolerance is 10 %', 'partly', { tolerance: 0.1 }],
    ['the target is a boolean on a numeric indicator', null, { target: true }],
    ['the baseline is a boolean on a numeric indicator', null, { target: null, baseline: true }],
  ])('when %s, then a 95 against an increase target of 100 is %s', (_situation, expected, override) => {
    const base: AssessmentInput = { outcome: num(95), target: 100, baseline: null, direction: 'increase' };
    expect(suggestAssessment({ ...base, ...override })).toBe(expected);
  });

  test('when the tolerance is negative or not finite, then it throws a RangeError', () => {
    for (const tolerance of [-0.01, NaN, Infinity]) {
      expect(() => suggestAssessment({ outcome: num(1), target: 1, baseline: null, direction: 'increase', tolerance })).toThrow(RangeError);
    }
    expect(DEFAULT_TOLERANCE).toBe(0.05);
  });
});
