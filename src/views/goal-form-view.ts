import { VERBS } from '../cards/actions';
import type { Notice } from '../cards/card-types';
import { GOAL_FORM_ROWS_BUDGET_BYTES, goalFormRowBytes, type GoalAssessmentRow, type GoalFormCardData, type IndicatorFormRow } from '../cards/goal-form-card';
import { suggestAssessment } from '../domain/assessment';
import type { GoalWork, IndicatorItem } from '../domain/owner-work';
import type { FieldErrors, SubmissionResult } from '../domain/submission';
import { ASSESSMENTS } from '../domain/vocabulary';
import { collectTexts } from '../i18n/collect-texts';
import type { Locale } from '../i18n/locale';
import type { PeriodWork } from '../services/collect-service';
import { formatOutcome, formatShortDateTime, formatTarget, shorten } from './format';

/** At most this many indicators per form page, and fewer when their texts are long. */
export const INDICATORS_PER_PAGE = 8;

/**
 * Splits rows into pages that fit the budget (the first page also carries the goal section), so
 * that a form with long comments is paged rather than refused by Teams. Always at least one row.
 */
export function pageRanges(sizes: readonly number[], firstPageExtra: number): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  while (start < sizes.length || ranges.length === 0) {
    let used = ranges.length === 0 ? firstPageExtra : 0;
    let end = start;
    while (end < sizes.length && end - start < INDICATORS_PER_PAGE && (end === start || used + (sizes[end] ?? 0) <= GOAL_FORM_ROWS_BUDGET_BYTES)) {
      used += sizes[end] ?? 0;
      end += 1;
    }
    ranges.push([start, end]);
    if (end === start) break;
    start = end;
  }
  return ranges;
}

export interface GoalFormOptions {
  locale: Locale;
  timezone: string;
  tolerance: number;
  notice: Notice | null;
  page?: number;
  /** After a failed save: what the person typed, with errors beside the fields. */
  submission?: SubmissionResult;
}

export function goalFormView(view: PeriodWork, goal: GoalWork, options: GoalFormOptions): GoalFormCardData {
  const texts = collectTexts(options.locale);
  const readOnly = view.period.state !== 'open';
  const allRows = goal.indicators.map((item) => indicatorRow(view, item, readOnly, options));
  const firstGoalRow = goalSection(goal, readOnly, options);
  const ranges = pageRanges(allRows.map(goalFormRowBytes), firstGoalRow ? goalFormRowBytes(firstGoalRow) : 0);
  const pages = ranges.length;
  const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);
  const [from, to] = ranges[page] ?? [0, 0];
  const items = goal.indicators.slice(from, to);
  const indicators = allRows.slice(from, to);
  const goalRow = page === 0 ? firstGoalRow : null;
  const versions: Record<string, number> = {};
  for (const item of items) if (item.editable) versions[item.indicator.key] = item.response?.version ?? 0;
  if (goalRow?.editable) versions[goal.goal.key] = goal.goalResponse?.version ?? 0;
  const canSave = !readOnly && Object.keys(versions).length > 0;
  // Turning the page of an editable form saves this page first, so nothing typed is lost.
  const pageAction = (target: number) => ({
    title: target < page ? texts.previousPage : texts.nextPage,
    verb: canSave ? VERBS.saveGoal : VERBS.openGoal,
    data: canSave ? { period: view.period.id, goal: goal.goal.key, page, versions, goTo: target } : { period: view.period.id, goal: goal.goal.key, page: target },
  });
  return {
    title: shorten(goal.goal.title, 300),
    subtitle: view.period.label,
    notice: readOnly ? { text: view.period.state === 'closed' ? texts.periodClosed : texts.periodNotOpen, color: 'Warning' } : options.notice,
    readOnly,
    indicators,
    goal: goalRow,
    assessmentChoices: ASSESSMENTS.map((value) => ({ title: texts.assessments[value], value })),
    save: canSave ? { title: texts.save, verb: VERBS.saveGoal, data: { period: view.period.id, goal: goal.goal.key, page, versions }, style: 'positive' } : null,
    back: { title: texts.back, verb: VERBS.showInbox, data: { period: view.period.id } },
    pager: pages === 1 ? null : { text: texts.page(page + 1, pages), previous: page > 0 ? pageAction(page - 1) : null, next: page < pages - 1 ? pageAction(page + 1) : null },
    labels: texts.labels,
  };
}

function indicatorRow(view: PeriodWork, item: IndicatorItem, readOnly: boolean, options: GoalFormOptions): IndicatorFormRow {
  const texts = collectTexts(options.locale);
  const { indicator, response } = item;
  const typed = options.submission?.typed.get(indicator.key);
  const errors: FieldErrors = options.submission?.errors.get(indicator.key) ?? {};
  const suggestion = response?.outcome ? suggestAssessment({ outcome: response.outcome, target: indicator.target, baseline: indicator.baseline, direction: indicator.direction, tolerance: options.tolerance }) : null;
  const previous = view.previous?.responses.get(indicator.key);
  const storedText = response?.outcome ? (response.outcome.kind === 'not_available' ? '' : response.outcomeText || formatOutcome(response.outcome, indicator)) : '';
  const error = (code: FieldErrors[keyof FieldErrors], input: string) => (code ? texts.fieldError(code, input) : '');
  return {
    key: indicator.key,
    name: shorten(indicator.name, 300),
    targetText: texts.target(indicator.direction, formatTarget(indicator.target, indicator), formatTarget(indicator.baseline, indicator)),
    previousText: previous?.outcome && view.previous ? texts.previousValue(view.previous.period.code, formatOutcome(previous.outcome, indicator)) : '',
    inputKind: indicator.valueType === 'yesno' ? 'yesno' : 'text',
    outcome: typed?.outcome ?? storedText,
    comment: typed?.comment ?? response?.comment ?? '',
    assessment: typed?.assessment ?? response?.assessment ?? suggestion ?? '',
    notAvailable: typed?.notAvailable ?? response?.outcome?.kind === 'not_available',
    editable: item.editable && !readOnly,
    ownerText: item.editable ? '' : texts.answeredBy(indicator.owner),
    outcomeError: error(errors.outcome, typed?.outcome ?? ''),
    commentError: error(errors.comment, ''),
    assessmentError: error(errors.assessment, typed?.assessment ?? ''),
    summary: response ? summaryOf(response.outcome ? formatOutcome(response.outcome, indicator) : texts.noValue, response.assessment ? texts.assessments[response.assessment] : '', response.comment) : texts.noValue,
    savedBy: response ? texts.savedBy(response.authorName, formatShortDateTime(response.savedAt, options.timezone, options.locale)) : '',
  };
}

function goalSection(goal: GoalWork, readOnly: boolean, options: GoalFormOptions): GoalAssessmentRow | null {
  const texts = collectTexts(options.locale);
  const stored = goal.goalResponse;
  if (!goal.goalEditable && !stored) return null;
  const typed = options.submission?.typedGoal;
  const errors: FieldErrors = options.submission?.errors.get(goal.goal.key) ?? {};
  return {
    key: goal.goal.key,
    assessment: typed?.assessment ?? stored?.assessment ?? '',
    analysis: typed?.analysis ?? stored?.analysis ?? '',
    editable: goal.goalEditable && !readOnly,
    assessmentError: errors.assessment ? texts.fieldError(errors.assessment, typed?.assessment ?? '') : '',
    analysisError: errors.analysis ? texts.fieldError(errors.analysis, '') : '',
    summary: stored ? summaryOf(stored.assessment ? texts.assessments[stored.assessment] : texts.noValue, '', stored.analysis) : texts.noValue,
    savedBy: stored ? texts.savedBy(stored.authorName, formatShortDateTime(stored.savedAt, options.timezone, options.locale)) : '',
  };
}

function summaryOf(value: string, assessment: string, comment: string): string {
  return [value, assessment, comment ? shorten(comment, 600) : ''].filter((part) => part !== '').join(' · ');
}
