import template from '../../cards/inbox.json';
import { toExecuteAction, toPager } from './action-json';
import type { CardAction, CardPager, Notice, TextColor } from './card-types';
import { renderTemplate, type AdaptiveCard } from './render';

/** One message per owner per period code and year, across plans: their goals with progress and the deadline. */
export interface InboxCardData {
  title: string;
  /** "Sista svarsdag: fredag 11 september 2026" (the earliest, when the plans' deadlines differ) */
  deadline: string;
  /** "2 av 5 mål klara", over every plan */
  progress: string;
  notice: Notice | null;
  /** The goals per plan (unit), in the order shown; one section without a heading for a single plan. */
  sections: InboxSection[];
  /** Paging for owners with many goals; null when everything fits. */
  pager: CardPager | null;
  /** The owner-specific user ids the card refreshes for (Action.Execute refresh), at most 60. */
  refresh: { action: CardAction; userIds: string[] } | null;
}

export interface InboxSection {
  /** The unit's name; empty when the inbox has one plan. */
  heading: string;
  /** Under the heading: the unit's own deadline when the plans' deadlines differ, or that it is closed; empty otherwise (and always without a heading). */
  note: string;
  goals: InboxGoalRow[];
}

export interface InboxGoalRow {
  title: string;
  /** "Klar", "2 av 3 mätetal ifyllda", "Ej påbörjad" */
  status: string;
  statusColor: TextColor;
  /** e.g. "Medarbetare · Hälsofrämjande arbetsmiljö" */
  context: string;
  open: CardAction;
}

/** One owner's goals for the period code, per plan, each with an "open" button; refreshes per user when `refresh` is set. */
export function buildInboxCard(data: InboxCardData): AdaptiveCard {
  const card = renderTemplate(template, {
    title: data.title,
    deadline: data.deadline,
    progress: data.progress,
    notice: data.notice,
    sections: data.sections.map((section) => ({
      ...section,
      goals: section.goals.map((goal) => ({ ...goal, open: toExecuteAction(goal.open) })),
    })),
    pager: toPager(data.pager),
    refresh: data.refresh === null ? null : { action: toExecuteAction(data.refresh.action), userIds: data.refresh.userIds },
  });
  // A false $when on a property leaves it as null; clients expect the key to be absent.
  if (card.refresh === null) delete card.refresh;
  return card;
}
