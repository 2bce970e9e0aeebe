import { MAX_INPUT_LENGTH, VERBS } from '../cards/actions';
import type { CardAction, Notice } from '../cards/card-types';
import {
  GOAL_FORM_ROWS_BUDGET_BYTES,
  goalFormRowBytes,
  type GoalAssessmentRow,
  type GoalFormCardData,
  type IndicatorFormRow,
} from '../cards/goal-form-card';
import { suggestAssessment } from '../domain/assessment';
import type { GoalWork, IndicatorItem } from '../domain/owner-work';
import type { Indicator } from '../domain/plan';
import { assessmentSourceOf, type IndicatorResponse } from '../domain/response';
import { MAX_ANALYSIS_LENGTH, MAX_COMMENT_LENGTH, NO_ASSESSMENT, type FieldErrors, type SubmissionResult } from '../domain/submission';
import { currencyUnitOf, MAX_TEXT_LENGTH, MAX_VALUE_LENGTH } from '../domain/values';
import { ASSESSMENTS, type Assessment } from '../domain/vocabulary';
import { collectTexts } from '../i18n/collect-texts';
import { delegationTexts } from '../i18n/delegation-texts';
import { goalFormTexts, type FieldErrorDetail } from '../i18n/goal-form-texts';
import type { Locale } from '../i18n/locale';
import type { PeriodWork } from '../services/collect-service';
import { closedNotice } from './closed-notice';
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
    while (
      end < sizes.length &&
      end - start < INDICATORS_PER_PAGE &&
      (end === start || used + (sizes[end] ?? 0) <= GOAL_FORM_ROWS_BUDGET_BYTES)
    ) {
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
  /**
   * After a failed save: the versions the form was rendered from. The corrected form saves against
   * them, so that an answer saved meanwhile (in another window) still comes back as a conflict.
   */
  versions?: Readonly<Record<string, number>>;
}

export function goalFormView(view: PeriodWork, goal: GoalWork, options: GoalFormOptions): GoalFormCardData {
  const texts = collectTexts(options.locale);
  const formTexts = goalFormTexts(options.locale);
  const readOnly = view.period.state !== 'open';
  const delegateTexts = delegationTexts(options.locale).card;
  // "Delegera" on each row the person answers; it names the form page to come back to (set below).
  const delegate = (key: string, title: string, page = 0): CardAction => ({
    title,
    verb: VERBS.openDelegate,
    data: { period: view.period.id, goal: goal.goal.key, subject: key, page },
  });
  const allRows = goal.indicators.map((item) =>
    indicatorRow(view, item, readOnly, options, delegate(item.indicator.key, delegateTexts.action)),
  );
  const firstGoalRow = goalSection(goal, readOnly, options, delegate(goal.goal.key, delegateTexts.goalAction));
  const ranges = pageRanges(allRows.map(goalFormRowBytes), firstGoalRow ? goalFormRowBytes(firstGoalRow) : 0);
  const pages = ranges.length;
  const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);
  const [from, to] = ranges[page] ?? [0, 0];
  const items = goal.indicators.slice(from, to);
  const indicators = allRows
    .slice(from, to)
    .map((row) => (row.delegate ? { ...row, delegate: delegate(row.key, delegateTexts.action, page) } : row));
  const goalRow = page === 0 ? firstGoalRow : null;
  const startedFrom = (key: string, fresh: number) =>
    options.versions && Object.hasOwn(options.versions, key) ? (options.versions[key] ?? fresh) : fresh;
  const versions: Record<string, number> = {};
  for (const item of items) if (item.editable) versions[item.indicator.key] = startedFrom(item.indicator.key, item.response?.version ?? 0);
  if (goalRow?.editable) versions[goal.goal.key] = startedFrom(goal.goal.key, goal.goalResponse?.version ?? 0);
  // A questioned value saved again unchanged is confirmed: the form carries what was questioned.
  const confirmed = Object.fromEntries(
    items.flatMap((item) => {
      const note = options.submission?.implausible.get(item.indicator.key);
      return note ? [[item.indicator.key, note.text]] : [];
    }),
  );
  const saveData = {
    period: view.period.id,
    goal: goal.goal.key,
    page,
    versions,
    ...(Object.keys(confirmed).length > 0 ? { confirmed } : {}),
  };
  const canSave = !readOnly && Object.keys(versions).length > 0;
  // Turning the page of an editable form saves this page first, so nothing typed is lost.
  const pageAction = (target: number) => ({
    title: target < page ? texts.previousPage : texts.nextPage,
    verb: canSave ? VERBS.saveGoal : VERBS.openGoal,
    data: canSave ? { ...saveData, goTo: target } : { period: view.period.id, goal: goal.goal.key, page: target },
  });
  return {
    title: shorten(goal.goal.title, 300),
    subtitle: view.period.label,
    notice: readOnly
      ? {
          text: view.period.state === 'closed' ? closedNotice(view.period, options.locale, options.timezone) : texts.periodNotOpen,
          color: 'Warning',
        }
      : options.notice,
    readOnly,
    indicators,
    goal: goalRow,
    assessmentChoices: [
      ...ASSESSMENTS.map((value) => ({ title: texts.assessments[value], value })),
      { title: formTexts.noAssessment, value: NO_ASSESSMENT },
    ],
    yesNoChoices: [
      { title: formTexts.yes, value: 'Ja' },
      { title: formTexts.no, value: 'Nej' },
    ],
    save: canSave ? { title: texts.save, verb: VERBS.saveGoal, data: saveData, style: 'positive' } : null,
    back: { title: texts.back, verb: VERBS.showInbox, data: { period: view.period.id } },
    pager:
      pages === 1
        ? null
        : {
            text: texts.page(page + 1, pages),
            previous: page > 0 ? pageAction(page - 1) : null,
            next: page < pages - 1 ? pageAction(page + 1) : null,
          },
    labels: formTexts.labels,
  };
}

function indicatorRow(
  view: PeriodWork,
  item: IndicatorItem,
  readOnly: boolean,
  options: GoalFormOptions,
  delegate: CardAction,
): IndicatorFormRow {
  const { locale } = options;
  const texts = collectTexts(locale);
  const formTexts = goalFormTexts(locale);
  const { indicator, response } = item;
  const typed = options.submission?.typed.get(indicator.key);
  const errors: FieldErrors = options.submission?.errors.get(indicator.key) ?? {};
  const notAvailable = response?.outcome?.kind === 'not_available';
  // Only the owner's own choice is preselected: a suggestion is shown beside the field, so that it follows the value.
  const ownAssessment = response && !notAvailable && assessmentSourceOf(response) === 'owner' ? (response.assessment ?? '') : '';
  const assessment = typed?.assessment ?? ownAssessment;
  const suggestion = typed ? (options.submission?.suggested.get(indicator.key) ?? null) : suggestionFor(item, options.tolerance);
  const suggestionName = suggestion ? formTexts.assessmentNames[suggestion] : undefined;
  const chosen = assessment !== '' && assessment !== NO_ASSESSMENT;
  const previous = view.previous?.responses.get(indicator.key);
  const unit = expectedUnit(indicator, formTexts);
  const note = options.submission?.implausible.get(indicator.key);
  const implausible = note
    ? {
        value: formatOutcome(note.value, indicator, locale),
        target: formatTarget(note.target, indicator, locale),
        previous: note.previous ? formatOutcome(note.previous, indicator, locale) : null,
      }
    : undefined;
  const error = (code: FieldErrors[keyof FieldErrors], input: string, detail: FieldErrorDetail) =>
    code ? formTexts.fieldError(code, shorten(input, 80), { cut: MAX_INPUT_LENGTH, ...detail }) : '';
  return {
    key: indicator.key,
    name: shorten(indicator.name, 300),
    targetText: texts.target(
      indicator.direction,
      formatTarget(indicator.target, indicator, locale),
      formatTarget(indicator.baseline, indicator, locale),
    ),
    previousText:
      previous?.outcome && view.previous
        ? texts.previousValue(view.previous.period.code, formatOutcome(previous.outcome, indicator, locale))
        : '',
    inputKind: indicator.valueType === 'yesno' ? 'yesno' : 'text',
    outcomePlaceholder: formTexts.outcomePlaceholder(indicator.valueType, currencyUnitOf(indicator.unitOfMeasure) ?? null),
    outcome: typed?.outcome ?? storedOutcomeText(item),
    comment: typed?.comment ?? response?.comment ?? '',
    assessment,
    notAvailable: typed?.notAvailable ?? notAvailable,
    editable: item.editable && !readOnly,
    ownerText: item.editable ? '' : texts.answeredBy(indicator.owner),
    outcomeError: error(errors.outcome, typed?.outcome ?? '', {
      max: indicator.valueType === 'text' ? MAX_TEXT_LENGTH : MAX_VALUE_LENGTH,
      ...(unit ? { unit } : {}),
      ...(implausible ? { implausible } : {}),
    }),
    commentError: error(errors.comment, '', { max: MAX_COMMENT_LENGTH, ...(suggestionName ? { suggested: suggestionName } : {}) }),
    assessmentError: error(errors.assessment, typed?.assessment ?? '', {}),
    assessmentHint: suggestionName && suggestion !== assessment ? formTexts.suggestion(suggestionName, !chosen) : '',
    summary: response
      ? summaryOf(
          response.outcome ? formatOutcome(response.outcome, indicator, locale) : texts.noValue,
          storedAssessmentText(response, texts),
          response.comment,
        )
      : texts.noValue,
    savedBy: response ? texts.savedBy(response.authorName, formatShortDateTime(response.savedAt, options.timezone, locale)) : '',
    delegate: item.own && !readOnly ? delegate : null,
  };
}

/** What the target suggests for the stored value (none for "ej tillgängligt", which is grey by rule). */
function suggestionFor(item: IndicatorItem, tolerance: number): Assessment | null {
  const outcome = item.response?.outcome;
  if (!outcome || outcome.kind === 'not_available') return null;
  return suggestAssessment({
    outcome,
    target: item.indicator.target,
    baseline: item.indicator.baseline,
    direction: item.indicator.direction,
    tolerance,
  });
}

/** The stored outcome as the input shows it: as typed, and yes/no as the choice's value. */
function storedOutcomeText({ response, indicator }: IndicatorItem): string {
  const outcome = response?.outcome;
  if (!outcome || outcome.kind === 'not_available') return '';
  if (outcome.kind === 'boolean') return outcome.value ? 'Ja' : 'Nej';
  return response.outcomeText || formatOutcome(outcome, indicator);
}

function storedAssessmentText(response: IndicatorResponse, texts: ReturnType<typeof collectTexts>): string {
  if (!response.assessment) return '';
  const label = texts.assessments[response.assessment];
  return assessmentSourceOf(response) === 'suggested' ? `${label} (${texts.suggested})` : label;
}

/** The unit a percent or currency indicator is given in, for the wrong-unit message. */
function expectedUnit(indicator: Indicator, formTexts: ReturnType<typeof goalFormTexts>): { name: string; example: string } | null {
  if (indicator.valueType === 'percent') return { name: '%', example: formTexts.outcomeExample('percent', null) };
  const currency = currencyUnitOf(indicator.unitOfMeasure);
  if (indicator.valueType === 'currency' && currency) return { name: currency, example: formTexts.outcomeExample('currency', currency) };
  return null;
}

function goalSection(goal: GoalWork, readOnly: boolean, options: GoalFormOptions, delegate: CardAction): GoalAssessmentRow | null {
  const texts = collectTexts(options.locale);
  const formTexts = goalFormTexts(options.locale);
  const stored = goal.goalResponse;
  if (!goal.goalEditable && !stored) return null;
  const typed = options.submission?.typedGoal;
  const errors: FieldErrors = options.submission?.errors.get(goal.goal.key) ?? {};
  return {
    key: goal.goal.key,
    assessment: typed?.assessment ?? stored?.assessment ?? '',
    analysis: typed?.analysis ?? stored?.analysis ?? '',
    editable: goal.goalEditable && !readOnly,
    assessmentError: errors.assessment ? formTexts.fieldError(errors.assessment, shorten(typed?.assessment ?? '', 80)) : '',
    analysisError: errors.analysis ? formTexts.fieldError(errors.analysis, '', { max: MAX_ANALYSIS_LENGTH, cut: MAX_INPUT_LENGTH }) : '',
    summary: stored
      ? summaryOf(stored.assessment ? texts.assessments[stored.assessment] : texts.noValue, '', stored.analysis)
      : texts.noValue,
    savedBy: stored ? texts.savedBy(stored.authorName, formatShortDateTime(stored.savedAt, options.timezone, options.locale)) : '',
    delegate: goal.goalEditable && !readOnly ? delegate : null,
  };
}

function summaryOf(value: string, assessment: string, comment: string): string {
  return [value, assessment, comment ? shorten(comment, 600) : ''].filter((part) => part !== '').join(' · ');
}
