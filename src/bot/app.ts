import { ActivityTypes } from 'botbuilder';
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from './deps';
import { executeCardAction } from './handlers/card-actions';
import { handleMessage } from './handlers/commands';
import { searchPeople } from './handlers/delegate-actions';
import { handleInstalled, handleUninstalled } from './handlers/install';
import { declinedReport, uploadAcceptedReport } from './handlers/report-command';
import { readTurnFacts } from './turn';
import { PEOPLE_DATASET, SearchInvokeValue } from '../cards/actions';

/** Wires routes to handlers; no logic of its own. */
export function createBotApp(adapter: TeamsAdapter, deps: BotDeps): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    botAppId: deps.config.bot.appId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = String(context.activity.action ?? '');
    if (action.startsWith('remove')) await handleUninstalled(context, deps);
    else await handleInstalled(context, deps);
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (context.activity.membersAdded?.some((member) => member.id === botId)) await handleInstalled(context, deps);
  });

  // One route for every Action.Execute: executeCardAction parses each verb's payload with zod.
  app.adaptiveCards.actionExecute<unknown>(/.*/, async (context, _state, data) => {
    const verb = String((context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb ?? '');
    return executeCardAction(context, deps, verb, data);
  });

  // The delegate card's person picker (a Data.Query typeahead): Teams asks with application/search.
  app.adaptiveCards.search(PEOPLE_DATASET, async (context) => {
    const query = SearchInvokeValue.safeParse(context.activity.value);
    return query.success ? searchPeople(deps, query.data, readTurnFacts(context).locale) : [];
  });

  // The report as a file in personal chat: Teams' file consent, accepted or declined.
  app.fileConsentAccept(async (context, _state, response) => uploadAcceptedReport(context, deps, response));
  app.fileConsentDecline(async (context) => declinedReport(context));

  app.activity(ActivityTypes.Message, async (context) => handleMessage(context, deps));

  return app;
}
