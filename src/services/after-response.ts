import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<true>();

/** True inside work that runs after a response (what its database calls are counted as, in tests). */
export function isAfterResponse(): boolean {
  return scope.getStore() === true;
}

/**
 * Work the person does not wait for (scheduling the channel summaries after a save): started once
 * the current turn has answered, never failing the turn, and awaited before the job runner drains
 * and before the process stops, so that nothing it enqueues is left behind by a clean shutdown.
 */
export class AfterResponse {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  run(task: () => Promise<void>): void {
    const done = new Promise<void>((resolve) => {
      setImmediate(() => {
        scope.run(true, () => {
          task()
            .catch(this.onError)
            .finally(() => resolve());
        });
      });
    });
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  /** Resolves when every task started so far (and any they started) has ended. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
