import type { TurnContext } from 'botbuilder';
import { VERBS, type ConfirmOpenPeriodData } from '../../cards/actions';
import { buildConfirmCard } from '../../cards/confirm-card';
import type { AdaptiveCard } from '../../cards/render';
import { chatTexts } from '../../i18n/chat-texts';
import { periodTexts } from '../../i18n/period-texts';
import type { Locale } from '../../i18n/locale';
import { messageCard } from '../../views/collect-cards';
import { listed } from '../../views/format';
import type { BotDeps } from '../deps';
import { resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { readTurnFacts } from '../turn';

/** `öppna period <kod> [enhet]`: answers with a confirmation card; nothing is sent until confirmed. */
export async function handleOpenPeriodCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = periodTexts(facts.locale);
  if (!(await requireCoordinator(context, deps, texts.openWhat))) return;
  const [code, unit, ...extra] = args;
  if (!code || extra.length > 0) {
    await context.sendActivity(texts.openUsage);
    return;
  }
  const preview = await deps.periods.previewOpen(code, unit ?? null);
  if (!preview) {
    await context.sendActivity(texts.noSuchPeriod(code, unit ?? null));
    return;
  }
  const reachable = preview.owners.length - preview.unreachable.length;
  const data = { code: preview.periods[0]?.code ?? code, unit: unit ?? null, owners: preview.owners.length };
  await replyWithCard(
    context,
    buildConfirmCard({
      title: texts.confirmTitle(preview.periods[0]?.label ?? code),
      body: texts.confirmBody(reachable, preview.plans, preview.unreachable.length),
      facts: [
        { title: texts.factOwners, value: String(preview.owners.length) },
        { title: texts.factPlans, value: String(preview.plans) },
        { title: texts.factUnreachable, value: String(preview.unreachable.length) },
      ],
      details: listed(preview.unreachable, facts.locale),
      confirm: { title: texts.send, verb: VERBS.confirmOpenPeriod, data, style: 'positive' },
      cancel: { title: texts.cancel, verb: VERBS.cancelOpenPeriod, data: {} },
    }),
  );
}

/** The coordinator confirmed: open the periods, enqueue one prompt per owner, and start sending. */
export async function confirmOpenPeriod(context: TurnContext, deps: BotDeps, data: ConfirmOpenPeriodData, locale: Locale): Promise<AdaptiveCard> {
  const texts = periodTexts(locale);
  const person = await resolveSender(context, deps);
  if (!person || !deps.identity.isCoordinator(person)) return messageCard(texts.refusedTitle, chatTexts(locale).onlyCoordinators(texts.openWhat), 'Attention');
  const result = await deps.periods.open(person, data.code, data.unit);
  deps.logger.info({ by: person.email, code: data.code, unit: data.unit, opened: result.opened, enqueued: result.enqueued }, 'period opened');
  return messageCard(texts.openedTitle(data.code), texts.openedBody(result.enqueued, result.periods.length), 'Good');
}

/** `stäng period <kod> [enhet]`: locks answers at once. */
export async function handleClosePeriodCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = periodTexts(facts.locale);
  if (!(await requireCoordinator(context, deps, texts.closeWhat))) return;
  const [code, unit, ...extra] = args;
  if (!code || extra.length > 0) {
    await context.sendActivity(texts.closeUsage);
    return;
  }
  const closed = await deps.periods.close(code, unit ?? null);
  deps.logger.info({ code, unit, closed: closed.length }, 'period closed');
  await context.sendActivity(closed.length === 0 ? texts.noSuchPeriod(code, unit ?? null) : texts.closed(closed.map((p) => p.label)));
}

/** Replies with a refusal that says who can do it, unless the sender is a coordinator. */
export async function requireCoordinator(context: TurnContext, deps: BotDeps, what: string): Promise<boolean> {
  const facts = readTurnFacts(context);
  const person = await resolveSender(context, deps);
  if (deps.identity.isCoordinator(person)) return true;
  await context.sendActivity(person ? chatTexts(facts.locale).onlyCoordinators(what) : chatTexts(facts.locale).unknownPerson);
  return false;
}
