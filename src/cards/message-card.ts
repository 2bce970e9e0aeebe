import template from '../../cards/message.json';
import { toExecuteActions } from './action-json';
import type { CardAction, TextColor } from './card-types';
import { renderTemplate, type AdaptiveCard } from './render';

/** A short message card: refusals, closed period, unknown action. */
export interface MessageCardData {
  title: string;
  body: string;
  color: TextColor;
  actions: CardAction[];
}

/** A short message (refusal, closed period, unknown action); the title carries the colour. */
export function buildMessageCard(data: MessageCardData): AdaptiveCard {
  return renderTemplate(template, {
    title: data.title,
    body: data.body,
    color: data.color,
    actions: toExecuteActions(data.actions),
  });
}
