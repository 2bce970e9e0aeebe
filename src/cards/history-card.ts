import template from '../../cards/history.json';
import { renderTemplate, type AdaptiveCard } from './render';

/** `historik <nyckel>`: an indicator's or goal's changes, newest first. */
export interface HistoryCardData {
  title: string;
  /** What the key is ("Mätetal: Sjukfrånvaro"). */
  subtitle: string;
  /** Shown when there are no entries. */
  empty: string;
  /** Each change: who and when, then one line per what changed. */
  entries: { heading: string; lines: { text: string }[] }[];
  /** "Visar de 20 senaste av 25 ändringar." when capped; '' otherwise. */
  cap: string;
}

export function buildHistoryCard(data: HistoryCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
