import { compareWithPrevious, type Comparison } from './comparison';
import { unitsUnder } from './owner-work';
import type { Goal, Indicator, PerspectiveOutline, Plan, Unit } from './plan';
import { isGoalAnswered, isIndicatorAnswered, type GoalResponse, type IndicatorResponse } from './response';
import type { OutcomeValue } from './values';
import { ASSESSMENTS, type Assessment } from './vocabulary';

/** A bedömning, or `missing` when there is no response or no bedömning yet. */
export type Bucket = Assessment | 'missing';
export type BucketCounts = Record<Bucket, number>;
export const BUCKETS: readonly Bucket[] = [...ASSESSMENTS, 'missing'];
export const DEFAULT_RED_LIMIT = 10;

export type PlanOutline = Pick<Plan, 'key' | 'unit'> & { perspectives: Pick<PerspectiveOutline, 'key' | 'name'>[] };
export type IndicatorResponseFacts = Pick<IndicatorResponse, 'indicator' | 'outcome' | 'assessment' | 'comment'>;
export type GoalResponseFacts = Pick<GoalResponse, 'goal' | 'assessment' | 'analysis'>;

/** The answers of one period (every plan's period with that code), as listed by the repository. */
export interface PeriodResponses {
  indicatorResponses: readonly IndicatorResponseFacts[];
  goalResponses: readonly GoalResponseFacts[];
}

export interface SummarizePeriodInput extends PeriodResponses {
  units: readonly Unit[];
  /** The channel's units; each one includes every unit below it. */
  linkedUnits: readonly string[];
  plans: readonly PlanOutline[];
  goals: readonly Goal[];
  indicators: readonly Indicator[];
  periodCode: string;
  /** The previous period's answers, for the comparison; absent or null when there is none. */
  previous?: PeriodResponses | null;
  redLimit?: number;
}

export interface PerspectiveSummary {
  /** The name as first seen: perspectives with the same name in several plans are merged; those without goals left out. */
  name: string;
  goals: BucketCounts;
  indicators: BucketCounts;
}

/**
 * `indicatorKey` and `indicator` are null for the goal's own analys, whose `name` is then the goal's
 * title; for a red indicator, `outcome` is its utfall (null when only the bedömning was given).
 */
export interface RedComment {
  indicatorKey: string | null;
  name: string;
  comment: string;
  indicator: Indicator | null;
  outcome: OutcomeValue | null;
}

export interface RedGoal {
  goalKey: string;
  title: string;
  unit: string;
  unitName: string;
  perspective: string;
  comments: RedComment[];
}

export interface PeriodSummary {
  periodCode: string;
  owners: { total: number; answered: number };
  /** Whole percent, rounded, but 100 only when everyone has answered; 0 when there are no owners. */
  responseRate: number;
  perspectives: PerspectiveSummary[];
  totals: { goals: BucketCounts; indicators: BucketCounts };
  redGoals: RedGoal[];
  /** Red goals left out of `redGoals` by the limit. */
  moreRed: number;
  missingOwners: string[];
  /** The change since the previous period, like with like (see {@link compareWithPrevious}); null without one. */
  comparison: Comparison | null;
}

interface GoalState {
  goal: Goal;
  slot: PerspectiveSummary;
  /** Every measured indicator has an outcome: with the bedömning set, a goal owner is done. */
  indicatorsAnswered: boolean;
  red: Indicator[];
}

/**
 * The management-channel summary of one period for the linked units' goals (SPEC §5.6), in one
 * pass over goals, indicators and responses. Archived goals and indicators, indicators not measured
 * in the period and goals outside the linked units' subtrees are left out. An owner has answered
 * when everything they must answer is answered, as in `computeOwnerWork`: their own indicators, and
 * for a goal they own every measured indicator and the goal's bedömning. "Ej tillgängligt" counts as
 * answered and as `not_measured`. Responses are matched by key, so pass those of the period only.
 */
export function summarizePeriod(input: SummarizePeriodInput): PeriodSummary {
  const redLimit = input.redLimit ?? DEFAULT_RED_LIMIT;
  if (!Number.isInteger(redLimit) || redLimit < 0) throw new RangeError(`redLimit must be a whole number ≥ 0, got ${redLimit}`);
  const scope = unitsUnder(input.units, input.linkedUnits);
  const goals = input.goals.filter((goal) => !goal.archived && scope.has(goal.unit));
  const perspectives = perspectiveSlots(input.plans, goals);
  const states = new Map<string, GoalState>();
  for (const goal of goals) states.set(goal.key, { goal, slot: perspectives.slotOf(goal), indicatorsAnswered: true, red: [] });
  const tally = new Tally();
  const indicatorResponses = byKey(input.indicatorResponses, (response) => response.indicator);
  countIndicators(input.indicators, input.periodCode, states, indicatorResponses, tally);
  const goalResponses = byKey(input.goalResponses, (response) => response.goal);
  countGoals(states, goalResponses, tally);

  const owners = tally.owners();
  const unitNames = new Map(input.units.map((unit) => [unit.key, unit.name]));
  const red = tally.red.sort(
    (a, b) => compareStrings(a.goal.unit, b.goal.unit) || a.goal.order - b.goal.order || compareStrings(a.goal.key, b.goal.key),
  );
  return {
    periodCode: input.periodCode,
    owners: { total: owners.total, answered: owners.answered },
    responseRate: responseRate(owners.answered, owners.total),
    // A perspective without goals in view would be a row of zeros on the card.
    perspectives: perspectives.slots.filter((slot) => BUCKETS.some((bucket) => slot.goals[bucket] > 0)),
    totals: tally.totals,
    redGoals: red.slice(0, redLimit).map((state) => redGoal(state, goalResponses.get(state.goal.key), indicatorResponses, unitNames)),
    moreRed: Math.max(0, red.length - redLimit),
    missingOwners: owners.missing,
    comparison: input.previous
      ? compareWithPrevious({ goals, indicators: tally.measured, now: assessments(input), previous: assessments(input.previous) })
      : null,
  };
}

/** Whole percent, rounded (2 of 3 is 67 %), but never 100 before everyone has answered. */
export function responseRate(answered: number, total: number): number {
  if (total === 0) return 0;
  const rounded = Math.round((answered * 100) / total);
  return answered < total ? Math.min(rounded, 99) : rounded;
}

/** Bucket counts, red goals and each owner's progress, gathered in one pass. */
class Tally {
  readonly totals = { goals: emptyCounts(), indicators: emptyCounts() };
  readonly red: GoalState[] = [];
  /** The indicators in view and measured in the period. */
  readonly measured: Indicator[] = [];
  private readonly everyone = new Set<string>();
  private readonly pending = new Set<string>();
  private last = '';

  owe(owner: string, done: boolean): void {
    if (owner === '') return;
    if (owner !== this.last) {
      this.everyone.add(owner);
      this.last = owner;
    }
    if (!done) this.pending.add(owner);
  }

  owners(): { total: number; answered: number; missing: string[] } {
    const missing = [...this.pending].sort(compareStrings);
    return { total: this.everyone.size, answered: this.everyone.size - missing.length, missing };
  }
}

function countIndicators(
  indicators: readonly Indicator[],
  periodCode: string,
  states: ReadonlyMap<string, GoalState>,
  responses: ReadonlyMap<string, IndicatorResponseFacts>,
  tally: Tally,
): void {
  // Plans list a goal's indicators together, so remembering the last goal saves most lookups.
  let lastGoal: string | undefined;
  let state: GoalState | undefined;
  for (const indicator of indicators) {
    if (indicator.goal !== lastGoal) {
      lastGoal = indicator.goal;
      state = states.get(lastGoal);
    }
    if (!state || indicator.archived || !indicator.periods.includes(periodCode)) continue;
    tally.measured.push(indicator);
    const response = responses.get(indicator.key);
    const bucket = indicatorBucket(response);
    state.slot.indicators[bucket] += 1;
    tally.totals.indicators[bucket] += 1;
    if (bucket === 'not_achieved') state.red.push(indicator);
    const answered = isIndicatorAnswered(response);
    if (!answered) state.indicatorsAnswered = false;
    tally.owe(indicator.owner, answered);
  }
}

function countGoals(states: ReadonlyMap<string, GoalState>, responses: ReadonlyMap<string, GoalResponseFacts>, tally: Tally): void {
  for (const state of states.values()) {
    const response = responses.get(state.goal.key);
    const bucket = response?.assessment ?? 'missing';
    state.slot.goals[bucket] += 1;
    tally.totals.goals[bucket] += 1;
    if (bucket === 'not_achieved' || state.red.length > 0) tally.red.push(state);
    // Each person is counted for what they answer themselves: a goal owner for the goal's bedömning
    // (and, through countIndicators, for the indicators they own), never for a colleague's indicator.
    const done = isGoalAnswered(response);
    for (const owner of state.goal.owners) tally.owe(owner, done);
  }
}

/** Perspectives in plan order, merged by name (trimmed, case-insensitive) across the plans in use. */
function perspectiveSlots(plans: readonly PlanOutline[], goals: readonly Goal[]) {
  const used = new Set(goals.map((goal) => goal.plan));
  const byName = new Map<string, PerspectiveSummary>();
  const byPlan = new Map<string, Map<string, PerspectiveSummary>>();
  const slots: PerspectiveSummary[] = [];
  const slotNamed = (name: string) => {
    const normalized = name.trim().toLowerCase();
    let slot = byName.get(normalized);
    if (!slot) {
      slot = { name, goals: emptyCounts(), indicators: emptyCounts() };
      byName.set(normalized, slot);
      slots.push(slot);
    }
    return slot;
  };
  for (const plan of plans) {
    if (used.has(plan.key)) byPlan.set(plan.key, new Map(plan.perspectives.map((p) => [p.key, slotNamed(p.name)])));
  }
  // A goal whose perspective is missing from the outline still counts, under its key.
  const slotOf = (goal: Goal) => byPlan.get(goal.plan)?.get(goal.perspective) ?? slotNamed(goal.perspective);
  return { slots, slotOf };
}

function indicatorBucket(response: IndicatorResponseFacts | undefined): Bucket {
  if (response?.outcome?.kind === 'not_available') return 'not_measured';
  return response?.assessment ?? 'missing';
}

function redGoal(
  state: GoalState,
  response: GoalResponseFacts | undefined,
  indicatorResponses: ReadonlyMap<string, IndicatorResponseFacts>,
  unitNames: ReadonlyMap<string, string>,
): RedGoal {
  const { goal } = state;
  const comments: RedComment[] = [];
  const analysis = response?.analysis.trim() ?? '';
  if (analysis !== '') comments.push({ indicatorKey: null, name: goal.title, comment: analysis, indicator: null, outcome: null });
  const indicators = [...state.red].sort((a, b) => a.order - b.order || compareStrings(a.key, b.key));
  for (const indicator of indicators) {
    const answer = indicatorResponses.get(indicator.key);
    comments.push({
      indicatorKey: indicator.key,
      name: indicator.name,
      comment: answer?.comment.trim() ?? '',
      indicator,
      outcome: answer?.outcome ?? null,
    });
  }
  const perspective = state.slot.name;
  return { goalKey: goal.key, title: goal.title, unit: goal.unit, unitName: unitNames.get(goal.unit) ?? goal.unit, perspective, comments };
}

/** Each goal's and indicator's bedömning in one period's answers ("ej tillgängligt" is not_measured). */
function assessments(responses: PeriodResponses) {
  const goals = new Map<string, Assessment | null>();
  for (const response of responses.goalResponses) goals.set(response.goal, response.assessment);
  const indicators = new Map<string, Assessment | null>();
  for (const response of responses.indicatorResponses) {
    const bucket = indicatorBucket(response);
    indicators.set(response.indicator, bucket === 'missing' ? null : bucket);
  }
  return { goals, indicators };
}

function emptyCounts(): BucketCounts {
  return { achieved: 0, partly: 0, not_achieved: 0, not_measured: 0, missing: 0 };
}

function byKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(keyOf(item), item);
  return map;
}

/** Code-unit order: the same result on every machine, whatever its locale. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
