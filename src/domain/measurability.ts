import type { IndicatorResponseFacts } from './aggregation';
import type { Goal, Indicator, Unit } from './plan';

/** Why a goal or an indicator should be looked at before the next plan is written. */
export const REVIEW_REASONS = [
  'goal_without_indicators',
  'never_measured',
  'not_available_repeatedly',
  'no_target',
  'yes_no_target',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export interface ReviewItem {
  goalKey: string;
  goalTitle: string;
  /** null when the item is the goal itself. */
  indicatorKey: string | null;
  indicatorName: string | null;
  reasons: ReviewReason[];
}

export interface UnitMeasurability {
  unit: string;
  unitName: string;
  goals: number;
  indicators: number;
  goalsWithoutIndicators: number;
  /** Measured in a period so far, yet no value (a number, yes/no or text) in any of them. */
  neverMeasured: number;
  /** Answered "ej tillgängligt" in two periods or more. */
  notAvailableRepeatedly: number;
  noTarget: number;
  yesNoTarget: number;
  /** Goals with at least one indicator that has a numeric target and a numeric utfall in the latest period. */
  assessableGoals: number;
  /** `assessableGoals` of `goals` in whole percent; 0 without goals. */
  assessableShare: number;
  review: ReviewItem[];
}

export interface Measurability {
  units: UnitMeasurability[];
  totals: Omit<UnitMeasurability, 'unit' | 'unitName' | 'review'>;
}

/** The count columns of a measurability table, in the order every format shows them. */
export const MEASURABILITY_COUNTS = [
  'goals',
  'indicators',
  'goalsWithoutIndicators',
  'neverMeasured',
  'notAvailableRepeatedly',
  'noTarget',
  'yesNoTarget',
] as const;

/** The table's rows: one per unit, then the totals under `totalLabel`. */
export function measurabilityRows(measurability: Measurability, totalLabel: string): { name: string; counts: Measurability['totals'] }[] {
  return [
    ...measurability.units.map((unit) => ({ name: unit.unitName, counts: unit })),
    { name: totalLabel, counts: measurability.totals },
  ];
}

/** Every "Att se över" item with the name of its unit, in unit order. */
export function reviewItems(measurability: Measurability): { unit: string; item: ReviewItem }[] {
  return measurability.units.flatMap((unit) => unit.review.map((item) => ({ unit: unit.unitName, item })));
}

export interface MeasurabilityInput {
  units: readonly Unit[];
  /** The goals and indicators in the report, archived ones already left out. */
  goals: readonly Goal[];
  indicators: readonly Indicator[];
  /** Period codes so far in order; the last one is the report's period. */
  periods: readonly string[];
  answers: ReadonlyMap<string, readonly IndicatorResponseFacts[]>;
}

/**
 * What the follow-up analysis of a plan finds by hand (reference: rs-uppfoljning): goals that no
 * indicator measures, indicators that never get a value or are "ej tillgängligt" again and again,
 * targets that are missing or only yes/no, and how many goals could be assessed from measured
 * numbers at all. An indicator not yet due in any period so far ("mäts helår" before ÅR) is not
 * counted as never measured.
 */
export function computeMeasurability(input: MeasurabilityInput): Measurability {
  const answers = new Map([...input.answers].map(([code, list]) => [code, new Map(list.map((answer) => [answer.indicator, answer]))]));
  const latest = input.periods.at(-1);
  const byGoal = new Map<string, Indicator[]>();
  for (const indicator of input.indicators) {
    const list = byGoal.get(indicator.goal) ?? [];
    list.push(indicator);
    byGoal.set(indicator.goal, list);
  }
  const names = new Map(input.units.map((unit) => [unit.key, unit.name]));
  const units = new Map<string, UnitMeasurability>();
  for (const goal of input.goals) {
    let unit = units.get(goal.unit);
    if (!unit)
      units.set(goal.unit, (unit = { unit: goal.unit, unitName: names.get(goal.unit) ?? goal.unit, ...emptyCounts(), review: [] }));
    const indicators = (byGoal.get(goal.key) ?? []).sort((a, b) => a.order - b.order);
    unit.goals += 1;
    if (indicators.length === 0) {
      unit.goalsWithoutIndicators += 1;
      unit.review.push({
        goalKey: goal.key,
        goalTitle: goal.title,
        indicatorKey: null,
        indicatorName: null,
        reasons: ['goal_without_indicators'],
      });
      continue;
    }
    let assessable = false;
    for (const indicator of indicators) {
      unit.indicators += 1;
      const due = input.periods.filter((code) => indicator.periods.includes(code));
      const outcomes = due.map((code) => answers.get(code)?.get(indicator.key)?.outcome ?? null);
      const reasons: Exclude<ReviewReason, 'goal_without_indicators'>[] = [];
      if (due.length > 0 && !outcomes.some((outcome) => outcome !== null && outcome.kind !== 'not_available'))
        reasons.push('never_measured');
      if (outcomes.filter((outcome) => outcome?.kind === 'not_available').length >= 2) reasons.push('not_available_repeatedly');
      if (indicator.target === null) reasons.push('no_target');
      else if (typeof indicator.target === 'boolean' || indicator.valueType === 'yesno') reasons.push('yes_no_target');
      for (const reason of reasons) unit[COUNTER[reason]] += 1;
      if (reasons.length > 0)
        unit.review.push({ goalKey: goal.key, goalTitle: goal.title, indicatorKey: indicator.key, indicatorName: indicator.name, reasons });
      const now = latest === undefined ? undefined : answers.get(latest)?.get(indicator.key)?.outcome;
      if (typeof indicator.target === 'number' && now?.kind === 'number') assessable = true;
    }
    if (assessable) unit.assessableGoals += 1;
  }
  const list = [...units.values()];
  for (const unit of list) unit.assessableShare = share(unit.assessableGoals, unit.goals);
  const totals = emptyCounts();
  for (const unit of list) for (const key of COUNT_KEYS) if (key !== 'assessableShare') totals[key] += unit[key];
  totals.assessableShare = share(totals.assessableGoals, totals.goals);
  return { units: list, totals };
}

type Counts = Omit<UnitMeasurability, 'unit' | 'unitName' | 'review'>;
const COUNT_KEYS = [
  'goals',
  'indicators',
  'goalsWithoutIndicators',
  'neverMeasured',
  'notAvailableRepeatedly',
  'noTarget',
  'yesNoTarget',
  'assessableGoals',
  'assessableShare',
] as const satisfies readonly (keyof Counts)[];
const COUNTER: Record<Exclude<ReviewReason, 'goal_without_indicators'>, keyof Counts> = {
  never_measured: 'neverMeasured',
  not_available_repeatedly: 'notAvailableRepeatedly',
  no_target: 'noTarget',
  yes_no_target: 'yesNoTarget',
};

function emptyCounts(): Counts {
  return {
    goals: 0,
    indicators: 0,
    goalsWithoutIndicators: 0,
    neverMeasured: 0,
    notAvailableRepeatedly: 0,
    noTarget: 0,
    yesNoTarget: 0,
    assessableGoals: 0,
    assessableShare: 0,
  };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 100) / whole);
}
