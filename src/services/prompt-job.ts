import { inboxOrReceipt } from '../views/collect-cards';
import type { InboxReading, InboxService } from './inbox-service';
import type { JobHandler } from './job-runner';
import type { Messenger } from './messenger';
import type { PersonalChats } from './personal-chats';

/**
 * How long the prompts of a fan-out share one reading of periods, plans and units: about as long as
 * a prompt waits for its send slot anyway, so a card is never staler than it could be without it.
 */
const READING_MAX_AGE_MS = 1_000;

/**
 * Sends one owner's inbox card into their personal chat (a prompt job): the whole inbox of the
 * payload period's code and year, as it is when sent. Owners never seen in Teams, or who removed
 * the app, are recorded as unreachable instead of retried. Prompts sent within a second share one
 * reading of what every inbox reads alike, so a prompt reads only its owner's chat and answers.
 */
export function createPromptHandler(deps: { inbox: InboxService; chats: PersonalChats; messenger: Messenger }): JobHandler<'prompt'> {
  const monotonicMs = () => performance.now();
  let latest: { at: number; reading: Promise<InboxReading> } | null = null;
  const reading = (): Promise<InboxReading> => {
    if (!latest || monotonicMs() - latest.at > READING_MAX_AGE_MS) {
      const taken = { at: monotonicMs(), reading: deps.inbox.reading() };
      // A failed reading is not kept: the next prompt reads again.
      taken.reading.catch(() => {
        if (latest === taken) latest = null;
      });
      latest = taken;
    }
    return latest.reading;
  };
  return async (job, pace) => {
    const { email, period: periodId } = job.payload;
    const [chat, shared] = await Promise.all([deps.chats.chatOf(email), reading()]);
    if ('failed' in chat) return chat.failed;
    const { person, conversation } = chat;
    const inbox = await deps.inbox.inboxIn(shared, email, periodId);
    if (!inbox || inbox.groups.length === 0) return { status: 'done', result: { skipped: 'nothing to answer' } };
    const card = inboxOrReceipt(inbox, deps.chats.localeOf(person), null);
    await pace();
    const sent = await deps.messenger.send(conversation.reference, { card });
    if (sent.ok) return { status: 'done', result: { activityId: sent.activityId, conversationId: conversation.conversationId } };
    return deps.chats.failedSend(person.aadObjectId, sent.failure, job.attempts);
  };
}
