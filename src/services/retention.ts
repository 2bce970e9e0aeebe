import type { Logger } from '../logger';
import type { Claims } from '../store/claims';
import type { JobRepository } from '../store/job-repository';

export interface CleanupReport {
  jobs: number;
  claims: number;
}

/**
 * The retention of technical records: finished jobs (which name whom a card went to) and the claims
 * on their attempts are deleted once older than JOB_RETENTION_DAYS. Answers, history, plans and
 * delegations are records and are never cleaned up here.
 */
export class RetentionService {
  constructor(private readonly deps: { jobs: JobRepository; claims: Claims; retentionMs: number; logger: Logger }) {}

  async clean(now: Date): Promise<CleanupReport> {
    const cutoff = new Date(now.getTime() - this.deps.retentionMs);
    const report = {
      jobs: await this.deps.jobs.deleteFinishedBefore(cutoff),
      claims: await this.deps.claims.deleteJobAttemptsBefore(cutoff),
    };
    if (report.jobs + report.claims > 0) this.deps.logger.info({ ...report, before: cutoff.toISOString() }, 'retention cleanup');
    return report;
  }
}
