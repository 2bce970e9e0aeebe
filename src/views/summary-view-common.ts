import type { SummaryViewData } from '../cards/actions';
import type { TextColor } from '../cards/card-types';
import type { Bucket } from '../domain/aggregation';
import type { Indicator } from '../domain/plan';
import type { OutcomeValue } from '../domain/values';
import type { Locale } from '../i18n/locale';
import { summaryTexts } from '../i18n/summary-texts';
import type { LoadedSummary } from '../services/summary-service';
import { formatOutcome, formatTarget } from './format';

/**
 * A status is never told by colour alone: each has a word and a symbol, after Harvey balls (how much
 * of the goal is reached): ● grön (uppnått), ◐ gul (delvis), ○ röd (ej uppnått), ◌ grå (ej mätbart,
 * a dotted circle), ? saknas (no answer yet).
 */
export const BUCKET_SYMBOLS: Record<Bucket, string> = { achieved: '●', partly: '◐', not_achieved: '○', not_measured: '◌', missing: '?' };

/**
 * Text colours for statuses. Teams draws `Good` and `Warning` in light tones made for dark mode
 * (light green and yellow are unreadable on white), so status text is `Default` except red, whose
 * `Attention` reads on white and on dark alike; grå is subtle.
 */
export const BUCKET_COLORS: Record<Bucket, { color: TextColor; subtle: boolean }> = {
  achieved: { color: 'Default', subtle: false },
  partly: { color: 'Default', subtle: false },
  not_achieved: { color: 'Attention', subtle: false },
  not_measured: { color: 'Default', subtle: true },
  missing: { color: 'Default', subtle: false },
};

/** The colour of the symbol only (a glyph beside its word, never the text one reads): the familiar traffic lights. */
export const SYMBOL_COLORS: Record<Bucket, TextColor> = {
  achieved: 'Good',
  partly: 'Warning',
  not_achieved: 'Attention',
  not_measured: 'Default',
  missing: 'Default',
};

/** "◐ Gul". */
export function statusText(bucket: Bucket, locale: Locale): string {
  return `${BUCKET_SYMBOLS[bucket]} ${summaryTexts(locale).buckets[bucket]}`;
}

export interface SummaryViewOptions {
  locale: Locale;
  timezone: string;
  now: Date;
  final?: boolean;
  /** Put into drill-down payloads only for personal chat (coordinators); channels use their links. */
  payloadUnits?: readonly string[];
  /**
   * An on-demand card (`sammanfattning`, or a drill-down's way back from one): it is not kept up to
   * date, so it says "Ögonblicksbild hh:mm" instead of "Pågår", and its drill-downs carry the flag.
   */
  snapshot?: boolean;
  /** Display names by lower-case e-mail, for the people a drill-down shows; an e-mail stands in for an unknown name. */
  names?: ReadonlyMap<string, string>;
  /** The clicker is a coordinator: "Vilka har inte svarat" offers "Påminn". */
  canRemind?: boolean;
}

/** The period (and, in personal chat, the units) that every drill-down action carries. */
export function refData(loaded: LoadedSummary, options: SummaryViewOptions): SummaryViewData {
  return {
    code: loaded.ref.code,
    year: loaded.ref.year,
    ...(options.payloadUnits ? { units: [...options.payloadUnits] } : {}),
    ...(options.snapshot ? { snapshot: true } : {}),
  };
}

/** A person's name where Utfall knows it (they installed the app), else their e-mail. */
export function nameOf(email: string, options: SummaryViewOptions): string {
  return options.names?.get(email.toLowerCase()) ?? email;
}

/** "-24,6 mnkr (mål minst 0 mnkr)": the utfall against the target, with the target's direction. */
export function indicatorFigures(indicator: Indicator, outcome: OutcomeValue | null, locale: Locale): string {
  const texts = summaryTexts(locale);
  return texts.figures(outcome ? formatOutcome(outcome, indicator, locale) : null, targetPhrase(indicator, locale));
}

/** "minst 0 mnkr", "minska till 4,6 %"; null without a target. */
export function targetPhrase(indicator: Indicator, locale: Locale): string | null {
  const target = formatTarget(indicator.target, indicator, locale);
  return target === null ? null : summaryTexts(locale).target(indicator.direction, target);
}
