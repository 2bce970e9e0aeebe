import template from '../../cards/message.json';
import { toExecuteActions } from './action-json';
import type { MessageCardData } from './collect-card-data';
import { renderTemplate, type AdaptiveCard } from './render';

/** A short message (refusal, closed period, unknown action); the title carries the colour. */
export function buildMessageCard(data: MessageCardData): AdaptiveCard {
  return renderTemplate(template, {
    title: data.title,
    body: data.body,
    color: data.color,
    actions: toExecuteActions(data.actions),
  });
}
