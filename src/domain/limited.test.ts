import { forEachLimited } from './limited';

describe(forEachLimited.name, () => {
  test('when 50 items are worked with a limit of 4, then every item is done once and never more than 4 run at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachLimited(
      Array.from({ length: 50 }, (_, index) => index),
      4,
      async (item) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        done.push(item);
        running -= 1;
      },
    );
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect(most).toBe(4);
  });

  test('when there is nothing to do, then it returns at once', async () => {
    const work = jest.fn(async () => undefined);
    await forEachLimited([], 4, work);
    expect(work).not.toHaveBeenCalled();
  });
});
