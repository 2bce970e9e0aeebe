import { VERBS } from '../cards/actions';
import { fitCard } from '../cards/fit';
import type { AdaptiveCard } from '../cards/render';
import { buildSummaryCard, SUMMARY_CARD_BUDGET, type SummaryCardData, type SummaryCell } from '../cards/summary-card';
import { buildSummaryDetailCard } from '../cards/summary-detail-card';
import { BUCKETS, summarizePeriod, type BucketCounts, type PeriodSummary, type RedComment } from '../domain/aggregation';
import type { Comparison } from '../domain/comparison';
import { ASSESSMENTS } from '../domain/vocabulary';
import type { Locale } from '../i18n/locale';
import { summaryTexts } from '../i18n/summary-texts';
import type { LoadedSummary } from '../services/summary-service';
import { formatLongDate, formatShortDateTime, shorten } from './format';
import { goalDetailView, missingOwnersView, perspectiveView, redGoalsView } from './summary-detail-view';
import { BUCKET_SYMBOLS, indicatorFigures, refData, SYMBOL_COLORS, type SummaryViewOptions } from './summary-view-common';

export { SUMMARY_CARD_BUDGET } from '../cards/summary-card';
export { BUCKET_COLORS, BUCKET_SYMBOLS, type SummaryViewOptions } from './summary-view-common';

const MAX_PERSPECTIVES = 15;

/** Fullest first: fewer red goals and shorter comments are what gives way, before anything is cut silently. */
const SIZES = [
  { red: 10, short: 160, full: 700 },
  { red: 6, short: 120, full: 400 },
  { red: 3, short: 100, full: 200 },
  { red: 0, short: 0, full: 0 },
];

/** One way to show the summary: the card data and the figures it was computed from. */
export interface SummaryCandidate {
  data: SummaryCardData;
  summary: PeriodSummary;
}

/** The summary card's data from the fullest to the leanest, each computed only when asked for. */
export function* summaryCandidates(loaded: LoadedSummary, options: SummaryViewOptions): Generator<SummaryCandidate> {
  for (const sizes of SIZES) {
    const summary = summarizePeriod({ ...loaded.input, redLimit: sizes.red });
    yield { data: summaryCardData(loaded, summary, options, sizes), summary };
  }
}

/** The summary card, fitted to the byte budget (the leanest candidate when none fits); see {@link summaryCandidates}. */
export function summaryCard(loaded: LoadedSummary, options: SummaryViewOptions): { card: AdaptiveCard; summary: PeriodSummary } {
  const fitted = fitCard(summaryCandidates(loaded, options), (candidate) => buildSummaryCard(candidate.data), SUMMARY_CARD_BUDGET);
  return { card: fitted.card, summary: fitted.data.summary };
}

/** The goals of one perspective, paged. */
export function perspectiveCard(loaded: LoadedSummary, perspective: string, page: number, options: SummaryViewOptions): AdaptiveCard {
  return buildSummaryDetailCard(perspectiveView(loaded, perspective, page, options));
}

/** One goal: its bedömning and analys, and its indicators with outcome, target and comment. */
export function goalDetailCard(loaded: LoadedSummary, goalKey: string, page: number, options: SummaryViewOptions): AdaptiveCard {
  return buildSummaryDetailCard(goalDetailView(loaded, goalKey, page, options));
}

/** Everyone who has not finished, paged (read-only: who to ask, not a button to nag them). */
export function missingOwnersCard(loaded: LoadedSummary, page: number, options: SummaryViewOptions): AdaptiveCard {
  return buildSummaryDetailCard(missingOwnersView(loaded, page, options));
}

/** Every red goal, paged, each opening its detail. */
export function redGoalsCard(loaded: LoadedSummary, page: number, options: SummaryViewOptions): AdaptiveCard {
  return buildSummaryDetailCard(redGoalsView(loaded, page, options));
}

function summaryCardData(
  loaded: LoadedSummary,
  summary: PeriodSummary,
  options: SummaryViewOptions,
  sizes: { short: number; full: number },
): SummaryCardData {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const unitNames = loaded.input.linkedUnits.map((key) => loaded.input.units.find((unit) => unit.key === key)?.name ?? key);
  const perspectives = summary.perspectives.slice(0, MAX_PERSPECTIVES);
  const hiddenPerspectives = summary.perspectives.length - perspectives.length;
  const redCount = summary.redGoals.length + summary.moreRed;
  const time = formatShortDateTime(options.now, options.timezone, options.locale);
  return {
    title: options.final ? texts.finalTitle(loaded.label) : texts.title(loaded.label),
    scope: texts.scope(unitNames),
    status: statusLine(loaded, options, time),
    statusColor: loaded.state === 'open' && !options.snapshot ? 'Accent' : 'Default',
    response:
      summary.owners.total === 0 ? texts.noOwners : texts.response(summary.owners.answered, summary.owners.total, summary.responseRate),
    table: {
      heading: texts.heading,
      headers: BUCKETS.map((bucket) => ({
        symbol: BUCKET_SYMBOLS[bucket],
        symbolColor: SYMBOL_COLORS[bucket],
        text: texts.buckets[bucket],
      })),
      rows: [
        ...perspectives.map((perspective) => ({
          name: perspective.name,
          bold: false,
          cells: cells(perspective.goals),
          action: { title: perspective.name, verb: VERBS.showPerspective, data: { ...ref, perspective: perspective.name } },
        })),
        ...(hiddenPerspectives > 0 ? [{ name: texts.morePerspectives(hiddenPerspectives), bold: false, cells: [], action: null }] : []),
        { name: texts.allGoals, bold: true, cells: cells(summary.totals.goals), action: null },
        { name: texts.allIndicators, bold: true, cells: cells(summary.totals.indicators), action: null },
      ],
      hint: texts.hint,
    },
    change: comparisonLine(summary.comparison, loaded.previousLabel, options.locale),
    redTitle: texts.redTitle(redCount),
    redGoals: summary.redGoals.map((goal, goalIndex) => ({
      title: shorten(goal.title, 200),
      context: `${goal.unitName} · ${goal.perspective}`,
      action: { title: goal.title, verb: VERBS.showGoalDetail, data: { ...ref, goal: goal.goalKey } },
      comments: goal.comments.slice(0, 3).map((comment, index) => ({
        id: `red${goalIndex}c${index}`,
        short: redComment(comment, sizes.short, options.locale),
        full: redComment(comment, sizes.full, options.locale),
      })),
    })),
    moreRed: summary.moreRed > 0 ? texts.moreRed(summary.moreRed) : '',
    moreTitle: texts.moreTitle,
    updated: options.snapshot ? '' : texts.updated(time),
    actions: [
      ...(summary.missingOwners.length > 0
        ? [{ title: texts.missingAction(summary.missingOwners.length), verb: VERBS.showMissing, data: ref }]
        : []),
      ...(summary.moreRed > 0 ? [{ title: texts.allRedAction, verb: VERBS.showRedGoals, data: ref }] : []),
      { title: texts.reportAction, verb: VERBS.showReport, data: ref },
    ],
  };
}

/** "Pågår · sista svarsdag …" on the live card; an on-demand card says when it was taken instead. */
function statusLine(loaded: LoadedSummary, options: SummaryViewOptions, time: string): string {
  const texts = summaryTexts(options.locale);
  const deadline = formatLongDate(loaded.deadline, options.locale);
  if (options.snapshot) return texts.snapshot(time, loaded.state, deadline);
  return loaded.state === 'open' ? texts.statusOpen(deadline) : loaded.state === 'closed' ? texts.statusClosed : texts.statusDraft;
}

/**
 * A red goal's analys, or a red indicator with its figures first: "**Resultat i förhållande till
 * budget:** -24,6 mnkr (mål minst 0 mnkr) · Prognosen …". Only the comment is shortened to `max`.
 */
function redComment(comment: RedComment, max: number, locale: Locale): string {
  const texts = summaryTexts(locale);
  if (comment.indicator === null)
    return `**${texts.analysis}:** ${shorten(comment.comment === '' ? texts.noComment : comment.comment, max)}`;
  const figures = indicatorFigures(comment.indicator, comment.outcome, locale);
  const text = comment.comment === '' ? '' : ` · ${shorten(comment.comment, max)}`;
  return `**${shorten(comment.name, 80)}:** ${figures}${text}`;
}

function cells(counts: BucketCounts): SummaryCell[] {
  return BUCKETS.map((bucket) => {
    const red = bucket === 'not_achieved' && counts[bucket] > 0;
    return { text: String(counts[bucket]), color: red ? 'Attention' : 'Default', subtle: bucket === 'not_measured', bold: red };
  });
}

/** "Jämfört med Delår per april 2026: 2 fler gula mål, 1 färre rött mål (av 5 mål som bedömts båda gångerna)." */
export function comparisonLine(comparison: Comparison | null, previousLabel: string | null, locale: Locale): string {
  if (comparison === null || previousLabel === null) return '';
  const texts = summaryTexts(locale);
  const parts = ASSESSMENTS.filter((bucket) => comparison.change[bucket] !== 0).map((bucket) =>
    texts.changePart(bucket, comparison.change[bucket], comparison.level),
  );
  return texts.change(previousLabel, parts, comparison.compared, comparison.level);
}
