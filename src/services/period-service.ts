import type { Period } from '../domain/plan';
import type { Claims } from '../store/claims';
import type { CollectService, OpenPreview } from './collect-service';
import type { Person } from '../store/people-repository';

export interface PeriodServiceDeps {
  collect: CollectService;
  claims: Claims;
  /** Asks the scheduler to work through due jobs now (the prompts of an opened period). */
  kick: () => void;
  now: () => Date;
}

/** A coordinator's period commands: what opening would send, opening (once confirmed) and closing. */
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

  close(code: string, unitKey: string | null): Promise<Period[]> {
    return this.deps.collect.closePeriods(code, unitKey);
  }
}
