import { VERBS, type SummaryViewData } from '../cards/actions';
import type { CardAction, CardPager } from '../cards/card-types';
import type { DetailItem, SummaryDetailCardData } from '../cards/summary-detail-card';
import { BUCKETS, summarizePeriod, type BucketCounts } from '../domain/aggregation';
import { goalDetail, perspectiveGoals } from '../domain/summary-details';
import type { Locale } from '../i18n/locale';
import { summaryTexts } from '../i18n/summary-texts';
import type { LoadedSummary } from '../services/summary-service';
import { formatOutcome, formatTarget, shorten } from './format';
import { BUCKET_COLORS, refData, type SummaryViewOptions } from './summary-view-common';

const GOALS_PER_PAGE = 15;
const INDICATORS_PER_PAGE = 12;
const OWNERS_PER_PAGE = 40;
const RED_PER_PAGE = 10;

/** The goals of one perspective, paged. */
export function perspectiveView(loaded: LoadedSummary, perspective: string, page: number, options: SummaryViewOptions): SummaryDetailCardData {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const rows = perspectiveGoals(loaded.input, perspective);
  const paged = pageOf(rows, page, GOALS_PER_PAGE);
  return {
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
  };
}

/** One goal: its bedömning and analys, and its indicators with outcome, target and comment. */
export function goalDetailView(loaded: LoadedSummary, goalKey: string, page: number, options: SummaryViewOptions): SummaryDetailCardData {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const detail = goalDetail(loaded.input, goalKey);
  if (!detail) return { title: texts.goalNotFound, subtitle: loaded.label, intro: '', items: [], pager: null, back: backTo(ref, options.locale) };
  const paged = pageOf(detail.indicators, page, INDICATORS_PER_PAGE);
  return {
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
  };
}

/** Everyone who has not finished, paged (read-only: who to ask, not a button to nag them). */
export function missingOwnersView(loaded: LoadedSummary, page: number, options: SummaryViewOptions): SummaryDetailCardData {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const summary = summarizePeriod({ ...loaded.input, redLimit: 0 });
  const paged = pageOf(summary.missingOwners, page, OWNERS_PER_PAGE);
  return {
    title: texts.missingTitle(summary.missingOwners.length),
    subtitle: loaded.label,
    intro: summary.missingOwners.length === 0 ? texts.everyoneAnswered : '',
    items: paged.items.map((email): DetailItem => ({ title: email, status: '', color: 'Default', text: '', context: '', action: null })),
    pager: pager(paged, (target) => ({ verb: VERBS.showMissing, data: { ...ref, page: target } }), options.locale),
    back: backTo(ref, options.locale),
  };
}

/** Every red goal, paged, each opening its detail. */
export function redGoalsView(loaded: LoadedSummary, page: number, options: SummaryViewOptions): SummaryDetailCardData {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const summary = summarizePeriod({ ...loaded.input, redLimit: Number.MAX_SAFE_INTEGER });
  const paged = pageOf(summary.redGoals, page, RED_PER_PAGE);
  return {
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
  };
}

function backTo(ref: SummaryViewData, locale: Locale): CardAction {
  return { title: summaryTexts(locale).back, verb: VERBS.showSummary, data: ref };
}

function countParts(counts: BucketCounts, locale: Locale): string[] {
  const names = summaryTexts(locale).buckets;
  return BUCKETS.filter((bucket) => counts[bucket] > 0).map((bucket) => `${counts[bucket]} ${names[bucket].toLowerCase()}`);
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
