import type { TurnContext } from 'botbuilder';
import {
  OpenGoalData,
  ReportFileData,
  SaveGoalData,
  ShowInboxData,
  VERBS,
  VerbSchema,
  type Verb,
  ConfirmClosePeriodData,
  ConfirmOpenPeriodData,
  ConfirmRemindData,
  OpenDelegateData,
  PreviewRemindData,
  SaveDelegateData,
  SummaryViewData,
} from '../../cards/actions';
import { reminderTexts } from '../../i18n/reminder-texts';
import { openDelegate, saveDelegate } from './delegate-actions';
import { confirmRemind, previewRemind } from './remind-command';
import { askToUploadReport, reportFromSummary } from './report-command';
import { showSummaryView, type SummaryView } from './summary-actions';
import type { AdaptiveCard } from '../../cards/render';
import { collectTexts } from '../../i18n/collect-texts';
import type { Locale } from '../../i18n/locale';
import type { BotDeps } from '../deps';
import { resolveSender } from '../identity';
import { readTurnFacts } from '../turn';
import { goalFormCard, inboxCard, messageCard, saveResultCard, type CollectCardOptions } from '../../views/collect-cards';
import { periodTexts } from '../../i18n/period-texts';
import { confirmClosePeriod, confirmOpenPeriod, confirmReopenPeriod } from './period-commands';

/** A card replaces the clicked card; a text is shown as a message and leaves the card as it was. */
type ActionHandler = (context: TurnContext, deps: BotDeps, data: unknown, locale: Locale) => Promise<AdaptiveCard | string>;

/**
 * Every Action.Execute (and its Action.Submit fallback) lands here. The payload is parsed with the
 * verb's zod schema before anything else: teams-ai's typed `data` is an unchecked cast.
 */
export async function executeCardAction(context: TurnContext, deps: BotDeps, verb: string, data: unknown): Promise<AdaptiveCard | string> {
  const facts = readTurnFacts(context);
  const texts = collectTexts(facts.locale);
  // A Map keyed by the parsed verb: a plain object would resolve "constructor" or "__proto__" to a built-in.
  const known = VerbSchema.safeParse(verb);
  const handler = known.success ? HANDLERS.get(known.data) : undefined;
  if (!handler) {
    deps.logger.warn({ verb: verb.slice(0, 100), activityId: context.activity.id }, 'unknown card action');
    return messageCard(texts.refusal.title, texts.refusal.unknown_action, 'Warning');
  }
  return withinDeadline(handler(context, deps, data, facts.locale), deps, context, facts.locale);
}

/**
 * Teams waits about 5 s for an invoke's answer, then shows its own error. A card action that fails,
 * or is still waiting on the database after INVOKE_DEADLINE_SECONDS (an outage: the driver would wait
 * for a server far longer), is answered with a readable "försök igen" card instead of an HTTP error.
 * The work itself is not cancelled: a save that completes later is kept, and stored once if repeated.
 */
async function withinDeadline(
  work: Promise<AdaptiveCard | string>,
  deps: BotDeps,
  context: TurnContext,
  locale: Locale,
): Promise<AdaptiveCard | string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deps.config.invokeDeadlineMs)));
  const outcome = await Promise.race([
    work.then(
      (card) => ({ card }),
      (error: unknown) => ({ error }),
    ),
    late,
  ]).finally(() => clearTimeout(timer));
  if (outcome !== 'late' && 'card' in outcome) return outcome.card;
  const verb = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  if (outcome === 'late') {
    // Still running: its end (or failure) is only logged.
    work.catch((error: unknown) => deps.logger.warn({ err: error, verb }, 'card action failed after its answer was given'));
    deps.logger.warn(
      { verb, activityId: context.activity.id, deadlineMs: deps.config.invokeDeadlineMs },
      'card action passed its deadline',
    );
  } else {
    deps.logger.error({ err: outcome.error, verb, activityId: context.activity.id }, 'card action failed');
  }
  const texts = collectTexts(locale).unavailable;
  return messageCard(texts.title, texts.text, 'Warning');
}

const HANDLERS = new Map<Verb, ActionHandler>([
  // `period` names any period of the inbox (the goal form's "back" names its own): the whole inbox comes back.
  [
    VERBS.showInbox,
    withPerson(ShowInboxData, async (deps, person, data, locale) =>
      inboxCard(await deps.inbox.inboxFor(person.email, data.period), locale, null, data.page ?? 0, person.userId),
    ),
  ],
  [
    VERBS.openGoal,
    withPerson(OpenGoalData, async (deps, person, data, locale) => {
      const form = goalFormCard(
        await deps.collect.workFor(person.email, data.period),
        data.goal,
        cardOptions(deps, locale),
        data.page ?? 0,
      );
      if (form.refused === 'not_owner')
        deps.logger.warn({ by: person.email, period: data.period, goal: data.goal.slice(0, 100) }, 'goal form refused: not the owner');
      return form.card;
    }),
  ],
  [
    VERBS.saveGoal,
    withPerson(SaveGoalData, async (deps, person, data, locale) => {
      const result = await deps.collect.save(person, data.period, data.goal, data.inputs, data.versions, {
        confirmed: data.confirmed,
        tooLong: data.tooLong,
        numberStyle: locale === 'en' ? 'en' : 'sv',
      });
      deps.logger.info(
        {
          by: person.email,
          period: data.period,
          goal: data.goal,
          result: result.kind,
          ...(result.kind === 'refused' ? { reason: result.reason } : {}),
        },
        'goal save',
      );
      const inbox = result.kind === 'saved' && data.goTo === undefined ? await deps.inbox.around(person.email, result.view) : undefined;
      return saveResultCard(result, cardOptions(deps, locale), data.page ?? 0, data.goTo, inbox);
    }),
  ],
  [VERBS.openDelegate, withPayload(OpenDelegateData, openDelegate)],
  [VERBS.saveDelegate, withPayload(SaveDelegateData, saveDelegate)],
  [VERBS.confirmOpenPeriod, withPayload(ConfirmOpenPeriodData, confirmOpenPeriod)],
  [VERBS.confirmClosePeriod, withPayload(ConfirmClosePeriodData, confirmClosePeriod)],
  [
    VERBS.cancelClosePeriod,
    async (_context, _deps, _data, locale) =>
      messageCard(periodTexts(locale).cancelledTitle, periodTexts(locale).closeCancelled, 'Default'),
  ],
  [VERBS.confirmReopenPeriod, withPayload(ConfirmClosePeriodData, confirmReopenPeriod)],
  [VERBS.previewRemind, withPayload(PreviewRemindData, previewRemind)],
  [VERBS.showReport, withPayload(SummaryViewData, reportFromSummary)],
  [VERBS.reportFile, withPayload(ReportFileData, askToUploadReport)],
  [VERBS.confirmRemind, withPayload(ConfirmRemindData, confirmRemind)],
  [
    VERBS.cancelRemind,
    async (_context, _deps, _data, locale) => messageCard(periodTexts(locale).cancelledTitle, reminderTexts(locale).cancelled, 'Default'),
  ],
  [VERBS.showSummary, summaryView('summary')],
  [VERBS.showPerspective, summaryView('perspective')],
  [VERBS.showGoalDetail, summaryView('goal')],
  [VERBS.showMissing, summaryView('missing')],
  [VERBS.showRedGoals, summaryView('red')],
  [
    VERBS.cancelOpenPeriod,
    async (_context, _deps, _data, locale) => messageCard(periodTexts(locale).cancelledTitle, periodTexts(locale).cancelled, 'Default'),
  ],
]);

function cardOptions(deps: BotDeps, locale: Locale): CollectCardOptions {
  return { locale, timezone: deps.config.timezone, tolerance: deps.config.assessmentTolerance };
}

function summaryView(view: SummaryView): ActionHandler {
  return withPayload(SummaryViewData, (context, deps, data, locale) => showSummaryView(context, deps, view, data, locale));
}

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } };

/** Parses the payload with the verb's schema; a payload that does not fit gives a clear card and runs nothing. */
function withPayload<T>(
  schema: Schema<T>,
  run: (context: TurnContext, deps: BotDeps, data: T, locale: Locale) => Promise<AdaptiveCard | string>,
): ActionHandler {
  return async (context, deps, data, locale) => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) return badPayload(deps, context, locale, parsed.error.issues.length);
    return run(context, deps, parsed.data, locale);
  };
}

/** Parses the payload, then resolves who clicked; either failing gives a clear card and writes nothing. */
function withPerson<T>(
  schema: Schema<T>,
  run: (deps: BotDeps, person: NonNullable<Awaited<ReturnType<typeof resolveSender>>>, data: T, locale: Locale) => Promise<AdaptiveCard>,
): ActionHandler {
  return withPayload(schema, async (context, deps, data, locale) => {
    const person = await resolveSender(context, deps);
    if (!person) {
      deps.logger.warn({ activityId: context.activity.id }, 'card action from an unknown person');
      const texts = collectTexts(locale);
      return messageCard(texts.refusal.title, texts.refusal.unknown_person, 'Attention');
    }
    return run(deps, person, data, locale);
  });
}

function badPayload(deps: BotDeps, context: TurnContext, locale: Locale, issues: number): AdaptiveCard {
  deps.logger.warn({ activityId: context.activity.id, issues }, 'card action payload rejected');
  const texts = collectTexts(locale);
  return messageCard(texts.refusal.title, texts.refusal.bad_payload, 'Attention');
}
