import { VERBS, type SummaryViewData } from '../cards/actions';
import type { CardAction, CardPager } from '../cards/card-types';
import type { DetailItem, SummaryDetailCardData } from '../cards/summary-detail-card';
import { BUCKETS, summarizePeriod, type BucketCounts, type RedGoal } from '../domain/aggregation';
import { goalDetail, missingWork, perspectiveGoals, type IndicatorDetail, type OwnerBacklog } from '../domain/summary-details';
import type { Locale } from '../i18n/locale';
import { summaryTexts } from '../i18n/summary-texts';
import type { LoadedSummary } from '../services/summary-service';
import { formatOutcome, shorten } from './format';
import { BUCKET_COLORS, indicatorFigures, nameOf, refData, statusText, targetPhrase, type SummaryViewOptions } from './summary-view-common';

const GOALS_PER_PAGE = 15;
const INDICATORS_PER_PAGE = 12;
const OWNERS_PER_PAGE = 20;
const OWED_GOALS_SHOWN = 3;
const RED_PER_PAGE = 10;
const REMIND_UNITS = 5;

/** The goals of one perspective, paged. */
export function perspectiveView(
  loaded: LoadedSummary,
  perspective: string,
  page: number,
  options: SummaryViewOptions,
): SummaryDetailCardData {
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
      status: texts.goalAssessment(statusText(row.assessment, options.locale)),
      color: BUCKET_COLORS[row.assessment].color,
      text: texts.indicatorCounts(countParts(row.indicators, options.locale)),
      context: row.unitName,
      note: '',
      action: { title: row.title, verb: VERBS.showGoalDetail, data: { ...ref, goal: row.goalKey } },
    })),
    pager: pager(paged, (target) => ({ verb: VERBS.showPerspective, data: { ...ref, perspective, page: target } }), options.locale),
    actions: [],
    back: backTo(ref, options.locale),
  };
}

/** One goal: its bedömning, owners and analys, and its indicators with utfall, target (with direction), the previous period's utfall, comment and who answers it. */
export function goalDetailView(loaded: LoadedSummary, goalKey: string, page: number, options: SummaryViewOptions): SummaryDetailCardData {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const detail = goalDetail(loaded.input, goalKey);
  if (!detail)
    return {
      title: texts.goalNotFound,
      subtitle: loaded.label,
      intro: '',
      items: [],
      pager: null,
      actions: [],
      back: backTo(ref, options.locale),
    };
  const paged = pageOf(detail.indicators, page, INDICATORS_PER_PAGE);
  const owners = detail.goal.owners.map((email) => nameOf(email, options)).join(', ');
  return {
    title: shorten(detail.goal.title, 200),
    subtitle: `${detail.unitName} · ${detail.perspective} · ${loaded.label}`,
    intro: texts.goalIntro(texts.goalAssessment(statusText(detail.assessment, options.locale)), owners, shorten(detail.analysis, 1500)),
    items: paged.items.map((item) => indicatorItem(item, loaded, options)),
    pager: pager(paged, (target) => ({ verb: VERBS.showGoalDetail, data: { ...ref, goal: goalKey, page: target } }), options.locale),
    actions: [],
    back: backTo(ref, options.locale),
  };
}

function indicatorItem(item: IndicatorDetail, loaded: LoadedSummary, options: SummaryViewOptions): DetailItem {
  const texts = summaryTexts(options.locale);
  const previous =
    item.previous && loaded.previousCode
      ? texts.previousValue(loaded.previousCode, formatOutcome(item.previous, item.indicator, options.locale))
      : '';
  return {
    title: shorten(item.indicator.name, 200),
    status: statusText(item.assessment, options.locale),
    color: BUCKET_COLORS[item.assessment].color,
    text: [
      texts.outcome(
        item.outcome ? formatOutcome(item.outcome, item.indicator, options.locale) : null,
        targetPhrase(item.indicator, options.locale),
      ),
      previous,
    ]
      .filter(Boolean)
      .join(' · '),
    context: item.comment === '' ? '' : shorten(item.comment, 600),
    note: texts.responsible(nameOf(item.indicator.owner, options)),
    action: null,
  };
}

/**
 * Everyone who has not finished, paged, each by name with what they still owe goal by goal; for a
 * coordinator (`canRemind`) in an open period, "Påminn" opens the `påminn` confirmation per linked unit.
 */
export function missingOwnersView(loaded: LoadedSummary, page: number, options: SummaryViewOptions): SummaryDetailCardData {
  const texts = summaryTexts(options.locale);
  const ref = refData(loaded, options);
  const backlog = missingWork(loaded.input);
  const paged = pageOf(backlog, page, OWNERS_PER_PAGE);
  return {
    title: texts.missingTitle(backlog.length),
    subtitle: loaded.label,
    intro: backlog.length === 0 ? texts.everyoneAnswered : '',
    items: paged.items.map((owner): DetailItem => ({
      title: nameOf(owner.email, options),
      status: '',
      color: 'Default',
      text: owedText(owner, options.locale),
      context: '',
      note: '',
      action: null,
    })),
    pager: pager(paged, (target) => ({ verb: VERBS.showMissing, data: { ...ref, page: target } }), options.locale),
    actions: options.canRemind && loaded.state === 'open' && backlog.length > 0 ? remindActions(loaded, options.locale) : [],
    back: backTo(ref, options.locale),
  };
}

/** "Kvar: 2 mätetal och bedömningen i ”Mål A”; bedömningen i ”Mål B”; … och 2 mål till". */
function owedText(owner: OwnerBacklog, locale: Locale): string {
  const texts = summaryTexts(locale);
  const parts = owner.goals
    .slice(0, OWED_GOALS_SHOWN)
    .map((goal) => texts.owedGoal(shorten(goal.title, 80), goal.indicators, goal.assessment));
  const more = owner.goals.length - OWED_GOALS_SHOWN;
  return texts.owes(more > 0 ? [...parts, texts.moreOwed(more)] : parts);
}

/** One "Påminn" per linked unit (named when there are several): `påminn <enhet>` reminds everyone missing something there. */
function remindActions(loaded: LoadedSummary, locale: Locale): CardAction[] {
  const texts = summaryTexts(locale);
  const units = loaded.input.linkedUnits.slice(0, REMIND_UNITS);
  return units.map((key) => ({
    title: texts.remindAction(units.length === 1 ? null : (loaded.input.units.find((unit) => unit.key === key)?.name ?? key)),
    verb: VERBS.previewRemind,
    data: { unit: key },
  }));
}

/** Every red goal, paged, each with its red indicators' figures and comments, opening its detail. */
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
      text: redFigures(goal, options.locale),
      context: shorten(
        goal.comments
          .map((comment) => comment.comment)
          .filter(Boolean)
          .join(' · ') || texts.noComment,
        300,
      ),
      note: '',
      action: { title: goal.title, verb: VERBS.showGoalDetail, data: { ...ref, goal: goal.goalKey } },
    })),
    pager: pager(paged, (target) => ({ verb: VERBS.showRedGoals, data: { ...ref, page: target } }), options.locale),
    actions: [],
    back: backTo(ref, options.locale),
  };
}

/** "Resultat i förhållande till budget: -24,6 mnkr (mål minst 0 mnkr)" for each red indicator (at most three). */
function redFigures(goal: RedGoal, locale: Locale): string {
  return goal.comments
    .filter((comment) => comment.indicator !== null)
    .slice(0, 3)
    .map((comment) => `${shorten(comment.name, 80)}: ${indicatorFigures(comment.indicator!, comment.outcome, locale)}`)
    .join(' · ');
}

/** Whose names a drill-down shows (looked up before rendering): the page of who has not answered, or a goal's owners and indicator owners. */
export function peopleShown(loaded: LoadedSummary, view: 'missing' | 'goal', data: Pick<SummaryViewData, 'goal' | 'page'>): string[] {
  if (view === 'missing') return pageOf(missingWork(loaded.input), data.page ?? 0, OWNERS_PER_PAGE).items.map((owner) => owner.email);
  const detail = goalDetail(loaded.input, data.goal ?? '');
  return detail ? [...new Set([...detail.goal.owners, ...detail.indicators.map((item) => item.indicator.owner)])] : [];
}

function backTo(ref: SummaryViewData, locale: Locale): CardAction {
  return { title: summaryTexts(locale).back, verb: VERBS.showSummary, data: ref };
}

function countParts(counts: BucketCounts, locale: Locale): string[] {
  const texts = summaryTexts(locale);
  return BUCKETS.filter((bucket) => counts[bucket] > 0).map((bucket) => texts.countPart(bucket, counts[bucket]));
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
