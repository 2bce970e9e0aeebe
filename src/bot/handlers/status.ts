import type { TurnContext } from 'botbuilder';
import { chatTexts } from '../../i18n/chat-texts';
import type { BotDeps } from '../deps';
import { resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { readTurnFacts } from '../turn';
import { inboxOrReceipt } from './collect-cards';

/** `status`: the person's open periods, each as its inbox card (or a line saying there is nothing). */
export async function handleStatusCommand(context: TurnContext, deps: BotDeps): Promise<void> {
  const facts = readTurnFacts(context);
  const person = await resolveSender(context, deps);
  if (!person) {
    await context.sendActivity(chatTexts(facts.locale).unknownPerson);
    return;
  }
  const open = (await deps.plans.listPeriods()).filter((period) => period.state === 'open');
  let shown = 0;
  for (const period of open) {
    const view = await deps.collect.workFor(person.email, period.id);
    if (!view || view.work.goals.length === 0) continue;
    await replyWithCard(context, inboxOrReceipt(view, facts.locale, null));
    shown += 1;
  }
  if (shown === 0) {
    await context.sendActivity(facts.locale === 'en' ? 'You have nothing to answer right now.' : 'Du har inget att svara på just nu.');
  }
}
