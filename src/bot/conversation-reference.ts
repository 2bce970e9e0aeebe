import { TurnContext, type ConversationReference } from 'botbuilder';
import type { Config } from '../config';
import { serviceUrlAllowed } from '../domain/service-url';

const MAX_NAME = 200;
const MAX_ID = 1024;

/**
 * The conversation reference kept for writing first later, with only the fields a proactive send
 * needs, each capped: a client can put anything in `from` or `conversation`, and none of it may be
 * stored beyond what the bot uses.
 */
export function storableReference(
  activity: TurnContext['activity'],
  conversation?: { id: string; name?: string; conversationType?: string; isGroup?: boolean },
): Record<string, unknown> {
  const reference: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
  const source = reference.conversation;
  return {
    activityId: capped(reference.activityId, MAX_ID),
    channelId: capped(reference.channelId, 64),
    serviceUrl: capped(reference.serviceUrl, 2048),
    locale: capped(reference.locale, 20),
    user: reference.user ? account(reference.user) : undefined,
    bot: reference.bot ? account(reference.bot) : undefined,
    conversation: {
      id: capped(conversation?.id ?? source?.id, MAX_ID) ?? '',
      conversationType: capped(conversation?.conversationType ?? source?.conversationType, 20),
      tenantId: capped(source?.tenantId, 100),
      isGroup: conversation?.isGroup ?? (typeof source?.isGroup === 'boolean' ? source.isGroup : undefined),
      name: capped(conversation?.name ?? source?.name, MAX_NAME),
    },
  };
}

function account(value: { id?: unknown; name?: unknown; aadObjectId?: unknown }): Record<string, string | undefined> {
  return { id: capped(value.id, MAX_ID), name: capped(value.name, MAX_NAME), aadObjectId: capped(value.aadObjectId, 100) };
}

function capped(value: unknown, max: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined;
}

/**
 * Whether this activity's serviceUrl may be kept for writing later. With BOT_ID set the activity was
 * authenticated, and botbuilder has checked the token's signed `serviceurl` claim equals it; without
 * (local no-auth mode) anyone can post any serviceUrl, so only those SERVICE_URL_ALLOWLIST allows
 * (Teams' own by default) are kept: a stranger's or a dead address must never replace a person's.
 */
export function mayStoreReference(
  activity: TurnContext['activity'],
  config: Pick<Config, 'authDisabled' | 'serviceUrlAllowlist'>,
): boolean {
  return !config.authDisabled || serviceUrlAllowed(activity.serviceUrl, config.serviceUrlAllowlist);
}
