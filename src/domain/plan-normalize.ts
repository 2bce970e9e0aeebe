import type { ImportIssue } from './import-issues';
import { periodId, type Goal, type Indicator, type NormalizedPlanFile, type Plan, type Unit } from './plan';
import type { GoalInput, IndicatorInput, PlanFile, PlanInput } from './plan-format';

export type NormalizeResult = { ok: true; plan: NormalizedPlanFile } | { ok: false; issues: ImportIssue[] };

/**
 * Checks what the schema alone cannot (references, uniqueness, types that depend on other fields)
 * and flattens the tree into entities joined by keys. Reports every problem, not just the first.
 */
export function normalizePlanFile(file: PlanFile): NormalizeResult {
  const issues: ImportIssue[] = [];
  const units = normalizeUnits(file, issues);
  const unitKeys = new Set(units.map((unit) => unit.key));
  const seen = new KeyRegistry(issues);
  const out: NormalizedPlanFile = { organisation: file.organisation, units, plans: [], goals: [], indicators: [], periods: [] };

  file.plans.forEach((plan, planIndex) => {
    const at = `plans[${planIndex}]`;
    seen.claim('plan', plan.key, `${at}.key`);
    if (!unitKeys.has(plan.unit)) issues.push({ code: 'unknown_unit', path: `${at}.unit`, field: 'unit', value: plan.unit });
    const codes = new Set<string>();
    plan.periods.forEach((period, index) => {
      if (codes.has(period.code)) {
        issues.push({ code: 'duplicate_key', path: `${at}.periods[${index}].code`, field: 'code', value: period.code });
      }
      codes.add(period.code);
      out.periods.push({ id: periodId(plan.key, period.code), plan: plan.key, unit: plan.unit, ...period });
    });
    out.plans.push(outlinePlan(file.organisation, plan));
    flattenGoals(plan, at, codes, seen, issues, out);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, plan: out };
}

function normalizeUnits(file: PlanFile, issues: ImportIssue[]): Unit[] {
  const byKey = new Map<string, Unit>();
  file.units.forEach((unit, index) => {
    if (byKey.has(unit.key)) issues.push({ code: 'duplicate_key', path: `units[${index}].key`, field: 'key', value: unit.key });
    byKey.set(unit.key, {
      key: unit.key,
      name: unit.name,
      parent: unit.parent ?? null,
      ...(unit.manager ? { manager: unit.manager.toLowerCase() } : {}),
    });
  });
  file.units.forEach((unit, index) => {
    if (unit.parent !== undefined && !byKey.has(unit.parent)) {
      issues.push({ code: 'unknown_unit', path: `units[${index}].parent`, field: 'parent', value: unit.parent });
    } else if (hasCycle(unit.key, byKey)) {
      issues.push({ code: 'unit_cycle', path: `units[${index}].parent`, field: 'parent', value: unit.key });
    }
  });
  return [...byKey.values()];
}

function hasCycle(start: string, byKey: Map<string, Unit>): boolean {
  const visited = new Set<string>();
  let current = byKey.get(start)?.parent ?? null;
  while (current !== null) {
    if (current === start || visited.has(current)) return true;
    visited.add(current);
    current = byKey.get(current)?.parent ?? null;
  }
  return false;
}

function outlinePlan(organisation: string, plan: PlanInput): Plan {
  return {
    key: plan.key,
    organisation,
    unit: plan.unit,
    year: plan.year,
    name: plan.name,
    perspectives: plan.perspectives.map((perspective) => ({
      key: perspective.key,
      name: perspective.name,
      areas: (perspective.areas ?? []).map((area) => ({ key: area.key, name: area.name })),
    })),
  };
}

function flattenGoals(
  plan: PlanInput,
  at: string,
  codes: Set<string>,
  seen: KeyRegistry,
  issues: ImportIssue[],
  out: NormalizedPlanFile,
): void {
  plan.perspectives.forEach((perspective, pIndex) => {
    const pAt = `${at}.perspectives[${pIndex}]`;
    seen.claim('perspective', perspective.key, `${pAt}.key`);
    const groups: { area: string | null; goals: GoalInput[]; path: string }[] = [
      { area: null, goals: perspective.goals ?? [], path: pAt },
      ...(perspective.areas ?? []).map((area, aIndex) => {
        seen.claim('area', area.key, `${pAt}.areas[${aIndex}].key`);
        return { area: area.key, goals: area.goals, path: `${pAt}.areas[${aIndex}]` };
      }),
    ];
    for (const group of groups) {
      group.goals.forEach((goal, gIndex) => {
        const gAt = `${group.path}.goals[${gIndex}]`;
        seen.claim('goal', goal.key, `${gAt}.key`);
        out.goals.push(toGoal(goal, plan, perspective.key, group.area, out.goals.length));
        goal.indicators.forEach((indicator, iIndex) => {
          const iAt = `${gAt}.indicators[${iIndex}]`;
          seen.claim('indicator', indicator.key, `${iAt}.key`);
          checkIndicator(indicator, iAt, codes, issues);
          out.indicators.push(toIndicator(indicator, goal, plan, perspective.key, codes, out.indicators.length));
        });
      });
    }
  });
}

function checkIndicator(indicator: IndicatorInput, at: string, codes: Set<string>, issues: ImportIssue[]): void {
  (indicator.periods ?? []).forEach((code, index) => {
    if (!codes.has(code)) {
      issues.push({
        code: 'unknown_period',
        path: `${at}.periods[${index}]`,
        field: 'periods',
        value: code,
        detail: [...codes].join(', '),
      });
    }
  });
  const expected = indicator.valueType === 'yesno' ? 'boolean' : 'number';
  for (const field of ['target', 'baseline'] as const) {
    const value = indicator[field];
    if (value !== null && value !== undefined && typeof value !== expected) {
      issues.push({ code: 'target_type_mismatch', path: `${at}.${field}`, field, value: String(value), detail: indicator.valueType });
    }
  }
}

function toGoal(goal: GoalInput, plan: PlanInput, perspective: string, area: string | null, order: number): Goal {
  return {
    key: goal.key,
    plan: plan.key,
    unit: plan.unit,
    perspective,
    area,
    title: goal.title,
    owners: [...new Set(goal.owners)],
    activities: (goal.activities ?? []).map((activity) => ({
      key: activity.key,
      name: activity.name,
      description: activity.description ?? null,
      start: activity.start ?? null,
      end: activity.end ?? null,
      status: activity.status ?? null,
    })),
    order,
    archived: false,
  };
}

function toIndicator(
  indicator: IndicatorInput,
  goal: GoalInput,
  plan: PlanInput,
  perspective: string,
  codes: Set<string>,
  order: number,
): Indicator {
  const periods = indicator.periods && indicator.periods.length > 0 ? [...new Set(indicator.periods)] : [...codes];
  return {
    key: indicator.key,
    plan: plan.key,
    unit: plan.unit,
    goal: goal.key,
    perspective,
    name: indicator.name,
    owner: indicator.owner ?? goal.owners[0] ?? '',
    valueType: indicator.valueType,
    unitOfMeasure: indicator.unit && indicator.unit !== '' ? indicator.unit : null,
    direction: indicator.direction,
    baseline: indicator.baseline ?? null,
    target: indicator.target ?? null,
    periods,
    order,
    archived: false,
  };
}

/** Keys are unique per kind across the whole file, since each kind is one collection. */
class KeyRegistry {
  private readonly seen = new Map<string, string>();
  constructor(private readonly issues: ImportIssue[]) {}

  claim(kind: string, key: string, path: string): void {
    const id = `${kind}:${key}`;
    const first = this.seen.get(id);
    if (first !== undefined) {
      this.issues.push({ code: 'duplicate_key', path, field: 'key', value: key, detail: first });
      return;
    }
    this.seen.set(id, path);
  }
}
