import { suggestAssessment } from './assessment';
import type { Indicator } from './plan';
import type { GoalAnswer, IndicatorAnswer } from './response';
import { parseOutcome, type ValueErrorCode } from './values';
import { AssessmentSchema, type Assessment } from './vocabulary';

export const MAX_COMMENT_LENGTH = 2_000;
export const MAX_ANALYSIS_LENGTH = 4_000;
/** A percent beyond ±1000 is a typo (a missing decimal comma), not an outcome. */
const MAX_PERCENT = 1_000;

export type FieldErrorCode =
  | ValueErrorCode
  | 'invalid_input'
  | 'invalid_assessment'
  | 'comment_required'
  | 'reason_required'
  | 'outcome_required'
  | 'analysis_required';

export interface FieldErrors {
  outcome?: FieldErrorCode;
  comment?: FieldErrorCode;
  assessment?: FieldErrorCode;
  analysis?: FieldErrorCode;
}

/** What the person typed, kept as typed so that a form with errors comes back with their input. */
export interface TypedRow {
  outcome: string;
  comment: string;
  assessment: string;
  notAvailable: boolean;
}

export interface SubmissionResult {
  ok: boolean;
  indicators: Map<string, IndicatorAnswer>;
  goal: GoalAnswer | null;
  errors: Map<string, FieldErrors>;
  typed: Map<string, TypedRow>;
  typedGoal: { assessment: string; analysis: string } | null;
}

/**
 * Reads a goal form's inputs (`<key>.outcome`, `<key>.comment`, `<key>.assessment`, `<key>.na`,
 * `<goalKey>.assessment`, `<goalKey>.analysis`) for the indicators this person may edit, parses
 * them the Swedish way and applies the rules of SPEC §4: red or yellow needs a comment, "ej
 * tillgängligt" needs a reason and counts as not_measured, an assessment needs an outcome, and
 * an outcome without a chosen bedömning gets the suggested one.
 */
export function readSubmission(
  fields: Readonly<Record<string, unknown>>,
  editable: readonly Indicator[],
  goal: { key: string; editable: boolean },
  tolerance?: number,
): SubmissionResult {
  const result: SubmissionResult = { ok: true, indicators: new Map(), goal: null, errors: new Map(), typed: new Map(), typedGoal: null };
  for (const indicator of editable) {
    const typed = typedRow(fields, indicator.key);
    result.typed.set(indicator.key, typed.row);
    const read = readIndicator(indicator, typed.row, typed.invalid, tolerance);
    if (read.errors) result.errors.set(indicator.key, read.errors);
    else result.indicators.set(indicator.key, read.answer);
  }
  if (goal.editable) {
    const assessment = stringField(fields, `${goal.key}.assessment`);
    const analysis = stringField(fields, `${goal.key}.analysis`);
    result.typedGoal = { assessment: assessment.value, analysis: analysis.value };
    const read = readGoal(assessment, analysis);
    if (read.errors) result.errors.set(goal.key, read.errors);
    else result.goal = read.answer;
  }
  result.ok = result.errors.size === 0;
  return result;
}

function typedRow(fields: Readonly<Record<string, unknown>>, key: string) {
  const outcome = stringField(fields, `${key}.outcome`);
  const comment = stringField(fields, `${key}.comment`);
  const assessment = stringField(fields, `${key}.assessment`);
  const na = stringField(fields, `${key}.na`);
  return {
    row: { outcome: outcome.value, comment: comment.value, assessment: assessment.value, notAvailable: na.value === 'true' },
    invalid: { outcome: outcome.invalid, comment: comment.invalid, assessment: assessment.invalid || na.invalid },
  };
}

function readIndicator(
  indicator: Indicator,
  row: TypedRow,
  invalid: { outcome: boolean; comment: boolean; assessment: boolean },
  tolerance: number | undefined,
): { answer: IndicatorAnswer; errors?: undefined } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const comment = row.comment.trim();
  if (invalid.comment) errors.comment = 'invalid_input';
  else if (comment.length > MAX_COMMENT_LENGTH) errors.comment = 'too_long';
  const assessment = readAssessment(row.assessment, invalid.assessment);
  if (assessment === 'invalid') errors.assessment = 'invalid_assessment';

  let answer: IndicatorAnswer | null = null;
  // "Ej tillgängligt" typed as the outcome means the same as ticking the box.
  const typedNotAvailable = !row.notAvailable && isNotAvailableText(row.outcome, indicator);
  if (invalid.outcome) errors.outcome = 'invalid_input';
  else if (row.notAvailable || typedNotAvailable) {
    if (comment === '') errors.comment ??= 'reason_required';
    answer = { outcome: { kind: 'not_available' }, outcomeText: row.notAvailable ? '' : row.outcome.trim(), comment, assessment: 'not_measured' };
  } else {
    const parsed = parseOutcome(row.outcome, indicator.valueType, { allowEmpty: true, maxPercent: MAX_PERCENT });
    if (!parsed.ok) errors.outcome = parsed.error.code;
    else {
      // No bedömning chosen: the suggestion from target, baseline and direction is taken (SPEC §4),
      // and a suggested red or yellow needs its comment like a chosen one.
      const suggested = parsed.value ? suggestAssessment({ outcome: parsed.value, target: indicator.target, baseline: indicator.baseline, direction: indicator.direction, ...(tolerance === undefined ? {} : { tolerance }) }) : null;
      const chosen = assessment === 'invalid' ? null : assessment ?? suggested;
      if (parsed.value === null && chosen !== null && chosen !== 'not_measured') errors.outcome = 'outcome_required';
      if ((chosen === 'partly' || chosen === 'not_achieved') && comment === '') errors.comment ??= 'comment_required';
      answer = { outcome: parsed.value, outcomeText: parsed.value === null ? '' : row.outcome.trim(), comment, assessment: chosen };
    }
  }
  if (Object.keys(errors).length > 0 || answer === null) return { errors };
  return { answer };
}

function readGoal(
  assessment: { value: string; invalid: boolean },
  analysis: { value: string; invalid: boolean },
): { answer: GoalAnswer; errors?: undefined } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const chosen = readAssessment(assessment.value, assessment.invalid);
  const text = analysis.value.trim();
  if (chosen === 'invalid') errors.assessment = 'invalid_assessment';
  if (analysis.invalid) errors.analysis = 'invalid_input';
  else if (text.length > MAX_ANALYSIS_LENGTH) errors.analysis = 'too_long';
  else if ((chosen === 'partly' || chosen === 'not_achieved') && text === '') errors.analysis = 'analysis_required';
  if (Object.keys(errors).length > 0 || chosen === 'invalid') return { errors };
  return { answer: { assessment: chosen, analysis: text } };
}

function readAssessment(value: string, invalid: boolean): Assessment | null | 'invalid' {
  if (invalid) return 'invalid';
  if (value.trim() === '') return null;
  const parsed = AssessmentSchema.safeParse(value.trim());
  return parsed.success ? parsed.data : 'invalid';
}

/** Card inputs arrive as strings; anything else (an object, a number, `{"$gt": ""}`) is refused. */
function stringField(fields: Readonly<Record<string, unknown>>, name: string): { value: string; invalid: boolean } {
  if (!Object.prototype.hasOwnProperty.call(fields, name)) return { value: '', invalid: false };
  const value = fields[name];
  if (value === undefined || value === null) return { value: '', invalid: false };
  if (typeof value !== 'string') return { value: '', invalid: true };
  // Keep one character past the longest limit, so the length rules report too_long without holding 100 000 characters.
  return { value: value.length > MAX_ANALYSIS_LENGTH ? value.slice(0, MAX_ANALYSIS_LENGTH + 1) : value, invalid: false };
}

function isNotAvailableText(text: string, indicator: Indicator): boolean {
  const parsed = parseOutcome(text, indicator.valueType, { allowEmpty: true });
  return parsed.ok && parsed.value?.kind === 'not_available';
}
