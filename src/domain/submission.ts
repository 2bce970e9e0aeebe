import { suggestAssessment } from './assessment';
import { checkPlausibility, type Implausible } from './plausibility';
import type { Indicator } from './plan';
import type { GoalAnswer, IndicatorAnswer, IndicatorResponse } from './response';
import { parseOutcome, type OutcomeValue, type ValueErrorCode } from './values';
import { AssessmentSchema, type Assessment } from './vocabulary';

export const MAX_COMMENT_LENGTH = 2_000;
export const MAX_ANALYSIS_LENGTH = 4_000;
/** A percent beyond ±1000 is a typo (a missing decimal comma), not an outcome. */
const MAX_PERCENT = 1_000;
/** The bedömning choice that clears it ("Ingen bedömning"): the same as leaving it empty. */
export const NO_ASSESSMENT = 'none';

export type FieldErrorCode =
  | ValueErrorCode
  | 'invalid_input'
  /** Longer than any input may be: cut at the edge, so what is shown back is only its start. */
  | 'input_too_long'
  | 'invalid_assessment'
  | 'comment_required'
  /** No bedömning chosen, and the one suggested from the target is yellow or red. */
  | 'comment_required_suggested'
  | 'reason_required'
  | 'outcome_required'
  /** The goal's bedömning is red. */
  | 'analysis_required'
  /** The goal's bedömning is yellow (delvis uppnått). */
  | 'analysis_required_partly'
  /** A value far from the target and the previous period's, not yet confirmed by saving it again. */
  | 'implausible';

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

/** A questioned value: what was compared, and whether the person has confirmed it. */
export interface PlausibilityNote extends Implausible {
  value: OutcomeValue;
  /** The outcome as typed (trimmed): saving exactly this again confirms it. */
  text: string;
  confirmed: boolean;
}

export interface SubmissionResult {
  ok: boolean;
  indicators: Map<string, IndicatorAnswer>;
  goal: GoalAnswer | null;
  errors: Map<string, FieldErrors>;
  typed: Map<string, TypedRow>;
  typedGoal: { assessment: string; analysis: string } | null;
  /** The bedömning suggested from each typed outcome, where there is one (shown beside the field). */
  suggested: Map<string, Assessment>;
  /** Values far from their references, confirmed or not (a confirmation is carried to the next save). */
  implausible: Map<string, PlausibilityNote>;
}

export interface SubmissionContext {
  /** ASSESSMENT_TOLERANCE for the suggestion. */
  tolerance?: number;
  /** What is stored now, by indicator key: a stored value was checked when it was saved and is not questioned again. */
  stored?: ReadonlyMap<string, Pick<IndicatorResponse, 'outcome'>>;
  /** The previous period's outcomes by indicator key, for the plausibility check. */
  previous?: ReadonlyMap<string, OutcomeValue>;
  /** Questioned values the person saves again, by indicator key: the outcome text they confirmed. */
  confirmed?: Readonly<Record<string, string>>;
  /** Inputs (by id) that were longer than any input may be and were cut before they got here. */
  tooLong?: ReadonlySet<string>;
  /** How the person writes numbers (their Teams language); see ParseOptions.numberStyle. */
  numberStyle?: 'sv' | 'en';
}

/**
 * Reads a goal form's inputs (`<key>.outcome`, `<key>.comment`, `<key>.assessment`, `<key>.na`,
 * `<goalKey>.assessment`, `<goalKey>.analysis`) for the indicators this person may edit, parses
 * them the Swedish way and applies the rules of SPEC §4: red or yellow needs a comment, "ej
 * tillgängligt" needs a reason and counts as not_measured, an assessment needs an outcome. An
 * outcome without a chosen bedömning gets the one suggested from it, stored as `suggested`; a
 * suggested red or yellow needs its comment like a chosen one. A new value far from the target and
 * the previous period's (see checkPlausibility) is questioned until it is saved again unchanged.
 */
export function readSubmission(
  fields: Readonly<Record<string, unknown>>,
  editable: readonly Indicator[],
  goal: { key: string; editable: boolean },
  context: SubmissionContext = {},
): SubmissionResult {
  const result: SubmissionResult = {
    ok: true,
    indicators: new Map(),
    goal: null,
    errors: new Map(),
    typed: new Map(),
    typedGoal: null,
    suggested: new Map(),
    implausible: new Map(),
  };
  const read = (name: string) => stringField(fields, name, context.tooLong);
  for (const indicator of editable) {
    const typed = typedRow(read, indicator.key);
    result.typed.set(indicator.key, typed.row);
    const row = readIndicator(indicator, typed.row, typed.invalid, context);
    if (row.suggested) result.suggested.set(indicator.key, row.suggested);
    if (row.implausible) result.implausible.set(indicator.key, row.implausible);
    if (row.errors) result.errors.set(indicator.key, row.errors);
    else result.indicators.set(indicator.key, row.answer);
  }
  if (goal.editable) {
    const assessment = read(`${goal.key}.assessment`);
    const analysis = read(`${goal.key}.analysis`);
    result.typedGoal = { assessment: assessment.value, analysis: analysis.value };
    const row = readGoal(assessment, analysis);
    if (row.errors) result.errors.set(goal.key, row.errors);
    else result.goal = row.answer;
  }
  result.ok = result.errors.size === 0;
  return result;
}

type Field = { value: string; invalid: boolean; tooLong: boolean };
type Invalid = { outcome: FieldErrorCode | null; comment: FieldErrorCode | null; assessment: boolean };

function typedRow(read: (name: string) => Field, key: string) {
  const outcome = read(`${key}.outcome`);
  const comment = read(`${key}.comment`);
  const assessment = read(`${key}.assessment`);
  const na = read(`${key}.na`);
  const invalid: Invalid = {
    outcome: inputError(outcome),
    comment: inputError(comment),
    assessment: assessment.invalid || assessment.tooLong || na.invalid || na.tooLong,
  };
  return {
    row: { outcome: outcome.value, comment: comment.value, assessment: assessment.value, notAvailable: na.value === 'true' },
    invalid,
  };
}

function inputError(field: Field): FieldErrorCode | null {
  return field.invalid ? 'invalid_input' : field.tooLong ? 'input_too_long' : null;
}

type IndicatorRead = ({ answer: IndicatorAnswer; errors?: undefined } | { errors: FieldErrors }) & {
  suggested: Assessment | null;
  implausible: PlausibilityNote | null;
};

function readIndicator(indicator: Indicator, row: TypedRow, invalid: Invalid, context: SubmissionContext): IndicatorRead {
  const errors: FieldErrors = {};
  const comment = row.comment.trim();
  if (invalid.comment) errors.comment = invalid.comment;
  else if (comment.length > MAX_COMMENT_LENGTH) errors.comment = 'too_long';
  const assessment = readAssessment(row.assessment, invalid.assessment);
  if (assessment === 'invalid') errors.assessment = 'invalid_assessment';

  let answer: IndicatorAnswer | null = null;
  let suggested: Assessment | null = null;
  let implausible: PlausibilityNote | null = null;
  // "Ej tillgängligt" typed as the outcome means the same as ticking the box.
  const typedNotAvailable = !row.notAvailable && isNotAvailableText(row.outcome, indicator);
  if (invalid.outcome) errors.outcome = invalid.outcome;
  else if (row.notAvailable || typedNotAvailable) {
    if (comment === '') errors.comment ??= 'reason_required';
    answer = {
      outcome: { kind: 'not_available' },
      outcomeText: row.notAvailable ? '' : row.outcome.trim(),
      comment,
      assessment: 'not_measured',
      assessmentSource: 'owner',
    };
  } else {
    const parsed = parseOutcome(row.outcome, indicator.valueType, {
      allowEmpty: true,
      maxPercent: MAX_PERCENT,
      ...(context.numberStyle ? { numberStyle: context.numberStyle } : {}),
    });
    if (!parsed.ok) errors.outcome = parsed.error.code;
    else {
      const value = parsed.value;
      suggested = value
        ? suggestAssessment({
            outcome: value,
            target: indicator.target,
            baseline: indicator.baseline,
            direction: indicator.direction,
            ...(context.tolerance === undefined ? {} : { tolerance: context.tolerance }),
          })
        : null;
      const own = assessment === 'invalid' ? null : assessment;
      const chosen = own ?? suggested;
      if (value === null && chosen !== null && chosen !== 'not_measured') errors.outcome = 'outcome_required';
      if ((chosen === 'partly' || chosen === 'not_achieved') && comment === '')
        errors.comment ??= own === null ? 'comment_required_suggested' : 'comment_required';
      implausible = value ? questionValue(indicator, value, row.outcome.trim(), context) : null;
      if (implausible && !implausible.confirmed) errors.outcome = 'implausible';
      const assessmentSource = own === null && suggested !== null ? 'suggested' : 'owner';
      answer = { outcome: value, outcomeText: value === null ? '' : row.outcome.trim(), comment, assessment: chosen, assessmentSource };
    }
  }
  const notes = { suggested, implausible };
  if (Object.keys(errors).length > 0 || answer === null) return { errors, ...notes };
  return { answer, ...notes };
}

/** A new value (not the one stored) far from its references; confirmed when the same text is saved again. */
function questionValue(indicator: Indicator, value: OutcomeValue, text: string, context: SubmissionContext): PlausibilityNote | null {
  const stored = context.stored?.get(indicator.key)?.outcome;
  if (stored && sameValue(stored, value)) return null;
  const previous = context.previous?.get(indicator.key) ?? null;
  const far = checkPlausibility({
    value,
    valueType: indicator.valueType,
    unitOfMeasure: indicator.unitOfMeasure,
    target: indicator.target,
    previous,
  });
  if (!far) return null;
  const confirmed =
    context.confirmed !== undefined && Object.hasOwn(context.confirmed, indicator.key) && context.confirmed[indicator.key] === text;
  return { ...far, value, text, confirmed };
}

function sameValue(a: OutcomeValue, b: OutcomeValue): boolean {
  return a.kind === 'number' && b.kind === 'number' ? a.value === b.value && a.currencyUnit === b.currencyUnit : false;
}

function readGoal(assessment: Field, analysis: Field): { answer: GoalAnswer; errors?: undefined } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const chosen = readAssessment(assessment.value, assessment.invalid || assessment.tooLong);
  const text = analysis.value.trim();
  if (chosen === 'invalid') errors.assessment = 'invalid_assessment';
  const invalid = inputError(analysis);
  if (invalid) errors.analysis = invalid;
  else if (text.length > MAX_ANALYSIS_LENGTH) errors.analysis = 'too_long';
  else if (text === '' && chosen === 'partly') errors.analysis = 'analysis_required_partly';
  else if (text === '' && chosen === 'not_achieved') errors.analysis = 'analysis_required';
  if (Object.keys(errors).length > 0 || chosen === 'invalid') return { errors };
  return { answer: { assessment: chosen, analysis: text } };
}

function readAssessment(value: string, invalid: boolean): Assessment | null | 'invalid' {
  if (invalid) return 'invalid';
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === NO_ASSESSMENT) return null;
  const parsed = AssessmentSchema.safeParse(trimmed);
  return parsed.success ? parsed.data : 'invalid';
}

/** Card inputs arrive as strings; anything else (an object, a number, `{"$gt": ""}`) is refused. */
function stringField(fields: Readonly<Record<string, unknown>>, name: string, tooLong: ReadonlySet<string> | undefined): Field {
  if (!Object.prototype.hasOwnProperty.call(fields, name)) return { value: '', invalid: false, tooLong: false };
  const value = fields[name];
  if (value === undefined || value === null) return { value: '', invalid: false, tooLong: false };
  if (typeof value !== 'string') return { value: '', invalid: true, tooLong: false };
  // Keep one character past the longest limit, so the length rules report too_long without holding 100 000 characters.
  return {
    value: value.length > MAX_ANALYSIS_LENGTH ? value.slice(0, MAX_ANALYSIS_LENGTH + 1) : value,
    invalid: false,
    tooLong: tooLong?.has(name) ?? false,
  };
}

function isNotAvailableText(text: string, indicator: Indicator): boolean {
  const parsed = parseOutcome(text, indicator.valueType, { allowEmpty: true });
  return parsed.ok && parsed.value?.kind === 'not_available';
}
