import type { TurnContext } from 'botbuilder';
import { chatTexts } from '../../i18n/chat-texts';
import { delegationTexts } from '../../i18n/delegation-texts';
import { foldText } from '../../domain/commands';
import type { DelegationResult } from '../../services/delegation-service';
import type { Locale } from '../../i18n/locale';
import type { BotDeps } from '../deps';
import { resolveSender } from '../identity';
import { turnRoster } from '../teams-roster';
import { readTurnFacts } from '../turn';

/**
 * `delegera <nyckel> <e-post>` hands an indicator or goal to a colleague (known, or in Teams' roster); `delegera tillbaka
 * <nyckel>` takes it back (see DelegationService).
 */
export async function handleDelegateCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = delegationTexts(facts.locale);
  const person = await resolveSender(context, deps);
  if (!person) return void (await context.sendActivity(chatTexts(facts.locale).unknownPerson));
  const back = args.length > 0 && ['tillbaka', 'back'].includes(foldText(args[0]!));
  const [key, target, ...extra] = back ? args.slice(1) : args;
  if (!key || (!back && !target) || (back && target) || extra.length > 0) return void (await context.sendActivity(texts.usage));
  const coordinator = deps.identity.isCoordinator(person);
  const result = back
    ? await deps.delegation.takeBack(person, coordinator, key)
    : await deps.delegation.delegate(person, coordinator, key, target!, turnRoster(context, deps.logger));
  if (result.kind === 'delegated') deps.logger.info({ subject: result.subject, to: result.to, by: person.email }, 'delegated');
  if (result.kind === 'taken_back') deps.logger.info({ key, by: person.email }, 'delegation taken back');
  await context.sendActivity(delegationText(result, facts.locale));
}

export function delegationText(result: DelegationResult, locale: Locale): string {
  const texts = delegationTexts(locale);
  switch (result.kind) {
    case 'no_such_subject':
      return texts.noSuchSubject(result.key);
    case 'not_delegated':
      return texts.notDelegated(result.key);
    case 'not_your_delegation':
      return texts.notYourDelegation;
    case 'taken_back':
      return texts.takenBack(result.name, result.from);
    case 'not_an_email':
      return texts.notAnEmail(result.target);
    case 'not_yours':
      return texts.notYours(result.name);
    case 'self':
      return texts.self;
    case 'unknown_person':
      return texts.unknownPerson(result.email);
    case 'delegated':
      return texts.delegated(result.name, result.to, result.toName, result.subject, result.reachable);
  }
}
