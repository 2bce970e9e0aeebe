import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { isRenderedCard } from '../cards/render';
import type { Logger } from '../logger';
import { FILE_CONSENT, FILE_INFO, isMadeFileCard } from './file-cards';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
const SEARCH_RESPONSE = 'application/vnd.microsoft.search.searchResponse';
/** Teams shows at most 15 typeahead choices. */
const MAX_SEARCH_RESULTS = 15;

/**
 * The last gate before anything leaves the bot in a turn: a message may carry text and cards that
 * `renderTemplate` made, an invoke response may carry such a card or a text, a typing indicator
 * nothing. Anything else — an object that reached a send by mistake, such as a TurnContext with the
 * adapter's credentials inside — is refused with an error (the turn's error handler then answers with
 * a neutral "something went wrong"), and logged without its content.
 */
export function sendGuard(logger: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      context.onSendActivities(async (_context, activities, send) => {
        activities.forEach((activity) => refuseUnlessSendable(activity, logger, context));
        return send();
      });
      context.onUpdateActivity(async (_context, activity, update) => {
        refuseUnlessSendable(activity, logger, context);
        return update();
      });
      await next();
    },
  };
}

export class UnsendableActivityError extends Error {
  constructor(reason: string) {
    super(`Refused to send an activity: ${reason}`);
    this.name = 'UnsendableActivityError';
  }
}

function refuseUnlessSendable(activity: Partial<Activity>, logger: Logger, context: TurnContext): void {
  const problem = whyUnsendable(activity);
  if (problem === null) return;
  logger.error(
    { activityId: context.activity.id, outgoingType: activity.type, problem },
    'refused to send an activity that the code did not build',
  );
  throw new UnsendableActivityError(problem);
}

/** Null when the activity is something the bot may send; otherwise what is wrong with it. */
export function whyUnsendable(activity: Partial<Activity>): string | null {
  switch (activity.type) {
    case 'typing':
      return null;
    case 'message': {
      if (activity.text !== undefined && typeof activity.text !== 'string') return 'message text is not a string';
      if (activity.value !== undefined) return 'a message may not carry a value';
      for (const attachment of activity.attachments ?? []) {
        if (attachment.contentType === FILE_CONSENT || attachment.contentType === FILE_INFO) {
          if (!isMadeFileCard(attachment.content)) return 'file card not made by file-cards.ts';
          continue;
        }
        if (attachment.contentType !== ADAPTIVE_CARD)
          return `attachment type ${String(attachment.contentType).slice(0, 80)} is not allowed`;
        if (!isRenderedCard(attachment.content)) return 'attachment is not a card rendered from a template';
      }
      return null;
    }
    case 'invokeResponse':
      return whyInvokeResponseUnsendable(activity.value);
    default:
      return `activity type ${String(activity.type).slice(0, 40)} is not sent by this bot`;
  }
}

function whyInvokeResponseUnsendable(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'invoke response without a value';
  const { status, body } = value as { status?: unknown; body?: unknown };
  if (typeof status !== 'number') return 'invoke response without a status';
  if (body === undefined || body === null) return null;
  if (typeof body !== 'object') return 'invoke response body is not an object';
  const { type, value: content } = body as { type?: unknown; value?: unknown };
  if (type === ADAPTIVE_CARD) return isRenderedCard(content) ? null : 'invoke response card is not a card rendered from a template';
  if (type === MESSAGE_RESPONSE) return typeof content === 'string' ? null : 'invoke response message is not a string';
  if (type === SEARCH_RESPONSE) return whySearchResultsUnsendable(content);
  return 'invoke response body of an unknown kind';
}

/** A typeahead answer may carry only choices: up to 15 objects of exactly a string title and value. */
function whySearchResultsUnsendable(content: unknown): string | null {
  const results = typeof content === 'object' && content !== null ? (content as { results?: unknown }).results : undefined;
  if (!Array.isArray(results)) return 'search response without results';
  if (results.length > MAX_SEARCH_RESULTS) return 'search response with more than 15 results';
  const isChoice = (result: unknown) =>
    typeof result === 'object' &&
    result !== null &&
    Object.keys(result).sort().join(',') === 'title,value' &&
    typeof (result as { title: unknown }).title === 'string' &&
    typeof (result as { value: unknown }).value === 'string';
  return results.every(isChoice) ? null : 'search result is not a choice of title and value';
}
