import template from '../../cards/delegate.json';
import { toExecuteActions } from './action-json';
import type { CardAction, TextColor } from './card-types';
import { renderTemplate, type AdaptiveCard } from './render';

/**
 * Handing one indicator or goal to a colleague from the goal form: a person picker (Teams' dynamic
 * typeahead, answered by the bot's `application/search` for `form.dataset`) and, for clients
 * without it or a colleague it does not list, an e-mail field. After delegating, `form` is null and
 * `body` says what happened.
 */
export interface DelegateCardData {
  title: string;
  color: TextColor;
  /** The indicator's or goal's name. */
  subject: string;
  body: string;
  /** What was wrong with the last attempt, or ''. */
  error: string;
  form: DelegateForm | null;
  actions: CardAction[];
}

export interface DelegateForm {
  /** Input ids are `person` (the picker's value: an e-mail address) and `email`. */
  dataset: string;
  searchLabel: string;
  searchPlaceholder: string;
  /** Choices shown before anything is typed (the one picked last time); the rest come from the search. */
  choices: { title: string; value: string }[];
  person: string;
  emailLabel: string;
  emailPlaceholder: string;
  email: string;
  /** "Kortkommando: delegera NB-P2-G1-I1 <e-post>" */
  shortcut: string;
}

export function buildDelegateCard(data: DelegateCardData): AdaptiveCard {
  return renderTemplate(template, {
    title: data.title,
    color: data.color,
    subject: data.subject,
    body: data.body,
    error: data.error,
    form: data.form,
    actions: toExecuteActions(data.actions),
  });
}
