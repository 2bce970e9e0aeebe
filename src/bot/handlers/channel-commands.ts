import type { TurnContext } from 'botbuilder';
import { channelTexts } from '../../i18n/channel-texts';
import { chatTexts } from '../../i18n/chat-texts';
import { resolveLocale, type Locale } from '../../i18n/locale';
import type { UnitsNamed } from '../../services/channel-service';
import { summaryCard } from '../../views/summary-view';
import { TEAMS_LOCALE } from '../adapter';
import type { BotDeps } from '../deps';
import { resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { channelIdOf, readTurnFacts } from '../turn';
import { channelToRemember } from './install';
import { requireCoordinator } from './period-commands';

/** `koppla <enhet …>` in a channel: the channel follows those units (and everything below them). */
export async function handleLinkCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const locale = readTurnFacts(context).locale;
  const texts = channelTexts(locale);
  const channel = channelIdOf(context);
  if (!channel) return void (await context.sendActivity(texts.onlyInChannel('koppla <enhet>')));
  if (!(await requireCoordinator(context, deps, texts.linkWhat))) return;
  const person = (await resolveSender(context, deps))!;
  // The linker's own Teams language (before UTFALL_LANGUAGE replaced it): the channel's when the setting is auto.
  const own = resolveLocale((context.turnState.get(TEAMS_LOCALE) as string | undefined) ?? context.activity.locale);
  const result = await deps.channels.link(channelToRemember(context, deps), args.join(' '), person, own);
  switch (result.kind) {
    case 'already_linked':
      return void (await context.sendActivity(texts.alreadyLinked(result.named)));
    case 'linked':
      deps.logger.info({ channel, units: result.all, by: person.email }, 'channel linked');
      return void (await context.sendActivity(texts.linked(result.named, result.all)));
    default:
      return void (await context.sendActivity(unitsProblem(result, locale, texts.linkUsage)));
  }
}

/** `koppla bort <enhet …>` in a channel. */
export async function handleUnlinkCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const locale = readTurnFacts(context).locale;
  const texts = channelTexts(locale);
  const channel = channelIdOf(context);
  if (!channel) return void (await context.sendActivity(texts.onlyInChannel('koppla bort <enhet>')));
  if (!(await requireCoordinator(context, deps, texts.linkWhat))) return;
  const result = await deps.channels.unlink(channel, args.join(' '));
  switch (result.kind) {
    case 'not_linked':
      return void (await context.sendActivity(texts.notLinked(result.named)));
    case 'unlinked':
      deps.logger.info({ channel, units: result.named }, 'channel unlinked');
      return void (await context.sendActivity(texts.unlinked(result.named, result.remaining)));
    default:
      return void (await context.sendActivity(unitsProblem(result, locale, texts.unlinkUsage)));
  }
}

/** `kopplingar`: what this channel follows (anyone may ask). */
export async function handleLinksCommand(context: TurnContext, deps: BotDeps): Promise<void> {
  const texts = channelTexts(readTurnFacts(context).locale);
  const channel = channelIdOf(context);
  if (!channel) return void (await context.sendActivity(texts.onlyInChannel('kopplingar')));
  await context.sendActivity(texts.links(await deps.channels.linkedNames(channel)));
}

/**
 * `sammanfattning [enhet] [period]`: in a linked channel anyone sees the summary of what the channel
 * follows (or a unit within it); in personal chat coordinators see any unit's.
 */
export async function handleSummaryCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = channelTexts(facts.locale);
  const channel = channelIdOf(context);
  const person = channel ? null : await resolveSender(context, deps);
  const managed = person ? await deps.channels.managedBy(person.email) : [];
  const result = await deps.channels.summary(
    channel ? { channelId: channel } : { coordinator: deps.identity.isCoordinator(person), managed },
    args,
  );
  switch (result.kind) {
    case 'not_linked':
      return void (await context.sendActivity(texts.notLinkedForSummary));
    case 'unknown':
      return void (await context.sendActivity(`${texts.unknownUnits(result.unknown)}\n\n${texts.summaryUsage}`));
    case 'outside':
      return void (await context.sendActivity(texts.summaryOutside(result.unit)));
    case 'outside_managed':
      return void (await context.sendActivity(texts.summaryOutsideManaged(result.unit)));
    case 'not_coordinator':
      return void (await context.sendActivity(person ? texts.summaryWhere : chatTexts(facts.locale).unknownPerson));
    case 'no_summary':
      return void (await context.sendActivity(texts.noSummary(result.code)));
    case 'summary': {
      // Shown once and not kept up to date: a snapshot, in the channel's language in a channel.
      const options = {
        locale: result.locale ?? facts.locale,
        timezone: deps.config.timezone,
        now: deps.now(),
        snapshot: true,
        ...(channel ? {} : { payloadUnits: result.scope }),
      };
      await replyWithCard(context, summaryCard(result.loaded, { ...options, final: result.loaded.state === 'closed' }).card);
    }
  }
}

/** Why the units named could not be used, with the command's usage. */
function unitsProblem(result: Exclude<UnitsNamed, { kind: 'units' }>, locale: Locale, usage: string): string {
  const texts = channelTexts(locale);
  switch (result.kind) {
    case 'usage':
      return usage;
    case 'no_units':
      return texts.noUnits;
    case 'unknown':
      return `${texts.unknownUnits(result.unknown)}\n\n${usage}`;
  }
}
