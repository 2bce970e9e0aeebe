import template from '../../cards/receipt.json';
import { toExecuteAction } from './action-json';
import type { CardAction, TextColor } from './card-types';
import { renderTemplate, type AdaptiveCard } from './render';

/** All goals answered: a read-only receipt with an "Ändra" action. */
export interface ReceiptCardData {
  title: string;
  body: string;
  goals: { title: string; status: string; statusColor: TextColor; edit: CardAction | null }[];
}

/** The read-only receipt after everything is answered, with an edit ("Ändra") action per goal where allowed. */
export function buildReceiptCard(data: ReceiptCardData): AdaptiveCard {
  return renderTemplate(template, {
    title: data.title,
    body: data.body,
    goals: data.goals.map((goal) => ({ ...goal, edit: goal.edit === null ? null : toExecuteAction(goal.edit) })),
  });
}
