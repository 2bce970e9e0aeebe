import template from '../../cards/confirm.json';
import { toExecuteActions } from './action-json';
import type { CardAction } from './card-types';
import { renderTemplate, type AdaptiveCard } from './render';

/** "Skicka till 212 målägare i 3 planer? Ej nåbara: 7" with Skicka / Avbryt. */
export interface ConfirmCardData {
  title: string;
  body: string;
  facts: { title: string; value: string }[];
  /** People who cannot be reached, listed (cut to a readable number with "… och 12 till"). */
  details: string[];
  confirm: CardAction;
  cancel: CardAction;
}

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
