import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { JobHandler } from '../services/job-runner';
import { summaryJob, summaryPeriodKey } from '../services/summary-service';
import { channelConversationKey } from '../store/conversation-repository';
import { summaryCard } from '../views/summary-view';
import type { BotDeps } from './deps';
import { channelLocale, deliver } from './proactive';
import { classifySendError } from './send-errors';

/**
 * Runs a summary job for one channel and period: `post` sends the live card (or updates it if it
 * exists), `update` replaces it in place with the current figures, `final` updates it one last time
 * and posts the final summary as a new message. Only a post job ever posts the live card, so two
 * instances cannot post it twice.
 */
export function createSummaryHandler(adapter: TeamsAdapter, deps: BotDeps): JobHandler<'summary'> {
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
    const { card } = summaryCard(loaded, { locale: channelLocale(deps), timezone: deps.config.timezone, now });

    if (!posted && mode === 'update') {
      // The live card is not out yet (or was never posted): let the one post job do it, fresh.
      await deps.jobs.enqueueMany([summaryJob(conversationId, ref, 'post', now)], now);
      return { status: 'done', result: { deferred: 'post' } };
    }
    // A period that closes before its live card went out gets the final summary only.
    if (posted || mode !== 'final') {
      await pace();
      const live = await deliver(adapter, deps, channel.reference, posted ? { card, updateId: posted.activityId } : { card });
      if (!live.ok) return classifySendError(live.error, job.attempts);
      if (posted) await deps.summaryMessages.recordUpdated(conversationId, period, now);
      else await deps.summaryMessages.recordPosted(conversationId, period, live.activityId, now);
      if (mode !== 'final') return { status: 'done', result: { activityId: live.activityId, [posted ? 'updated' : 'posted']: period } };
    }

    await pace();
    const final = summaryCard(loaded, { locale: channelLocale(deps), timezone: deps.config.timezone, now, final: true });
    const sent = await deliver(adapter, deps, channel.reference, { card: final.card });
    if (!sent.ok) return classifySendError(sent.error, job.attempts);
    await deps.summaryMessages.recordFinal(conversationId, period, sent.activityId, now);
    return { status: 'done', result: { activityId: sent.activityId, final: period } };
  };
}
