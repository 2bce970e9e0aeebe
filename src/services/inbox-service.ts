import { groupByInbox, inboxRefOf, isInInbox, type InboxRef } from '../domain/inbox';
import { ownersInPeriod } from '../domain/owner-work';
import type { Period, Plan } from '../domain/plan';
import type { PlanRepository } from '../store/plan-repository';
import type { CollectService, PeriodWork } from './collect-service';
import type { PlanCache, PlanContent } from './plan-cache';
import type { Catalog } from './catalog';

/** The person's work in one plan's period of the inbox, with the plan's unit name for its heading. */
export interface InboxGroup extends PeriodWork {
  unitName: string;
}

/** One person's inbox: a period code of one year across every plan they have goals in (SPEC §5.3). */
export interface InboxWork {
  ref: InboxRef;
  /** The period the inbox was asked for: its label titles the card, its id pages it. */
  anchor: Period;
  /** Per plan where the person has something to answer, ordered by unit name. */
  groups: InboxGroup[];
}

/** The inbox of a single period's work (no other plan read): what a caller without the grouped read has. */
export function inboxOfOne(view: PeriodWork, unitName = ''): InboxWork {
  return {
    ref: { code: view.period.code, year: view.plan.year },
    anchor: view.period,
    groups: view.work.goals.length > 0 ? [{ ...view, unitName }] : [],
  };
}

/** One reading of what inboxes share; see InboxService.reading. */
export interface InboxReading {
  context: Context;
  contents(planKeys: readonly string[]): Promise<Map<string, PlanContent>>;
  ownersIn(content: PlanContent, planKey: string, code: string): Set<string>;
  workFor(email: string, period: Period, content: PlanContent): Promise<PeriodWork | null>;
}

interface Context {
  periods: Period[];
  years: Map<string, number>;
  plans: Map<string, Plan>;
  unitNames: Map<string, string>;
}

/**
 * Reads a person's inbox: every plan's period of the same code and year that has been opened (draft
 * periods are not shown), read in full only where the person has work (found from the cached plan
 * content, without reading answers), so that an owner in one of 200 plans reads one plan's answers.
 */
export class InboxService {
  constructor(private readonly deps: { collect: CollectService; plans: PlanRepository; cache: PlanCache; catalog?: Catalog }) {}

  /** The inbox `periodId` belongs to (any of its periods names it), or null for an unknown period. */
  async inboxFor(email: string, periodId: string): Promise<InboxWork | null> {
    const context = await this.context();
    const anchor = context.periods.find((period) => period.id === periodId);
    return anchor ? this.build(email, anchor, null, context) : null;
  }

  /** After a save: the saved period's work as the save left it, with the inbox's other plans read as usual. */
  async around(email: string, fresh: PeriodWork): Promise<InboxWork> {
    return this.build(email, fresh.period, fresh, await this.context());
  }

  /** `status`: one inbox per open period code and year where the person has something to answer. */
  async openInboxesFor(email: string): Promise<InboxWork[]> {
    const context = await this.context();
    const inboxes: InboxWork[] = [];
    for (const group of groupByInbox(
      context.periods.filter((period) => period.state === 'open'),
      context.years,
    )) {
      const inbox = await this.build(email, group.periods[0]!, null, context);
      if (inbox.groups.length > 0) inboxes.push(inbox);
    }
    return inboxes;
  }

  /**
   * What every inbox reads alike (periods, plans, units, plan contents, who owns what), read once:
   * a fan-out builds its inboxes from one reading with `inboxIn`, and reads per owner only their
   * answers. A reading is as current as the moment it was taken; take a new one every second or so.
   */
  async reading(): Promise<InboxReading> {
    const context = await this.context();
    const contents = new Map<string, ReturnType<PlanCache['getMany']>>();
    const owners = new Map<string, Set<string>>();
    return {
      context,
      contents: (keys) => {
        const key = [...keys].sort().join('\n');
        let found = contents.get(key);
        if (!found) contents.set(key, (found = this.deps.cache.getMany(keys)));
        return found;
      },
      ownersIn: (content, planKey, code) => {
        const key = `${planKey}\n${code}`;
        let found = owners.get(key);
        if (!found) owners.set(key, (found = ownersInPeriod(content.goals, content.indicators, code)));
        return found;
      },
      workFor: async (email, period, content) => {
        const plan = context.plans.get(period.plan);
        return plan ? this.deps.collect.workIn(email, period, plan, content) : null;
      },
    };
  }

  /**
   * inboxFor from a reading: besides the person's answers, only the period itself is read afresh, so
   * that its state on the card is never that of an older reading.
   */
  async inboxIn(reading: InboxReading, email: string, periodId: string): Promise<InboxWork | null> {
    const anchor = await this.deps.plans.findPeriod(periodId);
    if (!anchor) return null;
    // A period or plan newer than the reading (an import a moment ago): read everything afresh.
    const known = reading.context.periods.some((period) => period.id === anchor.id) && reading.context.plans.has(anchor.plan);
    if (!known) return this.build(email, anchor, null, await this.context());
    const periods = reading.context.periods.map((period) => (period.id === anchor.id ? anchor : period));
    return this.build(email, anchor, null, { ...reading.context, periods }, reading);
  }

  private async build(
    email: string,
    anchor: Period,
    fresh: PeriodWork | null,
    context: Context,
    reading?: InboxReading,
  ): Promise<InboxWork> {
    const ref = inboxRefOf(anchor, context.years);
    const members = context.periods.filter(
      (period) => period.id === anchor.id || (period.state !== 'draft' && isInInbox(period, ref, context.years)),
    );
    const keys = members.map((period) => period.plan);
    const contents = await (reading ? reading.contents(keys) : this.deps.cache.getMany(keys));
    const person = email.toLowerCase();
    const groups: InboxGroup[] = [];
    for (const period of members) {
      const content = contents.get(period.plan);
      if (!content) continue;
      const owners = reading
        ? reading.ownersIn(content, period.plan, period.code)
        : ownersInPeriod(content.goals, content.indicators, period.code);
      if (!owners.has(person)) continue;
      const view =
        fresh?.period.id === period.id
          ? fresh
          : reading
            ? await reading.workFor(email, period, content)
            : await this.deps.collect.workFor(email, period.id);
      if (view && view.work.goals.length > 0) groups.push({ ...view, unitName: context.unitNames.get(period.unit) ?? period.unit });
    }
    groups.sort((a, b) => a.unitName.localeCompare(b.unitName, 'sv') || a.plan.key.localeCompare(b.plan.key));
    const current = fresh?.period.id === anchor.id ? fresh.period : (members.find((period) => period.id === anchor.id) ?? anchor);
    return { ref, anchor: current, groups };
  }

  /** From the catalog in memory (one stamp lookup) where there is one, else listed. */
  private async context(): Promise<Context> {
    const { periods, plans, units } = this.deps.catalog
      ? await this.deps.catalog.current()
      : await Promise.all([this.deps.plans.listPeriods(), this.deps.plans.listPlans(), this.deps.plans.listUnits()]).then(
          ([periods, plans, units]) => ({ periods, plans, units }),
        );
    return {
      periods,
      years: new Map(plans.map((plan) => [plan.key, plan.year])),
      plans: new Map(plans.map((plan) => [plan.key, plan])),
      unitNames: new Map(units.map((unit) => [unit.key, unit.name])),
    };
  }
}
