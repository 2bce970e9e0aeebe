import { unitSubtree } from '../domain/owner-work';
import { reminderTexts } from '../i18n/reminder-texts';
import type { PlanRepository } from '../store/plan-repository';
import { inboxOrReceipt } from '../views/collect-cards';
import { formatLongDate } from '../views/format';
import type { CollectService } from './collect-service';
import type { JobHandler } from './job-runner';
import type { Messenger, OutgoingMessage } from './messenger';
import type { PersonalChats } from './personal-chats';
import type { ReminderService } from './reminder-service';

const MAX_LISTED = 50;

export interface ReminderJobDeps {
  plans: PlanRepository;
  collect: CollectService;
  reminders: ReminderService;
  chats: PersonalChats;
  messenger: Messenger;
}

/**
 * Reminder jobs: a reminder to one owner (checked again at send time: someone who has answered
 * everything since it was scheduled gets nothing), or the after-deadline list for one coordinator.
 */
export function createReminderHandler(deps: ReminderJobDeps): JobHandler<'reminder'> {
  return async (job, pace) => {
    const { payload } = job;
    const chat = await deps.chats.chatOf(payload.email);
    if ('failed' in chat) return chat.failed;
    const { person, conversation } = chat;
    const locale = deps.chats.localeOf(person);
    const texts = reminderTexts(locale);

    let message: OutgoingMessage;
    if (payload.type === 'missing-report') {
      const units = payload.unit ? await deps.plans.listUnits() : [];
      const scope = payload.unit ? unitSubtree(units, payload.unit) : null;
      const periods = (await deps.plans.listPeriods()).filter((period) => period.code === payload.code && period.deadline === payload.deadline && (!scope || scope.has(period.unit)));
      const missing = new Set<string>();
      for (const period of periods) for (const owner of await deps.reminders.missingOwners(period)) missing.add(owner);
      const sorted = [...missing].sort();
      const label = periods[0]?.label ?? payload.code;
      const listed = sorted.slice(0, MAX_LISTED).join(', ');
      const more = Math.max(0, sorted.length - MAX_LISTED);
      const unitName = units.find((unit) => unit.key === payload.unit)?.name ?? payload.unit;
      message = { text: unitName ? texts.managerReport(unitName, label, sorted.length, listed, more) : texts.missingReport(label, sorted.length, listed, more) };
    } else {
      const view = await deps.collect.workFor(payload.email, payload.period);
      if (!view || view.period.state !== 'open') return { status: 'done', result: { skipped: 'period not open' } };
      const left = view.work.goals.length - view.work.doneGoals;
      if (left <= 0) return { status: 'done', result: { skipped: 'everything answered' } };
      message = { text: texts.reminder(view.period.label, left, view.work.goals.length, formatLongDate(view.period.deadline, locale)), card: inboxOrReceipt(view, locale, null) };
    }
    await pace();
    const sent = await deps.messenger.send(conversation.reference, message);
    if (sent.ok) return { status: 'done', result: { activityId: sent.activityId } };
    return deps.chats.failedSend(person.aadObjectId, sent.failure, job.attempts);
  };
}
