import { CardFactory, MessageFactory, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { resolveLocale } from '../i18n/locale';
import type { JobOutcome } from '../services/job-runner';
import type { Job } from '../store/job-repository';
import { personalConversationKey } from '../store/conversation-repository';
import type { BotDeps } from './deps';
import { inboxOrReceipt } from './handlers/collect-cards';
import { classifySendError } from './send-errors';

/**
 * Sends one owner's inbox card for a period into their personal chat (a prompt job). Owners never
 * seen in Teams, or who removed the app, are recorded as unreachable instead of retried.
 */
export function createPromptHandler(adapter: TeamsAdapter, deps: BotDeps): (job: Job, pace: () => Promise<void>) => Promise<JobOutcome> {
  return async (job, pace) => {
    const email = job.payload.email ?? '';
    const periodId = job.payload.period ?? '';
    const person = await deps.people.findByEmail(email);
    if (!person?.aadObjectId || !person.reachable) return { status: 'failed', error: 'unreachable: not installed in Teams' };
    const conversation = await deps.conversations.find(personalConversationKey(person.aadObjectId));
    if (!conversation) return { status: 'failed', error: 'unreachable: no personal conversation stored' };
    const view = await deps.collect.workFor(email, periodId);
    if (!view || view.work.goals.length === 0) return { status: 'done', result: { skipped: 'nothing to answer' } };
    const card = inboxOrReceipt(view, resolveLocale(person.locale), null);
    // The adapter hands errors thrown inside the turn to onTurnError and does not rethrow them, so the
    // send's own failure is caught here and classified, or a failed send would count as delivered.
    let failure: unknown = null;
    let activityId = '';
    await pace();
    try {
      await adapter.continueConversationAsync(deps.config.bot.appId, conversation.reference as Partial<ConversationReference>, async (context) => {
        try {
          const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
          activityId = response?.id ?? '';
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure === null) return { status: 'done', result: { activityId, conversationId: conversation.conversationId } };
    {
      const outcome = classifySendError(failure, job.attempts);
      if (outcome.status === 'failed' && (outcome.permanentCode === 'MessageWritesBlocked' || outcome.permanentCode === '403')) {
        await deps.people.markUnreachable(person.aadObjectId, deps.now());
      }
      return outcome;
    }
  };
}
