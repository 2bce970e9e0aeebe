import { fitCard } from './fit';
import { buildMessageCard, type MessageCardData } from './message-card';
import { cardBytes } from './render';

/** A message card whose body is `length` characters of å (two bytes each in UTF-8). */
function message(length: number): MessageCardData {
  return { title: 'Sammanfattning', body: 'å'.repeat(length), color: 'Default', actions: [] };
}

const bytesOf = (length: number): number => cardBytes(buildMessageCard(message(length)));

/** Yields the candidates in order and records which were taken. */
function* counted<T>(candidates: T[], taken: T[]): Generator<T> {
  for (const candidate of candidates) {
    taken.push(candidate);
    yield candidate;
  }
}

describe(fitCard.name, () => {
  test('when the fullest candidate fits, then it is chosen and the leaner ones are never built', () => {
    const taken: MessageCardData[] = [];
    const candidates = [message(100), message(10)];
    const fitted = fitCard(counted(candidates, taken), buildMessageCard, bytesOf(100));
    expect(fitted.data).toBe(candidates[0]);
    expect(fitted.fits).toBe(true);
    expect(taken).toHaveLength(1);
  });

  test('when only leaner candidates fit, then the first of them that fits is chosen, not the leanest', () => {
    const candidates = [message(4000), message(2000), message(1000), message(10)];
    const budget = bytesOf(2000) + 100;
    const fitted = fitCard(candidates, buildMessageCard, budget);
    expect(fitted.data).toBe(candidates[1]);
    expect(fitted.fits).toBe(true);
    expect(fitted.bytes).toBe(cardBytes(fitted.card));
    expect(fitted.bytes).toBeLessThanOrEqual(budget);
    expect(JSON.stringify(fitted.card)).toContain('å'.repeat(2000));
  });

  test('when a card is exactly as large as the budget, then it fits', () => {
    const budget = bytesOf(500);
    const fitted = fitCard([message(500)], buildMessageCard, budget);
    expect(fitted).toMatchObject({ fits: true, bytes: budget });
  });

  test('when even the leanest candidate is over the budget, then its card comes back whole, flagged as not fitting', () => {
    const candidates = [message(3000), message(2000)];
    const fitted = fitCard(candidates, buildMessageCard, bytesOf(1000));
    expect(fitted.data).toBe(candidates[1]);
    expect(fitted.fits).toBe(false);
    expect(fitted.bytes).toBe(bytesOf(2000));
    expect(JSON.stringify(fitted.card)).toContain('å'.repeat(2000));
  });

  test('when there are no candidates, then it throws instead of returning nothing', () => {
    expect(() => fitCard([], buildMessageCard, 40_000)).toThrow('at least one candidate');
  });
});
