import { channelConversationKey, type ConversationRepository } from '../store/conversation-repository';
import type { ChannelLinkRepository } from '../store/channel-link-repository';
import type { JobRepository } from '../store/job-repository';
import type { SummaryRepository } from '../store/summary-repository';
import { summaryCard } from '../views/summary-view';
import type { JobHandler } from './job-runner';
import type { Messenger } from './messenger';
import type { PersonalChats } from './personal-chats';
import { outcomeOfFailedSend } from './send-outcome';
import { summaryJob, summaryPeriodKey, type SummaryService } from './summary-service';

export interface SummaryJobDeps {
  links: ChannelLinkRepository;
  conversations: ConversationRepository;
  summaries: SummaryService;
  summaryMessages: SummaryRepository;
  jobs: JobRepository;
  chats: PersonalChats;
  messenger: Messenger;
  timezone: string;
  now: () => Date;
}

/**
 * Runs a summary job for one channel and period: `post` sends the live card (or updates it if it
 * exists), `update` replaces it in place with the current figures, `final` updates it one last time
 * and posts the final summary as a new message. Only a post job ever posts the live card, so two
 * instances cannot post it twice.
 */
export function createSummaryHandler(deps: SummaryJobDeps): JobHandler<'summary'> {
  return async (job, pace) => {
    const { conversation: conversationId, mode } = job.payload;
    const ref = { code: job.payload.code, year: Number(job.payload.year) };
    const units = await deps.links.unitsOf(conversationId);
    if (units.length === 0) return { status: 'done', result: { skipped: 'channel not linked' } };
    const channel = await deps.conversations.find(channelConversationKey(conversationId));
    if (!channel) return { status: 'failed', error: 'unreachable: channel conversation not stored' };
    const loaded = await deps.summaries.load(units, ref);
    if (!loaded) return { status: 'done', result: { skipped: 'no period in view' } };
    const period = summaryPeriodKey(ref);
    const posted = await deps.summaryMessages.find(conversationId, period);
    const now = deps.now();
    const locale = deps.chats.channelLocale(await deps.links.localeOf(conversationId));
    const { card } = summaryCard(loaded, { locale, timezone: deps.timezone, now });

    if (!posted && mode === 'update') {
      // The live card is not out yet (or was never posted): let the one post job do it, fresh.
      await deps.jobs.enqueueMany([summaryJob(conversationId, ref, 'post', now)], now);
      return { status: 'done', result: { deferred: 'post' } };
    }
    // A period that closes before its live card went out gets the final summary only.
    if (posted || mode !== 'final') {
      await pace();
      const live = posted
        ? await deps.messenger.update(channel.reference, posted.activityId, { card })
        : await deps.messenger.send(channel.reference, { card });
      if (!live.ok) return outcomeOfFailedSend(live.failure, job.attempts);
      if (posted) await deps.summaryMessages.recordUpdated(conversationId, period, now);
      else await deps.summaryMessages.recordPosted(conversationId, period, live.activityId, now);
      if (mode !== 'final') return { status: 'done', result: { activityId: live.activityId, [posted ? 'updated' : 'posted']: period } };
    }

    await pace();
    const final = summaryCard(loaded, { locale, timezone: deps.timezone, now, final: true });
    const sent = await deps.messenger.send(channel.reference, { card: final.card });
    if (!sent.ok) return outcomeOfFailedSend(sent.failure, job.attempts);
    await deps.summaryMessages.recordFinal(conversationId, period, sent.activityId, now);
    return { status: 'done', result: { activityId: sent.activityId, final: period } };
  };
}
