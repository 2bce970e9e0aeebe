import { CardFactory, MessageFactory, type Activity, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationAddress, Delivery, Messenger, OutgoingMessage, SendFailure } from '../services/messenger';

/**
 * The Messenger port on the Bot Framework SDK: proactive sends through `continueConversationAsync`.
 * The adapter hands errors thrown inside the turn to onTurnError without rethrowing, so each failure
 * is caught here and returned: a failed send must never count as delivered.
 */
export function createTeamsMessenger(adapter: TeamsAdapter, appId: string): Messenger {
  const run = async (to: ConversationAddress, message: OutgoingMessage, updateId: string | null): Promise<Delivery> => {
    let failure: unknown = null;
    let activityId = updateId ?? '';
    const activity: Partial<Activity> = message.card
      ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card))
      : MessageFactory.text(message.text ?? '');
    if (message.card && message.text) activity.text = message.text;
    try {
      await adapter.continueConversationAsync(appId, to as Partial<ConversationReference>, async (context) => {
        try {
          if (updateId) {
            await context.updateActivity({ ...activity, id: updateId });
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
    return failure === null ? { ok: true, activityId } : { ok: false, failure: sendFailureOf(failure) };
  };
  return {
    send: (to, message) => run(to, message, null),
    update: (to, activityId, message) => run(to, message, activityId),
  };
}

/** The connector's error, read into the port's terms (status, code, Retry-After). */
export function sendFailureOf(error: unknown): SendFailure {
  return {
    status: statusOf(error),
    code: codeOf(error),
    message: error instanceof Error ? error.message : String(error),
    retryAfterMs: retryAfterMs(error),
  };
}

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const candidate = (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  return typeof candidate === 'number' ? candidate : null;
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

function retryAfterMs(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const response = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response;
  const header = response?.headers?.get?.('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : null;
}
