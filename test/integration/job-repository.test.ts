import { randomBytes } from 'node:crypto';
import { Claims } from '../../src/store/claims';
import { ensureIndexes } from '../../src/store/indexes';
import { JobRepository, type Job, type NewJob } from '../../src/store/job-repository';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();

const LEASE_MS = 60_000;
const MONTH_MS = 30 * 24 * 3_600_000;

// claim takes any due job in the collection. Each test lives a month before the previous one, so the
// jobs and leases that earlier tests leave behind are never due within it, and no test truncates.
let era = 0;
let T0 = new Date('2030-01-01T08:00:00Z');
beforeEach(() => {
  era += 1;
  T0 = new Date(Date.parse('2030-01-01T08:00:00Z') - era * MONTH_MS);
});
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A batch of its own per test, so that listBatch and countByState see only that test's jobs. */
function uniqueBatch(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}`;
}

function newJobs(batch: string, count: number, runAt = T0, email = (i: number) => `p${i}@region.example`): NewJob[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `prompt:${batch}:${String(i).padStart(3, '0')}`,
    kind: 'prompt',
    batch,
    payload: { period: batch, email: email(i) },
    runAt,
  }));
}

/** Claims until nothing is due at `now`. */
async function drain(jobs: JobRepository, owner: string, now: Date): Promise<Job[]> {
  const claimed: Job[] = [];
  for (let job = await jobs.claim(owner, now, LEASE_MS); job; job = await jobs.claim(owner, now, LEASE_MS)) claimed.push(job);
  return claimed;
}

describe(JobRepository.name, () => {
  beforeAll(async () => ensureIndexes(database().db));

  test('when the same jobs are enqueued twice, then the second call creates none and leaves the first ones alone', async () => {
    const jobs = new JobRepository(database().db);
    const batch = uniqueBatch('enqueue');
    const first = newJobs(batch, 5);

    expect(await jobs.enqueueMany(first, T0)).toEqual({ created: 5, existing: 0 });
    const claimed = await jobs.claim('worker-a', T0, LEASE_MS);
    expect(claimed).not.toBeNull();
    expect(await jobs.complete(claimed!.id, 'worker-a', { activityId: 'a1' }, T0)).toBe(true);

    const again = newJobs(batch, 5, at(3_600_000), () => 'changed@region.example');
    expect(await jobs.enqueueMany([...again, ...newJobs(`${batch}-more`, 2)], at(1_000))).toEqual({ created: 2, existing: 5 });

    const stored = await jobs.listBatch(batch);
    expect(stored).toHaveLength(5);
    expect(stored.map((job) => job.payload)).toEqual(first.map((job) => job.payload));
    expect(stored.every((job) => job.runAt.getTime() === T0.getTime())).toBe(true);
    expect(await jobs.find(claimed!.id)).toMatchObject({ state: 'done', result: { activityId: 'a1' }, attempts: 1 });
  });

  test('when nothing is enqueued, then enqueueMany creates nothing', async () => {
    expect(await new JobRepository(database().db).enqueueMany([], T0)).toEqual({ created: 0, existing: 0 });
  });

  test('when a job is enqueued, then it is stored pending with no attempts', async () => {
    const jobs = new JobRepository(database().db);
    const [job] = newJobs(uniqueBatch('stored'), 1);

    await jobs.enqueueMany([job!], T0);

    expect(await jobs.find(job!.id)).toEqual({
      id: job!.id,
      kind: 'prompt',
      batch: job!.batch,
      payload: job!.payload,
      state: 'pending',
      runAt: T0,
      attempts: 0,
      lastError: null,
      result: null,
    });
    expect(await jobs.find('prompt:nope')).toBeNull();
  });

  test('when some jobs run later, then claim returns only the due ones and nextDue tells when the rest are due', async () => {
    const jobs = new JobRepository(database().db);
    const batch = uniqueBatch('due');
    await jobs.enqueueMany(
      [...newJobs(`${batch}-now`, 2, T0), ...newJobs(`${batch}-later`, 2, at(3_600_000))].map((job) => ({ ...job, batch })),
      T0,
    );

    const claimed = await drain(jobs, 'worker-a', at(1_000));

    expect(claimed.map((job) => job.id).sort()).toEqual([`prompt:${batch}-now:000`, `prompt:${batch}-now:001`]);
    expect(await jobs.claim('worker-a', at(1_000), LEASE_MS)).toBeNull();
    expect(await jobs.nextDue()).toEqual(at(3_600_000));
    expect(await jobs.nextDue(['reminder'])).toBeNull();
    for (const job of claimed) await jobs.complete(job.id, 'worker-a', {}, at(2_000));
    expect((await drain(jobs, 'worker-a', at(3_600_000))).map((job) => job.id).sort()).toEqual([
      `prompt:${batch}-later:000`,
      `prompt:${batch}-later:001`,
    ]);
  });

  test('when kinds are given, then claim takes only jobs of those kinds', async () => {
    const jobs = new JobRepository(database().db);
    const batch = uniqueBatch('kinds');
    await jobs.enqueueMany(
      [
        {
          id: `summary:${batch}`,
          kind: 'summary',
          batch,
          payload: { conversation: '19:channel', code: 'DÅ08', year: '2030', mode: 'post' },
          runAt: T0,
        },
        {
          id: `reminder:${batch}`,
          kind: 'reminder',
          batch,
          payload: { type: 'reminder', period: batch, email: 'p@region.example', slot: '7wd' },
          runAt: T0,
        },
      ],
      T0,
    );

    expect(await jobs.claim('worker-a', T0, LEASE_MS, ['prompt'])).toBeNull();
    expect(await jobs.claim('worker-a', T0, LEASE_MS, ['summary'])).toMatchObject({
      id: `summary:${batch}`,
      state: 'running',
      attempts: 1,
    });
  });

  test('when 20 workers claim concurrently over 50 jobs, then each job is claimed exactly once', async () => {
    const jobs = new JobRepository(database().db);
    const batch = uniqueBatch('race');
    await jobs.enqueueMany(newJobs(batch, 50), T0);

    const perWorker = await Promise.all(
      Array.from({ length: 20 }, (_, w) => drain(new JobRepository(database().db), `worker-${w}`, at(1_000))),
    );
    const claimedIds = perWorker.flat().map((job) => job.id);

    expect(claimedIds).toHaveLength(50);
    expect(new Set(claimedIds).size).toBe(50);
    expect(await jobs.countByState(batch)).toEqual({ pending: 0, running: 50, done: 0, failed: 0 });
    expect((await jobs.listBatch(batch)).every((job) => job.attempts === 1)).toBe(true);
  });

  test('when two instances claim the same due jobs in batches at once, then each job is claimed exactly once and leased to its winner', async () => {
    const jobs = new JobRepository(database().db);
    const batch = uniqueBatch('batch-race');
    await jobs.enqueueMany(newJobs(batch, 40), T0);
    const candidates = (await jobs.findDue(at(1_000), 1_000)).filter((job) => job.batch === batch);

    const [a, b] = await Promise.all([
      jobs.claimCandidates(candidates, 'instance-a', at(1_000), LEASE_MS),
      new JobRepository(database().db).claimCandidates([...candidates].reverse(), 'instance-b', at(1_000), LEASE_MS),
    ]);

    const ids = [...a!, ...b!].map((job) => job.id);
    expect(ids.sort()).toEqual(candidates.map((job) => job.id).sort());
    const stored = await jobs.listBatch(batch);
    expect(stored.every((job) => job.state === 'running' && job.attempts === 1)).toBe(true);
    // Only the winner can finish a job: completing everything as A finishes exactly A's jobs.
    const done = await jobs.completeMany(
      candidates.map((job) => ({ id: job.id, owner: 'instance-a', result: { by: 'a' }, now: at(2_000) })),
    );
    expect(done).toBe(a!.length);
    expect(await jobs.countByState(batch)).toEqual({ pending: 0, running: b!.length, done: a!.length, failed: 0 });
  });

  test('when a batch of candidates includes one whose claim an instance that died left behind, then the stale claim is taken over', async () => {
    const jobs = new JobRepository(database().db);
    const batch = uniqueBatch('batch-stale');
    await jobs.enqueueMany(newJobs(batch, 3), T0);
    const candidates = (await jobs.findDue(at(1_000), 1_000)).filter((job) => job.batch === batch);
    // The dead instance inserted the claim of the first job and died before leasing it.
    await new Claims(database().db).claim(`job:${candidates[0]!.id}#1`, 'dead', at(1_000));

    expect((await jobs.claimCandidates(candidates, 'instance-a', at(2_000), LEASE_MS)).map((job) => job.id).sort()).toEqual(
      candidates.slice(1).map((job) => job.id),
    );
    const later = at(2_000 + LEASE_MS);
    expect((await jobs.claimCandidates(candidates.slice(0, 1), 'instance-b', later, LEASE_MS)).map((job) => job.id)).toEqual([
      candidates[0]!.id,
    ]);
  });

  test('when a lease has expired, then the job is claimed again with one more attempt, and not before', async () => {
    const jobs = new JobRepository(database().db);
    const [job] = newJobs(uniqueBatch('lease'), 1);
    await jobs.enqueueMany([job!], T0);

    expect(await jobs.claim('worker-a', T0, LEASE_MS)).toMatchObject({ id: job!.id, attempts: 1 });
    expect(await jobs.claim('worker-b', at(LEASE_MS - 1), LEASE_MS)).toBeNull();
    expect(await jobs.claim('worker-b', at(LEASE_MS), LEASE_MS)).toBeNull();

    const reclaimed = await jobs.claim('worker-b', at(LEASE_MS + 1), LEASE_MS);
    expect(reclaimed).toMatchObject({ id: job!.id, state: 'running', attempts: 2 });

    // The dead instance comes back: its lease is gone, so it cannot finish the job.
    expect(await jobs.complete(job!.id, 'worker-a', { activityId: 'stale' }, at(LEASE_MS + 2))).toBe(false);
    expect(await jobs.complete(job!.id, 'worker-b', { activityId: 'fresh' }, at(LEASE_MS + 2))).toBe(true);
    expect(await jobs.find(job!.id)).toMatchObject({ state: 'done', attempts: 2, result: { activityId: 'fresh' } });
  });

  test('when several workers race for an expired lease, then exactly one of them gets it', async () => {
    const jobs = new JobRepository(database().db);
    const [job] = newJobs(uniqueBatch('lease-race'), 1);
    await jobs.enqueueMany([job!], T0);
    await jobs.claim('worker-dead', T0, LEASE_MS);

    const claims = await Promise.all(Array.from({ length: 10 }, (_, w) => jobs.claim(`worker-${w}`, at(LEASE_MS + 1), LEASE_MS)));

    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
    expect((await jobs.find(job!.id))?.attempts).toBe(2);
  });

  test('when someone other than the lease holder finishes a job, then nothing changes', async () => {
    const jobs = new JobRepository(database().db);
    const [job] = newJobs(uniqueBatch('holder'), 1);
    await jobs.enqueueMany([job!], T0);
    await jobs.claim('worker-a', T0, LEASE_MS);

    expect(await jobs.complete(job!.id, 'worker-b', { activityId: 'x' }, at(1))).toBe(false);
    expect(await jobs.retryAt(job!.id, 'worker-b', at(5_000), 'HTTP 429', at(1))).toBe(false);
    expect(await jobs.fail(job!.id, 'worker-b', 'HTTP 403', at(1))).toBe(false);
    expect(await jobs.complete('prompt:missing', 'worker-a', {}, at(1))).toBe(false);
    expect(await jobs.find(job!.id)).toMatchObject({ state: 'running', lastError: null, result: null });

    expect(await jobs.fail(job!.id, 'worker-a', 'HTTP 403', at(2))).toBe(true);
    expect(await jobs.find(job!.id)).toMatchObject({ state: 'failed', lastError: 'HTTP 403' });
    // Finished once: the holder cannot finish it a second time either.
    expect(await jobs.complete(job!.id, 'worker-a', {}, at(3))).toBe(false);
  });

  test('when a pending job is finished without being claimed, then nothing changes', async () => {
    const jobs = new JobRepository(database().db);
    const [job] = newJobs(uniqueBatch('unclaimed'), 1);
    await jobs.enqueueMany([job!], T0);

    expect(await jobs.complete(job!.id, 'worker-a', {}, T0)).toBe(false);
    expect((await jobs.find(job!.id))?.state).toBe('pending');
  });

  test('when the holder asks for a retry, then the job is pending again at the new time and the next claim is attempt 2', async () => {
    const jobs = new JobRepository(database().db);
    const [job] = newJobs(uniqueBatch('retry'), 1);
    await jobs.enqueueMany([job!], T0);
    await jobs.claim('worker-a', T0, LEASE_MS);

    expect(await jobs.retryAt(job!.id, 'worker-a', at(30_000), 'HTTP 429', at(1))).toBe(true);
    expect(await jobs.find(job!.id)).toMatchObject({ state: 'pending', runAt: at(30_000), lastError: 'HTTP 429', attempts: 1 });
    expect(await jobs.claim('worker-b', at(29_999), LEASE_MS)).toBeNull();

    expect(await jobs.claim('worker-b', at(30_000), LEASE_MS)).toMatchObject({ id: job!.id, attempts: 2 });
    expect(await jobs.complete(job!.id, 'worker-b', { activityId: 'a2' }, at(30_001))).toBe(true);
    expect(await jobs.find(job!.id)).toMatchObject({ state: 'done', lastError: null, result: { activityId: 'a2' } });
  });

  test('when jobs of a batch are in different states, then countByState counts each state and ignores other batches', async () => {
    const jobs = new JobRepository(database().db);
    const batch = uniqueBatch('count');
    await jobs.enqueueMany([...newJobs(batch, 6), ...newJobs(uniqueBatch('other'), 3, at(3_600_000))], T0);
    const [a, b, c] = [await jobs.claim('w', T0, LEASE_MS), await jobs.claim('w', T0, LEASE_MS), await jobs.claim('w', T0, LEASE_MS)];
    await jobs.complete(a!.id, 'w', {}, T0);
    await jobs.fail(b!.id, 'w', 'boom', T0);

    expect(c).not.toBeNull();
    expect(await jobs.countByState(batch)).toEqual({ pending: 3, running: 1, done: 1, failed: 1 });
    expect(await jobs.countByState(uniqueBatch('empty'))).toEqual({ pending: 0, running: 0, done: 0, failed: 0 });
  });

  test('when an instance died between claiming a job and leasing it, then the job is claimed again after a lease', async () => {
    const jobs = new JobRepository(database().db);
    const [job] = newJobs(uniqueBatch('orphan'), 1);
    await jobs.enqueueMany([job!], T0);
    await new Claims(database().db).claim(`job:${job!.id}#1`, 'worker-dead', T0);

    expect(await jobs.claim('worker-b', at(1_000), LEASE_MS)).toBeNull();
    expect(await jobs.claim('worker-b', at(LEASE_MS + 1), LEASE_MS)).toMatchObject({ id: job!.id, attempts: 1 });
  });
});
