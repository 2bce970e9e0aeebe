import path from 'node:path';
import { PlanCache } from '../../src/services/plan-cache';
import { PlanImporter } from '../../src/services/plan-importer';
import { DelegationRepository } from '../../src/store/delegation-repository';
import { ensureIndexes } from '../../src/store/indexes';
import { PlanRepository } from '../../src/store/plan-repository';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();

describe(PlanCache.name, () => {
  let plans: PlanRepository;
  let delegations: DelegationRepository;
  let planKeys: string[];

  beforeAll(async () => {
    const { db } = database();
    await ensureIndexes(db);
    plans = new PlanRepository(db);
    delegations = new DelegationRepository(db);
    const importer = new PlanImporter(plans, {
      timezone: 'Europe/Stockholm',
      maxBytes: 10 * 1024 * 1024,
      organisation: 'Region Test',
      now: () => new Date('2022-04-01T08:00:00Z'),
    });
    for (const file of Object.values(PLAN_FIXTURES)) {
      const outcome = await importer.importFile({ fileName: path.basename(file), bytes: readFixture(file) });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    }
    planKeys = (await plans.listPlans()).map((plan) => plan.key);
  });

  test('when several plans are read at once, then each has exactly what reading it alone gives', async () => {
    expect(planKeys.length).toBeGreaterThanOrEqual(3);
    const many = await new PlanCache(plans, 100, delegations).getMany([...planKeys, planKeys[0]!]);
    const one = new PlanCache(plans, 100, delegations);
    expect([...many.keys()].sort()).toEqual([...planKeys].sort());
    for (const key of planKeys) {
      const alone = await one.get(key);
      expect(alone.goals.length).toBeGreaterThan(0);
      expect(many.get(key)).toEqual(alone);
    }
  });

  test('when a plan changes (a delegation renews its revision), then getMany reloads that plan and keeps the others', async () => {
    const cache = new PlanCache(plans, 100, delegations);
    const before = await cache.getMany(planKeys);
    const changed = planKeys[0]!;
    const indicator = before.get(changed)!.indicators[0]!;
    await delegations.set({
      subject: indicator.key,
      kind: 'indicator',
      plan: changed,
      from: indicator.owner,
      to: 'vikarie@region.example',
      by: indicator.owner,
      at: new Date('2022-04-02T08:00:00Z'),
    });
    await plans.touchRevision(changed, new Date('2022-04-02T08:00:00Z'));

    const after = await cache.getMany(planKeys);
    expect(after.get(changed)!.indicators.find((item) => item.key === indicator.key)?.owner).toBe('vikarie@region.example');
    for (const key of planKeys.slice(1)) expect(after.get(key)).toBe(before.get(key));
  });

  test('when no plans are asked for, then the answer is empty', async () => {
    expect((await new PlanCache(plans, 100, delegations).getMany([])).size).toBe(0);
  });
});
