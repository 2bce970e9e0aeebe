import { inboxOrReceipt } from '../views/collect-cards';
import type { InboxService } from './inbox-service';
import type { JobHandler } from './job-runner';
import type { Messenger } from './messenger';
import type { PersonalChats } from './personal-chats';

/**
 * Sends one owner's inbox card into their personal chat (a prompt job): the whole inbox of the
 * payload period's code and year, as it is when sent. Owners never seen in Teams, or who removed
 * the app, are recorded as unreachable instead of retried.
 */
export function createPromptHandler(deps: { inbox: InboxService; chats: PersonalChats; messenger: Messenger }): JobHandler<'prompt'> {
  return async (job, pace) => {
    const { email, period: periodId } = job.payload;
    const chat = await deps.chats.chatOf(email);
    if ('failed' in chat) return chat.failed;
    const { person, conversation } = chat;
    const inbox = await deps.inbox.inboxFor(email, periodId);
    if (!inbox || inbox.groups.length === 0) return { status: 'done', result: { skipped: 'nothing to answer' } };
    const card = inboxOrReceipt(inbox, deps.chats.localeOf(person), null, 0, person.userId);
    await pace();
    const sent = await deps.messenger.send(conversation.reference, { card });
    if (sent.ok) return { status: 'done', result: { activityId: sent.activityId, conversationId: conversation.conversationId } };
    return deps.chats.failedSend(person.aadObjectId, sent.failure, job.attempts);
  };
}
