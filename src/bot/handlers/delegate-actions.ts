import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/render';
import { buildDelegateCard } from '../../cards/delegate-card';
import type { OpenDelegateData, SaveDelegateData, SearchInvokeValue } from '../../cards/actions';
import { collectTexts } from '../../i18n/collect-texts';
import { delegationTexts } from '../../i18n/delegation-texts';
import type { Locale } from '../../i18n/locale';
import { messageCard } from '../../views/collect-cards';
import { delegatedView, delegateFormView, notDelegatedView, type DelegateTarget } from '../../views/delegate-view';
import type { BotDeps } from '../deps';
import { resolveSender } from '../identity';
import { turnRoster } from '../teams-roster';
import { delegationText } from './delegate-command';

/** The results after which the person can try another colleague on the same card. */
const TRY_AGAIN = new Set(['not_an_email', 'unknown_person', 'self']);

/** "Delegera" on a goal form row: the delegate card for that indicator or goal. */
export async function openDelegate(context: TurnContext, deps: BotDeps, data: OpenDelegateData, locale: Locale): Promise<AdaptiveCard> {
  const person = await resolveSender(context, deps);
  if (!person) return messageCard(collectTexts(locale).refusal.title, collectTexts(locale).refusal.unknown_person, 'Attention');
  // Only someone who may delegate it sees the card (and with it the subject's name).
  const subject = await deps.delegation.subjectFor(person, deps.identity.isCoordinator(person), data.subject);
  if (subject.kind !== 'yours') return messageCard(collectTexts(locale).refusal.title, delegationText(subject, locale), 'Attention');
  return buildDelegateCard(
    delegateFormView(
      { period: data.period, goal: data.goal, page: data.page ?? 0, subject: { key: data.subject, name: subject.name } },
      locale,
    ),
  );
}

/** "Delegera" on the delegate card: the picked colleague (else the typed address), as `delegera <nyckel> <e-post>` does. */
export async function saveDelegate(context: TurnContext, deps: BotDeps, data: SaveDelegateData, locale: Locale): Promise<AdaptiveCard> {
  const target = await targetOf(deps, data);
  if (!target) return noSuchSubject(data.subject, locale);
  const person = await resolveSender(context, deps);
  if (!person) return messageCard(collectTexts(locale).refusal.title, collectTexts(locale).refusal.unknown_person, 'Attention');
  const picked = data.person?.trim() ?? '';
  const typed = data.email?.trim() ?? '';
  const last = { person: picked, email: typed };
  const to = picked || typed;
  if (to === '') return buildDelegateCard(delegateFormView(target, locale, { ...last, error: delegationTexts(locale).card.nobody }));
  const coordinator = deps.identity.isCoordinator(person);
  const result = await deps.delegation.delegate(person, coordinator, data.subject, to, turnRoster(context, deps.logger));
  const text = delegationText(result, locale);
  if (result.kind === 'delegated') {
    deps.logger.info({ subject: result.subject, to: result.to, by: person.email, from: 'card' }, 'delegated');
    return buildDelegateCard(delegatedView(target, text, locale));
  }
  if (TRY_AGAIN.has(result.kind)) return buildDelegateCard(delegateFormView(target, locale, { ...last, error: text }));
  return buildDelegateCard(notDelegatedView(target, text, locale));
}

/**
 * Teams' `application/search` for the person picker: people Utfall knows whose name or address
 * holds what was typed, as "Anna Berg (anna.berg@region.se)" with the address as the value.
 */
export async function searchPeople(deps: BotDeps, query: SearchInvokeValue, locale: Locale): Promise<{ title: string; value: string }[]> {
  const limit = Math.min(query.queryOptions?.top ?? 15, 15);
  const people = await deps.delegation.searchPeople(query.queryText, limit);
  const texts = delegationTexts(locale).card;
  return people.map((person) => ({
    title: person.known ? (person.name ? `${person.name} (${person.email})` : person.email) : texts.searchInTeams(person.email),
    value: person.email,
  }));
}

async function targetOf(deps: BotDeps, data: OpenDelegateData): Promise<DelegateTarget | null> {
  const name = await deps.delegation.subjectName(data.subject);
  return name === null ? null : { period: data.period, goal: data.goal, page: data.page ?? 0, subject: { key: data.subject, name } };
}

function noSuchSubject(key: string, locale: Locale): AdaptiveCard {
  return messageCard(collectTexts(locale).refusal.title, delegationTexts(locale).noSuchSubject(key), 'Attention');
}
