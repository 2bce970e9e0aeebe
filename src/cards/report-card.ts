import template from '../../cards/report.json';
import { toExecuteAction, type ExecuteActionJson } from './action-json';
import type { CardAction } from './card-types';
import { renderTemplate, type AdaptiveCard } from './render';

/** One way to get the report: a link opened in the browser, or a file the bot uploads to the chat. */
export type ReportCardAction = { kind: 'open'; title: string; url: string } | { kind: 'execute'; action: CardAction };

/** The answer to `rapport`: what it covers and the three ways to get it. */
export interface ReportCardData {
  title: string;
  intro: string;
  facts: { title: string; value: string }[];
  actions: ReportCardAction[];
}

export function buildReportCard(data: ReportCardData): AdaptiveCard {
  const actions: (ExecuteActionJson | { type: 'Action.OpenUrl'; title: string; url: string })[] = data.actions.map((action) =>
    action.kind === 'open' ? { type: 'Action.OpenUrl', title: action.title, url: action.url } : toExecuteAction(action.action),
  );
  return renderTemplate(template, { title: data.title, intro: data.intro, facts: data.facts, actions });
}
