import template from '../../cards/inbox.json';
import { toExecuteAction, toPager } from './action-json';
import type { InboxCardData } from './collect-card-data';
import { renderTemplate, type AdaptiveCard } from './render';

/** One owner's goals for the period, each with an "open" button; refreshes per user when `refresh` is set. */
export function buildInboxCard(data: InboxCardData): AdaptiveCard {
  const card = renderTemplate(template, {
    title: data.title,
    deadline: data.deadline,
    progress: data.progress,
    notice: data.notice,
    goals: data.goals.map((goal) => ({ ...goal, open: toExecuteAction(goal.open) })),
    pager: toPager(data.pager),
    refresh:
      data.refresh === null ? null : { action: toExecuteAction(data.refresh.action), userIds: data.refresh.userIds },
  });
  // A false $when on a property leaves it as null; clients expect the key to be absent.
  if (card.refresh === null) delete card.refresh;
  return card;
}
