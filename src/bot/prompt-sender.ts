import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { JobHandler } from '../services/job-runner';
import type { BotDeps } from './deps';
import { inboxOrReceipt } from './handlers/collect-cards';
import { deliver, failedPersonalSend, localeOf, personalChatOf } from './proactive';

/**
 * Sends one owner's inbox card for a period into their personal chat (a prompt job). Owners never
 * seen in Teams, or who removed the app, are recorded as unreachable instead of retried.
 */
export function createPromptHandler(adapter: TeamsAdapter, deps: BotDeps): JobHandler<'prompt'> {
  return async (job, pace) => {
    const { email, period: periodId } = job.payload;
    const chat = await personalChatOf(deps, email);
    if ('failed' in chat) return chat.failed;
    const { person, conversation } = chat;
    const view = await deps.collect.workFor(email, periodId);
    if (!view || view.work.goals.length === 0) return { status: 'done', result: { skipped: 'nothing to answer' } };
    const card = inboxOrReceipt(view, localeOf(deps, person), null);
    await pace();
    const sent = await deliver(adapter, deps, conversation.reference, { card });
    if (sent.ok) return { status: 'done', result: { activityId: sent.activityId, conversationId: conversation.conversationId } };
    return failedPersonalSend(deps, person.aadObjectId, sent.error, job.attempts);
  };
}
