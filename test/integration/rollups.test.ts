import type { IndicatorAnswer } from '../../src/domain/response';
import { RollupService } from '../../src/services/rollups';
import { COLLECTIONS, ensureIndexes } from '../../src/store/indexes';
import { ResponseRepository, type GoalResponseFacts, type IndicatorResponseFacts } from '../../src/store/response-repository';
import { RollupRepository } from '../../src/store/rollup-repository';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();

const T0 = new Date('2026-12-01T08:00:00Z');
const GROUP = 'ÅR|2026';
const PERIODS = ['R1/ÅR', 'R2/ÅR'];
const GOALS_PER_PERIOD = 10;
const INDICATORS_PER_GOAL = 5;

/** Two "instances": each its own RollupService (own memory) on the one database. */
function instance(): RollupService {
  const db = database().db;
  return new RollupService({
    rollups: new RollupRepository(db),
    responses: new ResponseRepository(db),
    groups: async () => new Map(PERIODS.map((period) => [period, GROUP])),
  });
}

function place(period: string, goal: number, indicator: number) {
  const plan = period.split('/')[0]!;
  return {
    indicator: `${plan}-G${goal}-I${indicator}`,
    goal: `${plan}-G${goal}`,
    plan,
    unit: plan,
    perspective: 'Ekonomi',
    period,
  };
}

function answer(value: number): IndicatorAnswer {
  const assessments = ['achieved', 'partly', 'not_achieved', null] as const;
  return {
    outcome: { kind: 'number', value },
    outcomeText: String(value),
    comment: value % 3 === 0 ? `Kommentar ${value}` : '',
    assessment: assessments[value % 4]!,
  };
}

function sorted(facts: { indicatorResponses: IndicatorResponseFacts[]; goalResponses: GoalResponseFacts[] }) {
  return {
    indicatorResponses: [...facts.indicatorResponses].sort((a, b) => a.indicator.localeCompare(b.indicator)),
    goalResponses: [...facts.goalResponses].sort((a, b) => a.goal.localeCompare(b.goal)),
  };
}

describe('summary roll-ups', () => {
  beforeAll(async () => ensureIndexes(database().db));

  test('when 200 saves race (several on one indicator) while two instances roll up, then the roll-ups equal a from-scratch read of every answer', async () => {
    const db = database().db;
    const responses = new ResponseRepository(db);
    const [first, second] = [instance(), instance()];
    const saves: (() => Promise<unknown>)[] = [];
    for (let n = 0; n < 200; n += 1) {
      const period = PERIODS[n % PERIODS.length]!;
      // 20 goals × 5 indicators in all, 200 saves: every indicator is written twice, by racing writers.
      const target = place(period, Math.floor(n / 10) % GOALS_PER_PERIOD, n % INDICATORS_PER_GOAL);
      saves.push(async () => {
        const [stored] = await responses.listIndicatorResponses(period, [target.indicator]);
        return responses.saveIndicator(target, answer(n), stored?.version ?? 0, { email: `o${n}@region.example`, name: `Ägare ${n}` }, T0);
      });
      if (n % 7 === 0) saves.push(() => (n % 2 === 0 ? first : second).flush());
      if (n % 20 === 0)
        saves.push(() =>
          responses.saveGoal(
            { goal: target.goal, plan: target.plan, unit: target.unit, perspective: 'Ekonomi', period },
            { assessment: 'partly', analysis: `Analys ${n}` },
            0,
            { email: 'chef@region.example', name: 'Chef' },
            T0,
          ),
        );
    }
    const settled = await Promise.allSettled(saves.map((save) => save()));
    expect(settled.filter((result) => result.status === 'rejected')).toEqual([]);

    const fromScratch = sorted(await responses.listForSummary(PERIODS));
    const rolledUp = sorted(await instance().factsOf(PERIODS.map((id) => ({ id, group: GROUP }))));

    expect(fromScratch.indicatorResponses.length).toBe(2 * GOALS_PER_PERIOD * INDICATORS_PER_GOAL);
    expect(rolledUp).toEqual(fromScratch);
    expect(await db.collection(COLLECTIONS.rollupMarks).countDocuments({})).toBe(0);
  }, 120_000);

  test('when another instance rolls up a new answer, then an instance holding the group in memory sees it on its next read', async () => {
    const db = database().db;
    const responses = new ResponseRepository(db);
    const [reader, writer] = [instance(), instance()];
    const periods = PERIODS.map((id) => ({ id, group: GROUP }));
    const before = await reader.factsOf(periods);
    const target = place(PERIODS[0]!, 0, 0);
    const [stored] = await responses.listIndicatorResponses(PERIODS[0]!, [target.indicator]);

    await responses.saveIndicator(target, answer(9_999), stored?.version ?? 0, { email: 'ny@region.example', name: 'Ny' }, T0);
    await writer.flush();

    const after = await reader.factsOf(periods);
    expect(after.indicatorResponses.find((facts) => facts.indicator === target.indicator)?.outcome).toEqual({
      kind: 'number',
      value: 9_999,
    });
    expect(after.indicatorResponses.length).toBe(before.indicatorResponses.length);
  });

  test('when answers were stored before roll-ups existed, then the first read builds the period from them', async () => {
    const db = database().db;
    const period = 'R3/ÅR';
    const legacy = [1, 2, 3].map((n) => ({
      _id: `R3-G1-I${n}|${period}`,
      ...place(period, 1, n),
      ...answer(n),
      author: 'gammal@region.example',
      authorName: 'Gammal',
      savedAt: T0,
      createdAt: T0,
      version: 1,
    }));
    await db.collection<{ _id: string }>(COLLECTIONS.responses).insertMany(legacy);

    const facts = await instance().factsOf([{ id: period, group: 'ÅR|2026-legacy' }]);

    expect(facts.indicatorResponses.map((row) => row.indicator).sort()).toEqual(['R3-G1-I1', 'R3-G1-I2', 'R3-G1-I3']);
    expect(facts.indicatorResponses.find((row) => row.indicator === 'R3-G1-I2')).toEqual({
      indicator: 'R3-G1-I2',
      outcome: { kind: 'number', value: 2 },
      assessment: 'not_achieved',
      comment: '',
    });
  });
});
