import type { Period } from '../domain/plan';
import { calendarDate } from '../domain/time';
import type { Opening, OpeningRepository } from '../store/opening-repository';
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
  openings: OpeningRepository;
  /** Asks the scheduler to work through due jobs now (the prompts of an opened period). */
  kick: () => void;
  now: () => Date;
  timezone: string;
}

/** A confirmation card's "Skicka": which command it confirms and what it showed. */
export interface OpenRequest {
  code: string;
  unit: string | null;
  /** When the confirmation was shown: with code and unit, it names the confirmation. */
  issued: string;
  /** How many the card said would get a card now. */
  shown: number;
}

/** The one record of a confirmation: a double click or a forwarded card finds it. */
export function openingKey(request: Pick<OpenRequest, 'code' | 'unit' | 'issued'>): string {
  return `opening:${request.code}:${request.unit ?? '*'}:${request.issued}`;
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
   * A confirmed opening: opens the periods, enqueues the inbox cards and starts sending, once per
   * confirmation. The decision is taken by inserting the confirmation's record (its counts as they
   * are now, for the answer and the report); whoever loses that insert, a double click or another
   * instance, gets the same record back and changes nothing. `repeated`: this click was not the first.
   */
  async open(by: Person, request: OpenRequest): Promise<{ opening: Opening; repeated: boolean } | null> {
    const key = openingKey(request);
    const recorded = await this.deps.openings.find(key);
    if (recorded) return { opening: recorded, repeated: true };
    const preview = await this.deps.collect.previewOpen(request.code, request.unit);
    if (!preview) return null;
    const opening: Opening = {
      key,
      by: by.email,
      code: preview.periods[0]?.code ?? request.code,
      unit: request.unit,
      issued: request.issued,
      at: this.deps.now(),
      periods: preview.periods.map((period) => period.id),
      label: preview.periods[0]?.label ?? request.code,
      units: preview.units,
      alreadyOpen: preview.alreadyOpen,
      owners: preview.owners.length,
      toSend: preview.toSend.length,
      had: preview.had.length,
      unreachable: preview.unreachable.length,
      shown: request.shown,
      reported: false,
    };
    if (!(await this.deps.openings.insert(opening))) return { opening: (await this.deps.openings.find(key)) ?? opening, repeated: true };
    await this.deps.collect.openPeriods(preview.periods);
    this.deps.kick();
    return { opening, repeated: false };
  }

  async previewClose(code: string, unitKey: string | null): Promise<ClosePreview | null> {
    const periods = await this.deps.collect.periodsFor(code, unitKey, ['draft', 'open']);
    if (periods.length === 0) return null;
    const missing = new Set<string>();
    for (const period of periods.filter((p) => p.state === 'open'))
      for (const owner of await this.deps.reminders.missingOwners(period)) missing.add(owner);
    const channels = await this.deps.summaries.channelsCovering(periods.map((period) => period.unit));
    return { periods, label: periods[0]!.label, units: await this.unitNames(periods), missing: missing.size, channels: channels.length };
  }

  /** Locks the answers; the final summaries follow (the collect service's `closed` event). */
  async close(code: string, unitKey: string | null, by: string | null): Promise<{ closed: Period[]; units: string[]; channels: number }> {
    const closed = await this.deps.collect.closePeriods(code, unitKey, by);
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
    return {
      periods: open,
      label: periods[0]!.label,
      owners: await this.deps.collect.ownerCount(open),
      closes,
      tooLate: open.length === 0,
    };
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
