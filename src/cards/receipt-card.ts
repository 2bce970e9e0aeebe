import template from '../../cards/receipt.json';
import { toExecuteAction } from './action-json';
import type { ReceiptCardData } from './collect-card-data';
import { renderTemplate, type AdaptiveCard } from './render';

/** The read-only receipt after everything is answered, with an edit ("Ändra") action per goal where allowed. */
export function buildReceiptCard(data: ReceiptCardData): AdaptiveCard {
  return renderTemplate(template, {
    title: data.title,
    body: data.body,
    goals: data.goals.map((goal) => ({ ...goal, edit: goal.edit === null ? null : toExecuteAction(goal.edit) })),
  });
}
