import type { Logger } from '../logger';
import type { SendPacer } from './pacer';

/** Where slots are won: SendSlotRepository, or anything that decides each slot for exactly one caller. */
export interface SlotStore {
  claim(slots: readonly number[], owner: string, startOf: (slot: number) => number): Promise<number[]>;
  forgetMinute(minute: number): Promise<void>;
}

export interface SharedPacerDeps {
  slots: SlotStore;
  /** Identifies this instance on the slots it wins. */
  owner: string;
  /** The pace of all instances together (SEND_RATE_PER_SECOND): every instance must be given the same. */
  ratePerSecond: number;
  logger: Logger;
  /** Wall-clock milliseconds: slots are instants every instance agrees on, so not a monotonic clock. */
  wallMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Paces sends across every instance on one database at `ratePerSecond` together: time is cut into
 * slots 1000/rate ms apart, and a send waits for a slot this instance won (SendSlotRepository). Slots
 * are claimed a few at a time a little ahead of need, so the claim's round trip is not lost from the
 * pace; instances that want the same slots get each slot once, the losers the next ones. Without a
 * second instance it paces like Pacer. A slot whose instant has passed by more than one interval is
 * not used (sending late would put two slots' sends close together); a slot won and not used is lost.
 */
export class SharedPacer implements SendPacer {
  private readonly intervalMs: number;
  /** Slots claimed per round trip: about 200 ms of sends. */
  private readonly block: number;
  private readonly wallMs: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Slots won and not yet handed out, ascending. */
  private won: number[] = [];
  /** The first slot not yet tried. */
  private cursor = 0;
  private claiming: Promise<void> | null = null;
  /** How far ahead of now to claim, so that a slot is still ahead when the claim comes back. */
  private leadMs = 100;
  private pausedUntilMs = 0;
  /** Minutes this instance won slots in, to forget once they are long past. */
  private readonly minutes = new Set<number>();

  constructor(private readonly deps: SharedPacerDeps) {
    this.intervalMs = 1000 / deps.ratePerSecond;
    this.block = Math.max(1, Math.round(deps.ratePerSecond / 5));
    this.wallMs = deps.wallMs ?? (() => Date.now());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Waits for this caller's slot and returns its instant (wall-clock ms). Throws when no slot can be
   * claimed (the database is down): then nothing is sent.
   */
  async acquire(): Promise<number> {
    for (;;) {
      this.dropPassed();
      const slot = this.won.shift();
      // The next slots are claimed while this one is waited for.
      if (this.won.length < this.block) void this.claimAhead().catch(() => undefined);
      if (slot === undefined) {
        await this.claimAhead();
        continue;
      }
      const wait = this.startOf(slot) - this.wallMs();
      if (wait > 0) await this.sleep(wait);
      // Woken too late (a busy event loop): this slot's instant is gone, take the next one.
      if (this.wallMs() - this.startOf(slot) <= this.intervalMs) return this.startOf(slot);
    }
  }

  /** After a 429: this instance sends nothing until the connector's Retry-After has passed. */
  pauseFor(ms: number): void {
    this.pausedUntilMs = Math.max(this.pausedUntilMs, this.wallMs() + ms);
  }

  private readonly startOf = (slot: number): number => slot * this.intervalMs;

  private dropPassed(): void {
    const earliest = Math.max(this.wallMs() - this.intervalMs, this.pausedUntilMs);
    while (this.won.length > 0 && this.startOf(this.won[0]!) < earliest) this.won.shift();
  }

  private claimAhead(): Promise<void> {
    return (this.claiming ??= this.claimBlock().finally(() => {
      this.claiming = null;
    }));
  }

  private async claimBlock(): Promise<void> {
    const started = this.wallMs();
    const first = Math.max(this.cursor, Math.ceil(Math.max(started + this.leadMs, this.pausedUntilMs) / this.intervalMs));
    const slots = Array.from({ length: this.block }, (_, index) => first + index);
    this.cursor = first + this.block;
    const won = await this.deps.slots.claim(slots, this.deps.owner, this.startOf);
    const tookMs = this.wallMs() - started;
    this.leadMs = Math.min(1_000, Math.max(20, 2 * tookMs));
    this.won.push(...won);
    for (const slot of won) this.minutes.add(Math.floor(this.startOf(slot) / 60_000));
    this.forgetPastMinutes();
  }

  /** Slots two minutes old can never be claimed again (claims start after now), so they are deleted. */
  private forgetPastMinutes(): void {
    const current = Math.floor(this.wallMs() / 60_000);
    for (const minute of this.minutes) {
      if (minute >= current - 1) continue;
      this.minutes.delete(minute);
      this.deps.slots
        .forgetMinute(minute)
        .catch((error: unknown) => this.deps.logger.warn({ err: error, minute }, 'could not forget past send slots'));
    }
  }
}
