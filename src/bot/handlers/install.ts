import type { TurnContext } from 'botbuilder';
import { storableReference } from '../conversation-reference';
import { channelConversationKey } from '../../store/conversation-repository';
import { buildWelcomeCard } from '../../cards/welcome-card';
import { welcomeTexts } from '../../i18n/welcome-texts';
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
    if (facts.aadObjectId) await deps.people.markReachable(facts.aadObjectId, deps.now());
    // Teams sends two install events at once (installationUpdate and conversationUpdate): either may
    // greet, so the greeting asks whether a card is on its way, not whether this event enqueued it.
    const missed = person ? await deps.collect.promptAfterInstall(person.email) : { due: 0, created: 0 };
    if (person && (await deps.people.markGreeted(person.email, deps.now()))) {
      await replyWithCard(context, buildWelcomeCard(welcomeTexts(facts.locale, person.name ?? facts.userName, missed.due > 0)));
    }
    // After the greeting, so that the card comes below it.
    if (missed.due > 0) deps.dispatcher.kick();
    deps.logger.info({ conversationId: facts.conversationId, linked: person !== null }, 'installed in personal scope');
    return;
  }
  await rememberChannel(context, deps);
}

export async function handleUninstalled(context: TurnContext, deps: BotDeps): Promise<void> {
  const facts = readTurnFacts(context);
  if (facts.conversationType === 'personal' && facts.aadObjectId) {
    await deps.people.markUnreachable(facts.aadObjectId, deps.now());
    deps.logger.info({ conversationId: facts.conversationId }, 'uninstalled in personal scope');
  }
}

export async function rememberChannel(context: TurnContext, deps: BotDeps): Promise<void> {
  const facts = readTurnFacts(context);
  const channelData = (context.activity.channelData ?? {}) as { team?: { id?: string; name?: string }; channel?: { id?: string; name?: string } };
  const teamId = channelData.team?.id ?? null;
  // A reference to the team's channel itself, not to a reply thread inside it.
  const conversationId = channelIdOf(context) ?? facts.conversationId;
  const reference = storableReference(context.activity, { id: conversationId, isGroup: true, conversationType: 'channel', name: channelData.channel?.name ?? '' });
  await deps.conversations.save(
    {
      key: channelConversationKey(conversationId),
      kind: 'channel',
      conversationId,
      reference,
      aadObjectId: null,
      teamId,
      teamName: channelData.team?.name ?? null,
      channelName: channelData.channel?.name ?? null,
    },
    deps.now(),
  );
  deps.logger.info({ conversationId, teamId }, 'remembered a team channel');
}
