import template from '../../cards/goal-form.json';
import { toExecuteAction, toExecuteActions, toPager } from './action-json';
import type { CardAction, CardPager, Notice } from './card-types';
import { jsonBytes, renderTemplate, type AdaptiveCard } from './render';

/** The form for one goal: its indicators measured this period, and the goal's own bedömning/analys. */
export interface GoalFormCardData {
  title: string;
  subtitle: string;
  notice: Notice | null;
  readOnly: boolean;
  indicators: IndicatorFormRow[];
  goal: GoalAssessmentRow | null;
  /** The bedömningar, and a choice that clears one. */
  assessmentChoices: { title: string; value: string }[];
  /** The yes/no outcome's choices: localised titles, values the parser reads ("Ja"/"Nej"). */
  yesNoChoices: { title: string; value: string }[];
  save: CardAction | null;
  back: CardAction;
  pager: CardPager | null;
  labels: FormLabels;
}

export interface FormLabels {
  outcome: string;
  comment: string;
  assessment: string;
  notAvailable: string;
  target: string;
  previous: string;
  analysis: string;
  goalAssessment: string;
  commentPlaceholder: string;
  analysisPlaceholder: string;
}

export interface IndicatorFormRow {
  /** Input ids are `${key}.outcome`, `${key}.comment`, `${key}.assessment`, `${key}.na`. */
  key: string;
  name: string;
  /** "Mål: högst 4,6 % · Ingångsvärde 5,1 %" */
  targetText: string;
  /** "Förra perioden (DÅ04): 6,3 %" or '' */
  previousText: string;
  /** 'text' → Input.Text; 'yesno' → ChoiceSet Ja/Nej. */
  inputKind: 'text' | 'yesno';
  /** "T.ex. 4,4 %", in the indicator's value type and unit. */
  outcomePlaceholder: string;
  outcome: string;
  comment: string;
  assessment: string;
  notAvailable: boolean;
  /** Owned by someone else: shown read-only with who answers it. */
  editable: boolean;
  ownerText: string;
  /** Validation or conflict messages beside the fields; '' for none. */
  outcomeError: string;
  commentError: string;
  assessmentError: string;
  /** "Föreslagen utifrån målvärdet: Röd …" beside the bedömning, or ''. */
  assessmentHint: string;
  /** When read-only: the stored values as text. */
  summary: string;
  /** "Sparat av Anna Berg 12 maj 14:03" or '' */
  savedBy: string;
  /** "Delegera": hand this indicator to a colleague (the delegate card); null where the person may not. */
  delegate: CardAction | null;
}

export interface GoalAssessmentRow {
  key: string;
  assessment: string;
  analysis: string;
  editable: boolean;
  assessmentError: string;
  analysisError: string;
  summary: string;
  savedBy: string;
  /** "Delegera målet"; null where the person may not. */
  delegate: CardAction | null;
}

/** Bytes of card per page for rows; the card's frame takes ~4 KB more, and Teams' limit is far above 40 KB. */
export const GOAL_FORM_ROWS_BUDGET_BYTES = 33_000;
/** Layout bytes of one indicator row around its texts (measured with the card tests). */
const ROW_LAYOUT_BYTES = 1_400;

/** An estimate of the bytes a row (indicator or goal section) adds to the form: its layout and its texts. */
export function goalFormRowBytes(row: IndicatorFormRow | GoalAssessmentRow): number {
  return ROW_LAYOUT_BYTES + jsonBytes(row);
}

/**
 * One goal's form. Inputs are named `<indicatorKey>.outcome|.na|.comment|.assessment` and
 * `<goalKey>.assessment|.analysis`; rows that are not editable (or a read-only form) show their
 * summary instead. The card grows by roughly the length of each row's texts, so the caller pages
 * long forms through `pager`.
 */
export function buildGoalFormCard(data: GoalFormCardData): AdaptiveCard {
  const save = data.save === null ? null : { ...data.save, style: data.save.style ?? 'positive' };
  return renderTemplate(template, {
    title: data.title,
    subtitle: data.subtitle,
    notice: data.notice,
    readOnly: data.readOnly,
    indicators: data.indicators.map(withDelegateActions),
    goal: data.goal === null ? null : withDelegateActions(data.goal),
    assessmentChoices: data.assessmentChoices,
    yesNoChoices: data.yesNoChoices,
    labels: data.labels,
    actions: toExecuteActions([save, data.back]),
    pager: toPager(data.pager),
  });
}

/** A row's "Delegera" as the ActionSet's list of actions (empty: no ActionSet). */
function withDelegateActions<Row extends { delegate: CardAction | null }>(row: Row) {
  return { ...row, delegate: row.delegate === null ? [] : [toExecuteAction(row.delegate)] };
}
