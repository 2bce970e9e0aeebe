import type { Period, Plan, Unit } from '../domain/plan';
import type { PlanRepository } from '../store/plan-repository';

export interface CatalogContent {
  units: Unit[];
  plans: Plan[];
  periods: Period[];
}

/**
 * Units, plans and periods (with their states) as one in-memory copy, read again only when the
 * catalog stamp changed: every import and every period state change renews it after writing, so
 * a summary or a fan-out asks the database one _id lookup instead of listing three collections.
 */
export class Catalog {
  private cached: { stamp: string; content: CatalogContent } | null = null;

  constructor(private readonly plans: PlanRepository) {}

  async current(): Promise<CatalogContent> {
    const stamp = await this.plans.catalogStamp();
    if (this.cached && stamp !== '' && this.cached.stamp === stamp) return this.cached.content;
    const [units, plans, periods] = await Promise.all([this.plans.listUnits(), this.plans.listPlans(), this.plans.listPeriods()]);
    const content = { units, plans, periods };
    this.cached = { stamp, content };
    return content;
  }
}

/** The roll-up group of a period: its code and its plan's year ("ÅR|2026"), the unit a summary reads. */
export function rollupGroup(period: Pick<Period, 'code'>, year: number): string {
  return `${period.code.toLocaleUpperCase('sv-SE')}|${year}`;
}

/** Each period's roll-up group, from the catalog (what RollupService needs to know of periods). */
export async function periodGroups(catalog: Catalog): Promise<Map<string, string>> {
  const { plans, periods } = await catalog.current();
  const years = new Map(plans.map((plan) => [plan.key, plan.year]));
  return new Map(periods.map((period) => [period.id, rollupGroup(period, years.get(period.plan) ?? 0)]));
}
