import type { TurnContext } from 'botbuilder';
import { VERBS, type ConfirmRemindData } from '../../cards/actions';
import { buildConfirmCard } from '../../cards/confirm-card';
import type { AdaptiveCard } from '../../cards/render';
import { matchUnits } from '../../domain/unit-match';
import { channelTexts } from '../../i18n/channel-texts';
import { chatTexts } from '../../i18n/chat-texts';
import type { Locale } from '../../i18n/locale';
import { reminderTexts } from '../../i18n/reminder-texts';
import type { BotDeps } from '../deps';
import { isCoordinator, resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { readTurnFacts } from '../turn';
import { messageCard } from './collect-cards';
import { listed, requireCoordinator } from './period-commands';

/** `påminn [enhet]`: shows how many would get a reminder now, and sends only when confirmed. */
export async function handleRemindCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = reminderTexts(facts.locale);
  if (!(await requireCoordinator(context, deps, texts.remindWhat))) return;
  const unitText = args.join(' ').trim();
  let unit: { key: string; name: string } | null = null;
  if (unitText !== '') {
    const matched = matchUnits(await deps.plans.listUnits(), unitText);
    if (matched.unknown.length > 0 || matched.units.length !== 1) {
      await context.sendActivity(`${matched.unknown.length > 0 ? channelTexts(facts.locale).unknownUnits(matched.unknown) : ''}\n\n${texts.remindUsage}`.trim());
      return;
    }
    unit = matched.units[0]!;
  }
  const preview = await deps.reminders.previewManual(unit?.key ?? null);
  if (!preview) return void (await context.sendActivity(texts.noOpenPeriod(unit?.name ?? null)));
  const owners = [...new Set([...preview.owners.values()].flat())].sort();
  const labels = [...new Set(preview.periods.map((period) => period.label))];
  const data: ConfirmRemindData = { unit: unit?.key ?? null, owners: owners.length, issued: deps.now().toISOString() };
  await replyWithCard(
    context,
    buildConfirmCard({
      title: texts.confirmTitle(labels.join(', ')),
      body: texts.confirmBody(owners.length),
      facts: [{ title: texts.factOwners, value: String(owners.length) }],
      details: listed(owners, facts.locale),
      confirm: { title: texts.send, verb: VERBS.confirmRemind, data, style: 'positive' },
      cancel: { title: texts.cancel, verb: VERBS.cancelRemind, data: {} },
    }),
  );
}

/** Confirmed: enqueue a reminder for each owner still missing something (counted again now). */
export async function confirmRemind(context: TurnContext, deps: BotDeps, data: ConfirmRemindData, locale: Locale): Promise<AdaptiveCard> {
  const texts = reminderTexts(locale);
  const person = await resolveSender(context, deps);
  if (!isCoordinator(person, deps)) return messageCard(texts.refusedTitle, chatTexts(locale).onlyCoordinators(texts.remindWhat), 'Attention');
  const preview = await deps.reminders.previewManual(data.unit);
  if (!preview) return messageCard(texts.sentTitle, texts.noOpenPeriod(data.unit), 'Warning');
  const created = await deps.reminders.enqueueManual(preview.periods, data.issued, deps.now());
  deps.logger.info({ by: person?.email, unit: data.unit, created }, 'manual reminders enqueued');
  deps.dispatcher.kick();
  return messageCard(texts.sentTitle, texts.sentBody(created), 'Good');
}
