import type { Period } from '../domain/plan';
import type { Opening, OpeningRepository } from '../store/opening-repository';
import type { CollectService, OpenPreview } from './collect-service';
import type { Person } from '../store/people-repository';

export interface PeriodServiceDeps {
  collect: CollectService;
  openings: OpeningRepository;
  /** Asks the scheduler to work through due jobs now (the prompts of an opened period). */
  kick: () => void;
  now: () => Date;
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

/** A coordinator's period commands: what opening would send, opening (once confirmed) and closing. */
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

  close(code: string, unitKey: string | null): Promise<Period[]> {
    return this.deps.collect.closePeriods(code, unitKey);
  }
}
