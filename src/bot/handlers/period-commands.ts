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
  const label = preview.periods[0]?.label ?? code;
  const counts = { alreadyOpen: preview.alreadyOpen, owners: preview.owners.length, toSend: preview.toSend.length, had: preview.had.length, unreachable: preview.unreachable.length };
  const data: ConfirmOpenPeriodData = { code: preview.periods[0]?.code ?? code, unit: unit ?? null, owners: counts.toSend, issued: deps.now().toISOString() };
  await replyWithCard(
    context,
    buildConfirmCard({
      title: preview.alreadyOpen ? texts.confirmTitleOpen(label) : texts.confirmTitle(label),
      body: texts.confirmBody(counts, preview.units),
      // The same numbers as the body, so that the two never disagree.
      facts: [
        { title: texts.factUnits, value: listed(preview.units, facts.locale).join(', ') },
        { title: texts.factOwners, value: String(counts.owners) },
        { title: texts.factToSend, value: String(counts.toSend) },
        ...(counts.had > 0 ? [{ title: texts.factHad, value: String(counts.had) }] : []),
        { title: texts.factUnreachable, value: String(counts.unreachable) },
      ],
      details: counts.unreachable > 0 ? [texts.listUnreachable(listed(preview.unreachable, facts.locale).join(', '))] : [],
      confirm: { title: texts.send, verb: VERBS.confirmOpenPeriod, data, style: 'positive' },
      cancel: { title: texts.cancel, verb: VERBS.cancelOpenPeriod, data: {} },
    }),
  );
}

/**
 * The coordinator confirmed: open the periods, enqueue one inbox card per owner, and start sending;
 * once per confirmation, so a double click (or a second instance) gets the same answer.
 */
export async function confirmOpenPeriod(context: TurnContext, deps: BotDeps, data: ConfirmOpenPeriodData, locale: Locale): Promise<AdaptiveCard> {
  const texts = periodTexts(locale);
  const person = await resolveSender(context, deps);
  if (!person || !deps.identity.isCoordinator(person)) return messageCard(texts.refusedTitle, chatTexts(locale).onlyCoordinators(texts.openWhat), 'Attention');
  const result = await deps.periods.open(person, { code: data.code, unit: data.unit, issued: data.issued, shown: data.owners });
  if (!result) return messageCard(texts.refusedTitle, texts.noSuchPeriod(data.code, data.unit), 'Warning');
  const { opening, repeated } = result;
  deps.logger.info({ by: person.email, code: opening.code, unit: opening.unit, periods: opening.periods.length, toSend: opening.toSend, shown: opening.shown, repeated }, 'period opened');
  return messageCard(texts.openedTitle(opening.code, opening.alreadyOpen), texts.openedBody(opening, opening.units), 'Good');
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
