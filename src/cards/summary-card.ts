import template from '../../cards/summary.json';
import { toExecuteAction, toExecuteActions } from './action-json';
import type { CardAction, TextColor } from './card-types';
import { renderTemplate, type AdaptiveCard } from './render';

/** Teams refuses messages over ~100 KB; every summary card stays well under 40 KB. */
export const SUMMARY_CARD_BUDGET = 36_000;

export interface SummaryCell {
  text: string;
  color: TextColor;
  subtle: boolean;
  bold: boolean;
}

/** A status column's header: its symbol (coloured, beside the word) and its word (default colour). */
export interface SummaryHeader {
  symbol: string;
  symbolColor: TextColor;
  text: string;
}

export interface SummaryRow {
  name: string;
  bold: boolean;
  cells: SummaryCell[];
  /** Drill-down (one perspective); null for rows without detail, such as totals. */
  action: CardAction | null;
}

export interface SummaryComment {
  /** Unique within the card: the element ids of "Visa mer". */
  id: string;
  short: string;
  /** The longer text behind "Visa mer"; equal to `short` when nothing was cut. */
  full: string;
}

export interface SummaryRedGoal {
  title: string;
  context: string;
  comments: SummaryComment[];
  action: CardAction;
}

/** The management channel's card for one period: every string is final, localised text. */
export interface SummaryCardData {
  title: string;
  scope: string;
  status: string;
  statusColor: TextColor;
  response: string;
  table: { heading: string; headers: SummaryHeader[]; rows: SummaryRow[]; hint: string };
  /** The comparison with the previous period in words; empty when there is nothing to compare. */
  change: string;
  redTitle: string;
  redGoals: SummaryRedGoal[];
  moreRed: string;
  moreTitle: string;
  /** "Uppdaterad hh:mm" on the live card; empty on a snapshot, whose status line says when it was taken. */
  updated: string;
  actions: CardAction[];
}

export function buildSummaryCard(data: SummaryCardData): AdaptiveCard {
  return renderTemplate(template, {
    ...data,
    table: {
      ...data.table,
      rows: data.table.rows.map((row) => ({
        name: row.name,
        weight: row.bold ? 'Bolder' : 'Default',
        nameColor: row.action ? 'Accent' : 'Default',
        cells: row.cells.map((cell) => ({
          text: cell.text,
          color: cell.color,
          subtle: cell.subtle,
          weight: cell.bold ? 'Bolder' : 'Default',
        })),
        action: row.action ? toExecuteAction(row.action) : null,
      })),
    },
    redGoals: data.redGoals.map((goal) => ({
      title: goal.title,
      context: goal.context,
      action: toExecuteAction(goal.action),
      comments: goal.comments.map((comment) => ({ ...comment, more: comment.full !== comment.short, moreTitle: data.moreTitle })),
    })),
    actions: toExecuteActions(data.actions),
  });
}
