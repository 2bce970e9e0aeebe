import { Pacer } from './pacer';

/** A monotonic clock that only moves when the pacer sleeps or the test advances it. */
function fakeTime(startMs = 10_000) {
  let nowMs = startMs;
  const sleeps: number[] = [];
  return {
    now: () => nowMs,
    advance: (ms: number) => {
      nowMs += ms;
    },
    sleeps,
    /** Records the wait without advancing, so concurrent callers all start from the same instant. */
    recordSleep: async (ms: number) => {
      sleeps.push(ms);
    },
    /** Advances the clock by the wait, as a real sleep would for one sequential caller. */
    realSleep: async (ms: number) => {
      sleeps.push(ms);
      nowMs += ms;
    },
  };
}

describe(Pacer.name, () => {
  test('when several callers acquire at the same instant, then their slots are 1000/rate ms apart in call order', async () => {
    const time = fakeTime();
    const pacer = new Pacer(4, time.now, time.recordSleep);

    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire(), pacer.acquire()]);

    // The first slot is immediate (no sleep); the others wait 250, 500 and 750 ms.
    expect(time.sleeps).toEqual([250, 500, 750]);
  });

  test('when one caller sends in a loop, then each send waits one interval after the previous', async () => {
    const time = fakeTime();
    const pacer = new Pacer(5, time.now, time.realSleep);
    const sentAt: number[] = [];

    for (let i = 0; i < 4; i += 1) {
      await pacer.acquire();
      sentAt.push(time.now());
    }

    expect(sentAt).toEqual([10_000, 10_200, 10_400, 10_600]);
  });

  test('when callers arrive more slowly than the rate, then nobody waits', async () => {
    const time = fakeTime();
    const pacer = new Pacer(2, time.now, time.recordSleep);

    await pacer.acquire();
    time.advance(600);
    await pacer.acquire();
    time.advance(500);
    await pacer.acquire();

    expect(time.sleeps).toEqual([]);
  });

  test('when a caller arrives part way through an interval, then it waits only for the rest of it', async () => {
    const time = fakeTime();
    const pacer = new Pacer(1, time.now, time.recordSleep);

    await pacer.acquire();
    time.advance(300);
    await pacer.acquire();

    expect(time.sleeps).toEqual([700]);
  });

  test('when the rate is fractional, then the interval is not rounded', async () => {
    const time = fakeTime();
    const pacer = new Pacer(3, time.now, time.recordSleep);

    await Promise.all([pacer.acquire(), pacer.acquire()]);

    expect(time.sleeps).toHaveLength(1);
    expect(time.sleeps[0]).toBeCloseTo(1000 / 3, 9);
  });

  test('when pauseFor is called, then the next slot starts after the pause and later slots follow at the rate', async () => {
    const time = fakeTime();
    const pacer = new Pacer(10, time.now, time.recordSleep);

    await pacer.acquire();
    pacer.pauseFor(2_000);
    await Promise.all([pacer.acquire(), pacer.acquire()]);

    expect(time.sleeps).toEqual([2_000, 2_100]);
  });

  test('when a pause is shorter than the queue already waiting, then it does not pull slots forward', async () => {
    const time = fakeTime();
    const pacer = new Pacer(1, time.now, time.recordSleep);

    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    pacer.pauseFor(500);
    await pacer.acquire();

    // Slots at 0, 1000 and 2000 are taken, so the next is 3000 whatever the short pause says.
    expect(time.sleeps).toEqual([1_000, 2_000, 3_000]);
  });

  test('when a pause has already passed, then the next caller goes at once', async () => {
    const time = fakeTime();
    const pacer = new Pacer(1, time.now, time.recordSleep);

    pacer.pauseFor(1_500);
    time.advance(1_500);
    await pacer.acquire();

    expect(time.sleeps).toEqual([]);
  });

  test('when no clock is injected, then the real clock and timer pace the callers', async () => {
    const pacer = new Pacer(50);
    const started = performance.now();

    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);

    // Two intervals of 20 ms; timers may fire a little late but never early by more than a tick.
    expect(performance.now() - started).toBeGreaterThanOrEqual(38);
  });
});
