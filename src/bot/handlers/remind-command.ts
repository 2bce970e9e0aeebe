import type { TurnContext } from 'botbuilder';
import { VERBS, type ConfirmRemindData, type PreviewRemindData } from '../../cards/actions';
import { buildConfirmCard } from '../../cards/confirm-card';
import type { AdaptiveCard } from '../../cards/render';
import { channelTexts } from '../../i18n/channel-texts';
import { chatTexts } from '../../i18n/chat-texts';
import type { Locale } from '../../i18n/locale';
import { reminderTexts } from '../../i18n/reminder-texts';
import { messageCard } from '../../views/collect-cards';
import { listed } from '../../views/format';
import type { BotDeps } from '../deps';
import { resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { readTurnFacts } from '../turn';
import { requireCoordinator } from './period-commands';

/** `påminn [enhet]`: shows how many would get a reminder now, and sends only when confirmed. */
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

/** The `påminn [enhet]` confirmation card, or the text saying there is no open period to remind about. */
async function remindConfirmation(deps: BotDeps, unit: { key: string; name: string } | null, locale: Locale): Promise<AdaptiveCard | string> {
  const texts = reminderTexts(locale);
  const preview = await deps.reminders.previewManual(unit?.key ?? null);
  if (!preview) return texts.noOpenPeriod(unit?.name ?? null);
  const owners = [...new Set([...preview.owners.values()].flat())].sort();
  const labels = [...new Set(preview.periods.map((period) => period.label))];
  const data: ConfirmRemindData = { unit: unit?.key ?? null, owners: owners.length, issued: deps.now().toISOString() };
  return buildConfirmCard({
    title: texts.confirmTitle(labels.join(', ')),
    body: texts.confirmBody(owners.length),
    facts: [{ title: texts.factOwners, value: String(owners.length) }],
    details: listed(owners, locale),
    confirm: { title: texts.send, verb: VERBS.confirmRemind, data, style: 'positive' },
    cancel: { title: texts.cancel, verb: VERBS.cancelRemind, data: {} },
  });
}

/**
 * "Påminn" on the summary's list of who has not answered: the same confirmation as `påminn <enhet>`,
 * in place of the list; coordinators only, checked here as for the command.
 */
export async function previewRemind(context: TurnContext, deps: BotDeps, data: PreviewRemindData, locale: Locale): Promise<AdaptiveCard> {
  const texts = reminderTexts(locale);
  if (!deps.identity.isCoordinator(await resolveSender(context, deps))) return messageCard(texts.refusedTitle, chatTexts(locale).onlyCoordinators(texts.remindWhat), 'Attention');
  const named = data.unit === null ? null : await deps.channels.unitsNamed(data.unit);
  const unit = named?.kind === 'units' ? (named.units.find((candidate) => candidate.key === data.unit) ?? null) : null;
  // A unit that is gone never widens the reminder to everyone.
  if (data.unit !== null && unit === null) return messageCard(texts.sentTitle, texts.noOpenPeriod(data.unit), 'Default');
  const confirmation = await remindConfirmation(deps, unit, locale);
  return typeof confirmation === 'string' ? messageCard(texts.sentTitle, confirmation, 'Default') : confirmation;
}

/** Confirmed: enqueue a reminder for each owner still missing something (counted again now). */
export async function confirmRemind(context: TurnContext, deps: BotDeps, data: ConfirmRemindData, locale: Locale): Promise<AdaptiveCard> {
  const texts = reminderTexts(locale);
  const person = await resolveSender(context, deps);
  if (!deps.identity.isCoordinator(person)) return messageCard(texts.refusedTitle, chatTexts(locale).onlyCoordinators(texts.remindWhat), 'Attention');
  const created = await deps.reminders.sendManualNow(data.unit, data.issued);
  if (created === null) return messageCard(texts.sentTitle, texts.noOpenPeriod(data.unit), 'Warning');
  deps.logger.info({ by: person?.email, unit: data.unit, created }, 'manual reminders enqueued');
  return messageCard(texts.sentTitle, texts.sentBody(created), 'Good');
}
