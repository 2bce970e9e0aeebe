import type { TurnContext } from 'botbuilder';
import { resolveLocale, type Locale } from '../i18n/locale';

/** Typed facts read from a turn; everything Teams sends is untrusted and may be missing. */
export interface TurnFacts {
  locale: Locale;
  aadObjectId: string | null;
  userId: string | null;
  userName: string;
  tenantId: string | null;
  conversationId: string;
  conversationType: 'personal' | 'channel' | 'groupChat' | 'unknown';
}

export function readTurnFacts(context: TurnContext): TurnFacts {
  const activity = context.activity;
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: unknown } };
  const tenantFromChannelData = typeof channelData.tenant?.id === 'string' ? channelData.tenant.id : null;
  const conversationType = activity.conversation?.conversationType;
  return {
    locale: resolveLocale(activity.locale),
    aadObjectId: nonEmpty(activity.from?.aadObjectId),
    userId: nonEmpty(activity.from?.id),
    userName: typeof activity.from?.name === 'string' ? activity.from.name.slice(0, 200) : '',
    tenantId: tenantFromChannelData ?? nonEmpty(activity.conversation?.tenantId),
    conversationId: activity.conversation?.id ?? '',
    conversationType:
      conversationType === 'personal' || conversationType === 'channel' || conversationType === 'groupChat' ? conversationType : 'unknown',
  };
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The team channel a channel activity belongs to (not the reply thread inside it); null outside channels. */
export function channelIdOf(context: TurnContext): string | null {
  const facts = readTurnFacts(context);
  if (facts.conversationType !== 'channel') return null;
  const channelData = (context.activity.channelData ?? {}) as { channel?: { id?: unknown } };
  const fromChannelData = typeof channelData.channel?.id === 'string' ? channelData.channel.id : null;
  return fromChannelData ?? facts.conversationId.split(';')[0] ?? facts.conversationId;
}
