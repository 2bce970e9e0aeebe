/** What the job runner paces its sends with: Pacer within one instance, SharedPacer across instances. */
export interface SendPacer {
  /** Resolves when the caller may send (with what the pacer tells about the slot, if anything). */
  acquire(): Promise<unknown>;
  /** After a 429: nobody sends until the connector's Retry-After has passed. */
  pauseFor(ms: number): void;
}

/**
 * Spaces sends evenly at `ratePerSecond` across all concurrent workers of this process, so that the
 * fan-out stays under Teams' per-tenant limit instead of provoking 429s. Uses real (monotonic)
 * time: it paces actual network sends, not the scheduler's logical clock.
 */
export class Pacer implements SendPacer {
  private nextSlotMs = 0;
  private readonly intervalMs: number;

  constructor(
    ratePerSecond: number,
    private readonly monotonicMs: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.intervalMs = 1000 / ratePerSecond;
  }

  /** Waits for this caller's slot. Slots are handed out in call order. */
  async acquire(): Promise<void> {
    const now = this.monotonicMs();
    const slot = Math.max(now, this.nextSlotMs);
    this.nextSlotMs = slot + this.intervalMs;
    if (slot > now) await this.sleep(slot - now);
  }

  /** After a 429: nobody sends until the connector's Retry-After has passed. */
  pauseFor(ms: number): void {
    this.nextSlotMs = Math.max(this.nextSlotMs, this.monotonicMs() + ms);
  }
}
