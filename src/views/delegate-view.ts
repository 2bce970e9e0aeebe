import { PEOPLE_DATASET, VERBS } from '../cards/actions';
import type { CardAction } from '../cards/card-types';
import type { DelegateCardData } from '../cards/delegate-card';
import { delegationTexts } from '../i18n/delegation-texts';
import type { Locale } from '../i18n/locale';
import { shorten } from './format';

/** Where the delegate card was opened from: a goal form (its period, goal and page) and the row's indicator or goal. */
export interface DelegateTarget {
  period: string;
  goal: string;
  page: number;
  subject: { key: string; name: string };
}

/** The picker and e-mail field, with what was picked or typed and what was wrong ('' for nothing). */
export function delegateFormView(
  target: DelegateTarget,
  locale: Locale,
  last: { person: string; email: string; error: string } = { person: '', email: '', error: '' },
): DelegateCardData {
  const texts = delegationTexts(locale).card;
  const data = { period: target.period, goal: target.goal, subject: target.subject.key, page: target.page };
  return {
    title: texts.title,
    color: 'Default',
    subject: shorten(target.subject.name, 300),
    body: texts.body,
    error: last.error,
    form: {
      dataset: PEOPLE_DATASET,
      searchLabel: texts.searchLabel,
      searchPlaceholder: texts.searchPlaceholder,
      choices: last.person === '' ? [] : [{ title: last.person, value: last.person }],
      person: last.person,
      emailLabel: texts.emailLabel,
      emailPlaceholder: texts.emailPlaceholder,
      email: last.email,
      shortcut: texts.shortcut(target.subject.key),
    },
    actions: [{ title: texts.submit, verb: VERBS.saveDelegate, data, style: 'positive' }, backToGoal(target, locale)],
  };
}

/** After delegating: what happened, in the same words as the chat command, and the way back to the inbox. */
export function delegatedView(target: DelegateTarget, message: string, locale: Locale): DelegateCardData {
  const texts = delegationTexts(locale).card;
  return {
    title: texts.doneTitle,
    color: 'Good',
    subject: shorten(target.subject.name, 300),
    body: message,
    error: '',
    form: null,
    actions: [{ title: texts.inbox, verb: VERBS.showInbox, data: { period: target.period } }],
  };
}

/** A delegation that was refused for good (not theirs, no such subject): the reason and the way back. */
export function notDelegatedView(target: DelegateTarget, message: string, locale: Locale): DelegateCardData {
  const texts = delegationTexts(locale).card;
  return {
    title: texts.notDoneTitle,
    color: 'Attention',
    subject: shorten(target.subject.name, 300),
    body: message,
    error: '',
    form: null,
    actions: [backToGoal(target, locale)],
  };
}

function backToGoal(target: DelegateTarget, locale: Locale): CardAction {
  return {
    title: delegationTexts(locale).card.back,
    verb: VERBS.openGoal,
    data: { period: target.period, goal: target.goal, page: target.page },
  };
}
