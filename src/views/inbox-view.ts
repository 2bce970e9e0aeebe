import { VERBS } from '../cards/actions';
import type { Notice, TextColor } from '../cards/card-types';
import type { InboxCardData } from '../cards/inbox-card';
import type { ReceiptCardData } from '../cards/receipt-card';
import type { GoalWork } from '../domain/owner-work';
import { collectTexts } from '../i18n/collect-texts';
import type { Locale } from '../i18n/locale';
import type { PeriodWork } from '../services/collect-service';
import { formatLongDate, shorten } from './format';

export const GOALS_PER_PAGE = 8;

/** The owner's inbox for a period: their goals, progress and deadline, paged when long. */
export function inboxView(view: PeriodWork, locale: Locale, notice: Notice | null, page = 0): InboxCardData {
  const texts = collectTexts(locale);
  const goals = view.work.goals;
  const pages = Math.max(1, Math.ceil(goals.length / GOALS_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const closed = view.period.state === 'closed';
  const shown = goals.slice(current * GOALS_PER_PAGE, (current + 1) * GOALS_PER_PAGE);
  return {
    title: texts.inboxTitle(view.period.label),
    deadline: texts.deadline(formatLongDate(view.period.deadline, locale)),
    progress: texts.progress(view.work.doneGoals, goals.length),
    notice: closed ? { text: texts.periodClosed, color: 'Warning' } : notice,
    goals: shown.map((goal) => {
      const status = goalStatus(goal, locale);
      return {
        title: shorten(goal.goal.title, 200),
        status: status.text,
        statusColor: status.color,
        context: contextOf(view, goal),
        open: {
          title: closed ? texts.view : goal.answered === goal.required ? texts.change : texts.open,
          verb: VERBS.openGoal,
          data: { period: view.period.id, goal: goal.goal.key },
        },
      };
    }),
    pager:
      pages === 1
        ? null
        : {
            text: texts.page(current + 1, pages),
            previous: current > 0 ? { title: texts.previousPage, verb: VERBS.showInbox, data: { period: view.period.id, page: current - 1 } } : null,
            next: current < pages - 1 ? { title: texts.nextPage, verb: VERBS.showInbox, data: { period: view.period.id, page: current + 1 } } : null,
          },
    refresh: null,
  };
}

/** All done: a read-only receipt with "Ändra" per goal while the period is open. */
export function receiptView(view: PeriodWork, locale: Locale): ReceiptCardData {
  const texts = collectTexts(locale);
  const open = view.period.state === 'open';
  return {
    title: texts.allDoneTitle(view.period.label),
    body: open ? texts.allDoneBody(formatLongDate(view.period.deadline, locale)) : texts.periodClosed,
    goals: view.work.goals.map((goal) => {
      const status = goalStatus(goal, locale);
      return {
        title: shorten(goal.goal.title, 200),
        status: status.text,
        statusColor: status.color,
        edit: { title: open ? texts.change : texts.view, verb: VERBS.openGoal, data: { period: view.period.id, goal: goal.goal.key } },
      };
    }),
  };
}

export function isAllDone(view: PeriodWork): boolean {
  return view.work.goals.length > 0 && view.work.doneGoals === view.work.goals.length;
}

function goalStatus(goal: GoalWork, locale: Locale): { text: string; color: TextColor } {
  const texts = collectTexts(locale);
  if (goal.answered === goal.required) return { text: texts.goalDone, color: 'Good' };
  if (goal.answered === 0) return { text: texts.goalNotStarted, color: 'Attention' };
  return { text: texts.goalPartly(goal.answered, goal.required), color: 'Warning' };
}

function contextOf(view: PeriodWork, goal: GoalWork): string {
  const perspective = view.plan.perspectives.find((p) => p.key === goal.goal.perspective);
  const area = perspective?.areas.find((a) => a.key === goal.goal.area);
  return [perspective?.name, area?.name].filter((part): part is string => Boolean(part)).map((part) => shorten(part, 80)).join(' · ');
}
