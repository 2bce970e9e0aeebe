import { VERBS } from '../cards/actions';
import type { Notice, TextColor } from '../cards/card-types';
import type { InboxCardData, InboxGoalRow, InboxSection } from '../cards/inbox-card';
import type { ReceiptCardData } from '../cards/receipt-card';
import { inboxDeadline } from '../domain/inbox';
import type { GoalWork } from '../domain/owner-work';
import { collectTexts } from '../i18n/collect-texts';
import type { Locale } from '../i18n/locale';
import type { InboxGroup, InboxWork } from '../services/inbox-service';
import { formatLongDate, shorten } from './format';
import { closedNotice } from './closed-notice';

export const GOALS_PER_PAGE = 8;

/**
 * The owner's inbox for a period code and year: their goals in every plan, under each unit's name
 * when there are several, with progress and deadline over all of them (the earliest deadline when
 * the plans' differ, each unit's own under its name). Paged when long; a unit split over two pages
 * repeats its heading. Each goal opens its own plan's period.
 */
export function inboxView(
  inbox: InboxWork,
  locale: Locale,
  notice: Notice | null,
  page = 0,
  refreshFor: string | null = null,
): InboxCardData {
  const texts = collectTexts(locale);
  const rows = inbox.groups.flatMap((group) => group.work.goals.map((goal) => ({ group, goal })));
  const pages = Math.max(1, Math.ceil(rows.length / GOALS_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = rows.slice(current * GOALS_PER_PAGE, (current + 1) * GOALS_PER_PAGE);
  const sections: (InboxSection & { group: InboxGroup })[] = [];
  for (const { group, goal } of shown) {
    const last = sections.at(-1);
    const row = goalRow(group, goal, locale);
    if (last && last.group === group) last.goals.push(row);
    else sections.push({ group, ...sectionHeader(inbox, group, locale), goals: [row] });
  }
  return {
    title: texts.inboxTitle(inbox.anchor.label),
    deadline: deadlineLine(inbox, locale),
    progress: texts.progress(doneGoals(inbox), totalGoals(inbox)),
    notice: allClosed(inbox) ? { text: closedNotice(inbox.anchor, locale, null), color: 'Warning' } : notice,
    sections: sections.map(({ group: _group, ...section }) => section),
    pager:
      pages === 1
        ? null
        : {
            text: texts.page(current + 1, pages),
            previous:
              current > 0
                ? { title: texts.previousPage, verb: VERBS.showInbox, data: { period: inbox.anchor.id, page: current - 1 } }
                : null,
            next:
              current < pages - 1
                ? { title: texts.nextPage, verb: VERBS.showInbox, data: { period: inbox.anchor.id, page: current + 1 } }
                : null,
          },
    // Teams asks again whenever the owner looks at the card, so a period closed meanwhile shows as closed.
    refresh:
      refreshFor === null
        ? null
        : {
            action: { title: texts.refresh, verb: VERBS.showInbox, data: { period: inbox.anchor.id, page: current } },
            userIds: [refreshFor],
          },
  };
}

/** All done: a read-only receipt with "Ändra" per goal while its period is open, grouped like the inbox. */
export function receiptView(inbox: InboxWork, locale: Locale): ReceiptCardData {
  const texts = collectTexts(locale);
  const deadline = inboxDeadline(inbox.groups.filter(isOpen).map((group) => group.period.deadline));
  const body =
    deadline.earliest === ''
      ? texts.periodClosed
      : deadline.differ
        ? texts.allDoneBodyPerUnit
        : texts.allDoneBody(formatLongDate(deadline.earliest, locale));
  return {
    title: texts.allDoneTitle(inbox.anchor.label),
    body,
    sections: inbox.groups.map((group) => ({
      ...sectionHeader(inbox, group, locale),
      goals: group.work.goals.map((goal) => {
        const status = goalStatus(goal, locale);
        const edit = {
          title: isOpen(group) ? texts.change : texts.view,
          verb: VERBS.openGoal,
          data: { period: group.period.id, goal: goal.goal.key },
        };
        return { title: shorten(goal.goal.title, 200), status: status.text, statusColor: status.color, edit };
      }),
    })),
  };
}

export function isAllDone(inbox: InboxWork): boolean {
  return totalGoals(inbox) > 0 && doneGoals(inbox) === totalGoals(inbox);
}

function goalRow(group: InboxGroup, goal: GoalWork, locale: Locale): InboxGoalRow {
  const texts = collectTexts(locale);
  const status = goalStatus(goal, locale);
  return {
    title: shorten(goal.goal.title, 200),
    status: status.text,
    statusColor: status.color,
    context: contextOf(group, goal),
    open: {
      title: !isOpen(group) ? texts.view : goal.answered === goal.required ? texts.change : texts.open,
      verb: VERBS.openGoal,
      // The goal's own plan's period: the form is per period; its "back" returns to this whole inbox.
      data: { period: group.period.id, goal: goal.goal.key },
    },
  };
}

/** A unit's heading (only when the inbox has several plans) and its note: closed, or its own deadline. */
function sectionHeader(inbox: InboxWork, group: InboxGroup, locale: Locale): { heading: string; note: string } {
  const texts = collectTexts(locale);
  if (inbox.groups.length < 2) return { heading: '', note: '' };
  const duplicate = inbox.groups.some((other) => other !== group && other.unitName === group.unitName);
  const heading = shorten(duplicate ? group.plan.name : group.unitName, 120);
  if (!isOpen(group) && !allClosed(inbox)) return { heading, note: texts.unitClosed };
  const differ = inboxDeadline(inbox.groups.map((other) => other.period.deadline)).differ;
  return { heading, note: differ ? texts.deadline(formatLongDate(group.period.deadline, locale)) : '' };
}

function deadlineLine(inbox: InboxWork, locale: Locale): string {
  const texts = collectTexts(locale);
  const deadline = inboxDeadline(inbox.groups.length > 0 ? inbox.groups.map((group) => group.period.deadline) : [inbox.anchor.deadline]);
  const date = formatLongDate(deadline.earliest, locale);
  return deadline.differ ? texts.earliestDeadline(date) : texts.deadline(date);
}

function isOpen(group: InboxGroup): boolean {
  return group.period.state === 'open';
}

function allClosed(inbox: InboxWork): boolean {
  return inbox.groups.length > 0 ? inbox.groups.every((group) => group.period.state === 'closed') : inbox.anchor.state === 'closed';
}

function totalGoals(inbox: InboxWork): number {
  return inbox.groups.reduce((sum, group) => sum + group.work.goals.length, 0);
}

function doneGoals(inbox: InboxWork): number {
  return inbox.groups.reduce((sum, group) => sum + group.work.doneGoals, 0);
}

function goalStatus(goal: GoalWork, locale: Locale): { text: string; color: TextColor } {
  const texts = collectTexts(locale);
  if (goal.answered === goal.required) return { text: texts.goalDone, color: 'Good' };
  if (goal.answered === 0) return { text: texts.goalNotStarted, color: 'Attention' };
  return { text: texts.goalPartly(goal.answered, goal.required), color: 'Warning' };
}

function contextOf(group: InboxGroup, goal: GoalWork): string {
  const perspective = group.plan.perspectives.find((p) => p.key === goal.goal.perspective);
  const area = perspective?.areas.find((a) => a.key === goal.goal.area);
  return [perspective?.name, area?.name]
    .filter((part): part is string => Boolean(part))
    .map((part) => shorten(part, 80))
    .join(' · ');
}
