import { randomUUID } from 'node:crypto';
import { groupByInbox } from '../domain/inbox';
import { promptBatches } from '../domain/job-ids';
import { parseJobSpec } from '../domain/jobs';
import { ownersInPeriod } from '../domain/owner-work';
import type { Period } from '../domain/plan';
import { periodTexts } from '../i18n/period-texts';
import type { Claims } from '../store/claims';
import type { Job, JobRepository } from '../store/job-repository';
import type { Opening, OpeningRepository } from '../store/opening-repository';
import type { PeopleRepository } from '../store/people-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { Messenger } from './messenger';
import type { PersonalChats } from './personal-chats';
import type { PlanCache } from './plan-cache';

const MAX_LISTED = 20;

export interface FanoutReportDeps {
  plans: PlanRepository;
  jobs: JobRepository;
  claims: Claims;
  openings: OpeningRepository;
  people: PeopleRepository;
  cache: PlanCache;
  chats: PersonalChats;
  messenger: Messenger;
  now: () => Date;
  /** How long one instance may take to send a report before another may try (JOB_LEASE_SECONDS). */
  leaseMs: number;
}

/** What a confirmation's cards came to: owners tried, those whose card arrived, and those never reached. */
export interface FanoutOutcome {
  owners: number;
  reached: number;
  unreachable: string[];
}

/**
 * One report per confirmed `öppna period`, to the coordinator who confirmed it, once every card of
 * its inboxes has been tried: the units, how many owners have their card and who could not be
 * reached. A card counts when it arrived, whether from the fan-out, after a late install or through
 * a delegation; an owner whose cards all failed is unreachable, never "sent". The report is marked
 * sent (a claim) only after the send succeeded; a failed send is tried again on the next tick, and
 * a short lease keeps two instances from sending it at the same time.
 */
export function createFanoutReporter(deps: FanoutReportDeps): () => Promise<void> {
  return async () => {
    const pending = await deps.openings.listUnreported();
    if (pending.length === 0) return;
    const [periods, plans] = await Promise.all([deps.plans.listPeriods(), deps.plans.listPlans()]);
    const years = new Map(plans.map((plan) => [plan.key, plan.year]));
    for (const opening of pending) {
      const mine = periods.filter((period) => opening.periods.includes(period.id));
      // Closed before its cards were out (or gone): there is nothing left to report.
      if (!mine.some((period) => period.state === 'open')) {
        await deps.openings.markReported(opening.key);
        continue;
      }
      const batches = groupByInbox(mine, years).flatMap((group) => promptBatches(group.ref));
      if (!(await settled(deps.jobs, batches))) continue;
      if (await deps.claims.holder(reportKey(opening))) {
        await deps.openings.markReported(opening.key);
        continue;
      }
      await sendOnce(deps, opening, await outcomeOf(deps, mine, batches));
    }
  };
}

/** Counts, per owner of the periods, whether any of their cards arrived. */
export function countOutcome(
  owners: ReadonlySet<string>,
  jobs: readonly Pick<Job, 'kind' | 'payload' | 'state' | 'result'>[],
): FanoutOutcome {
  const reached = new Set<string>();
  const tried = new Set<string>();
  for (const job of jobs) {
    const email = promptEmail(job);
    // A card with nothing to answer left (done, skipped) was not needed: neither reached nor missed.
    if (email === null || !owners.has(email) || (job.state === 'done' && job.result?.skipped)) continue;
    tried.add(email);
    if (job.state === 'done') reached.add(email);
  }
  const unreachable = [...tried].filter((email) => !reached.has(email)).sort();
  return { owners: tried.size, reached: reached.size, unreachable };
}

async function settled(jobs: JobRepository, batches: readonly string[]): Promise<boolean> {
  for (const batch of batches) {
    const counts = await jobs.countByState(batch);
    if (counts.pending + counts.running > 0) return false;
  }
  return true;
}

async function outcomeOf(deps: FanoutReportDeps, periods: readonly Period[], batches: readonly string[]): Promise<FanoutOutcome> {
  const contents = await deps.cache.getMany(periods.map((period) => period.plan));
  const owners = new Set<string>();
  for (const period of periods) {
    const content = contents.get(period.plan);
    if (content) ownersInPeriod(content.goals, content.indicators, period.code).forEach((owner) => owners.add(owner));
  }
  const jobs = (await Promise.all(batches.map((batch) => deps.jobs.listBatch(batch)))).flat();
  return countOutcome(owners, jobs);
}

async function sendOnce(deps: FanoutReportDeps, opening: Opening, outcome: FanoutOutcome): Promise<void> {
  const lease = `fanout-report-sending:${opening.key}`;
  const attempt = randomUUID();
  const now = deps.now();
  if (!(await deps.claims.claimOrTakeOverStale(lease, attempt, now, new Date(now.getTime() - deps.leaseMs)))) return;
  if (await tell(deps, opening, outcome)) {
    await deps.claims.claim(reportKey(opening), opening.by, deps.now());
    await deps.openings.markReported(opening.key);
  } else {
    await deps.claims.release(lease, attempt);
  }
}

/** True only when Teams took the message. */
async function tell(deps: FanoutReportDeps, opening: Opening, outcome: FanoutOutcome): Promise<boolean> {
  const chat = await deps.chats.chatOf(opening.by);
  if ('failed' in chat) return false;
  const listed = outcome.unreachable.slice(0, MAX_LISTED);
  const names = new Map((await deps.people.findByEmails(listed)).map((person) => [person.email, person.name ?? person.email]));
  const texts = periodTexts(deps.chats.localeOf(chat.person));
  const text = texts.fanoutReport(
    opening.label,
    opening.units,
    outcome.reached,
    outcome.owners,
    listed.map((email) => names.get(email) ?? email),
    outcome.unreachable.length - listed.length,
  );
  const sent = await deps.messenger.send(chat.conversation.reference, { text });
  return sent.ok;
}

function reportKey(opening: Opening): string {
  return `fanout-report:${opening.key}`;
}

/** The owner a stored prompt job was for; a malformed one (failed by the runner, and logged) names nobody. */
function promptEmail(job: Pick<Job, 'kind' | 'payload'>): string | null {
  const parsed = parseJobSpec(job.kind, job.payload);
  return parsed.ok && parsed.spec.kind === 'prompt' ? parsed.spec.payload.email : null;
}
