import { startTestService, type TestService } from '../support/service';

const DAY = 86_400_000;
const NOW = new Date('2026-11-29T09:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

describe('retention of finished jobs (JOB_RETENTION_DAYS)', () => {
  jest.setTimeout(60_000);
  let bot: TestService;

  beforeAll(async () => {
    bot = await startTestService({ JOB_RETENTION_DAYS: '90' }, { now: () => NOW, startScheduler: false });
  });
  afterAll(async () => bot?.stop());

  /** A prompt job to nobody in particular, finished (or not) at `at`. */
  async function job(id: string, at: Date, finish: 'done' | 'failed' | 'pending'): Promise<void> {
    const { jobs } = bot.service.repositories;
    const runAt = finish === 'pending' ? new Date(NOW.getTime() + DAY) : at;
    await jobs.enqueueMany(
      [{ id, batch: 'retention', kind: 'prompt', payload: { period: 'P/DÅ04', email: `${id}@region.example` }, runAt }],
      at,
    );
    if (finish === 'pending') return;
    const claimed = await jobs.claimCandidate((await jobs.find(id))!, 'test', at, 60_000);
    if (finish === 'done') await jobs.complete(claimed!.id, 'test', {}, at);
    else await jobs.fail(claimed!.id, 'test', 'gave up', at);
  }

  test('when the scheduler ticks, then finished jobs and their attempt claims older than the retention are deleted, and nothing else', async () => {
    const { jobs, claims } = bot.service.repositories;
    await job('old-done', ago(120), 'done');
    await job('old-failed', ago(91), 'failed');
    await job('recent-done', ago(10), 'done');
    await job('old-pending', ago(200), 'pending');
    await claims.claim('greeting:someone@region.example', 'people', ago(400));
    const history = await bot.service.mongo.db.collection('history').countDocuments({});

    const first = await bot.service.scheduler.tick(NOW);
    const soon = await bot.service.scheduler.tick(new Date(NOW.getTime() + 60_000));

    expect(first.cleanup).toEqual({ jobs: 2, claims: 2 });
    expect(soon.cleanup).toBeUndefined(); // at most once an hour
    expect(await jobs.find('old-done')).toBeNull();
    expect(await jobs.find('old-failed')).toBeNull();
    expect(await jobs.find('recent-done')).toMatchObject({ state: 'done' });
    expect(await jobs.find('old-pending')).toMatchObject({ state: 'pending' });
    expect(await claims.holder('job:old-done#1')).toBeNull();
    expect(await claims.holder('job:recent-done#1')).toBe('test');
    expect(await claims.holder('greeting:someone@region.example')).toBe('people');
    expect(await bot.service.mongo.db.collection('history').countDocuments({})).toBe(history);
  });
});
