import type { TurnContext } from 'botbuilder';
import { VERBS, type ConfirmClosePeriodData, type ConfirmOpenPeriodData } from '../../cards/actions';
import type { ReopenPreview } from '../../services/period-service';
import { buildConfirmCard } from '../../cards/confirm-card';
import type { AdaptiveCard } from '../../cards/render';
import { channelTexts } from '../../i18n/channel-texts';
import { chatTexts } from '../../i18n/chat-texts';
import { periodTexts } from '../../i18n/period-texts';
import type { Locale } from '../../i18n/locale';
import { messageCard } from '../../views/collect-cards';
import { formatLongDate, listed } from '../../views/format';
import type { Person } from '../../services/identity-service';
import type { BotDeps } from '../deps';
import { resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { readTurnFacts } from '../turn';

/** `öppna period <kod> [enhet]`: answers with a confirmation card; nothing is sent until confirmed. */
export async function handleOpenPeriodCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = periodTexts(facts.locale);
  if (!(await requireCoordinator(context, deps, texts.openWhat))) return;
  const target = await periodTarget(deps, args, facts.locale, texts.openUsage);
  if ('reply' in target) return void (await context.sendActivity(target.reply));
  const { code, unit } = target;
  const preview = await deps.periods.previewOpen(code, unit ?? null);
  if (!preview) {
    // A closed period is opened again (after its own confirmation), before its closing date.
    const closed = await deps.periods.previewReopen(code, unit ?? null);
    if (closed) return void (await replyWithCard(context, reopenConfirmation(closed, code, unit ?? null, facts.locale, deps.now())));
    await context.sendActivity(texts.noSuchPeriod(code, unit ?? null));
    return;
  }
  const label = preview.periods[0]?.label ?? code;
  const counts = {
    alreadyOpen: preview.alreadyOpen,
    owners: preview.owners.length,
    toSend: preview.toSend.length,
    had: preview.had.length,
    unreachable: preview.unreachable.length,
  };
  const data: ConfirmOpenPeriodData = {
    code: preview.periods[0]?.code ?? code,
    unit: unit ?? null,
    owners: counts.toSend,
    issued: deps.now().toISOString(),
  };
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
export async function confirmOpenPeriod(
  context: TurnContext,
  deps: BotDeps,
  data: ConfirmOpenPeriodData,
  locale: Locale,
): Promise<AdaptiveCard> {
  const texts = periodTexts(locale);
  const clicked = await coordinatorClicking(context, deps, texts.openWhat, locale);
  if ('refusal' in clicked) return clicked.refusal;
  const { person } = clicked;
  const result = await deps.periods.open(person, { code: data.code, unit: data.unit, issued: data.issued, shown: data.owners });
  if (!result) return messageCard(texts.refusedTitle, texts.noSuchPeriod(data.code, data.unit), 'Warning');
  const { opening, repeated } = result;
  deps.logger.info(
    {
      by: person.email,
      code: opening.code,
      unit: opening.unit,
      periods: opening.periods.length,
      toSend: opening.toSend,
      shown: opening.shown,
      repeated,
    },
    'period opened',
  );
  return messageCard(texts.openedTitle(opening.code, opening.alreadyOpen), texts.openedBody(opening, opening.units), 'Good');
}

/**
 * `stäng period <kod> [enhet]`: a confirmation first (how many answers are still missing, which
 * channels get a final summary); nothing is locked until the coordinator confirms.
 */
export async function handleClosePeriodCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = periodTexts(facts.locale);
  if (!(await requireCoordinator(context, deps, texts.closeWhat))) return;
  const target = await periodTarget(deps, args, facts.locale, texts.closeUsage);
  if ('reply' in target) return void (await context.sendActivity(target.reply));
  const { code, unit } = target;
  const preview = await deps.periods.previewClose(code, unit ?? null);
  if (!preview) return void (await context.sendActivity(texts.noSuchPeriod(code, unit ?? null)));
  const data: ConfirmClosePeriodData = { code: preview.periods[0]?.code ?? code, unit: unit ?? null, issued: deps.now().toISOString() };
  await replyWithCard(
    context,
    buildConfirmCard({
      title: texts.closeConfirmTitle(preview.label),
      body: texts.closeConfirmBody(preview.missing, preview.channels),
      facts: [
        { title: texts.factUnits, value: preview.units.join(', ') },
        { title: texts.factMissing, value: String(preview.missing) },
        { title: texts.factChannels, value: String(preview.channels) },
      ],
      details: [],
      confirm: { title: texts.close, verb: VERBS.confirmClosePeriod, data, style: 'destructive' },
      cancel: { title: texts.cancel, verb: VERBS.cancelClosePeriod, data: {} },
    }),
  );
}

/** The coordinator confirmed: lock the answers; final summaries go to the linked channels. */
export async function confirmClosePeriod(
  context: TurnContext,
  deps: BotDeps,
  data: ConfirmClosePeriodData,
  locale: Locale,
): Promise<AdaptiveCard> {
  const texts = periodTexts(locale);
  const clicked = await coordinatorClicking(context, deps, texts.closeWhat, locale);
  if ('refusal' in clicked) return clicked.refusal;
  const { person } = clicked;
  const result = await deps.periods.close(data.code, data.unit, person.name ?? person.email);
  deps.logger.info({ by: person.email, code: data.code, unit: data.unit, closed: result.closed.length }, 'period closed');
  // A second click (or a period closed meanwhile) finds nothing left to close: say what is true now.
  if (result.closed.length === 0) return messageCard(texts.refusedTitle, texts.noSuchPeriod(data.code, data.unit), 'Warning');
  const label = result.closed[0]!.label;
  return messageCard(texts.closedTitle(label), texts.closedNamed(label, result.units, result.channels), 'Good');
}

/** The confirmation for opening a closed period again (or why it cannot be). */
function reopenConfirmation(preview: ReopenPreview, code: string, unit: string | null, locale: Locale, now: Date): AdaptiveCard {
  const texts = periodTexts(locale);
  const closes = formatLongDate(preview.closes, locale);
  if (preview.tooLate) return messageCard(texts.refusedTitle, texts.reopenTooLate(preview.label, closes), 'Warning');
  const data: ConfirmClosePeriodData = { code: preview.periods[0]?.code ?? code, unit, issued: now.toISOString() };
  return buildConfirmCard({
    title: texts.reopenConfirmTitle(preview.label),
    body: texts.reopenConfirmBody(preview.owners, closes),
    facts: [{ title: texts.factOwners, value: String(preview.owners) }],
    details: [],
    confirm: { title: texts.reopen, verb: VERBS.confirmReopenPeriod, data, style: 'positive' },
    cancel: { title: texts.cancel, verb: VERBS.cancelOpenPeriod, data: {} },
  });
}

/** The coordinator confirmed reopening: the periods are open again and every owner gets a new card. */
export async function confirmReopenPeriod(
  context: TurnContext,
  deps: BotDeps,
  data: ConfirmClosePeriodData,
  locale: Locale,
): Promise<AdaptiveCard> {
  const texts = periodTexts(locale);
  const clicked = await coordinatorClicking(context, deps, texts.openWhat, locale);
  if ('refusal' in clicked) return clicked.refusal;
  const { person } = clicked;
  const result = await deps.periods.reopen(data.code, data.unit, data.issued);
  deps.logger.info(
    { by: person.email, code: data.code, unit: data.unit, reopened: result.reopened.length, enqueued: result.enqueued },
    'period reopened',
  );
  if (result.reopened.length === 0) return messageCard(texts.refusedTitle, texts.noSuchPeriod(data.code, data.unit), 'Warning');
  return messageCard(texts.reopenedTitle(result.reopened[0]!.label), texts.reopenedBody(result.enqueued), 'Good');
}

/**
 * `<kod> [enhet]`: the period code, then at most one unit matched by key or name, case- and
 * accent-insensitively, as `påminn` and `koppla` match them ("rs", "Regionstyrelsen").
 */
async function periodTarget(
  deps: BotDeps,
  args: readonly string[],
  locale: Locale,
  usage: string,
): Promise<{ code: string; unit: string | null } | { reply: string }> {
  const [code, ...rest] = args;
  if (!code) return { reply: usage };
  const unitText = rest.join(' ').trim();
  if (unitText === '') return { code, unit: null };
  const named = await deps.channels.unitsNamed(unitText);
  if (named.kind === 'units' && named.units.length === 1) return { code, unit: named.units[0]!.key };
  const unknown = named.kind === 'unknown' && named.unknown.length > 0 ? channelTexts(locale).unknownUnits(named.unknown) : '';
  return { reply: `${unknown}\n\n${usage}`.trim() };
}

/** For a confirmation clicked on a card: the coordinator who clicked, or the refusal card to answer with. */
export async function coordinatorClicking(
  context: TurnContext,
  deps: BotDeps,
  what: string,
  locale: Locale,
): Promise<{ person: Person } | { refusal: AdaptiveCard }> {
  const person = await resolveSender(context, deps);
  if (person && deps.identity.isCoordinator(person)) return { person };
  return { refusal: messageCard(periodTexts(locale).refusedTitle, chatTexts(locale).onlyCoordinators(what), 'Attention') };
}

/** Replies with a refusal that says who can do it, unless the sender is a coordinator. */
export async function requireCoordinator(context: TurnContext, deps: BotDeps, what: string): Promise<boolean> {
  const facts = readTurnFacts(context);
  const person = await resolveSender(context, deps);
  if (deps.identity.isCoordinator(person)) return true;
  await context.sendActivity(person ? chatTexts(facts.locale).onlyCoordinators(what) : chatTexts(facts.locale).unknownPerson);
  return false;
}
