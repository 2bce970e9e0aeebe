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
    userName: activity.from?.name ?? '',
    tenantId: tenantFromChannelData ?? nonEmpty(activity.conversation?.tenantId),
    conversationId: activity.conversation?.id ?? '',
    conversationType:
      conversationType === 'personal' || conversationType === 'channel' || conversationType === 'groupChat'
        ? conversationType
        : 'unknown',
  };
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
