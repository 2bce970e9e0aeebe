import { createLogger } from '../../src/logger';
import { SharedPacer } from '../../src/services/shared-pacer';
import { SendSlotRepository } from '../../src/store/send-slot-repository';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();

/** A wall clock that stands still unless a test moves it; sleeping records the wait and returns at once. */
function standingClock(startMs: number) {
  let nowMs = startMs;
  return { wallMs: () => nowMs, sleep: async () => undefined, set: (ms: number) => (nowMs = ms) };
}

/** The most instants within any one second. */
function busiestSecond(instants: readonly number[]): number {
  const sorted = [...instants].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= 1000) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe(SharedPacer.name, () => {
  const logger = createLogger('silent');

  test('when two instances on one database each ask for 90 sends at once, then every slot goes to one send and no second holds more than the rate', async () => {
    // Each instance has its own repository (its own view of the database), like two processes.
    const clock = standingClock(Date.parse('2031-01-01T08:00:00Z'));
    const pacers = ['instance-a', 'instance-b'].map(
      (owner) =>
        new SharedPacer({
          slots: new SendSlotRepository(database().db),
          owner,
          ratePerSecond: 45,
          logger,
          wallMs: clock.wallMs,
          sleep: clock.sleep,
        }),
    );

    const [a, b] = await Promise.all(pacers.map((pacer) => Promise.all(Array.from({ length: 90 }, () => pacer.acquire()))));

    const instants = [...a!, ...b!];
    expect(new Set(instants).size).toBe(180);
    expect(busiestSecond(instants)).toBeLessThanOrEqual(45);
    // Every slot handed out is recorded as won by the instance that used it.
    const interval = 1000 / 45;
    const holders = await new SendSlotRepository(database().db).holders(instants.map((at) => Math.round(at / interval)));
    expect(a!.every((at) => holders.get(Math.round(at / interval)) === 'instance-a')).toBe(true);
    expect(b!.every((at) => holders.get(Math.round(at / interval)) === 'instance-b')).toBe(true);
  });

  test('when the clock has moved past slots an instance won, then those are not used and later ones are claimed', async () => {
    const clock = standingClock(Date.parse('2031-02-01T08:00:00Z'));
    const pacer = new SharedPacer({
      slots: new SendSlotRepository(database().db),
      owner: 'instance-a',
      ratePerSecond: 10,
      logger,
      wallMs: clock.wallMs,
      sleep: clock.sleep,
    });
    const first = await pacer.acquire();

    clock.set(first + 5_000);
    const later = await pacer.acquire();

    expect(later).toBeGreaterThanOrEqual(first + 5_000);
  });

  test('when a 429 pauses the instance, then its next slot is after the pause', async () => {
    const clock = standingClock(Date.parse('2031-03-01T08:00:00Z'));
    const pacer = new SharedPacer({
      slots: new SendSlotRepository(database().db),
      owner: 'instance-a',
      ratePerSecond: 10,
      logger,
      wallMs: clock.wallMs,
      sleep: clock.sleep,
    });
    await pacer.acquire();

    pacer.pauseFor(3_000);

    expect(await pacer.acquire()).toBeGreaterThanOrEqual(clock.wallMs() + 3_000);
  });
});
