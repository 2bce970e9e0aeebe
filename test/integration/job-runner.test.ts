import { randomBytes } from 'node:crypto';
import type { JobKind } from '../../src/domain/jobs';
import { createLogger } from '../../src/logger';
import { dispatchJobs, drainJobs, type JobOutcome, type JobRunnerDeps, type RunnableJob } from '../../src/services/job-runner';
import { Pacer } from '../../src/services/pacer';
import { COLLECTIONS, ensureIndexes } from '../../src/store/indexes';
import { JobRepository, type NewJob } from '../../src/store/job-repository';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();

interface LogLine {
  level: number;
  msg: string;
  jobId?: string;
  kind?: unknown;
  error?: string;
}

/** The runner with its real repository, pacer and logger; handlers only record what they were given. */
function createRunner(now: Date) {
  const logs: LogLine[] = [];
  const handled: RunnableJob[] = [];
  const record = async (job: RunnableJob): Promise<JobOutcome> => {
    handled.push(job);
    return { status: 'done', result: { handledAs: job.kind } };
  };
  const deps: JobRunnerDeps = {
    jobs: new JobRepository(database().db),
    handle: dispatchJobs({ prompt: record, reminder: record, summary: record }),
    owner: 'instance-a',
    now: () => now,
    pacer: new Pacer(1_000),
    concurrency: 4,
    leaseMs: 60_000,
    maxAttempts: 8,
    logger: createLogger('warn', { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) }),
  };
  return { deps, logs, handled };
}

/** A job document as it could be found in the database: written by an older or a tampered-with version. */
interface StoredJobDocument {
  _id: string;
  [field: string]: unknown;
}

function storedDocument(id: string, kind: unknown, payload: unknown, runAt: Date): StoredJobDocument {
  return {
    _id: id,
    dedupeKey: id,
    kind,
    batch: id,
    payload,
    state: 'pending',
    runAt,
    attempts: 0,
    leaseOwner: null,
    leaseUntil: null,
    lastError: null,
    result: null,
    createdAt: runAt,
    updatedAt: runAt,
  };
}

const unique = () => randomBytes(4).toString('hex');

describe(drainJobs.name, () => {
  beforeAll(async () => ensureIndexes(database().db));

  test('when jobs of unknown kinds and with malformed payloads are due next to a good one, then they are failed and logged and only the good one runs', async () => {
    const now = new Date('2030-03-01T08:00:00Z');
    const runner = createRunner(now);
    const tag = unique();
    const good: NewJob = {
      id: `prompt:${tag}:good`,
      kind: 'prompt',
      batch: tag,
      payload: { period: `P-${tag}/UR1`, email: 'anna@region.example' },
      runAt: now,
    };
    await runner.deps.jobs.enqueueMany([good], now);
    const randomKind = `kind-${unique()}`;
    const unknownKinds = ['constructor', '__proto__', 'valueOf', 'toString', randomKind];
    const malformed: [string, string, unknown][] = [
      [`prompt:${tag}:no-email`, 'prompt', { period: `P-${tag}/UR1` }],
      [`prompt:${tag}:null`, 'prompt', null],
      [`summary:${tag}:mode`, 'summary', { conversation: '19:c', code: 'DÅ08', year: '2030', mode: 'delete' }],
    ];
    await database()
      .db.collection<StoredJobDocument>(COLLECTIONS.jobs)
      .insertMany([
        ...unknownKinds.map((kind) =>
          storedDocument(`${tag}:${kind}`, kind, { period: `P-${tag}/UR1`, email: 'anna@region.example' }, now),
        ),
        ...malformed.map(([id, kind, payload]) => storedDocument(id, kind, payload, now)),
      ]);

    const report = await drainJobs(runner.deps);

    expect(report).toEqual({ done: 1, retried: 0, failed: unknownKinds.length + malformed.length });
    expect(runner.handled).toEqual([{ ...good, state: 'running', attempts: 1, lastError: null, result: null }]);
    expect(await runner.deps.jobs.find(good.id)).toMatchObject({ state: 'done', result: { handledAs: 'prompt' } });
    for (const kind of unknownKinds) {
      expect(await runner.deps.jobs.find(`${tag}:${kind}`)).toMatchObject({
        state: 'failed',
        attempts: 1,
        lastError: `unknown job kind ${JSON.stringify(kind)}`,
      });
      expect(runner.logs).toContainEqual(
        expect.objectContaining({ level: 40, jobId: `${tag}:${kind}`, kind, msg: 'job has an unknown kind; marked failed' }),
      );
    }
    for (const [id, kind] of malformed) {
      expect(await runner.deps.jobs.find(id)).toMatchObject({
        state: 'failed',
        attempts: 1,
        lastError: expect.stringMatching(`^malformed ${kind} payload: `),
      });
      expect(runner.logs).toContainEqual(
        expect.objectContaining({ level: 40, jobId: id, kind, msg: 'job has a malformed payload; marked failed' }),
      );
    }
    // Failed for good: the next drain finds nothing to do.
    expect(await drainJobs(runner.deps)).toEqual({ done: 0, retried: 0, failed: 0 });
  });

  test('when a job of each kind is due, then each reaches its own handler with its parsed payload', async () => {
    const now = new Date('2030-02-01T08:00:00Z');
    const runner = createRunner(now);
    const tag = unique();
    const jobs: NewJob[] = [
      { id: `prompt:${tag}`, kind: 'prompt', batch: tag, payload: { period: `P-${tag}/UR1`, email: 'anna@region.example' }, runAt: now },
      {
        id: `reminder:${tag}`,
        kind: 'reminder',
        batch: tag,
        payload: { type: 'reminder', period: `P-${tag}/UR1`, email: 'anna@region.example', slot: '7wd' },
        runAt: now,
      },
      {
        id: `missing-report:${tag}`,
        kind: 'reminder',
        batch: tag,
        payload: { type: 'missing-report', code: 'UR1', deadline: '2030-02-10', email: 'samordnare@region.example' },
        runAt: now,
      },
      {
        id: `summary:${tag}`,
        kind: 'summary',
        batch: tag,
        payload: { conversation: '19:c', code: 'DÅ08', year: '2030', mode: 'post' },
        runAt: now,
      },
    ];
    await runner.deps.jobs.enqueueMany(jobs, now);

    expect(await drainJobs(runner.deps)).toEqual({ done: jobs.length, retried: 0, failed: 0 });

    const byId = new Map(runner.handled.map((job) => [job.id, job]));
    for (const job of jobs) {
      expect(byId.get(job.id)).toMatchObject({ kind: job.kind, payload: job.payload });
      expect(await runner.deps.jobs.find(job.id)).toMatchObject({ state: 'done', result: { handledAs: job.kind satisfies JobKind } });
    }
    expect(runner.logs).toEqual([]);
  });
  test('when the runner is told to stop mid-drain, then the jobs it claimed finish, no job is left leased, and the rest wait for the next drain', async () => {
    const now = new Date('2030-04-01T08:00:00Z');
    const runner = createRunner(now);
    const tag = unique();
    const jobs: NewJob[] = Array.from({ length: 10 }, (_, index) => ({
      id: `prompt:${tag}:${index}`,
      kind: 'prompt',
      batch: tag,
      payload: { period: `P-${tag}/UR1`, email: `owner${index}@region.example` },
      runAt: now,
    }));
    await runner.deps.jobs.enqueueMany(jobs, now);
    const stopping = new AbortController();
    const handled: string[] = [];
    const slow = async (job: RunnableJob): Promise<JobOutcome> => {
      handled.push(job.id);
      stopping.abort(); // the signal arrives while this send is in flight
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { status: 'done', result: { handledAs: job.kind } };
    };
    const deps = { ...runner.deps, concurrency: 2, handle: dispatchJobs({ prompt: slow, reminder: slow, summary: slow }) };

    const report = await drainJobs({ ...deps, signal: stopping.signal });

    expect(report.done).toBe(handled.length);
    expect(handled.length).toBeGreaterThanOrEqual(1);
    // Claims are taken one batch (the concurrency, 2) ahead of the workers: at most the batch being
    // run and the batch claimed ahead were held when the signal came, and those are all finished.
    expect(handled.length).toBeLessThanOrEqual(4);
    const states = await Promise.all(jobs.map(async (job) => (await runner.deps.jobs.find(job.id))?.state));
    expect(states.filter((state) => state === 'done')).toHaveLength(handled.length);
    expect(states.filter((state) => state === 'pending')).toHaveLength(jobs.length - handled.length);
    // The next start takes up the rest at once, without waiting for a lease to run out.
    expect(await drainJobs(runner.deps)).toEqual({ done: jobs.length - handled.length, retried: 0, failed: 0 });
  });
});
