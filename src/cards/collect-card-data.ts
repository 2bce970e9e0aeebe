/**
 * What the collect-outcomes cards show. Every string is final, localised text (Swedish or English):
 * the builders only lay it out. Actions carry the verb (cards/actions.ts) and its data payload.
 */

export type TextColor = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

export interface CardAction {
  title: string;
  verb: string;
  /** The Action.Execute `data`; the builder adds `verb` next to it for the Action.Submit fallback. */
  data: Record<string, unknown>;
  style?: 'positive' | 'destructive' | 'default';
}

export interface Notice {
  text: string;
  color: TextColor;
}

/** One message per owner per period: their goals with progress and the deadline. */
export interface InboxCardData {
  title: string;
  /** "Sista svarsdag: fredag 11 september 2026" */
  deadline: string;
  /** "2 av 5 mål klara" */
  progress: string;
  notice: Notice | null;
  goals: InboxGoalRow[];
  /** Paging for owners with many goals; null when everything fits. */
  pager: { text: string; previous: CardAction | null; next: CardAction | null } | null;
  /** The owner-specific user ids the card refreshes for (Action.Execute refresh), at most 60. */
  refresh: { action: CardAction; userIds: string[] } | null;
}

export interface InboxGoalRow {
  title: string;
  /** "Klar", "2 av 3 mätetal ifyllda", "Ej påbörjad" */
  status: string;
  statusColor: TextColor;
  /** e.g. "Medarbetare · Hälsofrämjande arbetsmiljö" */
  context: string;
  open: CardAction;
}

/** The form for one goal: its indicators measured this period, and the goal's own bedömning/analys. */
export interface GoalFormCardData {
  title: string;
  subtitle: string;
  notice: Notice | null;
  readOnly: boolean;
  indicators: IndicatorFormRow[];
  goal: GoalAssessmentRow | null;
  assessmentChoices: { title: string; value: string }[];
  save: CardAction | null;
  back: CardAction;
  pager: { text: string; previous: CardAction | null; next: CardAction | null } | null;
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
  outcomePlaceholder: string;
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
  /** When read-only: the stored values as text. */
  summary: string;
  /** "Sparat av Anna Berg 12 maj 14:03" or '' */
  savedBy: string;
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
}

/** All goals answered: a read-only receipt with an "Ändra" action. */
export interface ReceiptCardData {
  title: string;
  body: string;
  goals: { title: string; status: string; statusColor: TextColor; edit: CardAction | null }[];
}

/** A short message card: refusals, closed period, unknown action. */
export interface MessageCardData {
  title: string;
  body: string;
  color: TextColor;
  actions: CardAction[];
}

/** "Skicka till 212 målägare i 3 planer? Ej nåbara: 7" with Skicka / Avbryt. */
export interface ConfirmCardData {
  title: string;
  body: string;
  facts: { title: string; value: string }[];
  /** People who cannot be reached, listed (cut to a readable number with "… och 12 till"). */
  details: string[];
  confirm: CardAction;
  cancel: CardAction;
}
