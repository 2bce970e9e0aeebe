import { z } from 'zod';

/** Action.Execute verbs, defined once and used both in card data and in route registration. */
export const VERBS = {
  openGoal: 'goal.open',
  saveGoal: 'goal.save',
  showInbox: 'inbox.show',
  confirmOpenPeriod: 'period.open.confirm',
  cancelOpenPeriod: 'period.open.cancel',
  showSummary: 'summary.show',
  showPerspective: 'summary.perspective',
  showGoalDetail: 'summary.goal',
  showMissing: 'summary.missing',
  showRedGoals: 'summary.red',
  confirmClosePeriod: 'period.close.confirm',
  cancelClosePeriod: 'period.close.cancel',
  confirmReopenPeriod: 'period.reopen.confirm',
  previewRemind: 'remind.preview',
  reportFile: 'report.file',
  showReport: 'summary.report',
  confirmRemind: 'remind.confirm',
  cancelRemind: 'remind.cancel',
  openDelegate: 'delegate.open',
  saveDelegate: 'delegate.save',
} as const;

/** The `application/search` dataset of the delegate card's person picker (answered by the bot). */
export const PEOPLE_DATASET = 'utfall.people';

export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** The verbs as an explicit list: a verb from a payload is parsed against it, never looked up as a property name. */
export const VerbSchema = z.enum(Object.values(VERBS) as [Verb, ...Verb[]]);

const Key = z.string().min(1).max(100);
const PeriodRef = z.string().min(1).max(130);

/** Opening a goal form or the inbox: which period (plan/code) and goal. */
export const OpenGoalData = z.object({ period: PeriodRef, goal: Key, page: z.number().int().min(0).max(1000).optional() });
export type OpenGoalData = z.infer<typeof OpenGoalData>;

/** "Delegera" on a goal form row: the indicator or goal (`subject`) of that form. */
export const OpenDelegateData = z.object({
  period: PeriodRef,
  goal: Key,
  subject: Key,
  page: z.number().int().min(0).max(1000).optional(),
});
export type OpenDelegateData = z.infer<typeof OpenDelegateData>;

/**
 * "Delegera" on the delegate card, with its inputs: `person` the picker's value, `email` the typed
 * address (every input arrives as a string; an empty one may be left out). The picker wins.
 */
export const SaveDelegateData = OpenDelegateData.extend({
  person: z.string().max(320).optional(),
  email: z.string().max(320).optional(),
});
export type SaveDelegateData = z.infer<typeof SaveDelegateData>;

/** Teams' `application/search` invoke of a dynamic typeahead (Data.Query). */
export const SearchInvokeValue = z.looseObject({
  queryText: z.string().max(200).default(''),
  dataset: z.string().max(200),
  queryOptions: z.looseObject({ top: z.number().int().min(1).max(100).optional(), skip: z.number().int().min(0).optional() }).optional(),
});
export type SearchInvokeValue = z.infer<typeof SearchInvokeValue>;

export const ShowInboxData = z.object({ period: PeriodRef, page: z.number().int().min(0).max(1000).optional() });
export type ShowInboxData = z.infer<typeof ShowInboxData>;

/** Max length of any single input value of a save; a longer one is cut here and reported beside its field. */
export const MAX_INPUT_LENGTH = 4_000;
const MAX_FORM_KEYS = 500;
const FORM_FIELDS = new Set(['period', 'goal', 'page', 'goTo', 'versions', 'confirmed', 'verb']);

/**
 * Saving a goal form. Teams merges the form's inputs into `data` next to what the card put there;
 * inputs are named `<key>.outcome`, `<key>.comment`, `<key>.assessment`, `<key>.na` (indicators)
 * and `<goalKey>.assessment`, `<goalKey>.analysis` (the goal), and every value arrives as a string.
 * `versions` are the response versions the form was rendered from (0: none yet), for optimistic
 * concurrency; `confirmed` the questioned values the person saves again (indicator key → the
 * outcome text shown with the question). The inputs come out as `inputs`; one longer than
 * MAX_INPUT_LENGTH is cut to it and named in `tooLong`, so the form can say so and keep the rest.
 */
export const SaveGoalData = z
  .looseObject({
    period: PeriodRef,
    goal: Key,
    page: z.number().int().min(0).max(1000).optional(),
    /** Set by the pager of a paged form: after saving, show this page instead of the inbox. */
    goTo: z.number().int().min(0).max(1000).optional(),
    versions: z.record(Key, z.number().int().min(0).max(1_000_000)).refine((v) => Object.keys(v).length <= MAX_FORM_KEYS),
    confirmed: z
      .record(Key, z.string().max(MAX_INPUT_LENGTH))
      .refine((v) => Object.keys(v).length <= MAX_FORM_KEYS)
      .optional(),
  })
  .transform(({ period, goal, page, goTo, versions, confirmed, ...rest }) => {
    const tooLong: string[] = [];
    // fromEntries defines own properties: a key named "__proto__" cannot reach a prototype.
    const inputs: Record<string, unknown> = Object.fromEntries(
      Object.entries(rest)
        .filter(([name]) => !FORM_FIELDS.has(name))
        .map(([name, value]) => {
          if (typeof value !== 'string' || value.length <= MAX_INPUT_LENGTH) return [name, value];
          tooLong.push(name);
          return [name, value.slice(0, MAX_INPUT_LENGTH)];
        }),
    );
    return { period, goal, page, goTo, versions, confirmed, inputs, tooLong };
  });
export type SaveGoalData = z.output<typeof SaveGoalData>;

export const ConfirmOpenPeriodData = z.object({
  code: z.string().min(1).max(20),
  unit: z.string().max(100).nullable(),
  /** How many the card said would get a card now: the answer says so if that has changed. */
  owners: z.number().int().min(0),
  /** When the confirmation was shown: it names the confirmation, so a double click on "Skicka" opens once and answers the same. */
  issued: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
});
export type ConfirmOpenPeriodData = z.infer<typeof ConfirmOpenPeriodData>;

/** Closing or reopening periods, as the coordinator confirmed it (`issued`: when the card was shown). */
export const ConfirmClosePeriodData = z.object({
  code: z.string().min(1).max(20),
  unit: z.string().max(100).nullable(),
  issued: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
});
export type ConfirmClosePeriodData = z.infer<typeof ConfirmClosePeriodData>;

/** A report file asked for from the report card: the signed scope travels as its token, never as units. */
export const ReportFileData = z.object({
  format: z.enum(['docx', 'xlsx']),
  token: z.string().min(10).max(9000),
});
export type ReportFileData = z.infer<typeof ReportFileData>;

/**
 * Drill-downs of a summary card. In a channel the units come from the channel's links, never from
 * the payload; `units` is only read in personal chat, where only coordinators may use it.
 */
export const SummaryViewData = z.object({
  code: z.string().min(1).max(20),
  year: z.number().int().min(1900).max(2200),
  units: z.array(Key).max(50).optional(),
  perspective: z.string().min(1).max(200).optional(),
  goal: Key.optional(),
  page: z.number().int().min(0).max(10_000).optional(),
  /** Made from an on-demand card: the summary shown on the way back says "Ögonblicksbild". */
  snapshot: z.boolean().optional(),
});
export type SummaryViewData = z.infer<typeof SummaryViewData>;

/** "Påminn" on the summary's list of who has not answered: shows the `påminn [enhet]` confirmation (coordinators only). */
export const PreviewRemindData = z.object({ unit: Key.nullable() });
export type PreviewRemindData = z.infer<typeof PreviewRemindData>;

export const ConfirmRemindData = z.object({
  unit: Key.nullable(),
  /** How many the coordinator was told would get a reminder. */
  owners: z.number().int().min(0),
  /** When the confirmation was shown: a double click on "Skicka" enqueues the same jobs, so nothing twice. */
  issued: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
});
export type ConfirmRemindData = z.infer<typeof ConfirmRemindData>;
