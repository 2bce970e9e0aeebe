import type { OutcomeValue } from './values';
import type { Assessment } from './vocabulary';

/**
 * Who set an indicator's bedömning: the owner chose it, or they left it empty and it was suggested
 * from the outcome, target, baseline and direction (SPEC §4). Answers saved before the flag existed
 * have none and read as the owner's.
 */
export type AssessmentSource = 'owner' | 'suggested';

/** One answer per (indicator, period). */
export interface IndicatorResponse {
  indicator: string;
  goal: string;
  plan: string;
  unit: string;
  perspective: string;
  period: string;
  outcome: OutcomeValue | null;
  /** What the owner typed, kept verbatim for the record and for showing back. */
  outcomeText: string;
  comment: string;
  assessment: Assessment | null;
  /** Absent on answers saved before it was recorded: read it with `assessmentSourceOf`. */
  assessmentSource?: AssessmentSource;
  author: string;
  authorName: string;
  savedAt: Date;
  version: number;
}

/** The goal-level bedömning and analys per (goal, period). */
export interface GoalResponse {
  goal: string;
  plan: string;
  unit: string;
  perspective: string;
  period: string;
  assessment: Assessment | null;
  analysis: string;
  author: string;
  authorName: string;
  savedAt: Date;
  version: number;
}

/** The fields an edit changes; compared to decide whether a save changes anything at all. */
export interface IndicatorAnswer {
  outcome: OutcomeValue | null;
  outcomeText: string;
  comment: string;
  assessment: Assessment | null;
  assessmentSource?: AssessmentSource;
}

export interface GoalAnswer {
  assessment: Assessment | null;
  analysis: string;
}

/** The answer's fields with the source made explicit, so that an old answer and a new one compare alike. */
export function indicatorAnswerOf(response: IndicatorAnswer): Required<IndicatorAnswer> {
  return {
    outcome: response.outcome,
    outcomeText: response.outcomeText,
    comment: response.comment,
    assessment: response.assessment,
    assessmentSource: assessmentSourceOf(response),
  };
}

export function assessmentSourceOf(answer: Pick<IndicatorAnswer, 'assessmentSource'>): AssessmentSource {
  return answer.assessmentSource ?? 'owner';
}

export function goalAnswerOf(response: GoalResponse): GoalAnswer {
  return { assessment: response.assessment, analysis: response.analysis };
}

/** An indicator counts as answered when it has an outcome (a value, or "ej tillgängligt"). */
export function isIndicatorAnswered(response: Pick<IndicatorResponse, 'outcome'> | undefined): boolean {
  return response?.outcome !== null && response?.outcome !== undefined;
}

export function isGoalAnswered(response: Pick<GoalResponse, 'assessment'> | undefined): boolean {
  return response?.assessment !== null && response?.assessment !== undefined;
}
