import { VERBS, type SummaryViewData } from '../cards/actions';
import type { CardAction, CardPager, TextColor } from '../cards/card-types';
import { buildSummaryCard, type SummaryCardData, type SummaryCell } from '../cards/summary-card';
import { buildSummaryDetailCard, type DetailItem } from '../cards/summary-detail-card';
import { cardBytes, type AdaptiveCard } from '../cards/render';
import { BUCKETS, summarizePeriod, type Bucket, type BucketCounts, type PeriodSummary } from '../domain/aggregation';
import { goalDetail, perspectiveGoals } from '../domain/summary-details';
import type { Locale } from '../i18n/locale';
import { summaryTexts } from '../i18n/summary-texts';
import type { LoadedSummary } from '../services/summary-service';
import { formatLongDate, formatOutcome, formatShortDateTime, formatTarget, shorten } from './format';

/** Teams refuses messages over ~100 KB; every summary card stays well under 40 KB. */
export const SUMMARY_CARD_BUDGET = 36_000;
const MAX_PERSPECTIVES = 15;
const GOALS_PER_PAGE = 15;
const INDICATORS_PER_PAGE = 12;
const OWNERS_PER_PAGE = 40;
const RED_PER_PAGE = 10;

export const BUCKET_COLORS: Record<Bucket, { color: TextColor; subtle: boolean }> = {
  achieved: { color: 'Good', subtle: false },
  partly: { color: 'Warning', subtle: false },
  not_achieved: { color: 'Attention', subtle: false },
  not_measured: { color: 'Default', subtle: true },
  missing: { color: 'Default', subtle: false },
};

export interface SummaryViewOptions {
  locale: Locale;
  timezone: string;
  now: Date;
  final?: boolean;
  /** Put into drill-down payloads only for personal chat (coordinators); channels use their links. */
  payloadUnits?: readonly string[];
}

/** The summary card, fitted to the byte budget: fewer red goals and shorter comments before anything is cut silently. */
export function summaryCard(loaded: LoadedSummary, options: SummaryViewOptions): { card: AdaptiveCard; summary: PeriodSummary } {
  const attempts = [
    { red: 10, short: 160, full: 700 },
    { red: 6, short: 120, full: 400 },
    { red: 3, short: 100, full: 200 },
    { red: 0, short: 0, full: 0 },
  ];
  let result: { card: AdaptiveCard; summary: PeriodSummary } | null = null;
  for (const attempt of attempts) {
    const summary = summarizePeriod({ ...loaded.input, redLimit: attempt.red });
    const card = buildSummaryCard(summaryCardData(loaded, summary, options, attempt));
    result = { card, summary };
    if (cardBytes(card) <= SUMMARY_CARD_BUDGET) return result;
  }
  return result!;
}

function summaryCardData(loaded: LoadedSummary, summary: PeriodSummary, options: SummaryViewOptions, sizes: { short: number; full: number }): SummaryCardData {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const unitNames = loaded.input.linkedUnits.map((key) => loaded.input.units.find((unit) => unit.key === key)?.name ?? key);
  const state = loaded.state;
  const perspectives = summary.perspectives.slice(0, MAX_PERSPECTIVES);
  const hiddenPerspectives = summary.perspectives.length - perspectives.length;
  const redCount = summary.redGoals.length + summary.moreRed;
  return {
    title: options.final ? texts.finalTitle(loaded.label) : texts.title(loaded.label),
    scope: texts.scope(unitNames),
    status: state === 'open' ? texts.statusOpen(formatLongDate(loaded.deadline, options.locale)) : state === 'closed' ? texts.statusClosed : texts.statusDraft,
    statusColor: state === 'open' ? 'Accent' : state === 'closed' ? 'Warning' : 'Default',
    response: summary.owners.total === 0 ? texts.noOwners : texts.response(summary.owners.answered, summary.owners.total, summary.responseRate),
    table: {
      heading: texts.heading,
      headers: BUCKETS.map((bucket) => ({ text: texts.buckets[bucket], ...BUCKET_COLORS[bucket] })),
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
    change: summary.change && loaded.previousLabel ? texts.change(loaded.previousLabel, changeParts(summary.change, options.locale)) : '',
    redTitle: texts.redTitle(redCount),
    redGoals: summary.redGoals.map((goal, goalIndex) => ({
      title: shorten(goal.title, 200),
      context: `${goal.unitName} · ${goal.perspective}`,
      action: { title: goal.title, verb: VERBS.showGoalDetail, data: { ...ref, goal: goal.goalKey } },
      comments: goal.comments.slice(0, 3).map((comment, index) => {
        const label = comment.indicatorKey === null ? texts.analysis : shorten(comment.name, 80);
        const text = comment.comment === '' ? texts.noComment : comment.comment;
        return { id: `red${goalIndex}c${index}`, short: `**${label}:** ${shorten(text, sizes.short)}`, full: `**${label}:** ${shorten(text, sizes.full)}` };
      }),
    })),
    moreRed: summary.moreRed > 0 ? texts.moreRed(summary.moreRed) : '',
    moreTitle: texts.moreTitle,
    updated: texts.updated(formatShortDateTime(options.now, options.timezone, options.locale)),
    actions: [
      ...(summary.missingOwners.length > 0 ? [{ title: texts.missingAction(summary.missingOwners.length), verb: VERBS.showMissing, data: ref }] : []),
      ...(summary.moreRed > 0 ? [{ title: texts.allRedAction, verb: VERBS.showRedGoals, data: ref }] : []),
    ],
  };
}

/** The goals of one perspective, paged. */
export function perspectiveCard(loaded: LoadedSummary, perspective: string, page: number, options: SummaryViewOptions): AdaptiveCard {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const rows = perspectiveGoals(loaded.input, perspective);
  const paged = pageOf(rows, page, GOALS_PER_PAGE);
  return buildSummaryDetailCard({
    title: texts.perspectiveTitle(perspective),
    subtitle: loaded.label,
    intro: rows.length === 0 ? texts.noGoals : '',
    items: paged.items.map((row) => ({
      title: shorten(row.title, 200),
      status: texts.goalAssessment(texts.buckets[row.assessment]),
      color: BUCKET_COLORS[row.assessment].color,
      text: texts.indicatorCounts(countParts(row.indicators, options.locale)),
      context: row.unitName,
      action: { title: row.title, verb: VERBS.showGoalDetail, data: { ...ref, goal: row.goalKey } },
    })),
    pager: pager(paged, (target) => ({ verb: VERBS.showPerspective, data: { ...ref, perspective, page: target } }), options.locale),
    back: backTo(ref, options.locale),
  });
}

/** One goal: its bedömning and analys, and its indicators with outcome, target and comment. */
export function goalDetailCard(loaded: LoadedSummary, goalKey: string, page: number, options: SummaryViewOptions): AdaptiveCard {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const detail = goalDetail(loaded.input, goalKey);
  if (!detail) return buildSummaryDetailCard({ title: texts.goalNotFound, subtitle: loaded.label, intro: '', items: [], pager: null, back: backTo(ref, options.locale) });
  const paged = pageOf(detail.indicators, page, INDICATORS_PER_PAGE);
  return buildSummaryDetailCard({
    title: shorten(detail.goal.title, 200),
    subtitle: `${detail.unitName} · ${detail.perspective} · ${loaded.label}`,
    intro: texts.goalIntro(texts.goalAssessment(texts.buckets[detail.assessment]), shorten(detail.analysis, 1500)),
    items: paged.items.map((item) => ({
      title: shorten(item.indicator.name, 200),
      status: texts.buckets[item.assessment],
      color: BUCKET_COLORS[item.assessment].color,
      text: texts.outcome(item.outcome ? formatOutcome(item.outcome, item.indicator) : null, formatTarget(item.indicator.target, item.indicator)),
      context: item.comment === '' ? '' : shorten(item.comment, 600),
      action: null,
    })),
    pager: pager(paged, (target) => ({ verb: VERBS.showGoalDetail, data: { ...ref, goal: goalKey, page: target } }), options.locale),
    back: backTo(ref, options.locale),
  });
}

/** Everyone who has not finished, paged (read-only: who to ask, not a button to nag them). */
export function missingOwnersCard(loaded: LoadedSummary, page: number, options: SummaryViewOptions): AdaptiveCard {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const summary = summarizePeriod({ ...loaded.input, redLimit: 0 });
  const paged = pageOf(summary.missingOwners, page, OWNERS_PER_PAGE);
  return buildSummaryDetailCard({
    title: texts.missingTitle(summary.missingOwners.length),
    subtitle: loaded.label,
    intro: summary.missingOwners.length === 0 ? texts.everyoneAnswered : '',
    items: paged.items.map((email): DetailItem => ({ title: email, status: '', color: 'Default', text: '', context: '', action: null })),
    pager: pager(paged, (target) => ({ verb: VERBS.showMissing, data: { ...ref, page: target } }), options.locale),
    back: backTo(ref, options.locale),
  });
}

/** Every red goal, paged, each opening its detail. */
export function redGoalsCard(loaded: LoadedSummary, page: number, options: SummaryViewOptions): AdaptiveCard {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const summary = summarizePeriod({ ...loaded.input, redLimit: Number.MAX_SAFE_INTEGER });
  const paged = pageOf(summary.redGoals, page, RED_PER_PAGE);
  return buildSummaryDetailCard({
    title: texts.redListTitle(summary.redGoals.length),
    subtitle: loaded.label,
    intro: summary.redGoals.length === 0 ? texts.noRed : '',
    items: paged.items.map((goal) => ({
      title: shorten(goal.title, 200),
      status: `${goal.unitName} · ${goal.perspective}`,
      color: 'Default',
      text: shorten(goal.comments.map((comment) => comment.comment).filter(Boolean).join(' · ') || texts.noComment, 300),
      context: '',
      action: { title: goal.title, verb: VERBS.showGoalDetail, data: { ...ref, goal: goal.goalKey } },
    })),
    pager: pager(paged, (target) => ({ verb: VERBS.showRedGoals, data: { ...ref, page: target } }), options.locale),
    back: backTo(ref, options.locale),
  });
}

function refData(loaded: LoadedSummary, options: SummaryViewOptions): SummaryViewData {
  return { code: loaded.ref.code, year: loaded.ref.year, ...(options.payloadUnits ? { units: [...options.payloadUnits] } : {}) };
}

function backTo(ref: SummaryViewData, locale: Locale): CardAction {
  return { title: summaryTexts(locale).back, verb: VERBS.showSummary, data: ref };
}

function cells(counts: BucketCounts): SummaryCell[] {
  return BUCKETS.map((bucket) => ({ text: String(counts[bucket]), ...BUCKET_COLORS[bucket] }));
}

function countParts(counts: BucketCounts, locale: Locale): string[] {
  const names = summaryTexts(locale).buckets;
  return BUCKETS.filter((bucket) => counts[bucket] > 0).map((bucket) => `${counts[bucket]} ${names[bucket].toLowerCase()}`);
}

function changeParts(change: BucketCounts, locale: Locale): string[] {
  const names = summaryTexts(locale).buckets;
  return BUCKETS.filter((bucket) => change[bucket] !== 0).map((bucket) => `${names[bucket].toLowerCase()} ${change[bucket] > 0 ? '+' : '−'}${Math.abs(change[bucket])}`);
}

interface Paged<T> {
  items: T[];
  page: number;
  pages: number;
}

function pageOf<T>(items: readonly T[], page: number, size: number): Paged<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(current * size, (current + 1) * size), page: current, pages };
}

function pager<T>(paged: Paged<T>, to: (page: number) => Omit<CardAction, 'title'>, locale: Locale): CardPager | null {
  if (paged.pages <= 1) return null;
  const texts = summaryTexts(locale);
  return {
    text: texts.page(paged.page + 1, paged.pages),
    previous: paged.page > 0 ? { title: texts.previous, ...to(paged.page - 1) } : null,
    next: paged.page < paged.pages - 1 ? { title: texts.next, ...to(paged.page + 1) } : null,
  };
}
