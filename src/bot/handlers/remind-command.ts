import type { TurnContext } from 'botbuilder';
import { VERBS, type ConfirmRemindData, type PreviewRemindData } from '../../cards/actions';
import { buildConfirmCard } from '../../cards/confirm-card';
import type { AdaptiveCard } from '../../cards/render';
import { channelTexts } from '../../i18n/channel-texts';
import type { Locale } from '../../i18n/locale';
import { reminderTexts } from '../../i18n/reminder-texts';
import { messageCard } from '../../views/collect-cards';
import { listed } from '../../views/format';
import type { BotDeps } from '../deps';
import { replyWithCard } from '../replies';
import { readTurnFacts } from '../turn';
import { coordinatorClicking, requireCoordinator } from './period-commands';

/** `påminn [enhet]`: shows who would get a reminder now, and sends only when confirmed. */
export async function handleRemindCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = reminderTexts(facts.locale);
  if (!(await requireCoordinator(context, deps, texts.remindWhat))) return;
  const unitText = args.join(' ').trim();
  let unit: { key: string; name: string } | null = null;
  if (unitText !== '') {
    const named = await deps.channels.unitsNamed(unitText);
    if (named.kind !== 'units' || named.units.length !== 1) {
      const unknown = named.kind === 'unknown' && named.unknown.length > 0 ? channelTexts(facts.locale).unknownUnits(named.unknown) : '';
      await context.sendActivity(`${unknown}\n\n${texts.remindUsage}`.trim());
      return;
    }
    unit = named.units[0]!;
  }
  const confirmation = await remindConfirmation(deps, unit, facts.locale);
  if (typeof confirmation === 'string') return void (await context.sendActivity(confirmation));
  await replyWithCard(context, confirmation);
}

/**
 * "Påminn" on the summary's list of who has not answered: the same confirmation as `påminn <enhet>`,
 * in place of the list; coordinators only, checked here as for the command.
 */
export async function previewRemind(context: TurnContext, deps: BotDeps, data: PreviewRemindData, locale: Locale): Promise<AdaptiveCard> {
  const texts = reminderTexts(locale);
  const clicked = await coordinatorClicking(context, deps, texts.remindWhat, locale);
  if ('refusal' in clicked) return clicked.refusal;
  const named = data.unit === null ? null : await deps.channels.unitsNamed(data.unit);
  const unit = named?.kind === 'units' ? (named.units.find((candidate) => candidate.key === data.unit) ?? null) : null;
  // A unit that is gone never widens the reminder to everyone.
  if (data.unit !== null && unit === null) return messageCard(texts.sentTitle, texts.noOpenPeriod(data.unit), 'Default');
  const confirmation = await remindConfirmation(deps, unit, locale);
  return typeof confirmation === 'string' ? messageCard(texts.sentTitle, confirmation, 'Default') : confirmation;
}

/**
 * The `påminn [enhet]` confirmation card: who gets a reminder and who cannot be reached, by name.
 * With nobody to remind (or nobody reachable) a card that says so, with nothing to send; the text
 * saying there is no open period to remind about.
 */
async function remindConfirmation(
  deps: BotDeps,
  unit: { key: string; name: string } | null,
  locale: Locale,
): Promise<AdaptiveCard | string> {
  const texts = reminderTexts(locale);
  const preview = await deps.reminders.previewManual(unit?.key ?? null);
  if (!preview) return texts.noOpenPeriod(unit?.name ?? null);
  const label = [...new Set(preview.periods.map((period) => period.label))].join(', ');
  const reminded = preview.recipients.filter((recipient) => recipient.reachable).map((recipient) => recipient.name);
  const unreachable = preview.recipients.filter((recipient) => !recipient.reachable).map((recipient) => recipient.name);
  if (preview.recipients.length === 0) return messageCard(texts.nobodyMissingTitle, texts.nobodyMissing(label), 'Good');
  if (reminded.length === 0)
    return messageCard(texts.nobodyReachableTitle, texts.nobodyReachable(label, unreachable.length, names(unreachable, locale)), 'Warning');
  const data: ConfirmRemindData = { unit: unit?.key ?? null, owners: reminded.length, issued: deps.now().toISOString() };
  const flagged = unreachable.length > 0;
  return buildConfirmCard({
    title: texts.confirmTitle(label),
    body: texts.confirmBody(preview.recipients.length, reminded.length, unreachable.length),
    facts: [
      ...(flagged ? [{ title: texts.factMissing, value: String(preview.recipients.length) }] : []),
      { title: texts.factOwners, value: String(reminded.length) },
      ...(flagged ? [{ title: texts.factUnreachable, value: String(unreachable.length) }] : []),
    ],
    details: [texts.listReminded(names(reminded, locale)), ...(flagged ? [texts.listUnreachable(names(unreachable, locale))] : [])],
    confirm: { title: texts.send, verb: VERBS.confirmRemind, data, style: 'positive' },
    cancel: { title: texts.cancel, verb: VERBS.cancelRemind, data: {} },
  });
}

/** Confirmed: enqueue a reminder for each reachable owner still missing something (counted again now); a double click answers the same. */
export async function confirmRemind(context: TurnContext, deps: BotDeps, data: ConfirmRemindData, locale: Locale): Promise<AdaptiveCard> {
  const texts = reminderTexts(locale);
  const clicked = await coordinatorClicking(context, deps, texts.remindWhat, locale);
  if ('refusal' in clicked) return clicked.refusal;
  const { person } = clicked;
  const sent = await deps.reminders.sendManualNow(data.unit, data.issued);
  if (sent === null) return messageCard(texts.sentTitle, texts.noOpenPeriod(data.unit), 'Warning');
  deps.logger.info(
    { by: person.email, unit: data.unit, reminded: sent.reminded.length, unreachable: sent.unreachable.length, shown: data.owners },
    'manual reminders enqueued',
  );
  const unreachable = sent.unreachable.map((recipient) => recipient.name);
  const changed = sent.reminded.length === data.owners ? '' : texts.changed(data.owners, sent.reminded.length);
  return messageCard(
    texts.sentTitle,
    texts.sentBody(sent.reminded.length, unreachable.length, names(unreachable, locale)) + changed,
    sent.reminded.length > 0 ? 'Good' : 'Default',
  );
}

/** Names for one line of a card: the first ones, then "… och 12 till". */
function names(list: readonly string[], locale: Locale): string {
  return listed(list, locale).join(', ');
}
