import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as confirmCard from './confirm-card';
import * as delegateCard from './delegate-card';
import * as goalFormCard from './goal-form-card';
import * as helpCard from './help-card';
import * as historyCard from './history-card';
import * as importResultCard from './import-result-card';
import * as inboxCard from './inbox-card';
import * as messageCard from './message-card';
import * as receiptCard from './receipt-card';
import * as reportCard from './report-card';
import type { AdaptiveCard } from './render';
import * as summaryCard from './summary-card';
import * as summaryDetailCard from './summary-detail-card';
import * as welcomeCard from './welcome-card';

/** True when A and B are the same type (not merely assignable one way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Builds<Data, Build> = Build extends (data: infer Input) => AdaptiveCard ? Same<Input, Data> : false;

/**
 * Type-level: each card module exports `<Name>CardData` and its builder takes exactly that. Removing
 * the export, renaming it or building from another type fails `npm run typecheck`.
 */
const BUILDERS_TAKE_THEIR_DATA: Record<string, true> = {
  confirm: true satisfies Builds<confirmCard.ConfirmCardData, typeof confirmCard.buildConfirmCard>,
  delegate: true satisfies Builds<delegateCard.DelegateCardData, typeof delegateCard.buildDelegateCard>,
  'goal-form': true satisfies Builds<goalFormCard.GoalFormCardData, typeof goalFormCard.buildGoalFormCard>,
  help: true satisfies Builds<helpCard.HelpCardData, typeof helpCard.buildHelpCard>,
  history: true satisfies Builds<historyCard.HistoryCardData, typeof historyCard.buildHistoryCard>,
  'import-result': true satisfies Builds<importResultCard.ImportResultCardData, typeof importResultCard.buildImportResultCard>,
  inbox: true satisfies Builds<inboxCard.InboxCardData, typeof inboxCard.buildInboxCard>,
  message: true satisfies Builds<messageCard.MessageCardData, typeof messageCard.buildMessageCard>,
  receipt: true satisfies Builds<receiptCard.ReceiptCardData, typeof receiptCard.buildReceiptCard>,
  summary: true satisfies Builds<summaryCard.SummaryCardData, typeof summaryCard.buildSummaryCard>,
  report: true satisfies Builds<reportCard.ReportCardData, typeof reportCard.buildReportCard>,
  'summary-detail': true satisfies Builds<summaryDetailCard.SummaryDetailCardData, typeof summaryDetailCard.buildSummaryDetailCard>,
  welcome: true satisfies Builds<welcomeCard.WelcomeCardData, typeof welcomeCard.buildWelcomeCard>,
};

const MODULES: Record<string, object> = {
  confirm: confirmCard,
  delegate: delegateCard,
  'goal-form': goalFormCard,
  help: helpCard,
  history: historyCard,
  'import-result': importResultCard,
  inbox: inboxCard,
  message: messageCard,
  receipt: receiptCard,
  summary: summaryCard,
  report: reportCard,
  'summary-detail': summaryDetailCard,
  welcome: welcomeCard,
};

const TEMPLATES = readdirSync(path.join(__dirname, '../../cards'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

const pascal = (name: string): string =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

describe('card modules', () => {
  test('when the templates under cards/ are listed, then each has its card module and type check here', () => {
    expect(Object.keys(MODULES).sort()).toEqual(TEMPLATES);
    expect(Object.keys(BUILDERS_TAKE_THEIR_DATA).sort()).toEqual(TEMPLATES);
  });

  test.each(TEMPLATES)('when the template is %s.json, then its module exports build<Name>Card and <Name>CardData', (name) => {
    const builder = `build${pascal(name)}Card`;
    expect(typeof (MODULES[name] as Record<string, unknown>)[builder]).toBe('function');
    const source = readFileSync(path.join(__dirname, `${name}-card.ts`), 'utf8');
    expect(source).toMatch(new RegExp(`export (interface|type) ${pascal(name)}CardData\\b`));
    expect(source).toContain(`from '../../cards/${name}.json'`);
  });
});
