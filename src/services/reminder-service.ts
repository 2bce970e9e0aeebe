import { summarizePeriod } from '../domain/aggregation';
import type { InboxRef } from '../domain/inbox';
import { jobBatches, jobIds, manualReminderSlot, scheduledReminderSlot } from '../domain/job-ids';
import type { Period } from '../domain/plan';
import { dueSlot, isAfterDeadline, reminderSlots } from '../domain/reminder-schedule';
import { isSwedishHoliday } from '../domain/swedish-holidays';
import { unitSubtree } from '../domain/owner-work';
import type { Claims } from '../store/claims';
import type { JobRepository, NewJob } from '../store/job-repository';
import type { PeopleRepository } from '../store/people-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { ResponseRepository } from '../store/response-repository';
import type { PlanCache } from './plan-cache';

export interface ReminderDeps {
  plans: PlanRepository;
  responses: ResponseRepository;
  jobs: JobRepository;
  claims: Claims;
  people: PeopleRepository;
  cache: PlanCache;
  now: () => Date;
  timezone: string;
  /** Working days before the deadline; 0 is the deadline's morning. */
  daysBefore: readonly number[];
  coordinators: readonly string[];
  /** Asks the scheduler to send due jobs now (after a manual `påminn`). */
  kick?: () => void;
}

/** Someone with something unanswered, as a `påminn` confirmation lists them. */
export interface Recipient {
  email: string;
  /** Their name where known, else the e-mail. */
  name: string;
  /** Seen in Teams with the app installed: a reminder can reach them. */
  reachable: boolean;
}

export interface ManualPreview {
  periods: Period[];
  /** Owners with something missing, per period id. */
  missing: Map<string, string[]>;
  /** Each of them once, sorted by e-mail. */
  recipients: Recipient[];
}

export interface ReminderTickReport {
  /** `<period id>/<slot>` for every slot that was enqueued in this tick. */
  slots: string[];
  reminders: number;
  missingReports: number;
}

/**
 * Reminders on a schedule relative to each open period's deadline, only on working days in office
 * hours (Europe/Stockholm, Swedish holidays off), and only to owners with something missing. A slot
 * is evaluated once (a claim, after its jobs are enqueued); the job ids make a repeat harmless, so
 * several instances never send the same reminder twice. One reminder per owner, inbox (code and
 * year) and slot: an owner with goals in several plans whose deadline is the same gets one message.
 */
export class ReminderService {
  constructor(private readonly deps: ReminderDeps) {}

  async tick(now: Date): Promise<ReminderTickReport> {
    const report: ReminderTickReport = { slots: [], reminders: 0, missingReports: 0 };
    const open = (await this.deps.plans.listPeriods()).filter((period) => period.state === 'open');
    const afterDeadline = new Map<string, Period>();
    for (const period of open) {
      const slot = dueSlot(now, this.deps.timezone, reminderSlots(period.deadline, this.deps.daysBefore, isSwedishHoliday));
      if (slot) {
        const key = `reminder-slot:${period.id}:${slot.id}`;
        if (!(await this.deps.claims.holder(key))) {
          report.reminders += await this.enqueueReminders(period, scheduledReminderSlot(period.deadline, slot.id), now);
          await this.deps.claims.claim(key, 'scheduler', now);
          report.slots.push(`${period.id}/${slot.id}`);
        }
      }
      if (isAfterDeadline(now, this.deps.timezone, period.deadline, isSwedishHoliday))
        afterDeadline.set(`${period.code}|${period.deadline}`, period);
    }
    for (const period of afterDeadline.values()) report.missingReports += await this.enqueueMissingReports(period, now);
    return report;
  }

  /** Owners of the period with at least one thing unanswered. */
  async missingOwners(period: Period): Promise<string[]> {
    const [units, plan, content, responses] = await Promise.all([
      this.deps.plans.listUnits(),
      this.deps.plans.findPlan(period.plan),
      this.deps.cache.get(period.plan),
      this.deps.responses.listForSummary([period.id]),
    ]);
    if (!plan) return [];
    const summary = summarizePeriod({
      units,
      linkedUnits: [...new Set(content.goals.map((goal) => goal.unit))],
      plans: [plan],
      goals: content.goals,
      indicators: content.indicators,
      periodCode: period.code,
      ...responses,
      redLimit: 0,
    });
    return summary.missingOwners;
  }

  /** The open periods (in the unit's subtree, if given), who is missing something in each, and whether a reminder can reach them. */
  async previewManual(unitKey: string | null): Promise<ManualPreview | null> {
    const all = await this.deps.plans.listPeriods();
    const scope = unitKey ? unitSubtree(await this.deps.plans.listUnits(), unitKey) : null;
    const periods = all.filter((period) => period.state === 'open' && (!scope || scope.has(period.unit)));
    if (periods.length === 0) return null;
    const missing = new Map<string, string[]>();
    for (const period of periods) missing.set(period.id, await this.missingOwners(period));
    const emails = [...new Set([...missing.values()].flat())].sort();
    const people = new Map((await this.deps.people.findByEmails(emails)).map((person) => [person.email, person]));
    const recipients = emails.map((email) => {
      const person = people.get(email);
      return { email, name: person?.name ?? email, reachable: Boolean(person?.reachable && person.aadObjectId) };
    });
    return { periods, missing, recipients };
  }

  /**
   * `påminn` confirmed: reminders to everyone still missing something in the open periods (in the
   * unit's subtree, if given) who can be reached, counted again now and sent at once; one per
   * person and inbox. `issued` makes a double click enqueue the same jobs, so it answers the same.
   * Null when no period is open.
   */
  async sendManualNow(unitKey: string | null, issued: string): Promise<{ reminded: Recipient[]; unreachable: Recipient[] } | null> {
    const preview = await this.previewManual(unitKey);
    if (!preview) return null;
    const reachable = new Set(preview.recipients.filter((recipient) => recipient.reachable).map((recipient) => recipient.email));
    const now = this.deps.now();
    const jobs = new Map<string, NewJob>();
    for (const period of preview.periods) {
      const owners = (preview.missing.get(period.id) ?? []).filter((email) => reachable.has(email));
      for (const job of this.reminderJobs(period, await this.refOf(period), manualReminderSlot(issued), owners, now))
        if (!jobs.has(job.id)) jobs.set(job.id, job);
    }
    await this.deps.jobs.enqueueMany([...jobs.values()], now);
    this.deps.kick?.();
    return {
      reminded: preview.recipients.filter((recipient) => recipient.reachable),
      unreachable: preview.recipients.filter((recipient) => !recipient.reachable),
    };
  }

  private async enqueueReminders(period: Period, slot: string, now: Date): Promise<number> {
    const owners = await this.missingOwners(period);
    return (await this.deps.jobs.enqueueMany(this.reminderJobs(period, await this.refOf(period), slot, owners, now), now)).created;
  }

  /** Keyed by inbox, not period: the same owner missing something in two plans' periods gets one reminder. */
  private reminderJobs(period: Period, ref: InboxRef, slot: string, owners: readonly string[], now: Date): NewJob[] {
    return owners.map((email) => ({
      id: jobIds.reminder(ref, slot, email),
      kind: 'reminder',
      batch: jobBatches.reminder(ref, slot),
      payload: { type: 'reminder', period: period.id, email, slot },
      runAt: now,
    }));
  }

  private async refOf(period: Period): Promise<InboxRef> {
    return { code: period.code, year: (await this.deps.plans.findPlan(period.plan))?.year ?? 0 };
  }

  /** After the deadline each coordinator gets the list of missing answers, once per period code and deadline. */
  /** Each unit manager gets their unit's list, for the periods of this code and deadline in the unit's subtree. */
  private async managerReports(period: Period, batch: string, now: Date): Promise<NewJob[]> {
    const units = await this.deps.plans.listUnits();
    const periods = (await this.deps.plans.listPeriods()).filter((p) => p.code === period.code && p.deadline === period.deadline);
    const jobs: NewJob[] = [];
    for (const unit of units) {
      if (!unit.manager) continue;
      const scope = unitSubtree(units, unit.key);
      if (!periods.some((p) => scope.has(p.unit))) continue;
      jobs.push({
        id: jobIds.managerReport(period.code, period.deadline, unit.key, unit.manager),
        kind: 'reminder',
        batch,
        payload: { type: 'missing-report', code: period.code, deadline: period.deadline, email: unit.manager, unit: unit.key },
        runAt: now,
      });
    }
    return jobs;
  }

  private async enqueueMissingReports(period: Period, now: Date): Promise<number> {
    // The batch's key doubles as the claim that this list went out.
    const key = jobBatches.missingReport(period.code, period.deadline);
    if (await this.deps.claims.holder(key)) return 0;
    const jobs: NewJob[] = this.deps.coordinators.map((email) => ({
      id: jobIds.missingReport(period.code, period.deadline, email),
      kind: 'reminder',
      batch: key,
      payload: { type: 'missing-report', code: period.code, deadline: period.deadline, email },
      runAt: now,
    }));
    jobs.push(...(await this.managerReports(period, key, now)));
    const created = (await this.deps.jobs.enqueueMany(jobs, now)).created;
    await this.deps.claims.claim(key, 'scheduler', now);
    return created;
  }
}
