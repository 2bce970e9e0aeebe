import type { TurnContext } from 'botbuilder';
import { buildWelcomeCard } from '../../cards/welcome-card';
import { welcomeView } from '../../views/welcome-view';
import type { ChannelToRemember } from '../../services/identity-service';
import { mayStoreReference, storableReference } from '../conversation-reference';
import type { BotDeps } from '../deps';
import { rememberPersonalConversation, resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { channelIdOf, readTurnFacts } from '../turn';

/**
 * Personal install (installationUpdate add, or conversationUpdate with the bot among membersAdded):
 * remember the chat, resolve who it is, greet once, and send the inbox cards of open periods the
 * person missed. In a team: remember the channel.
 */
export async function handleInstalled(context: TurnContext, deps: BotDeps): Promise<void> {
  const facts = readTurnFacts(context);
  if (facts.conversationType === 'personal') {
    await rememberPersonalConversation(context, deps);
    const person = await resolveSender(context, deps);
    const installed = await deps.onboarding.personalInstalled(person, facts.aadObjectId);
    if (person && installed.greet) {
      await replyWithCard(context, buildWelcomeCard(welcomeView(facts.locale, person.name ?? facts.userName, installed.cardComing)));
    }
    // After the greeting, so that the card comes below it.
    if (installed.cardComing) deps.onboarding.sendQueuedNow();
    deps.logger.info({ conversationId: facts.conversationId, linked: person !== null }, 'installed in personal scope');
    return;
  }
  const channel = channelToRemember(context, deps);
  await deps.identity.rememberChannel(channel);
  deps.logger.info({ conversationId: channel.conversationId, teamId: channel.teamId }, 'remembered a team channel');
}

export async function handleUninstalled(context: TurnContext, deps: BotDeps): Promise<void> {
  const facts = readTurnFacts(context);
  if (facts.conversationType === 'personal' && facts.aadObjectId) {
    await deps.onboarding.personalUninstalled(facts.aadObjectId);
    deps.logger.info({ conversationId: facts.conversationId }, 'uninstalled in personal scope');
  }
}

/** The team channel a channel activity belongs to, as the bot stores it (not the reply thread inside it). */
export function channelToRemember(context: TurnContext, deps: BotDeps): ChannelToRemember {
  const facts = readTurnFacts(context);
  const channelData = (context.activity.channelData ?? {}) as {
    team?: { id?: unknown; name?: unknown };
    channel?: { id?: unknown; name?: unknown };
  };
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : null);
  const conversationId = channelIdOf(context) ?? facts.conversationId;
  const channelName = text(channelData.channel?.name);
  return {
    conversationId,
    // Null when the serviceUrl is not to be trusted: the channel's stored reference, if any, stays as it was.
    address: mayStoreReference(context.activity, deps.config)
      ? storableReference(context.activity, { id: conversationId, isGroup: true, conversationType: 'channel', name: channelName ?? '' })
      : null,
    teamId: text(channelData.team?.id),
    teamName: text(channelData.team?.name),
    channelName,
  };
}
