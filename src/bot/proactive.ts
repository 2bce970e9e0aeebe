import { CardFactory, MessageFactory, type Activity, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '../cards/render';
import { resolveLocale, type Locale } from '../i18n/locale';
import type { JobOutcome } from '../services/job-runner';
import { personalConversationKey, type StoredConversation } from '../store/conversation-repository';
import type { Person } from '../store/people-repository';
import type { BotDeps } from './deps';
import { classifySendError } from './send-errors';

export type ProactiveResult = { ok: true; activityId: string } | { ok: false; error: unknown };

/**
 * Sends (or, with `updateId`, replaces in place) a message in a stored conversation. The adapter hands
 * errors thrown inside the turn to onTurnError without rethrowing, so the failure is caught here and
 * returned: a failed send must never count as delivered.
 */
export async function deliver(
  adapter: TeamsAdapter,
  deps: BotDeps,
  reference: Record<string, unknown>,
  message: { card?: AdaptiveCard; text?: string; updateId?: string },
): Promise<ProactiveResult> {
  let failure: unknown = null;
  let activityId = message.updateId ?? '';
  const activity: Partial<Activity> = message.card ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card)) : MessageFactory.text(message.text ?? '');
  if (message.card && message.text) activity.text = message.text;
  try {
    await adapter.continueConversationAsync(deps.config.bot.appId, reference as Partial<ConversationReference>, async (context) => {
      try {
        if (message.updateId) {
          await context.updateActivity({ ...activity, id: message.updateId });
        } else {
          const response = await context.sendActivity(activity);
          activityId = response?.id ?? '';
        }
      } catch (error) {
        failure = error;
      }
    });
  } catch (error) {
    failure = error;
  }
  return failure === null ? { ok: true, activityId } : { ok: false, error: failure };
}

/** A person's personal chat with the bot, or why the bot cannot write there (a permanent job failure). */
export async function personalChatOf(deps: BotDeps, email: string): Promise<{ person: Person & { aadObjectId: string }; conversation: StoredConversation } | { failed: JobOutcome }> {
  const person = await deps.people.findByEmail(email);
  if (!person?.aadObjectId || !person.reachable) return { failed: { status: 'failed', error: 'unreachable: not installed in Teams' } };
  const conversation = await deps.conversations.find(personalConversationKey(person.aadObjectId));
  if (!conversation) return { failed: { status: 'failed', error: 'unreachable: no personal conversation stored' } };
  return { person: { ...person, aadObjectId: person.aadObjectId }, conversation };
}

/** What a failed send to a person means for the job; blocked or removed apps mark the person unreachable. */
export async function failedPersonalSend(deps: BotDeps, aadObjectId: string, error: unknown, attempts: number): Promise<JobOutcome> {
  const outcome = classifySendError(error, attempts);
  if (outcome.status === 'failed' && (outcome.permanentCode === 'MessageWritesBlocked' || outcome.permanentCode === '403')) {
    await deps.people.markUnreachable(aadObjectId, deps.now());
  }
  return outcome;
}

/** The language to write to a person in, outside a turn: UTFALL_LANGUAGE, else their Teams locale. */
export function localeOf(deps: BotDeps, person: Pick<Person, 'locale'>): Locale {
  return deps.config.language === 'auto' ? resolveLocale(person.locale) : deps.config.language;
}

/** A channel has no one person's language: Swedish, unless the organisation chose English for everyone. */
export function channelLocale(deps: BotDeps): Locale {
  return deps.config.language === 'en' ? 'en' : 'sv';
}
