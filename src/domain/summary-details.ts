import { foldText } from './commands';
import type { Bucket, BucketCounts, SummarizePeriodInput } from './aggregation';
import { unitsUnder } from './owner-work';
import type { Goal, Indicator } from './plan';
import { isGoalAnswered, isIndicatorAnswered } from './response';
import type { OutcomeValue } from './values';

/** One goal as a row of a perspective's drill-down. */
export interface GoalRow {
  goalKey: string;
  title: string;
  unitName: string;
  assessment: Bucket;
  indicators: BucketCounts;
}

export interface IndicatorDetail {
  indicator: Indicator;
  outcome: OutcomeValue | null;
  assessment: Bucket;
  comment: string;
  /** The utfall of the previous period (as in the goal form); null when there is none. */
  previous: OutcomeValue | null;
}

export interface GoalDetail {
  goal: Goal;
  unitName: string;
  perspective: string;
  assessment: Bucket;
  analysis: string;
  indicators: IndicatorDetail[];
}

/** The goals in view (linked units' subtrees, not archived), in unit and plan order. */
function goalsInScope(input: SummarizePeriodInput): Goal[] {
  const scope = unitsUnder(input.units, input.linkedUnits);
  return input.goals
    .filter((goal) => !goal.archived && scope.has(goal.unit))
    .sort((a, b) => (a.unit === b.unit ? a.order - b.order : a.unit < b.unit ? -1 : 1));
}

function perspectiveNameOf(input: SummarizePeriodInput, goal: Goal): string {
  const plan = input.plans.find((candidate) => candidate.key === goal.plan);
  return plan?.perspectives.find((perspective) => perspective.key === goal.perspective)?.name ?? goal.perspective;
}

/** The goals of one perspective (matched by name, as the summary merges them) with their counts. */
export function perspectiveGoals(input: SummarizePeriodInput, perspectiveName: string): GoalRow[] {
  const wanted = foldText(perspectiveName.trim());
  const unitNames = new Map(input.units.map((unit) => [unit.key, unit.name]));
  const goalResponses = new Map(input.goalResponses.map((response) => [response.goal, response]));
  const indicatorResponses = new Map(input.indicatorResponses.map((response) => [response.indicator, response]));
  const rows: GoalRow[] = [];
  const byGoal = new Map<string, Indicator[]>();
  for (const indicator of input.indicators) {
    if (indicator.archived || !indicator.periods.includes(input.periodCode)) continue;
    byGoal.set(indicator.goal, [...(byGoal.get(indicator.goal) ?? []), indicator]);
  }
  for (const goal of goalsInScope(input)) {
    if (foldText(perspectiveNameOf(input, goal).trim()) !== wanted) continue;
    const counts: BucketCounts = { achieved: 0, partly: 0, not_achieved: 0, not_measured: 0, missing: 0 };
    for (const indicator of byGoal.get(goal.key) ?? []) counts[bucketOf(indicatorResponses.get(indicator.key))] += 1;
    rows.push({
      goalKey: goal.key,
      title: goal.title,
      unitName: unitNames.get(goal.unit) ?? goal.unit,
      assessment: goalResponses.get(goal.key)?.assessment ?? 'missing',
      indicators: counts,
    });
  }
  return rows;
}

/** One goal with its bedömning, analys and every indicator measured in the period; null outside the view. */
export function goalDetail(input: SummarizePeriodInput, goalKey: string): GoalDetail | null {
  const goal = goalsInScope(input).find((candidate) => candidate.key === goalKey);
  if (!goal) return null;
  const response = input.goalResponses.find((candidate) => candidate.goal === goalKey);
  const indicatorResponses = new Map(input.indicatorResponses.map((candidate) => [candidate.indicator, candidate]));
  const previousOutcomes = new Map((input.previous?.indicatorResponses ?? []).map((candidate) => [candidate.indicator, candidate.outcome]));
  const indicators = input.indicators
    .filter((indicator) => indicator.goal === goalKey && !indicator.archived && indicator.periods.includes(input.periodCode))
    .sort((a, b) => a.order - b.order)
    .map((indicator) => {
      const answer = indicatorResponses.get(indicator.key);
      return {
        indicator,
        outcome: answer?.outcome ?? null,
        assessment: bucketOf(answer),
        comment: answer?.comment ?? '',
        previous: previousOutcomes.get(indicator.key) ?? null,
      };
    });
  return {
    goal,
    unitName: input.units.find((unit) => unit.key === goal.unit)?.name ?? goal.unit,
    perspective: perspectiveNameOf(input, goal),
    assessment: response?.assessment ?? 'missing',
    analysis: response?.analysis ?? '',
    indicators,
  };
}

function bucketOf(response: { outcome: OutcomeValue | null; assessment: Bucket | null } | undefined): Bucket {
  if (response?.outcome?.kind === 'not_available') return 'not_measured';
  return response?.assessment ?? 'missing';
}

/** What one person still owes in one goal: their own unanswered indicators, and the goal's bedömning if they own it. */
export interface OwedGoal {
  goalKey: string;
  title: string;
  indicators: number;
  assessment: boolean;
}

/** Someone who has not finished, with what is left: "Har inte svarat klart". */
export interface OwnerBacklog {
  email: string;
  goals: OwedGoal[];
}

/**
 * Everyone who has not finished in the view, by e-mail, with what each still owes goal by goal (goals
 * in unit and plan order). The same people as `summarizePeriod`'s `missingOwners`: each person is
 * held to what they answer themselves, never to a colleague's indicator.
 */
export function missingWork(input: SummarizePeriodInput): OwnerBacklog[] {
  const indicatorResponses = new Map(input.indicatorResponses.map((response) => [response.indicator, response]));
  const goalResponses = new Map(input.goalResponses.map((response) => [response.goal, response]));
  const openIndicators = new Map<string, Indicator[]>();
  for (const indicator of input.indicators) {
    if (indicator.archived || !indicator.periods.includes(input.periodCode) || isIndicatorAnswered(indicatorResponses.get(indicator.key)))
      continue;
    openIndicators.set(indicator.goal, [...(openIndicators.get(indicator.goal) ?? []), indicator]);
  }
  const backlog = new Map<string, OwedGoal[]>();
  const owe = (email: string, goal: Goal, indicators: number, assessment: boolean) => {
    if (email === '') return;
    const goals = backlog.get(email) ?? [];
    const owed = goals.find((candidate) => candidate.goalKey === goal.key);
    if (owed) {
      owed.indicators += indicators;
      owed.assessment ||= assessment;
    } else goals.push({ goalKey: goal.key, title: goal.title, indicators, assessment });
    backlog.set(email, goals);
  };
  for (const goal of goalsInScope(input)) {
    if (!isGoalAnswered(goalResponses.get(goal.key))) for (const owner of goal.owners) owe(owner, goal, 0, true);
    for (const indicator of openIndicators.get(goal.key) ?? []) owe(indicator.owner, goal, 1, false);
  }
  return [...backlog].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([email, goals]) => ({ email, goals }));
}
