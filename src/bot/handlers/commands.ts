import type { TurnContext } from 'botbuilder';
import { parseCommand, typedCommandWords } from '../../domain/commands';
import type { BotDeps } from '../deps';
import { replyWithCard } from '../replies';
import { readTurnFacts } from '../turn';
import { helpCard, notUnderstood } from '../../views/help-view';
import { handleImportCommand } from './import-plan';
import { handleClosePeriodCommand, handleOpenPeriodCommand } from './period-commands';
import { handleStatusCommand } from './status';
import { executeCardAction } from './card-actions';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { AvailableCommand, CommandName } from '../../domain/command-catalog';
import { rememberPersonalConversation } from '../identity';
import { handleLinkCommand, handleLinksCommand, handleSummaryCommand, handleUnlinkCommand } from './channel-commands';
import { handleRemindCommand } from './remind-command';
import { handleDelegateCommand } from './delegate-command';
import { handleReportCommand } from './report-command';
import { handleHistoryCommand } from './history-command';

/** Routes a chat message (personal chat, or a channel message that @-mentioned the bot) to its command. */
export async function handleMessage(context: TurnContext, deps: BotDeps): Promise<void> {
  const facts = readTurnFacts(context);
  const parsed = parseCommand(context.activity.text ?? '');
  deps.logger.info(
    {
      conversationId: facts.conversationId,
      activityId: context.activity.id,
      command: parsed.kind === 'command' ? parsed.name : parsed.kind,
    },
    'message received',
  );
  if (facts.conversationType === 'personal') await rememberPersonalConversation(context, deps);
  const submitted = submittedAction(context.activity.value);
  if (submitted) {
    await answerSubmitFallback(context, deps, submitted);
    return;
  }
  if (parsed.kind === 'command') {
    const run = COMMAND_HANDLERS.get(parsed.name);
    if (run) {
      await run(context, deps, parsed.args);
      return;
    }
  }
  // One line, not the whole help card: "Jag förstod inte ”x”. Menade du **hjälp**? Skriv **hjälp** …".
  if (parsed.kind === 'unknown') {
    await context.sendActivity(notUnderstood(facts.locale, { typed: parsed.text, suggestion: parsed.suggestion }));
    return;
  }
  // Commands the catalog marks as not available yet (rapport) are recognised and said to be coming.
  if (parsed.kind === 'command') {
    await context.sendActivity(notUnderstood(facts.locale, undefined, typedCommandWords(parsed.text)));
    return;
  }
  await replyWithCard(context, helpCard(facts.locale));
}

type CommandHandler = (context: TurnContext, deps: BotDeps, args: string[]) => Promise<void>;

/** One handler for every command the catalog marks as available: leaving one out does not compile. */
const HANDLERS: { readonly [K in AvailableCommand]: CommandHandler } = {
  help: async (context) => void (await replyWithCard(context, helpCard(readTurnFacts(context).locale))),
  importPlan: (context, deps) => handleImportCommand(context, deps),
  openPeriod: handleOpenPeriodCommand,
  closePeriod: handleClosePeriodCommand,
  status: (context, deps) => handleStatusCommand(context, deps),
  link: handleLinkCommand,
  unlink: handleUnlinkCommand,
  links: (context, deps) => handleLinksCommand(context, deps),
  summary: handleSummaryCommand,
  remind: handleRemindCommand,
  delegate: handleDelegateCommand,
  report: handleReportCommand,
  history: handleHistoryCommand,
};

/** A Map of the table's own entries: a name-keyed lookup must never resolve an inherited property. */
const COMMAND_HANDLERS = new Map<CommandName, CommandHandler>(Object.entries(HANDLERS) as [AvailableCommand, CommandHandler][]);

/** Clients without Universal Actions send the Action.Submit fallback: a message whose value carries the verb. */
function submittedAction(value: unknown): { verb: string; data: Record<string, unknown> } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const verb = (value as { verb?: unknown }).verb;
  return typeof verb === 'string' ? { verb, data: value as Record<string, unknown> } : null;
}

async function answerSubmitFallback(
  context: TurnContext,
  deps: BotDeps,
  submitted: { verb: string; data: Record<string, unknown> },
): Promise<void> {
  const card = await executeCardAction(context, deps, submitted.verb, submitted.data);
  // A text answer (the report's file consent) leaves the card as it is and comes as a message.
  if (typeof card === 'string') return void (await context.sendActivity(card));
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  const replyToId = context.activity.replyToId;
  if (replyToId) {
    activity.id = replyToId;
    await context.updateActivity(activity);
  } else {
    await context.sendActivity(activity);
  }
}
