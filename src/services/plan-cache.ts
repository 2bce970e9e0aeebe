import type { Goal, Indicator, Period } from '../domain/plan';
import type { PlanRepository } from '../store/plan-repository';
import { applyDelegations, type Delegation } from '../domain/delegation';
import { forEachLimited } from '../domain/limited';

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
    private readonly delegations?: {
      listForPlan(plan: string): Promise<Delegation[]>;
      listForPlans(plans: readonly string[]): Promise<Delegation[]>;
    },
  ) {}

  async get(planKey: string): Promise<PlanContent> {
    const revision = await this.plans.revisionOf(planKey);
    const cached = this.entries.get(planKey);
    if (cached && cached.revision === revision) return cached;
    const stored = (await this.fromSnapshots([planKey], new Map([[planKey, revision]]))).get(planKey);
    if (stored) return stored;
    const [imported, importedIndicators, periods, delegations] = await Promise.all([
      this.plans.listGoals([planKey]),
      this.plans.listIndicators([planKey]),
      this.plans.listPeriods([planKey]),
      this.delegations ? this.delegations.listForPlan(planKey) : Promise.resolve([]),
    ]);
    const content = this.remember(planKey, revision, imported, importedIndicators, periods, delegations);
    await this.storeSnapshots([content], [planKey]);
    return content;
  }

  /**
   * Several plans at once (a whole region's summary, opening a period in every plan): one query per
   * collection for all the plans not in memory, instead of one per plan. FerretDB can only use the
   * _id index, so each per-plan listing would scan the collection: 200 plans, 200 scans.
   */
  async getMany(planKeys: readonly string[]): Promise<Map<string, PlanContent>> {
    const keys = [...new Set(planKeys)];
    const revisions = await this.plans.revisionsOf(keys);
    const out = new Map<string, PlanContent>();
    let stale: string[] = [];
    for (const key of keys) {
      const cached = this.entries.get(key);
      if (cached && cached.revision === (revisions.get(key) ?? '')) out.set(key, cached);
      else stale.push(key);
    }
    if (stale.length === 0) return out;
    for (const [key, content] of await this.fromSnapshots(stale, revisions)) out.set(key, content);
    stale = stale.filter((key) => !out.has(key));
    if (stale.length === 0) return out;
    const [goals, indicators, periods, delegations] = await Promise.all([
      this.plans.listGoals(stale),
      this.plans.listIndicators(stale),
      this.plans.listPeriods(stale),
      this.delegations ? this.delegations.listForPlans(stale) : Promise.resolve([]),
    ]);
    const [goalsOf, indicatorsOf, periodsOf, delegationsOf] = [byPlan(goals), byPlan(indicators), byPlan(periods), byPlan(delegations)];
    for (const key of stale) {
      out.set(
        key,
        this.remember(
          key,
          revisions.get(key) ?? '',
          goalsOf.get(key) ?? [],
          indicatorsOf.get(key) ?? [],
          periodsOf.get(key) ?? [],
          delegationsOf.get(key) ?? [],
        ),
      );
    }
    await this.storeSnapshots(
      stale.map((key) => out.get(key)!),
      stale,
    );
    return out;
  }

  /**
   * A cold instance reads each plan as one stored JSON text (one document per plan) instead of its
   * goals and indicators one document each: FerretDB decodes documents slowly, strings fast. A
   * snapshot counts only under the plan's current revision, which an import renews after writing.
   */
  private async fromSnapshots(keys: readonly string[], revisions: Map<string, string>): Promise<Map<string, PlanContent>> {
    const out = new Map<string, PlanContent>();
    const snapshots = await this.plans.snapshotsOf(keys);
    for (const [key, snapshot] of snapshots) {
      const revision = revisions.get(key) ?? '';
      if (revision === '' || snapshot.revision !== revision) continue;
      const { goals, indicators, periods } = JSON.parse(snapshot.content) as Omit<PlanContent, 'revision'>;
      out.set(key, this.keep(key, { revision, goals, indicators, periods }));
    }
    return out;
  }

  /** Written after reading from the entities; a lost write only means the next cold read does the same. */
  private async storeSnapshots(contents: readonly PlanContent[], keys: readonly string[]): Promise<void> {
    await forEachLimited(
      contents.map((content, index) => ({ content, key: keys[index]! })).filter(({ content }) => content.revision !== ''),
      4,
      ({ content, key }) =>
        this.plans.writeSnapshot(
          key,
          content.revision,
          JSON.stringify({ goals: content.goals, indicators: content.indicators, periods: content.periods }),
        ),
    );
  }

  private remember(
    planKey: string,
    revision: string,
    imported: Goal[],
    importedIndicators: Indicator[],
    periods: Period[],
    delegations: Delegation[],
  ): PlanContent {
    const { goals, indicators } = applyDelegations(imported, importedIndicators, delegations);
    return this.keep(planKey, { revision, goals, indicators, periods: periods.map(({ state: _state, ...period }) => period) });
  }

  private keep(planKey: string, content: PlanContent): PlanContent {
    if (this.entries.size >= this.maxPlans) this.entries.delete(this.entries.keys().next().value ?? '');
    this.entries.set(planKey, content);
    return content;
  }
}

/** Items grouped by their plan (Map.groupBy needs Node 21). */
function byPlan<T extends { plan: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.plan);
    if (group) group.push(item);
    else groups.set(item.plan, [item]);
  }
  return groups;
}
