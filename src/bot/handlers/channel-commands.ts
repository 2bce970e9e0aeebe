import type { TurnContext } from 'botbuilder';
import { splitUnitAndPeriod } from '../../domain/command-args';
import type { Unit } from '../../domain/plan';
import { matchUnits } from '../../domain/unit-match';
import { unitsUnder } from '../../domain/owner-work';
import { channelTexts } from '../../i18n/channel-texts';
import { chatTexts } from '../../i18n/chat-texts';
import { summaryCard } from '../../views/summary-view';
import type { BotDeps } from '../deps';
import { isCoordinator, resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { channelIdOf, readTurnFacts } from '../turn';
import { rememberChannel } from './install';
import { requireCoordinator } from './period-commands';

/** `koppla <enhet …>` in a channel: the channel follows those units (and everything below them). */
export async function handleLinkCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const texts = channelTexts(readTurnFacts(context).locale);
  const channel = channelIdOf(context);
  if (!channel) return void (await context.sendActivity(texts.onlyInChannel('koppla <enhet>')));
  if (!(await requireCoordinator(context, deps, texts.linkWhat))) return;
  const matched = await unitsFrom(context, deps, args, texts.linkUsage);
  if (!matched) return;
  const person = await resolveSender(context, deps);
  await rememberChannel(context, deps);
  const created = await deps.links.link(channel, matched.map((unit) => unit.key), person?.email ?? '', deps.now());
  const all = await deps.links.unitsOf(channel);
  const names = await unitNames(deps, all);
  deps.logger.info({ channel, units: all, by: person?.email }, 'channel linked');
  if (created === 0) return void (await context.sendActivity(texts.alreadyLinked(matched.map((unit) => unit.name))));
  await context.sendActivity(texts.linked(matched.map((unit) => unit.name), names));
  if ((await deps.summaries.enqueueForChannel(channel, all)) > 0) deps.dispatcher.kick();
}

/** `koppla bort <enhet …>` in a channel. */
export async function handleUnlinkCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const texts = channelTexts(readTurnFacts(context).locale);
  const channel = channelIdOf(context);
  if (!channel) return void (await context.sendActivity(texts.onlyInChannel('koppla bort <enhet>')));
  if (!(await requireCoordinator(context, deps, texts.linkWhat))) return;
  const matched = await unitsFrom(context, deps, args, texts.unlinkUsage);
  if (!matched) return;
  const removed = await deps.links.unlink(channel, matched.map((unit) => unit.key));
  if (removed === 0) return void (await context.sendActivity(texts.notLinked(matched.map((unit) => unit.name))));
  deps.logger.info({ channel, units: matched.map((unit) => unit.key) }, 'channel unlinked');
  await context.sendActivity(texts.unlinked(matched.map((unit) => unit.name), await unitNames(deps, await deps.links.unitsOf(channel))));
}

/** `kopplingar`: what this channel follows (anyone may ask). */
export async function handleLinksCommand(context: TurnContext, deps: BotDeps): Promise<void> {
  const texts = channelTexts(readTurnFacts(context).locale);
  const channel = channelIdOf(context);
  if (!channel) return void (await context.sendActivity(texts.onlyInChannel('kopplingar')));
  await context.sendActivity(texts.links(await unitNames(deps, await deps.links.unitsOf(channel))));
}

/**
 * `sammanfattning [enhet] [period]`: in a linked channel anyone sees the summary of what the channel
 * follows (or a unit within it); in personal chat coordinators see any unit's.
 */
export async function handleSummaryCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = channelTexts(facts.locale);
  const channel = channelIdOf(context);
  const { unitText, period: code } = splitUnitAndPeriod(args, (await deps.plans.listPeriods()).map((period) => period.code));
  const allUnits = await deps.plans.listUnits();
  let scope: string[];
  if (channel) {
    const linked = await deps.links.unitsOf(channel);
    if (linked.length === 0) return void (await context.sendActivity(texts.notLinkedForSummary));
    scope = linked;
    if (unitText !== '') {
      const matched = matchUnits(allUnits, unitText);
      if (matched.unknown.length > 0) return void (await context.sendActivity(`${channelTexts(facts.locale).unknownUnits(matched.unknown)}\n\n${texts.summaryUsage}`));
      const followed = unitsUnder(allUnits, linked);
      const outside = matched.units.find((unit) => !followed.has(unit.key));
      if (outside) return void (await context.sendActivity(texts.summaryOutside(outside.name)));
      scope = matched.units.map((unit) => unit.key);
    }
  } else {
    const person = await resolveSender(context, deps);
    if (!isCoordinator(person, deps)) return void (await context.sendActivity(person ? texts.summaryWhere : chatTexts(facts.locale).unknownPerson));
    if (unitText === '') scope = allUnits.filter((unit) => unit.parent === null || !allUnits.some((other) => other.key === unit.parent)).map((unit) => unit.key);
    else {
      const matched = matchUnits(allUnits, unitText);
      if (matched.unknown.length > 0) return void (await context.sendActivity(`${texts.unknownUnits(matched.unknown)}\n\n${texts.summaryUsage}`));
      scope = matched.units.map((unit) => unit.key);
    }
  }
  const ref = await deps.summaries.defaultRef(scope, code);
  const loaded = ref ? await deps.summaries.load(scope, ref) : null;
  if (!loaded) return void (await context.sendActivity(texts.noSummary(code)));
  const { card } = summaryCard(loaded, { locale: facts.locale, timezone: deps.config.timezone, now: deps.now(), ...(channel ? {} : { payloadUnits: scope }) });
  await replyWithCard(context, card);
}

/** Units named in the command's arguments; replies and returns null when none or some are unknown. */
async function unitsFrom(context: TurnContext, deps: BotDeps, args: string[], usage: string): Promise<Unit[] | null> {
  const texts = channelTexts(readTurnFacts(context).locale);
  const text = args.join(' ').trim();
  if (text === '') {
    await context.sendActivity(usage);
    return null;
  }
  const units = await deps.plans.listUnits();
  if (units.length === 0) {
    await context.sendActivity(texts.noUnits);
    return null;
  }
  const matched = matchUnits(units, text);
  if (matched.unknown.length > 0 || matched.units.length === 0) {
    await context.sendActivity(`${texts.unknownUnits(matched.unknown)}\n\n${usage}`);
    return null;
  }
  return matched.units;
}

async function unitNames(deps: BotDeps, keys: readonly string[]): Promise<string[]> {
  const units = await deps.plans.listUnits();
  return keys.map((key) => units.find((unit) => unit.key === key)?.name ?? key);
}
