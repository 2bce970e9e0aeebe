import { groupByInbox, isInInbox, promptCover, type InboxRef } from '../domain/inbox';
import { jobBatches, jobIds, legacyPromptBatch } from '../domain/job-ids';
import { ownersInPeriod } from '../domain/owner-work';
import type { Period } from '../domain/plan';
import type { JobRepository, NewJob } from '../store/job-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { PlanCache } from './plan-cache';

/** One owner's inbox card as opening periods calls for it. */
export interface PlannedPrompt {
  ref: InboxRef;
  email: string;
  /** The plans the card covers (see promptCover); with ref and email, the card's job id. */
  cover: string;
  /** One of the inbox's periods where the owner has work: the job's payload (the card shows them all). */
  period: string;
  /** Every period the card covers (ids). */
  periods: string[];
}

export interface InboxPromptsDeps {
  plans: PlanRepository;
  jobs: JobRepository;
  cache: PlanCache;
  now: () => Date;
}

/**
 * Which inbox cards go out, and under which job ids: one card per owner and inbox (a period code of
 * a year, across plans). The id names the plans the card covers, so the same card is never sent
 * twice (a re-open, a double click, a second `öppna` for a unit where the owner has nothing), while
 * an owner with work in a unit opened later gets one fresh card that covers everything.
 */
export class InboxPrompts {
  constructor(private readonly deps: InboxPromptsDeps) {}

  /** The cards that opening `opening` calls for: one per owner of those periods and inbox, covering every open (or opening) period of the inbox where they have work. */
  async plan(opening: readonly Period[]): Promise<PlannedPrompt[]> {
    if (opening.length === 0) return [];
    const { periods, years } = await this.periodsAndYears();
    const ids = new Set(opening.map((period) => period.id));
    const planned: PlannedPrompt[] = [];
    for (const group of groupByInbox(opening, years)) {
      const open = periods.filter((period) => isInInbox(period, group.ref, years) && (period.state === 'open' || ids.has(period.id)));
      const ownersOf = await this.ownersOf(open);
      const owners = new Set(group.periods.flatMap((period) => [...(ownersOf.get(period.id) ?? [])]));
      for (const email of [...owners].sort()) {
        const covered = open.filter((period) => ownersOf.get(period.id)?.has(email));
        if (covered.length > 0)
          planned.push({
            ref: group.ref,
            email,
            cover: promptCover(covered.map((period) => period.plan)),
            period: covered[0]!.id,
            periods: covered.map((period) => period.id),
          });
      }
    }
    return planned;
  }

  /** Enqueues the planned cards; those enqueued before (any state, or per period before issue 12) are left alone. Returns how many are new. */
  async enqueue(planned: readonly PlannedPrompt[], now: Date): Promise<number> {
    const before = await this.sentPerPeriod(planned);
    const jobs = planned
      .filter((prompt) => !before.has(prompt))
      .map((prompt): NewJob => ({
        id: idOf(prompt),
        kind: 'prompt',
        batch: jobBatches.prompt(prompt.ref),
        payload: { period: prompt.period, email: prompt.email },
        runAt: now,
      }));
    return (await this.deps.jobs.enqueueMany(jobs, now)).created;
  }

  /** The planned cards that exist already (sent, on their way, or failed), by job id. */
  async existing(planned: readonly PlannedPrompt[]): Promise<Set<string>> {
    const [found, before] = await Promise.all([this.deps.jobs.existingIds(planned.map(idOf)), this.sentPerPeriod(planned)]);
    for (const prompt of before) found.add(idOf(prompt));
    return found;
  }

  /**
   * Planned cards whose every period the owner had a per-period card for, sent before cards were
   * per inbox (their ids had another shape): they are not sent again. Looked up only for periods
   * whose old fan-out batch holds any job, which after a while is none.
   */
  private async sentPerPeriod(planned: readonly PlannedPrompt[]): Promise<Set<PlannedPrompt>> {
    const periods = [...new Set(planned.flatMap((prompt) => prompt.periods))];
    const old = await this.deps.jobs.nonEmptyBatches(periods.map(legacyPromptBatch));
    if (old.size === 0) return new Set();
    const candidates = planned.filter((prompt) => prompt.periods.every((id) => old.has(legacyPromptBatch(id))));
    const found = await this.deps.jobs.existingIds(
      candidates.flatMap((prompt) => prompt.periods.flatMap((id) => jobIds.legacyPrompts(id, prompt.email))),
    );
    return new Set(
      candidates.filter((prompt) =>
        prompt.periods.every((id) => jobIds.legacyPrompts(id, prompt.email).some((legacy) => found.has(legacy))),
      ),
    );
  }

  /**
   * Someone installed the app while periods are open: the inbox cards they missed (their card failed
   * as "not installed", or they were added to the plan after the period opened), one per inbox.
   * A delivered card is not repeated, one on its way is not doubled (concurrent install events
   * compute the same job id), and one that failed is tried again under the next id of its chain.
   * `due`: inboxes whose card is on its way after this call.
   */
  async afterInstall(email: string): Promise<{ due: number; created: number }> {
    const now = this.deps.now();
    const { periods, years } = await this.periodsAndYears();
    const jobs: NewJob[] = [];
    let due = 0;
    for (const group of groupByInbox(
      periods.filter((period) => period.state === 'open'),
      years,
    )) {
      const ownersOf = await this.ownersOf(group.periods);
      const covered = group.periods.filter((period) => ownersOf.get(period.id)?.has(email));
      if (covered.length === 0) continue;
      const cover = promptCover(covered.map((period) => period.plan));
      const next = await this.nextAfterInstall(group.ref, email, cover, covered);
      if (next === 'delivered') continue;
      due += 1;
      // Its own batch; the opener's report reads it too, so a card that arrived late counts as arrived.
      if (next !== 'on-its-way')
        jobs.push({
          id: next,
          kind: 'prompt',
          batch: jobBatches.latePrompt(group.ref),
          payload: { period: covered[0]!.id, email },
          runAt: now,
        });
    }
    const created = jobs.length > 0 ? (await this.deps.jobs.enqueueMany(jobs, now)).created : 0;
    return { due, created };
  }

  /** The fan-out's card, then prompt-late:…, :2, :3 …: delivered, on its way, or the id to try next. */
  private async nextAfterInstall(
    ref: InboxRef,
    email: string,
    cover: string,
    covered: readonly Period[],
  ): Promise<'delivered' | 'on-its-way' | string> {
    const late = [1, 2, 3, 4, 5].map((round) => jobIds.latePrompt(ref, email, cover, round));
    const chain = [jobIds.prompt(ref, email, cover), ...late];
    for (const id of chain) {
      const job = await this.deps.jobs.find(id);
      if (!job && id === chain[0]) return (await this.deliveredPerPeriod(email, covered)) ? 'delivered' : late[0]!;
      if (!job) return id;
      if (job.state === 'done') return 'delivered';
      if (job.state !== 'failed') return 'on-its-way';
    }
    return 'delivered'; // Five failed attempts: stop; `status` still shows the card on request.
  }

  /** Whether each of these periods' cards reached the owner before cards were per inbox. */
  private async deliveredPerPeriod(email: string, periods: readonly Period[]): Promise<boolean> {
    for (const period of periods) {
      const jobs = await Promise.all(jobIds.legacyPrompts(period.id, email).map((id) => this.deps.jobs.find(id)));
      if (!jobs.some((job) => job?.state === 'done')) return false;
    }
    return periods.length > 0;
  }

  private async periodsAndYears(): Promise<{ periods: Period[]; years: Map<string, number> }> {
    const [periods, plans] = await Promise.all([this.deps.plans.listPeriods(), this.deps.plans.listPlans()]);
    return { periods, years: new Map(plans.map((plan) => [plan.key, plan.year])) };
  }

  /** Who has something to answer in each period (by period id). */
  private async ownersOf(periods: readonly Period[]): Promise<Map<string, Set<string>>> {
    const contents = await this.deps.cache.getMany(periods.map((period) => period.plan));
    const owners = new Map<string, Set<string>>();
    for (const period of periods) {
      const content = contents.get(period.plan);
      owners.set(period.id, content ? ownersInPeriod(content.goals, content.indicators, period.code) : new Set());
    }
    return owners;
  }
}

function idOf(prompt: PlannedPrompt): string {
  return jobIds.prompt(prompt.ref, prompt.email, prompt.cover);
}
