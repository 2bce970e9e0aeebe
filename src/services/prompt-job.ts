import { inboxOrReceipt } from '../views/collect-cards';
import type { InboxReading, InboxService } from './inbox-service';
import type { DrainScope, JobHandler } from './job-runner';
import type { Messenger } from './messenger';
import type { PersonalChats } from './personal-chats';

/**
 * How long the prompts of one drain share one reading of periods, plans and units: about as long as
 * a prompt waits for its send slot anyway, so a card is never staler than it could be without it.
 * A new drain (after an opening, a delegation, an import) always reads afresh.
 */
const READING_MAX_AGE_MS = 1_000;

/**
 * Sends one owner's inbox card into their personal chat (a prompt job): the whole inbox of the
 * payload period's code and year, as it is when sent. Owners never seen in Teams, or who removed
 * the app, are recorded as unreachable instead of retried. Prompts sent within a second share one
 * reading of what every inbox reads alike (within one drain), so a prompt reads only its owner's
 * chat, its period and answers.
 */
export function createPromptHandler(deps: { inbox: InboxService; chats: PersonalChats; messenger: Messenger }): JobHandler<'prompt'> {
  const monotonicMs = () => performance.now();
  let latest: { drain: DrainScope; at: number; reading: Promise<InboxReading> } | null = null;
  const reading = (drain: DrainScope): Promise<InboxReading> => {
    if (!latest || latest.drain !== drain || monotonicMs() - latest.at > READING_MAX_AGE_MS) {
      const taken = { drain, at: monotonicMs(), reading: deps.inbox.reading() };
      // A failed reading is not kept: the next prompt reads again.
      taken.reading.catch(() => {
        if (latest === taken) latest = null;
      });
      latest = taken;
    }
    return latest.reading;
  };
  return async (job, pace, drain) => {
    const { email, period: periodId } = job.payload;
    const [chat, shared] = await Promise.all([deps.chats.chatOf(email), reading(drain)]);
    if ('failed' in chat) return chat.failed;
    const { person, conversation } = chat;
    const inbox = await deps.inbox.inboxIn(shared, email, periodId);
    if (!inbox || inbox.groups.length === 0) return { status: 'done', result: { skipped: 'nothing to answer' } };
    const card = inboxOrReceipt(inbox, deps.chats.localeOf(person), null, 0, person.userId);
    await pace();
    const sent = await deps.messenger.send(conversation.reference, { card });
    if (sent.ok) return { status: 'done', result: { activityId: sent.activityId, conversationId: conversation.conversationId } };
    return deps.chats.failedSend(person.aadObjectId, sent.failure, job.attempts);
  };
}
