import path from 'node:path';
import type { Db } from 'mongodb';
import { PlanImporter } from '../../src/services/plan-importer';
import { ensureIndexes } from '../../src/store/indexes';
import { PlanRepository } from '../../src/store/plan-repository';
import { PLAN_FIXTURES, readFixture, readJsonFixture } from '../support/fixtures';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();

function importerAt(db: Db, now: string) {
  return new PlanImporter(new PlanRepository(db), {
    timezone: 'Europe/Stockholm',
    maxBytes: 10 * 1024 * 1024,
    organisation: 'Region Test',
    now: () => new Date(now),
  });
}

function importFixture(importer: PlanImporter, file: string, bytes = readFixture(file)) {
  return importer.importFile({ fileName: path.basename(file), bytes });
}

/** Every collection's documents, sorted, without the times of writing: what a re-import must not change. */
async function contents(db: Db): Promise<string> {
  const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
  const dump: Record<string, unknown[]> = {};
  for (const name of names) {
    dump[name] = (await db.collection(name).find({}).sort({ _id: 1 }).toArray()).map((document) => JSON.parse(JSON.stringify(document)));
  }
  return JSON.stringify(dump);
}

describe(PlanImporter.name, () => {
  beforeAll(async () => ensureIndexes(database().db));

  test('when the three fixtures are imported twice, then the second import changes nothing at all', async () => {
    const { db } = database();
    const first = importerAt(db, '2022-04-01T08:00:00Z');
    for (const file of Object.values(PLAN_FIXTURES)) expect((await importFixture(first, file)).ok).toBe(true);
    const before = await contents(db);

    const second = importerAt(db, '2022-04-02T08:00:00Z');
    for (const file of Object.values(PLAN_FIXTURES)) {
      const outcome = await importFixture(second, file);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
      for (const kind of ['units', 'plans', 'goals', 'indicators', 'periods'] as const) {
        expect(outcome.counts[kind]).toMatchObject({ created: 0, updated: 0, archived: 0 });
      }
    }
    expect(await contents(db)).toBe(before);
  });

  test('when the Norrbotten plan is imported, then goals, indicators, owners and periods are stored as in the file', async () => {
    const { db } = database();
    const plans = new PlanRepository(db);
    const indicators = await plans.listIndicators(['NB-DIV-2022']);
    const goals = await plans.listGoals(['NB-DIV-2022']);
    const periods = await plans.listPeriods(['NB-DIV-2022']);

    expect(goals.map((goal) => goal.key)).toEqual(['NB-P1-G1', 'NB-P2-G1', 'NB-P3-G1']);
    expect(indicators).toHaveLength(15);
    expect(indicators.find((i) => i.key === 'NB-P2-G1-I1')).toMatchObject({
      owner: 'peter.sandberg@region.example',
      direction: 'decrease',
      baseline: 5.1,
      valueType: 'percent',
    });
    expect(indicators.find((i) => i.key === 'NB-P1-G1-I4')?.periods).toEqual(['ÅR']);
    expect(periods.map((p) => [p.code, p.state])).toEqual([
      ['DÅ04', 'draft'],
      ['DÅ08', 'draft'],
      ['ÅR', 'draft'],
    ]);
  });

  test('when a changed file is imported, then names and targets update in place and a removed indicator is archived', async () => {
    const { db } = database();
    const plan = readJsonFixture(PLAN_FIXTURES.exempel) as {
      plans: {
        name: string;
        perspectives: { areas: { goals: { indicators: { key: string; target?: number | boolean | null }[] }[] }[] }[];
      }[];
    };
    const goal = plan.plans[0]!.perspectives[0]!.areas[0]!.goals[0]!;
    goal.indicators[0]!.target = 4.2;
    goal.indicators = goal.indicators.slice(0, 1);
    plan.plans[0]!.name = 'Regionstyrelsens verksamhetsplan 2026 (reviderad)';

    const outcome = await importFixture(importerAt(db, '2022-04-03T08:00:00Z'), 'exempel-plan.json', Buffer.from(JSON.stringify(plan)));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));

    expect(outcome.counts.indicators).toMatchObject({ created: 0, updated: 1, archived: 1 });
    expect(outcome.counts.plans).toMatchObject({ updated: 1 });
    const indicators = await new PlanRepository(db).listIndicators(['RS-2026']);
    expect(indicators.find((i) => i.key === 'RS-G7-I1')).toMatchObject({ target: 4.2, archived: false });
    expect(indicators.find((i) => i.key === 'RS-G7-I2')).toMatchObject({ archived: true });
  });

  test('when a period has already closed at import, then it is stored as closed', async () => {
    const { db } = database();
    const outcome = await importFixture(importerAt(db, '2022-06-01T08:00:00Z'), PLAN_FIXTURES.halland);
    expect(outcome.ok).toBe(true);
    const periods = await new PlanRepository(db).listPeriods(['HL-RGS-2022']);
    // UR1 closed on 2022-05-20; it was draft from the first import and is now history.
    expect(periods.map((p) => [p.code, p.state])).toEqual([
      ['UR1', 'closed'],
      ['UR2', 'draft'],
      ['ÅR', 'draft'],
    ]);
  });

  test('when a file has several problems, then every one is reported and nothing is written', async () => {
    const { db } = database();
    const before = await contents(db);
    const broken = readJsonFixture(PLAN_FIXTURES.exempel) as {
      plans: {
        key: string;
        periods: unknown[];
        perspectives: { areas: { goals: { owners: string[]; indicators: { periods: string[]; owner: string }[] }[] }[] }[];
      }[];
    };
    const goal = broken.plans[0]!.perspectives[0]!.areas[0]!.goals[0]!;
    goal.indicators[0]!.periods = ['DÅ04', 'T3'];
    goal.indicators[1]!.owner = 'erik.lind';
    broken.plans[0]!.key = 'NEW-PLAN';

    const outcome = await importFixture(importerAt(db, '2022-04-04T08:00:00Z'), 'broken.json', Buffer.from(JSON.stringify(broken)));

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'invalid_email', value: 'erik.lind' })]));
    expect(await contents(db)).toBe(before);
  });
});
