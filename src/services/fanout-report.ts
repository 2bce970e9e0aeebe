import { jobBatches } from '../domain/job-ids';
import { parseJobSpec } from '../domain/jobs';
import { periodTexts } from '../i18n/period-texts';
import type { Claims } from '../store/claims';
import type { JobRepository } from '../store/job-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { Messenger } from './messenger';
import type { PersonalChats } from './personal-chats';

const MAX_LISTED = 20;

export interface FanoutReportDeps {
  plans: PlanRepository;
  jobs: JobRepository;
  claims: Claims;
  chats: PersonalChats;
  messenger: Messenger;
  now: () => Date;
}

/**
 * When every prompt job of an opened period is done or failed, the coordinator who opened it gets
 * one message: how many cards went out and who could not be reached (never installed, blocked).
 * Sent once per period (a claim), whichever instance gets there first.
 */
export function createFanoutReporter(deps: FanoutReportDeps): () => Promise<void> {
  return async () => {
    const open = (await deps.plans.listPeriods()).filter((period) => period.state === 'open');
    for (const period of open) {
      const opener = await deps.claims.holder(`opened-by:${period.id}`);
      if (!opener) continue;
      const counts = await deps.jobs.countByState(jobBatches.prompt(period.id));
      if (counts.pending + counts.running > 0 || counts.done + counts.failed === 0) continue;
      if (!(await deps.claims.claim(`fanout-report:${period.id}`, opener, deps.now()))) continue;
      const failed = (await deps.jobs.listBatch(jobBatches.prompt(period.id))).filter((job) => job.state === 'failed').flatMap(promptEmail);
      await tell(deps, opener, period.label, counts.done, failed);
    }
  };
}

/** The owner a stored prompt job was for; a malformed one (failed by the runner, and logged) names nobody. */
function promptEmail(job: { kind: string; payload: unknown }): string[] {
  const parsed = parseJobSpec(job.kind, job.payload);
  return parsed.ok && parsed.spec.kind === 'prompt' ? [parsed.spec.payload.email] : [];
}

async function tell(deps: FanoutReportDeps, email: string, label: string, sent: number, failed: string[]): Promise<void> {
  const chat = await deps.chats.chatOf(email);
  if ('failed' in chat) return;
  const listed = failed.slice(0, MAX_LISTED);
  const text = periodTexts(deps.chats.localeOf(chat.person)).fanoutReport(label, sent, listed, failed.length - listed.length);
  await deps.messenger.send(chat.conversation.reference, { text });
}
