import { randomBytes } from 'node:crypto';
import type { GoalAnswer, IndicatorAnswer } from '../../src/domain/response';
import { COLLECTIONS, ensureIndexes } from '../../src/store/indexes';
import { ResponseRepository } from '../../src/store/response-repository';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();

const T0 = new Date('2026-05-04T08:00:00Z');
const ANNA = { email: 'anna@region.example', name: 'Anna Andersson' };
const BO = { email: 'bo@region.example', name: 'Bo Berg' };
const PERIOD = 'P1/DÅ04';

/** A fresh (indicator, period) place per test, so tests never see each other's responses. */
function indicatorPlace() {
  const suffix = randomBytes(4).toString('hex');
  return { indicator: `I-${suffix}`, goal: `G-${suffix}`, plan: 'P1', unit: 'U1', perspective: 'PE1', period: PERIOD };
}

function goalPlace() {
  const { indicator: _indicator, ...place } = indicatorPlace();
  return place;
}

function percent(value: number, comment = ''): IndicatorAnswer {
  return { outcome: { kind: 'number', value }, outcomeText: `${String(value).replace('.', ',')} %`, comment, assessment: null };
}

/**
 * Runs the saves at once. A save that throws is reported by message rather than failing the whole
 * Promise.all, so a lost race that surfaces as an error shows up in the assertion.
 */
async function race<T>(saves: (() => Promise<T>)[]): Promise<{ outcomes: T[]; errors: string[] }> {
  const settled = await Promise.allSettled(saves.map((save) => save()));
  return {
    outcomes: settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    errors: settled.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : [])),
  };
}

describe(ResponseRepository.name, () => {
  beforeAll(async () => ensureIndexes(database().db));

  test('when an indicator is answered for the first time, then version 1 is stored with one history entry', async () => {
    const responses = new ResponseRepository(database().db);
    const place = indicatorPlace();

    const outcome = await responses.saveIndicator(place, percent(5.4), 0, ANNA, T0);

    const expected = { ...place, ...percent(5.4), author: ANNA.email, authorName: ANNA.name, savedAt: T0, version: 1 };
    expect(outcome).toEqual({ status: 'saved', response: expected });
    expect(await responses.listIndicatorResponses(PERIOD, [place.indicator])).toEqual([expected]);
    expect(await responses.historyOf(`indicator:${place.indicator}`, PERIOD)).toEqual([
      { by: ANNA.email, at: T0, version: 1, before: null, after: expected },
    ]);
  });

  test('when the same answer is saved again, even from a stale version, then it is unchanged and no history is written', async () => {
    const responses = new ResponseRepository(database().db);
    const place = indicatorPlace();
    await responses.saveIndicator(place, percent(5.4), 0, ANNA, T0);

    const again = await responses.saveIndicator(place, percent(5.4), 1, BO, new Date(T0.getTime() + 1_000));
    const stale = await responses.saveIndicator(place, percent(5.4), 0, BO, new Date(T0.getTime() + 2_000));

    expect(again).toMatchObject({ status: 'unchanged', response: { version: 1, author: ANNA.email, savedAt: T0 } });
    expect(stale).toMatchObject({ status: 'unchanged', response: { version: 1 } });
    expect(await responses.historyOf(`indicator:${place.indicator}`, PERIOD)).toHaveLength(1);
  });

  test('when an answer is changed from the current version, then version 2 is stored and history keeps before and after', async () => {
    const responses = new ResponseRepository(database().db);
    const place = indicatorPlace();
    await responses.saveIndicator(place, percent(5.4), 0, ANNA, T0);
    const later = new Date(T0.getTime() + 60_000);

    const outcome = await responses.saveIndicator(place, percent(6, 'Influensa'), 1, BO, later);

    expect(outcome).toMatchObject({ status: 'saved', response: { version: 2, author: BO.email, savedAt: later, comment: 'Influensa' } });
    const history = await responses.historyOf(`indicator:${place.indicator}`, PERIOD);
    expect(history.map((entry) => [entry.version, entry.by])).toEqual([
      [1, ANNA.email],
      [2, BO.email],
    ]);
    expect(history[1]?.before).toEqual({ ...percent(5.4), assessmentSource: 'owner' });
    expect(history[1]?.after).toMatchObject({ ...percent(6, 'Influensa'), version: 2 });
  });

  test('when a different answer is saved from a stale version, then it is a conflict returning the current response', async () => {
    const responses = new ResponseRepository(database().db);
    const place = indicatorPlace();
    await responses.saveIndicator(place, percent(5.4), 0, ANNA, T0);
    await responses.saveIndicator(place, percent(5.6), 1, ANNA, T0);

    const outcome = await responses.saveIndicator(place, percent(7), 1, BO, T0);

    expect(outcome).toEqual({ status: 'conflict', current: expect.objectContaining({ ...percent(5.6), version: 2, author: ANNA.email }) });
    expect((await responses.listIndicatorResponses(PERIOD, [place.indicator]))[0]).toMatchObject({ ...percent(5.6), version: 2 });
    expect(await responses.historyOf(`indicator:${place.indicator}`, PERIOD)).toHaveLength(2);
  });

  test("when a first answer is saved from a version that never existed, then it is a conflict with nothing current (not the submitter's own answer) and nothing is stored", async () => {
    const responses = new ResponseRepository(database().db);
    const place = indicatorPlace();

    const outcome = await responses.saveIndicator(place, percent(5.4), 3, ANNA, T0);

    expect(outcome).toEqual({ status: 'conflict', current: null });
    expect(await responses.listIndicatorResponses(PERIOD, [place.indicator])).toEqual([]);
    expect(await responses.historyOf(`indicator:${place.indicator}`, PERIOD)).toEqual([]);
  });

  test('when 10 owners save different answers from the same version at once, then exactly one is saved and the rest conflict', async () => {
    const responses = new ResponseRepository(database().db);
    for (let round = 0; round < 5; round += 1) {
      const place = indicatorPlace();

      const { outcomes, errors } = await race(
        Array.from(
          { length: 10 },
          (_, i) => () =>
            new ResponseRepository(database().db).saveIndicator(
              place,
              percent(5 + i / 10),
              0,
              { email: `p${i}@region.example`, name: `P${i}` },
              T0,
            ),
        ),
      );

      expect({ round, errors }).toEqual({ round, errors: [] });
      const saved = outcomes.filter((outcome) => outcome.status === 'saved');
      expect(saved).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome.status === 'conflict')).toHaveLength(9);
      const [stored] = await responses.listIndicatorResponses(PERIOD, [place.indicator]);
      expect(stored).toEqual(saved[0]?.status === 'saved' ? saved[0].response : 'no winner');
      expect(stored?.version).toBe(1);
      expect(await responses.historyOf(`indicator:${place.indicator}`, PERIOD)).toHaveLength(1);
    }
  });

  test('when 10 saves of the same answer race from the same version, then one is saved and the others are unchanged', async () => {
    const responses = new ResponseRepository(database().db);
    const place = indicatorPlace();

    const { outcomes, errors } = await race(
      Array.from({ length: 10 }, () => () => new ResponseRepository(database().db).saveIndicator(place, percent(5.4), 0, ANNA, T0)),
    );

    expect(errors).toEqual([]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['saved', ...Array<string>(9).fill('unchanged')]);
    expect((await responses.listIndicatorResponses(PERIOD, [place.indicator]))[0]?.version).toBe(1);
    expect(await responses.historyOf(`indicator:${place.indicator}`, PERIOD)).toHaveLength(1);
  });

  test('when a writer claimed version 2 in history but died before writing, then the next save rolls its answer forward', async () => {
    const { db } = database();
    const responses = new ResponseRepository(db);
    const place = indicatorPlace();
    const subject = `indicator:${place.indicator}`;
    await responses.saveIndicator(place, percent(5.4), 0, ANNA, T0);
    const diedAt = new Date(T0.getTime() + 60_000);
    const after = { ...place, ...percent(4.9, 'Nytt system'), author: BO.email, authorName: BO.name, savedAt: diedAt, version: 2 };
    await db
      .collection(COLLECTIONS.history)
      .insertOne({ subject, period: PERIOD, version: 2, before: percent(5.4), after, by: BO.email, at: diedAt });

    const outcome = await responses.saveIndicator(place, percent(6, 'Min ändring'), 1, ANNA, new Date(T0.getTime() + 120_000));

    expect(outcome).toEqual({ status: 'conflict', current: after });
    expect(await responses.listIndicatorResponses(PERIOD, [place.indicator])).toEqual([after]);
    expect((await responses.historyOf(subject, PERIOD)).map((entry) => entry.version)).toEqual([1, 2]);
  });

  test('when the save that meets a half-written version carries that very answer, then it is unchanged', async () => {
    const { db } = database();
    const responses = new ResponseRepository(db);
    const place = indicatorPlace();
    await responses.saveIndicator(place, percent(5.4), 0, ANNA, T0);
    const after = { ...place, ...percent(4.9), author: BO.email, authorName: BO.name, savedAt: T0, version: 2 };
    await db.collection(COLLECTIONS.history).insertOne({
      subject: `indicator:${place.indicator}`,
      period: PERIOD,
      version: 2,
      before: percent(5.4),
      after,
      by: BO.email,
      at: T0,
    });

    expect(await responses.saveIndicator(place, percent(4.9), 1, BO, T0)).toEqual({ status: 'unchanged', response: after });
  });

  test('when the very first writer died after claiming version 1, then the next first save gets a conflict with its answer', async () => {
    const { db } = database();
    const responses = new ResponseRepository(db);
    const place = indicatorPlace();
    const after = { ...place, ...percent(3.3), author: BO.email, authorName: BO.name, savedAt: T0, version: 1 };
    await db
      .collection(COLLECTIONS.history)
      .insertOne({ subject: `indicator:${place.indicator}`, period: PERIOD, version: 1, before: null, after, by: BO.email, at: T0 });

    expect(await responses.saveIndicator(place, percent(5.4), 0, ANNA, T0)).toEqual({ status: 'conflict', current: after });
    expect(await responses.listIndicatorResponses(PERIOD, [place.indicator])).toEqual([after]);
  });

  test('when 20 saves meet the same half-written first version at once, then every one gets a conflict and none throws', async () => {
    const { db } = database();
    // The race is a matter of timing, so it is run on ten fresh responses to make a lost one near certain to show.
    for (let round = 0; round < 10; round += 1) {
      const place = indicatorPlace();
      const after = { ...place, ...percent(3.3), author: BO.email, authorName: BO.name, savedAt: T0, version: 1 };
      await db
        .collection(COLLECTIONS.history)
        .insertOne({ subject: `indicator:${place.indicator}`, period: PERIOD, version: 1, before: null, after, by: BO.email, at: T0 });

      // Every save loses version 1 and rolls the dead writer's answer forward onto a missing document at the same moment.
      const { outcomes, errors } = await race(
        Array.from({ length: 20 }, (_, i) => () => new ResponseRepository(db).saveIndicator(place, percent(i), 0, ANNA, T0)),
      );

      expect({ round, errors }).toEqual({ round, errors: [] });
      expect(outcomes).toEqual(Array.from({ length: 20 }, () => ({ status: 'conflict', current: after })));
    }
  });

  test("when a bedömning is saved as suggested, then the flag is stored and in history, and an old answer without it reads as the owner's", async () => {
    const responses = new ResponseRepository(database().db);
    const place = indicatorPlace();
    const green = { ...percent(4.4), assessment: 'achieved' as const };
    await responses.saveIndicator(place, green, 0, ANNA, T0);

    expect(await responses.saveIndicator(place, { ...green, assessmentSource: 'owner' }, 1, ANNA, T0)).toMatchObject({
      status: 'unchanged',
    });
    const suggested = await responses.saveIndicator(place, { ...green, assessmentSource: 'suggested' }, 1, ANNA, T0);

    expect(suggested).toMatchObject({ status: 'saved', response: { assessment: 'achieved', assessmentSource: 'suggested', version: 2 } });
    expect((await responses.listIndicatorResponses(PERIOD, [place.indicator]))[0]).toMatchObject({ assessmentSource: 'suggested' });
    const history = await responses.historyOf(`indicator:${place.indicator}`, PERIOD);
    expect(history.map((entry) => [entry.before, entry.after])).toEqual([
      [null, expect.not.objectContaining({ assessmentSource: expect.anything() })],
      [{ ...green, assessmentSource: 'owner' }, expect.objectContaining({ assessmentSource: 'suggested', version: 2 })],
    ]);
  });

  test('when responses are listed, then only the asked period and indicators come back', async () => {
    const responses = new ResponseRepository(database().db);
    const [a, b] = [indicatorPlace(), indicatorPlace()];
    const period = `P-${randomBytes(4).toString('hex')}/T1`;
    await responses.saveIndicator({ ...a, period }, percent(1), 0, ANNA, T0);
    await responses.saveIndicator({ ...b, period }, percent(2), 0, ANNA, T0);
    await responses.saveIndicator(a, percent(3), 0, ANNA, T0);

    expect((await responses.listIndicatorResponses(period)).map((r) => r.indicator).sort()).toEqual([a.indicator, b.indicator].sort());
    expect((await responses.listIndicatorResponses(period, [b.indicator])).map((r) => r.outcome)).toEqual([{ kind: 'number', value: 2 }]);
    expect(await responses.listIndicatorResponses(period, [])).toEqual([]);
  });

  describe(ResponseRepository.prototype.saveGoal.name, () => {
    const partly = (analysis: string): GoalAnswer => ({ assessment: 'partly', analysis });

    test('when a goal is assessed, re-saved and then saved from a stale version, then it is saved, unchanged and a conflict', async () => {
      const responses = new ResponseRepository(database().db);
      const place = goalPlace();

      const first = await responses.saveGoal(place, partly('Långsam förbättring'), 0, ANNA, T0);
      const same = await responses.saveGoal(place, partly('Långsam förbättring'), 0, ANNA, T0);
      const stale = await responses.saveGoal(place, { assessment: 'achieved', analysis: '' }, 0, BO, T0);

      expect(first).toEqual({
        status: 'saved',
        response: { ...place, ...partly('Långsam förbättring'), author: ANNA.email, authorName: ANNA.name, savedAt: T0, version: 1 },
      });
      expect(same.status).toBe('unchanged');
      expect(stale).toMatchObject({ status: 'conflict', current: { version: 1, assessment: 'partly' } });
      expect(await responses.listGoalResponses(PERIOD, [place.goal])).toEqual([first.status === 'saved' ? first.response : null]);
      expect(await responses.historyOf(`goal:${place.goal}`, PERIOD)).toHaveLength(1);
    });

    test('when 10 goal saves race from the same version, then exactly one is saved', async () => {
      const responses = new ResponseRepository(database().db);
      const place = goalPlace();

      const { outcomes, errors } = await race(
        Array.from(
          { length: 10 },
          (_, i) => () => new ResponseRepository(database().db).saveGoal(place, partly(`Analys ${i}`), 0, ANNA, T0),
        ),
      );

      expect(errors).toEqual([]);
      expect(outcomes.filter((outcome) => outcome.status === 'saved')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome.status === 'conflict')).toHaveLength(9);
      expect((await responses.listGoalResponses(PERIOD, [place.goal]))[0]?.version).toBe(1);
      expect(await responses.historyOf(`goal:${place.goal}`, PERIOD)).toHaveLength(1);
    });

    test('when a goal writer died after claiming version 2, then the next save rolls its answer forward', async () => {
      const { db } = database();
      const responses = new ResponseRepository(db);
      const place = goalPlace();
      await responses.saveGoal(place, partly('Första'), 0, ANNA, T0);
      const after = {
        ...place,
        assessment: 'not_achieved',
        analysis: 'Bos analys',
        author: BO.email,
        authorName: BO.name,
        savedAt: T0,
        version: 2,
      };
      await db
        .collection(COLLECTIONS.history)
        .insertOne({ subject: `goal:${place.goal}`, period: PERIOD, version: 2, before: partly('Första'), after, by: BO.email, at: T0 });

      expect(await responses.saveGoal(place, partly('Annas andra'), 1, ANNA, T0)).toEqual({ status: 'conflict', current: after });
      expect(await responses.listGoalResponses(PERIOD, [place.goal])).toEqual([after]);
    });

    test('when an indicator and a goal share a key, then their responses and histories stay apart', async () => {
      const responses = new ResponseRepository(database().db);
      const place = indicatorPlace();

      await responses.saveIndicator(place, percent(5.4), 0, ANNA, T0);
      const goal = await responses.saveGoal({ ...goalPlace(), goal: place.indicator }, partly('Samma nyckel'), 0, ANNA, T0);

      expect(goal.status).toBe('saved');
      expect(await responses.historyOf(`indicator:${place.indicator}`, PERIOD)).toHaveLength(1);
      expect(await responses.historyOf(`goal:${place.indicator}`, PERIOD)).toHaveLength(1);
    });
  });
});
