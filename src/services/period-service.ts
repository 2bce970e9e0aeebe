import type { Period } from '../domain/plan';
import { calendarDate } from '../domain/time';
import type { Claims } from '../store/claims';
import type { Person } from '../store/people-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { CollectService, OpenPreview } from './collect-service';
import type { ReminderService } from './reminder-service';
import type { SummaryService } from './summary-service';

export interface PeriodServiceDeps {
  collect: CollectService;
  reminders: ReminderService;
  summaries: SummaryService;
  plans: PlanRepository;
  claims: Claims;
  /** Asks the scheduler to work through due jobs now (the prompts of an opened period). */
  kick: () => void;
  now: () => Date;
  timezone: string;
}

/** What closing would do, for the coordinator's confirmation. */
export interface ClosePreview {
  periods: Period[];
  label: string;
  units: string[];
  /** Owners who have not answered everything they owe. */
  missing: number;
  /** Linked channels that will get a final summary. */
  channels: number;
}

export interface ReopenPreview {
  periods: Period[];
  label: string;
  owners: number;
  /** The plan's closing date: a reopened period closes again after it. */
  closes: string;
  /** The closing date has passed: the scheduler would close it again at once. */
  tooLate: boolean;
}

/** A coordinator's period commands: opening (once confirmed), closing (once confirmed) and reopening. */
export class PeriodService {
  constructor(private readonly deps: PeriodServiceDeps) {}

  previewOpen(code: string, unitKey: string | null): Promise<OpenPreview | null> {
    return this.deps.collect.previewOpen(code, unitKey);
  }

  /**
   * Opens the periods, enqueues one prompt per owner and starts sending. The first coordinator to
   * open a period is the one told when its cards have gone out (a claim per period).
   */
  async open(by: Person, code: string, unitKey: string | null): Promise<{ periods: Period[]; opened: number; enqueued: number }> {
    const periods = await this.deps.collect.periodsFor(code, unitKey, ['draft', 'open']);
    const result = await this.deps.collect.openPeriods(periods);
    for (const period of periods) await this.deps.claims.claim(`opened-by:${period.id}`, by.email, this.deps.now());
    this.deps.kick();
    return { periods, ...result };
  }

  async previewClose(code: string, unitKey: string | null): Promise<ClosePreview | null> {
    const periods = await this.deps.collect.periodsFor(code, unitKey, ['draft', 'open']);
    if (periods.length === 0) return null;
    const missing = new Set<string>();
    for (const period of periods.filter((p) => p.state === 'open')) for (const owner of await this.deps.reminders.missingOwners(period)) missing.add(owner);
    const channels = await this.deps.summaries.channelsCovering(periods.map((period) => period.unit));
    return { periods, label: periods[0]!.label, units: await this.unitNames(periods), missing: missing.size, channels: channels.length };
  }

  /** Locks the answers; the final summaries follow (the collect service's `closed` event). */
  async close(code: string, unitKey: string | null): Promise<{ closed: Period[]; units: string[]; channels: number }> {
    const closed = await this.deps.collect.closePeriods(code, unitKey);
    const channels = closed.length > 0 ? await this.deps.summaries.channelsCovering(closed.map((period) => period.unit)) : [];
    if (closed.length > 0) this.deps.kick();
    return { closed, units: await this.unitNames(closed), channels: channels.length };
  }

  async previewReopen(code: string, unitKey: string | null): Promise<ReopenPreview | null> {
    const periods = await this.deps.collect.periodsFor(code, unitKey, ['closed']);
    if (periods.length === 0) return null;
    const today = calendarDate(this.deps.now(), this.deps.timezone);
    const open = periods.filter((period) => period.closes >= today);
    const closes = [...periods].sort((a, b) => (a.closes < b.closes ? -1 : 1))[0]!.closes;
    return { periods: open, label: periods[0]!.label, owners: await this.deps.collect.ownerCount(open), closes, tooLate: open.length === 0 };
  }

  /** Opens closed periods again (before their closing date); owners get a fresh card, summaries follow. */
  async reopen(code: string, unitKey: string | null, issued: string): Promise<{ reopened: Period[]; enqueued: number }> {
    const preview = await this.previewReopen(code, unitKey);
    if (!preview || preview.tooLate) return { reopened: [], enqueued: 0 };
    const result = await this.deps.collect.reopenPeriods(preview.periods, issued);
    this.deps.kick();
    return result;
  }

  private async unitNames(periods: readonly Period[]): Promise<string[]> {
    const units = await this.deps.plans.listUnits();
    return [...new Set(periods.map((period) => units.find((unit) => unit.key === period.unit)?.name ?? period.unit))];
  }
}
