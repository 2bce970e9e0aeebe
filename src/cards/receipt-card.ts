import template from '../../cards/receipt.json';
import { toExecuteAction } from './action-json';
import type { CardAction, TextColor } from './card-types';
import { renderTemplate, type AdaptiveCard } from './render';

/** All goals answered: a read-only receipt with an "Ändra" action, grouped per plan like the inbox. */
export interface ReceiptCardData {
  title: string;
  body: string;
  sections: ReceiptSection[];
}

export interface ReceiptSection {
  /** The unit's name; empty when the receipt has one plan. */
  heading: string;
  note: string;
  goals: { title: string; status: string; statusColor: TextColor; edit: CardAction | null }[];
}

/** The read-only receipt after everything is answered, with an edit ("Ändra") action per goal where allowed. */
export function buildReceiptCard(data: ReceiptCardData): AdaptiveCard {
  return renderTemplate(template, {
    title: data.title,
    body: data.body,
    sections: data.sections.map((section) => ({
      ...section,
      goals: section.goals.map((goal) => ({ ...goal, edit: goal.edit === null ? null : toExecuteAction(goal.edit) })),
    })),
  });
}
