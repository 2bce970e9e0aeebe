import type { Goal, Indicator, Period } from '../domain/plan';
import type { PlanRepository } from '../store/plan-repository';
import { applyDelegations, type Delegation } from '../domain/delegation';

export interface PlanContent {
  revision: string;
  goals: Goal[];
  indicators: Indicator[];
  /** Codes and dates of the plan's periods (their state is always read fresh). */
  periods: Omit<Period, 'state'>[];
}

/**
 * Plan content (goals, indicators, period dates) changes only on import, but is read on every card:
 * it is kept in memory and checked against the plan's revision (one _id lookup), which every import
 * that changes the plan renews, so several instances stay correct without listening for changes.
 */
export class PlanCache {
  private readonly entries = new Map<string, PlanContent>();

  constructor(
    private readonly plans: PlanRepository,
    private readonly maxPlans = 2_000,
    /** Delegations are applied over the imported plan; changing one renews the plan's revision. */
    private readonly delegations?: { listForPlan(plan: string): Promise<Delegation[]> },
  ) {}

  async get(planKey: string): Promise<PlanContent> {
    const revision = await this.plans.revisionOf(planKey);
    const cached = this.entries.get(planKey);
    if (cached && cached.revision === revision) return cached;
    const [imported, importedIndicators, periods, delegations] = await Promise.all([
      this.plans.listGoals([planKey]),
      this.plans.listIndicators([planKey]),
      this.plans.listPeriods([planKey]),
      this.delegations ? this.delegations.listForPlan(planKey) : Promise.resolve([]),
    ]);
    const { goals, indicators } = applyDelegations(imported, importedIndicators, delegations);
    const content: PlanContent = { revision, goals, indicators, periods: periods.map(({ state: _state, ...period }) => period) };
    if (this.entries.size >= this.maxPlans) this.entries.delete(this.entries.keys().next().value ?? '');
    this.entries.set(planKey, content);
    return content;
  }
}
