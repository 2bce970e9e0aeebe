import template from '../../cards/confirm.json';
import { toExecuteActions } from './action-json';
import type { ConfirmCardData } from './collect-card-data';
import { renderTemplate, type AdaptiveCard } from './render';

/** Asks the coordinator to confirm a send ("Skicka till 212 målägare?") with confirm and cancel buttons. */
export function buildConfirmCard(data: ConfirmCardData): AdaptiveCard {
  return renderTemplate(template, {
    title: data.title,
    body: data.body,
    facts: data.facts,
    details: data.details,
    actions: toExecuteActions([data.confirm, data.cancel]),
  });
}
