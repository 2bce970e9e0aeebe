import type { TurnContext } from 'botbuilder';
import { chatTexts } from '../../i18n/chat-texts';
import { inboxOrReceipt } from '../../views/collect-cards';
import { summaryCard } from '../../views/summary-view';
import type { BotDeps } from '../deps';
import { resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { readTurnFacts } from '../turn';

/** `status`: the person's open inboxes (one card per period code and year, across plans), or a line saying there is nothing. */
export async function handleStatusCommand(context: TurnContext, deps: BotDeps): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = chatTexts(facts.locale);
  const person = await resolveSender(context, deps);
  if (!person) return void (await context.sendActivity(texts.unknownPerson));
  const inboxes = await deps.inbox.openInboxesFor(person.email);
  for (const inbox of inboxes) await replyWithCard(context, inboxOrReceipt(inbox, facts.locale, null));
  if (inboxes.length === 0) await context.sendActivity(texts.nothingToAnswer);
  // A unit's manager also sees where their unit stands.
  const managed = await deps.channels.managedBy(person.email);
  if (managed.length === 0) return;
  const unit = await deps.channels.summary({ coordinator: false, managed }, []);
  if (unit.kind !== 'summary') return;
  const { card } = summaryCard(unit.loaded, {
    locale: facts.locale,
    timezone: deps.config.timezone,
    now: deps.now(),
    payloadUnits: unit.scope,
  });
  await replyWithCard(context, card);
}
