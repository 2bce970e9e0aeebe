import { type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { jobBatches } from '../domain/job-ids';
import { parseJobSpec } from '../domain/jobs';
import { personalConversationKey } from '../store/conversation-repository';
import type { BotDeps } from './deps';
import { localeOf } from './proactive';

const MAX_LISTED = 20;

/**
 * When every prompt job of an opened period is done or failed, the coordinator who opened it gets
 * one message: how many cards went out and who could not be reached (never installed, blocked).
 * Sent once per period (a claim), whichever instance gets there first.
 */
export function createFanoutReporter(adapter: TeamsAdapter, deps: BotDeps): () => Promise<void> {
  return async () => {
    const open = (await deps.plans.listPeriods()).filter((period) => period.state === 'open');
    for (const period of open) {
      const opener = await deps.claims.holder(`opened-by:${period.id}`);
      if (!opener) continue;
      const counts = await deps.jobs.countByState(jobBatches.prompt(period.id));
      if (counts.pending + counts.running > 0 || counts.done + counts.failed === 0) continue;
      if (!(await deps.claims.claim(`fanout-report:${period.id}`, opener, deps.now()))) continue;
      const failed = (await deps.jobs.listBatch(jobBatches.prompt(period.id))).filter((job) => job.state === 'failed').flatMap(promptEmail);
      await tell(adapter, deps, opener, period.label, counts.done, failed);
    }
  };
}

/** The owner a stored prompt job was for; a malformed one (failed by the runner, and logged) names nobody. */
function promptEmail(job: { kind: string; payload: unknown }): string[] {
  const parsed = parseJobSpec(job.kind, job.payload);
  return parsed.ok && parsed.spec.kind === 'prompt' ? [parsed.spec.payload.email] : [];
}

async function tell(adapter: TeamsAdapter, deps: BotDeps, email: string, label: string, sent: number, failed: string[]): Promise<void> {
  const person = await deps.people.findByEmail(email);
  const conversation = person?.aadObjectId ? await deps.conversations.find(personalConversationKey(person.aadObjectId)) : null;
  if (!person || !conversation) return;
  const english = localeOf(deps, person) === 'en';
  const listed = failed.slice(0, MAX_LISTED).join(', ') + (failed.length > MAX_LISTED ? (english ? `, … and ${failed.length - MAX_LISTED} more` : `, … och ${failed.length - MAX_LISTED} till`) : '');
  const text = english
    ? `${label}: ${sent} cards sent.` + (failed.length > 0 ? ` Could not reach ${failed.length}: ${listed}. They get their card as soon as they install Utfall.` : ' Everyone was reached.')
    : `${label}: ${sent} kort skickade.` + (failed.length > 0 ? ` Ej nåbara (${failed.length}): ${listed}. De får sitt kort så snart de installerar Utfall.` : ' Alla nåddes.');
  await adapter.continueConversationAsync(deps.config.bot.appId, conversation.reference as Partial<ConversationReference>, async (context) => {
    await context.sendActivity(text);
  });
}
