import { CardFactory, MessageFactory, type Activity, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '../cards/render';
import type { BotDeps } from './deps';

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
