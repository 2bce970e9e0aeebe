import { computeMeasurability, type MeasurabilityInput } from './measurability';
import type { Indicator } from './plan';
import type { OutcomeValue } from './values';
import { normalizedFixture } from '../../test/support/report-input';

const halland = normalizedFixture('halland');
const NA: OutcomeValue = { kind: 'not_available' };
const num = (value: number): OutcomeValue => ({ kind: 'number', value });

/** Halland's shapes: 33 uppdrag without indicators, K1–K3 with targets; plus a yes/no and a helår-only indicator. */
function input(answers: Record<string, Record<string, OutcomeValue>>, periods = ['UR1', 'UR2']): MeasurabilityInput {
  const k1 = halland.indicators.find((i) => i.key === 'HL-K1-I1')!;
  const extra: Indicator[] = [
    { ...k1, key: 'HL-X-JA', name: 'Kontrollmoment genomfört', valueType: 'yesno', direction: 'yes', target: true, order: 90 },
    { ...k1, key: 'HL-X-AR', name: 'Mäts helår', periods: ['ÅR'], order: 91 },
    { ...k1, key: 'HL-X-NT', name: 'Utan målvärde', target: null, order: 92 },
  ];
  const byPeriod = new Map<string, { indicator: string; outcome: OutcomeValue; assessment: null; comment: string }[]>();
  for (const [code, values] of Object.entries(answers))
    byPeriod.set(
      code,
      Object.entries(values).map(([indicator, outcome]) => ({ indicator, outcome, assessment: null, comment: '' })),
    );
  return { units: halland.units, goals: halland.goals, indicators: [...halland.indicators, ...extra], periods, answers: byPeriod };
}

describe(computeMeasurability.name, () => {
  test('when a goal has no indicator, then it is counted and listed for review as the goal itself', () => {
    const result = computeMeasurability(input({}));
    const unit = result.units[0]!;
    const without = halland.goals.filter((g) => !halland.indicators.some((i) => i.goal === g.key)).length;
    expect(without).toBe(30);
    expect(unit.goalsWithoutIndicators).toBe(without);
    expect(
      unit.review.filter((item) => item.indicatorKey === null).every((item) => item.reasons.join() === 'goal_without_indicators'),
    ).toBe(true);
    expect(unit.goals).toBe(halland.goals.length);
  });

  test('when an indicator has no value in any period so far, then it is never measured; a helår-only one is not due yet', () => {
    const result = computeMeasurability(input({ UR1: { 'HL-K1-I1': num(11) }, UR2: { 'HL-K1-I2': NA } }));
    const reasons = new Map(result.units[0]!.review.map((item) => [item.indicatorKey, item.reasons]));
    expect(reasons.get('HL-K1-I1')).toBeUndefined();
    expect(reasons.get('HL-K1-I2')).toEqual(['never_measured']);
    expect(reasons.get('HL-X-AR')).toBeUndefined();
    expect(result.units[0]!.neverMeasured).toBe(halland.indicators.length - 1 + 2);
  });

  test('when an indicator is "ej tillgängligt" in two periods, then it is listed for that reason', () => {
    const result = computeMeasurability(input({ UR1: { 'HL-K1-I2': NA, 'HL-K1-I3': NA }, UR2: { 'HL-K1-I2': NA, 'HL-K1-I3': num(77) } }));
    const reasons = new Map(result.units[0]!.review.map((item) => [item.indicatorKey, item.reasons]));
    expect(reasons.get('HL-K1-I2')).toEqual(['never_measured', 'not_available_repeatedly']);
    expect(reasons.get('HL-K1-I3')).toBeUndefined();
    expect(result.units[0]!.notAvailableRepeatedly).toBe(1);
  });

  test('when a target is missing or only yes/no, then the indicator is listed with that reason', () => {
    const result = computeMeasurability(input({ UR1: { 'HL-X-JA': { kind: 'boolean', value: true }, 'HL-X-NT': num(3) } }));
    const reasons = new Map(result.units[0]!.review.map((item) => [item.indicatorKey, item.reasons]));
    expect(reasons.get('HL-X-JA')).toEqual(['yes_no_target']);
    expect(reasons.get('HL-X-NT')).toEqual(['no_target']);
    expect(result.totals).toMatchObject({ yesNoTarget: 1, noTarget: 1 });
  });

  test('when some goals have a numeric utfall against a numeric target now, then the assessable share is theirs of all goals', () => {
    const result = computeMeasurability(input({ UR2: { 'HL-K1-I1': num(12), 'HL-K2-I1': NA, 'HL-K3-I1': num(4) } }));
    expect(result.totals.assessableGoals).toBe(2);
    expect(result.totals.assessableShare).toBe(Math.round((2 * 100) / halland.goals.length));
  });

  test('when there are no goals, then the share is 0', () => {
    expect(computeMeasurability({ units: [], goals: [], indicators: [], periods: [], answers: new Map() }).totals.assessableShare).toBe(0);
  });
});
