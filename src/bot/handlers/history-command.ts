import type { TurnContext } from 'botbuilder';
import { historyTexts } from '../../i18n/history-texts';
import { historyCard } from '../../views/history-view';
import type { BotDeps } from '../deps';
import { replyWithCard } from '../replies';
import { readTurnFacts } from '../turn';
import { requireCoordinator } from './period-commands';

/** `historik <nyckel>` (coordinators): who changed an indicator's or goal's answers and delegation, and when, newest first. */
export async function handleHistoryCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = historyTexts(facts.locale);
  if (!(await requireCoordinator(context, deps, texts.what))) return;
  const [key, ...extra] = args;
  if (!key || extra.length > 0) return void (await context.sendActivity(texts.usage));
  const result = await deps.audit.historyOf(key);
  if (result.kind === 'no_such_subject') return void (await context.sendActivity(texts.noSuchSubject(result.key)));
  await replyWithCard(context, historyCard(result, facts.locale, deps.config.timezone));
}
