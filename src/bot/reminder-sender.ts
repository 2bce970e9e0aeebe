import type { TeamsAdapter } from '@microsoft/teams-ai';
import { reminderTexts } from '../i18n/reminder-texts';
import type { JobHandler } from '../services/job-runner';
import { formatLongDate } from '../views/format';
import type { BotDeps } from './deps';
import { inboxOrReceipt } from './handlers/collect-cards';
import { deliver, failedPersonalSend, localeOf, personalChatOf } from './proactive';

const MAX_LISTED = 50;

/**
 * Reminder jobs: a reminder to one owner (checked again at send time: someone who has answered
 * everything since it was scheduled gets nothing), or the after-deadline list for one coordinator.
 */
export function createReminderHandler(adapter: TeamsAdapter, deps: BotDeps): JobHandler<'reminder'> {
  return async (job, pace) => {
    const { payload } = job;
    const { email } = payload;
    const chat = await personalChatOf(deps, email);
    if ('failed' in chat) return chat.failed;
    const { person, conversation } = chat;
    const locale = localeOf(deps, person);
    const texts = reminderTexts(locale);

    let message: { text: string; card?: ReturnType<typeof inboxOrReceipt> };
    if (payload.type === 'missing-report') {
      const periods = (await deps.plans.listPeriods()).filter((period) => period.code === payload.code && period.deadline === payload.deadline);
      const missing = new Set<string>();
      for (const period of periods) for (const owner of await deps.reminders.missingOwners(period)) missing.add(owner);
      const sorted = [...missing].sort();
      const label = periods[0]?.label ?? payload.code;
      message = { text: texts.missingReport(label, sorted.length, sorted.slice(0, MAX_LISTED).join(', '), Math.max(0, sorted.length - MAX_LISTED)) };
    } else {
      const view = await deps.collect.workFor(email, payload.period);
      if (!view || view.period.state !== 'open') return { status: 'done', result: { skipped: 'period not open' } };
      const left = view.work.goals.length - view.work.doneGoals;
      if (left <= 0) return { status: 'done', result: { skipped: 'everything answered' } };
      message = { text: texts.reminder(view.period.label, left, view.work.goals.length, formatLongDate(view.period.deadline, locale)), card: inboxOrReceipt(view, locale, null) };
    }
    await pace();
    const sent = await deliver(adapter, deps, conversation.reference, message);
    if (sent.ok) return { status: 'done', result: { activityId: sent.activityId } };
    return failedPersonalSend(deps, person.aadObjectId, sent.error, job.attempts);
  };
}
