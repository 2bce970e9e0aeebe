import { summarizePeriod, type PlanOutline, type SummarizePeriodInput } from '../domain/aggregation';
import { unitsUnder } from '../domain/owner-work';
import { jobBatches, jobIds } from '../domain/job-ids';
import type { SummaryMode } from '../domain/jobs';
import type { Goal, Indicator, Period, PeriodState, Plan } from '../domain/plan';
import { summaryPeriodKey, type SummaryPeriodRef } from '../domain/summary-period';
import type { ChannelLinkRepository } from '../store/channel-link-repository';
import type { JobRepository, NewJob } from '../store/job-repository';
import type { PeopleRepository } from '../store/people-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { ResponseRepository } from '../store/response-repository';
import type { PlanCache } from './plan-cache';
import { rollupGroup, type Catalog } from './catalog';
import type { RollupService } from './rollups';

export { summaryPeriodKey, type SummaryPeriodRef };

export interface LoadedSummary {
  ref: SummaryPeriodRef;
  label: string;
  /** The latest deadline among the plans' periods. */
  deadline: string;
  /** open when any plan's period is open; closed when all are closed. */
  state: PeriodState;
  previousLabel: string | null;
  /** The previous period's code ("DÅ04"), as the goal form names it; null when there is none. */
  previousCode: string | null;
  input: SummarizePeriodInput;
  /** Each plan's period in view (for what else a report reads about them). */
  periods?: Period[];
}

export interface SummaryDeps {
  plans: PlanRepository;
  responses: ResponseRepository;
  links: ChannelLinkRepository;
  jobs: JobRepository;
  people: PeopleRepository;
  cache: PlanCache;
  catalog: Catalog;
  rollups: RollupService;
  now: () => Date;
  /** At most one in-place update per channel and period per interval. */
  updateIntervalMs: number;
}

/**
 * Loads what a summary needs and schedules the channel cards: posted when a period opens, updated
 * in place after answers (throttled by time slot: every answer in a slot maps to the same job, which
 * runs when the slot ends and reads the answers as they are then, so the last answer is always
 * shown), and a final card when the period closes.
 */
export class SummaryService {
  constructor(private readonly deps: SummaryDeps) {}

  async load(linkedUnits: readonly string[], ref: SummaryPeriodRef): Promise<LoadedSummary | null> {
    const { units, plans, periods } = await this.deps.catalog.current();
    const scope = unitsUnder(units, linkedUnits);
    const planByKey = new Map(plans.map((plan) => [plan.key, plan]));
    const inView = periods.filter(
      (period) => sameCode(period.code, ref.code) && scope.has(period.unit) && planByKey.get(period.plan)?.year === ref.year,
    );
    if (inView.length === 0) return null;
    const goals: Goal[] = [];
    const indicators: Indicator[] = [];
    const previousIds: { id: string; group: string }[] = [];
    let previousLabel: string | null = null;
    let previousCode: string | null = null;
    const contents = await this.deps.cache.getMany(inView.map((period) => period.plan));
    for (const period of inView) {
      const content = contents.get(period.plan)!;
      goals.push(...content.goals);
      indicators.push(...content.indicators);
      const earlier = content.periods.filter((candidate) => candidate.opens < period.opens).sort((a, b) => (a.opens < b.opens ? 1 : -1))[0];
      if (earlier) {
        previousIds.push({ id: earlier.id, group: rollupGroup(earlier, planByKey.get(period.plan)?.year ?? 0) });
        previousLabel ??= earlier.label;
        previousCode ??= earlier.code;
      }
    }
    const [current, previous] = await Promise.all([
      this.deps.rollups.factsOf(inView.map((period) => ({ id: period.id, group: rollupGroup(period, ref.year) }))),
      previousIds.length > 0 ? this.deps.rollups.factsOf(previousIds) : Promise.resolve(null),
    ]);
    const outlines: PlanOutline[] = inView.map((period) => planByKey.get(period.plan)).filter((plan): plan is Plan => plan !== undefined);
    return {
      ref: { code: inView[0]!.code, year: ref.year },
      label: inView[0]!.label,
      deadline:
        inView
          .map((period) => period.deadline)
          .sort()
          .at(-1) ?? '',
      state: inView.some((period) => period.state === 'open')
        ? 'open'
        : inView.every((period) => period.state === 'closed')
          ? 'closed'
          : 'draft',
      previousLabel,
      previousCode,
      input: { units, linkedUnits, plans: outlines, goals, indicators, periodCode: inView[0]!.code, ...current, previous },
      periods: inView,
    };
  }

  /**
   * Display names by lower-case e-mail for the people a drill-down shows, as Teams gave them when
   * they installed Utfall; people never seen in Teams are left out (the card shows their e-mail).
   */
  async namesOf(emails: readonly string[]): Promise<Map<string, string>> {
    if (emails.length === 0) return new Map();
    const people = await this.deps.people.findByEmails(emails);
    return new Map(people.filter((person) => person.name).map((person) => [person.email.toLowerCase(), person.name!]));
  }

  /** Summary of a loaded period (pure; exported separately so benchmarks can time it alone). */
  summarize(loaded: LoadedSummary) {
    return summarizePeriod(loaded.input);
  }

  /**
   * Which period a `sammanfattning` without a period means: the open one in view (latest year), else
   * the one that opened last. With a code, that code's latest year.
   */
  async defaultRef(linkedUnits: readonly string[], code: string | null): Promise<SummaryPeriodRef | null> {
    const { units, plans, periods } = await this.deps.catalog.current();
    const scope = unitsUnder(units, linkedUnits);
    const years = new Map(plans.map((plan) => [plan.key, plan.year]));
    const candidates = periods
      .filter(
        (period) => scope.has(period.unit) && (code === null || sameCode(period.code, code)) && (code !== null || period.state !== 'draft'),
      )
      .sort((a, b) => rank(b) - rank(a) || (a.opens < b.opens ? 1 : a.opens > b.opens ? -1 : 0));
    const chosen = candidates[0];
    return chosen ? { code: chosen.code, year: years.get(chosen.plan) ?? 0 } : null;
  }

  /** The channels (by conversation id) whose linked units include one of `unitKeys` or a unit above it. */
  async channelsCovering(unitKeys: readonly string[]): Promise<string[]> {
    return (await this.channelScopes())
      .filter(([, scope]) => unitKeys.some((unit) => scope.has(unit)))
      .map(([conversationId]) => conversationId);
  }

  /** Each linked channel with every unit it follows. */
  private async channelScopes(): Promise<[string, Set<string>][]> {
    const [links, { units }] = await Promise.all([this.deps.links.byChannel(), this.deps.catalog.current()]);
    return [...links].map(([conversationId, linked]) => [conversationId, unitsUnder(units, linked)]);
  }

  /** After periods open (mode post) or close (mode final): one job per covering channel and period. */
  async enqueueForPeriods(periods: readonly Period[], mode: 'post' | 'final'): Promise<number> {
    if (periods.length === 0) return 0;
    const [{ plans }, channels] = await Promise.all([this.deps.catalog.current(), this.channelScopes()]);
    const years = new Map(plans.map((plan) => [plan.key, plan.year]));
    const jobs = new Map<string, NewJob>();
    for (const period of periods) {
      const ref = { code: period.code, year: years.get(period.plan) ?? 0 };
      for (const [conversationId, scope] of channels) {
        if (!scope.has(period.unit)) continue;
        const job = summaryJob(conversationId, ref, mode, this.deps.now());
        jobs.set(job.id, job);
      }
    }
    return (await this.deps.jobs.enqueueMany([...jobs.values()], this.deps.now())).created;
  }

  /** A channel was just linked: post the cards of the periods open in its units now. */
  async enqueueForChannel(conversationId: string, linkedUnits: readonly string[]): Promise<number> {
    const { units, plans, periods } = await this.deps.catalog.current();
    const scope = unitsUnder(units, linkedUnits);
    const years = new Map(plans.map((plan) => [plan.key, plan.year]));
    const jobs = new Map<string, NewJob>();
    for (const period of periods.filter((candidate) => candidate.state === 'open' && scope.has(candidate.unit))) {
      const job = summaryJob(conversationId, { code: period.code, year: years.get(period.plan) ?? 0 }, 'post', this.deps.now());
      jobs.set(job.id, job);
    }
    return (await this.deps.jobs.enqueueMany([...jobs.values()], this.deps.now())).created;
  }

  /** An answer was saved: schedule the in-place update for the end of the current time slot. */
  async noteAnswer(period: Period): Promise<void> {
    this.deps.rollups.poke();
    const channels = await this.channelsCovering([period.unit]);
    if (channels.length === 0) return;
    const plan = (await this.deps.catalog.current()).plans.find((candidate) => candidate.key === period.plan);
    const ref = { code: period.code, year: plan?.year ?? 0 };
    const now = this.deps.now();
    const slot = Math.floor(now.getTime() / this.deps.updateIntervalMs);
    const runAt = new Date((slot + 1) * this.deps.updateIntervalMs);
    await this.deps.jobs.enqueueMany(
      channels.map((conversationId) => ({
        ...summaryJob(conversationId, ref, 'update', runAt),
        id: jobIds.summaryUpdate(conversationId, ref, slot),
      })),
      now,
    );
  }
}

export function summaryJob(conversationId: string, ref: SummaryPeriodRef, mode: SummaryMode, runAt: Date): NewJob {
  return {
    id: jobIds.summary(mode, conversationId, ref),
    kind: 'summary',
    batch: jobBatches.summary(ref),
    payload: { conversation: conversationId, code: ref.code, year: String(ref.year), mode },
    runAt,
  };
}

function sameCode(a: string, b: string): boolean {
  return a.toLocaleUpperCase('sv-SE') === b.toLocaleUpperCase('sv-SE');
}

function rank(period: Period): number {
  return period.state === 'open' ? 2 : period.state === 'closed' ? 1 : 0;
}
