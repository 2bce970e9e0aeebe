import type { Goal, Indicator, Unit } from './plan';
import { isGoalAnswered, isIndicatorAnswered, type GoalResponse, type IndicatorResponse } from './response';

export interface IndicatorItem {
  indicator: Indicator;
  response: IndicatorResponse | undefined;
  /** The person may answer it: they own the indicator or the goal. */
  editable: boolean;
  /** They own the indicator themselves (by the plan or a delegation), so they may delegate it. */
  own: boolean;
}

export interface GoalWork {
  goal: Goal;
  indicators: IndicatorItem[];
  /** Goal owners answer the goal's own bedömning and analys. */
  goalEditable: boolean;
  goalResponse: GoalResponse | undefined;
  /**
   * What this person must answer for the goal themselves (the indicators they own, and the goal's
   * bedömning if they own the goal), and how much of it is answered. A goal owner may also answer a
   * colleague's indicator in the goal, but is not held to it.
   */
  required: number;
  answered: number;
}

export interface OwnerWork {
  goals: GoalWork[];
  doneGoals: number;
}

/** Indicators measured in a period: not archived, and the period's code is among their periods. */
export function indicatorsInPeriod(indicators: readonly Indicator[], periodCode: string): Indicator[] {
  return indicators.filter((indicator) => !indicator.archived && indicator.periods.includes(periodCode));
}

/** Everyone who has something to answer in the period: goal owners and owners of measured indicators. */
export function ownersInPeriod(goals: readonly Goal[], indicators: readonly Indicator[], periodCode: string): Set<string> {
  const owners = new Set<string>();
  for (const goal of goals) if (!goal.archived) goal.owners.forEach((owner) => owners.add(owner));
  for (const indicator of indicatorsInPeriod(indicators, periodCode)) owners.add(indicator.owner);
  return owners;
}

/**
 * One person's work in one period: the goals they own or hold an indicator in, with what they may
 * edit and how much is answered. A goal is done when everything the person must answer is answered.
 */
export function computeOwnerWork(input: {
  email: string;
  periodCode: string;
  goals: readonly Goal[];
  indicators: readonly Indicator[];
  indicatorResponses: readonly IndicatorResponse[];
  goalResponses: readonly GoalResponse[];
}): OwnerWork {
  const email = input.email.toLowerCase();
  const measured = indicatorsInPeriod(input.indicators, input.periodCode);
  const byGoal = groupBy(measured, (indicator) => indicator.goal);
  const responses = new Map(input.indicatorResponses.map((response) => [response.indicator, response]));
  const goalResponses = new Map(input.goalResponses.map((response) => [response.goal, response]));
  const goals: GoalWork[] = [];
  for (const goal of [...input.goals].filter((g) => !g.archived).sort((a, b) => a.order - b.order)) {
    const ownsGoal = goal.owners.includes(email);
    const items = (byGoal.get(goal.key) ?? []).map((indicator) => ({
      indicator,
      response: responses.get(indicator.key),
      editable: ownsGoal || indicator.owner === email,
      own: indicator.owner === email,
    }));
    if (!ownsGoal && !items.some((item) => item.editable)) continue;
    const goalResponse = goalResponses.get(goal.key);
    const own = items.filter((item) => item.indicator.owner === email);
    const required = own.length + (ownsGoal ? 1 : 0);
    const answered = own.filter((item) => isIndicatorAnswered(item.response)).length + (ownsGoal && isGoalAnswered(goalResponse) ? 1 : 0);
    goals.push({ goal, indicators: items, goalEditable: ownsGoal, goalResponse, required, answered });
  }
  return { goals, doneGoals: goals.filter((goal) => goal.answered === goal.required).length };
}

/** A unit and every unit below it. */
/** Every unit in the subtrees of `roots` (each root included): what a channel linked to them follows. */
export function unitsUnder(units: readonly Unit[], roots: readonly string[]): Set<string> {
  const scope = new Set<string>();
  for (const root of roots) for (const unit of unitSubtree(units, root)) scope.add(unit);
  return scope;
}

export function unitSubtree(units: readonly Unit[], root: string): Set<string> {
  const children = groupBy(
    units.filter((unit) => unit.parent !== null),
    (unit) => unit.parent ?? '',
  );
  const out = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const key = stack.pop() ?? '';
    if (out.has(key)) continue;
    out.add(key);
    for (const child of children.get(key) ?? []) stack.push(child.key);
  }
  return out;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
