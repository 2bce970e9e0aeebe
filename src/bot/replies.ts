import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/render';

/** Sends a card as a new message in the turn's conversation. */
export async function replyWithCard(context: TurnContext, card: AdaptiveCard): Promise<string | undefined> {
  const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return response?.id;
}
