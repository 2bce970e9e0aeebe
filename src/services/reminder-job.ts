import { unitSubtree } from '../domain/owner-work';
import { reminderTexts } from '../i18n/reminder-texts';
import type { PlanRepository } from '../store/plan-repository';
import { inboxOrReceipt } from '../views/collect-cards';
import { formatLongDate } from '../views/format';
import type { InboxService } from './inbox-service';
import type { JobHandler } from './job-runner';
import type { Messenger, OutgoingMessage } from './messenger';
import type { PersonalChats } from './personal-chats';
import type { ReminderService } from './reminder-service';

const MAX_LISTED = 50;

export interface ReminderJobDeps {
  plans: PlanRepository;
  inbox: InboxService;
  reminders: ReminderService;
  chats: PersonalChats;
  messenger: Messenger;
}

/**
 * Reminder jobs: a reminder to one owner about their whole inbox (every plan's open period of the
 * code and year; checked again at send time: someone who has answered everything since it was
 * scheduled gets nothing), or the after-deadline list for one coordinator.
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
      const periods = (await deps.plans.listPeriods()).filter(
        (period) => period.code === payload.code && period.deadline === payload.deadline && (!scope || scope.has(period.unit)),
      );
      const missing = new Set<string>();
      for (const period of periods) for (const owner of await deps.reminders.missingOwners(period)) missing.add(owner);
      const sorted = [...missing].sort();
      const label = periods[0]?.label ?? payload.code;
      const listed = sorted.slice(0, MAX_LISTED).join(', ');
      const more = Math.max(0, sorted.length - MAX_LISTED);
      const unitName = units.find((unit) => unit.key === payload.unit)?.name ?? payload.unit;
      message = {
        text: unitName
          ? texts.managerReport(unitName, label, sorted.length, listed, more)
          : texts.missingReport(label, sorted.length, listed, more),
      };
    } else {
      const inbox = await deps.inbox.inboxFor(payload.email, payload.period);
      const open = inbox?.groups.filter((group) => group.period.state === 'open') ?? [];
      if (!inbox || open.length === 0) return { status: 'done', result: { skipped: 'period not open' } };
      const total = open.reduce((sum, group) => sum + group.work.goals.length, 0);
      const left = total - open.reduce((sum, group) => sum + group.work.doneGoals, 0);
      if (left <= 0) return { status: 'done', result: { skipped: 'everything answered' } };
      // The nearest deadline among the plans where something is still missing.
      const deadline = open
        .filter((group) => group.work.doneGoals < group.work.goals.length)
        .map((group) => group.period.deadline)
        .sort()[0]!;
      message = {
        text: texts.reminder(inbox.anchor.label, left, total, formatLongDate(deadline, locale)),
        card: inboxOrReceipt(inbox, locale, null, 0, person.userId),
      };
    }
    await pace();
    const sent = await deps.messenger.send(conversation.reference, message);
    if (sent.ok) return { status: 'done', result: { activityId: sent.activityId } };
    return deps.chats.failedSend(person.aadObjectId, sent.failure, job.attempts);
  };
}
