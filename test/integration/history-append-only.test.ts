import { BSON } from 'mongodb';
import type { IndicatorAnswer } from '../../src/domain/response';
import { DelegationRepository } from '../../src/store/delegation-repository';
import { COLLECTIONS, ensureIndexes } from '../../src/store/indexes';
import { ResponseRepository } from '../../src/store/response-repository';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();
const T0 = new Date('2026-05-04T08:00:00Z');
const ANNA = { email: 'anna@region.example', name: 'Anna Andersson' };
const BO = { email: 'bo@region.example', name: 'Bo Berg' };
const PLACE = { indicator: 'H-I1', goal: 'H-G1', plan: 'H', unit: 'HU', perspective: 'HP', period: 'H/DÅ04' };

function answer(value: number, comment: string): IndicatorAnswer {
  return { outcome: { kind: 'number', value }, outcomeText: String(value).replace('.', ','), comment, assessment: null };
}

/** Every history entry as stored, as canonical Extended JSON (every type and byte), by _id. */
async function snapshot(): Promise<Map<string, string>> {
  const entries = await database().db.collection(COLLECTIONS.history).find({}, { promoteValues: false }).toArray();
  return new Map(
    entries.map((entry) => [BSON.EJSON.stringify(entry._id, { relaxed: false }), BSON.EJSON.stringify(entry, { relaxed: false })]),
  );
}

describe('history entries are append-only', () => {
  beforeAll(async () => ensureIndexes(database().db));

  test('when an answer is saved in several versions, refused, repeated and delegated back and forth, then every earlier entry stays byte for byte', async () => {
    const responses = new ResponseRepository(database().db);
    const delegations = new DelegationRepository(database().db);
    const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
    const steps: [string, () => Promise<unknown>][] = [
      ['version 1', () => responses.saveIndicator(PLACE, answer(4.4, 'Första'), 0, ANNA, at(1))],
      ['version 2', () => responses.saveIndicator(PLACE, answer(5.1, 'Andra'), 1, BO, at(2))],
      ['a stale save (conflict)', () => responses.saveIndicator(PLACE, answer(9, 'Gammal'), 1, ANNA, at(3))],
      ['the same again (unchanged)', () => responses.saveIndicator(PLACE, answer(5.1, 'Andra'), 2, ANNA, at(4))],
      ['version 3', () => responses.saveIndicator(PLACE, answer(6, 'Tredje'), 2, ANNA, at(5))],
      ['goal version 1', () => responses.saveGoal(PLACE, { assessment: 'partly', analysis: 'Delvis' }, 0, ANNA, at(6))],
      [
        'delegated',
        () => delegations.set({ subject: 'H-I1', kind: 'indicator', plan: 'H', from: ANNA.email, to: BO.email, by: ANNA.email, at: at(7) }),
      ],
      ['taken back', () => delegations.remove('H-I1', ANNA.email, at(8))],
    ];
    let before = await snapshot();
    const grew: number[] = [];
    for (const [label, step] of steps) {
      await step();
      const after = await snapshot();
      for (const [id, bytes] of before) expect({ label, id, bytes: after.get(id) }).toEqual({ label, id, bytes });
      grew.push(after.size - before.size);
      before = after;
    }
    expect(grew).toEqual([1, 1, 0, 0, 1, 1, 1, 1]);
    expect((await responses.historyOf('indicator:H-I1', PLACE.period)).map((entry) => [entry.version, entry.by])).toEqual([
      [1, ANNA.email],
      [2, BO.email],
      [3, ANNA.email],
    ]);
  });
});
