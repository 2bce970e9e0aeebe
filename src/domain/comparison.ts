import type { Goal, Indicator } from './plan';
import type { Assessment } from './vocabulary';

export type ComparedLevel = 'goals' | 'indicators';

/**
 * How the bedömningar changed since the previous period, like with like: only the items (goals, or
 * else indicators) that have a bedömning both then and now are counted, so an item not answered yet
 * now, or not measured then, moves nothing.
 */
export interface Comparison {
  level: ComparedLevel;
  /** How many items have a bedömning in both periods. */
  compared: number;
  /** For each bedömning: how many of the compared items have it now minus how many had it then. */
  change: Record<Assessment, number>;
}

export interface CompareInput {
  /** The goals in view. */
  goals: readonly Pick<Goal, 'key'>[];
  /** The indicators in view and measured in the current period. */
  indicators: readonly Pick<Indicator, 'key'>[];
  /** Bedömning per goal and per indicator, now and in the previous period ("ej tillgängligt" is not_measured). */
  now: { goals: ReadonlyMap<string, Assessment | null>; indicators: ReadonlyMap<string, Assessment | null> };
  previous: { goals: ReadonlyMap<string, Assessment | null>; indicators: ReadonlyMap<string, Assessment | null> };
}

/**
 * Goals are compared when the previous period has a goal bedömning for any goal in view; otherwise
 * indicators, when it has an indicator bedömning for any of them; otherwise there is nothing to
 * compare (null). Null too when nothing has a bedömning in both periods yet.
 */
export function compareWithPrevious(input: CompareInput): Comparison | null {
  const level = levelOf(input);
  if (level === null) return null;
  const items = level === 'goals' ? input.goals : input.indicators;
  const now = level === 'goals' ? input.now.goals : input.now.indicators;
  const then = level === 'goals' ? input.previous.goals : input.previous.indicators;
  const change: Record<Assessment, number> = { achieved: 0, partly: 0, not_achieved: 0, not_measured: 0 };
  let compared = 0;
  for (const item of items) {
    const current = now.get(item.key) ?? null;
    const before = then.get(item.key) ?? null;
    if (current === null || before === null) continue;
    compared += 1;
    change[current] += 1;
    change[before] -= 1;
  }
  return compared === 0 ? null : { level, compared, change };
}

function levelOf(input: CompareInput): ComparedLevel | null {
  if (input.goals.some((goal) => (input.previous.goals.get(goal.key) ?? null) !== null)) return 'goals';
  if (input.indicators.some((indicator) => (input.previous.indicators.get(indicator.key) ?? null) !== null)) return 'indicators';
  return null;
}
