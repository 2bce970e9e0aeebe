import { cardBytes, type AdaptiveCard } from './render';

export interface FittedCard<T> {
  card: AdaptiveCard;
  /** The candidate the card was rendered from. */
  data: T;
  /** The card's size as UTF-8 JSON ({@link cardBytes}). */
  bytes: number;
  /** False when even the leanest candidate is over the budget; its card is returned as it is, never cut. */
  fits: boolean;
}

/**
 * Renders candidate data from the fullest to the leanest and returns the first card of at most
 * `budget` bytes. Candidates are taken lazily, so a generator computes only those it needs. When none
 * fits, the leanest one's card comes back with `fits: false`: shortening is the candidates' job,
 * nothing is cut here. Throws when there is no candidate at all.
 */
export function fitCard<T>(candidates: Iterable<T>, build: (data: T) => AdaptiveCard, budget: number): FittedCard<T> {
  let leanest: FittedCard<T> | null = null;
  for (const data of candidates) {
    const card = build(data);
    const bytes = cardBytes(card);
    if (bytes <= budget) return { card, data, bytes, fits: true };
    leanest = { card, data, bytes, fits: false };
  }
  if (leanest === null) throw new Error('fitCard needs at least one candidate');
  return leanest;
}
