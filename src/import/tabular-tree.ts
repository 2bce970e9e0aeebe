import { EmailSchema, KeySchema, type GoalInput, type IndicatorInput, type PlanInput, type UnitInput } from '../domain/plan-format';
import { header, rowIssue, slugOf, type TreeContext } from './tabular-context';
import { resolveGoalRow } from './tabular-goal-rows';
import type { IndicatorField } from './tabular-headers';
import type { RowFacts } from './tabular-rows';

type Perspective = PlanInput['perspectives'][number];
type Area = NonNullable<Perspective['areas']>[number];

interface TreeState extends TreeContext {
  units: Map<string, { unit: UnitInput; row: number; named: boolean; managerRow?: number }>;
  badUnitKeys: Set<string>;
  plans: Map<string, PlanInput>;
  perspectives: Map<string, Perspective>;
  areas: Map<string, Area>;
  goals: Map<string, { goal: GoalInput; facts: RowFacts }>;
  indicatorRows: Map<string, number>;
}

/**
 * Groups rows into unit → plan → perspective → area → goal → indicator. Plans come back without
 * periods; perspective and area keys are derived from the plan key and the name, so a re-import
 * of the same sheet yields the same keys.
 */
export function buildTree(context: TreeContext, facts: readonly RowFacts[]): { units: UnitInput[]; plans: PlanInput[] } {
  const state: TreeState = {
    ...context,
    units: new Map(),
    badUnitKeys: new Set(),
    plans: new Map(),
    perspectives: new Map(),
    areas: new Map(),
    goals: new Map(),
    indicatorRows: new Map(),
  };
  for (const row of facts) addRow(state, row);
  for (const plan of state.plans.values()) {
    plan.name = `Verksamhetsplan ${plan.year} – ${state.units.get(plan.unit)?.unit.name ?? plan.unit}`;
  }
  return { units: [...state.units.values()].map(({ unit }) => unit), plans: [...state.plans.values()] };
}

function addRow(state: TreeState, facts: RowFacts): void {
  const unique = claimIndicatorKey(state, facts);
  if (!facts.placeable) return;
  const first = state.goals.get(facts.goalKey);
  const resolved = resolveGoalRow(state, facts, first?.facts);
  if (resolved === undefined || !unitKeyIsValid(state, resolved)) return;
  const unit = ensureUnit(state, resolved);
  const goal = first?.goal ?? createGoal(state, resolved, unit);
  if (unique && resolved.indicator !== undefined) addIndicator(state, goal, resolved.indicator, resolved.row);
}

// Keys are claimed before anything else on the row can fail, so a duplicate is found even next to other issues.
function claimIndicatorKey(state: TreeState, facts: RowFacts): boolean {
  if (facts.indicatorKey === '') return true;
  const firstRow = state.indicatorRows.get(facts.indicatorKey);
  if (firstRow === undefined) {
    state.indicatorRows.set(facts.indicatorKey, facts.row);
    return true;
  }
  rowIssue(state, 'duplicate_key', facts.row, 'indicatorKey', facts.indicatorKey, String(firstRow));
  return false;
}

// The unit key is copied into plan, perspective and area keys: report a bad one once, not once per derived key.
function unitKeyIsValid(state: TreeState, facts: RowFacts): boolean {
  if (KeySchema.safeParse(facts.unitKey).success) return true;
  if (!state.badUnitKeys.has(facts.unitKey)) rowIssue(state, 'invalid_key', facts.row, 'unitKey', facts.unitKey);
  state.badUnitKeys.add(facts.unitKey);
  return false;
}

/** The unit's name is the first one written for its key; the key stands in until then. */
function ensureUnit(state: TreeState, facts: RowFacts): UnitInput {
  const known = state.units.get(facts.unitKey);
  if (known === undefined) {
    const unit: UnitInput = { key: facts.unitKey, name: facts.unitName === '' ? facts.unitKey : facts.unitName };
    const entry = { unit, row: facts.row, named: facts.unitName !== '' };
    state.units.set(unit.key, entry);
    register(state, unit, facts.row, { key: 'unitKey', name: facts.unitName === '' ? 'unitKey' : 'unitName' });
    ensureManager(state, facts, entry);
    return unit;
  }
  ensureManager(state, facts, known);
  if (facts.unitName === '') return known.unit;
  if (!known.named) {
    Object.assign(known, { named: true, row: facts.row });
    known.unit.name = facts.unitName;
    register(state, known.unit, facts.row, { key: 'unitKey', name: 'unitName' });
  } else if (facts.unitName !== known.unit.name) {
    rowIssue(state, 'conflicting_values', facts.row, 'unitName', facts.unitName, String(known.row));
  }
  return known.unit;
}

/** A unit's chef: the first address written for it; a different one on a later row is a conflict. */
function ensureManager(state: TreeState, facts: RowFacts, known: { unit: UnitInput; managerRow?: number }): void {
  if (facts.unitManager === '') return;
  if (known.unit.manager === undefined) {
    known.unit.manager = facts.unitManager;
    known.managerRow = facts.row;
    register(state, known.unit, facts.row, { manager: 'unitManager' });
  } else if (known.unit.manager !== facts.unitManager) {
    rowIssue(state, 'conflicting_values', facts.row, 'unitManager', facts.unitManager, String(known.managerRow ?? facts.row));
  }
}

function createGoal(state: TreeState, facts: RowFacts, unit: UnitInput): GoalInput {
  const perspective = ensurePerspective(state, ensurePlan(state, facts, unit), facts);
  const goal: GoalInput = { key: facts.goalKey, title: facts.goal, owners: facts.owners, indicators: [] };
  register(state, goal, facts.row, { key: 'goalKey', title: 'goal', owners: 'goalOwner' });
  state.goals.set(goal.key, { goal, facts });
  if (facts.area === '') (perspective.goals ??= []).push(goal);
  else ensureArea(state, perspective, facts).goals.push(goal);
  return goal;
}

function ensurePlan(state: TreeState, facts: RowFacts, unit: UnitInput): PlanInput {
  const year = facts.year ?? 0;
  const key = `${unit.key}-${year}`;
  const known = state.plans.get(key);
  if (known !== undefined) return known;
  const plan: PlanInput = { key, unit: unit.key, year, name: key, periods: [], perspectives: [] };
  register(state, plan, facts.row, { key: 'unitKey', unit: 'unitKey', year: 'planYear' });
  state.plans.set(key, plan);
  return plan;
}

function ensurePerspective(state: TreeState, plan: PlanInput, facts: RowFacts): Perspective {
  const key = `${plan.key}-${slugOf(facts.perspective)}`;
  const known = state.perspectives.get(key);
  if (known !== undefined) return known;
  const perspective: Perspective = { key, name: facts.perspective };
  plan.perspectives.push(perspective);
  state.perspectives.set(key, perspective);
  register(state, perspective, facts.row, { key: 'perspective', name: 'perspective' });
  return perspective;
}

function ensureArea(state: TreeState, perspective: Perspective, facts: RowFacts): Area {
  const key = `${perspective.key}-${slugOf(facts.area)}`;
  const known = state.areas.get(key);
  if (known !== undefined) return known;
  const area: Area = { key, name: facts.area, goals: [] };
  (perspective.areas ??= []).push(area);
  state.areas.set(key, area);
  register(state, area, facts.row, { key: 'area', name: 'area' });
  return area;
}

function addIndicator(state: TreeState, goal: GoalInput, own: IndicatorInput, row: number): void {
  const ownOwner = own.owner;
  // A goal owner that is no address is reported once on the goal, not again on each indicator it would own.
  const first = goal.owners[0];
  const owner = ownOwner ?? (first !== undefined && EmailSchema.safeParse(first).success ? first : undefined);
  const indicator = owner === undefined ? own : { ...own, owner };
  goal.indicators.push(indicator);
  register(state, indicator, row, {
    key: 'indicatorKey',
    name: 'indicator',
    owner: ownOwner === undefined ? 'goalOwner' : 'indicatorOwner',
    valueType: 'valueType',
    unit: 'unitOfMeasure',
    direction: 'direction',
    baseline: 'baseline',
    target: 'target',
    periods: 'periods',
  });
}

function register(state: TreeState, object: object, row: number, fields: Record<string, IndicatorField>): void {
  const headers = Object.fromEntries(Object.entries(fields).map(([property, field]) => [property, header(state, field)]));
  state.sources.set(object, { row, ...(state.sheet.name === undefined ? {} : { sheet: state.sheet.name }), fields: headers });
}
