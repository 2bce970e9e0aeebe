import { randomBytes } from 'node:crypto';
import { MongoServerError } from 'mongodb';
import { Claims, insertNew, isDuplicateKey, takeoverKey, upsertWithRetry } from '../../src/store/claims';
import { COLLECTIONS } from '../../src/store/indexes';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();

const T0 = new Date('2026-05-04T08:00:00Z');
const HOUR_MS = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const CONTENDERS = 20;

/** Every test claims keys of its own, so no test sees another's claims and none truncates. */
const uniqueKey = (label: string) => `${label}:${randomBytes(6).toString('hex')}`;
const owners = (count: number) => Array.from({ length: count }, (_, i) => `instance-${i}`);

describe(Claims.name, () => {
  test(`when ${CONTENDERS} callers claim one key at once, then exactly one wins and holds it`, async () => {
    const claims = new Claims(database().db);
    const key = uniqueKey('race');
    const contenders = owners(CONTENDERS);

    const results = await Promise.all(contenders.map((owner) => claims.claim(key, owner, T0)));

    const winners = contenders.filter((_, i) => results[i]);
    expect(winners).toHaveLength(1);
    expect(await claims.holder(key)).toBe(winners[0]);
    expect(
      await database()
        .db.collection(COLLECTIONS.claims)
        .countDocuments({ _id: key as never }),
    ).toBe(1);
  });

  test(`when ${CONTENDERS} callers claim different keys at once, then every one of them wins`, async () => {
    const claims = new Claims(database().db);
    const keys = Array.from({ length: CONTENDERS }, (_, i) => uniqueKey(`distinct-${i}`));

    const results = await Promise.all(keys.map((key, i) => claims.claim(key, `instance-${i}`, T0)));

    expect(results).toEqual(keys.map(() => true));
    expect(await Promise.all(keys.map((key) => claims.holder(key)))).toEqual(keys.map((_, i) => `instance-${i}`));
  });

  test('when a key is claimed again later, then the second claim loses, even by the same owner, and the first holder stays', async () => {
    const claims = new Claims(database().db);
    const key = uniqueKey('again');

    expect(await claims.claim(key, 'first', T0)).toBe(true);
    expect(await claims.claim(key, 'second', at(HOUR_MS))).toBe(false);
    expect(await claims.claim(key, 'first', at(2 * HOUR_MS))).toBe(false);

    expect(await claims.holder(key)).toBe('first');
  });

  test('when nobody claimed a key, then it has no holder', async () => {
    expect(await new Claims(database().db).holder(uniqueKey('nobody'))).toBeNull();
  });

  test('when a claim is newer than the stale limit, then it is not taken over', async () => {
    const claims = new Claims(database().db);
    const key = uniqueKey('fresh');
    await claims.claim(key, 'alive', T0);

    expect(await claims.claimOrTakeOverStale(key, 'newcomer', at(HOUR_MS), T0)).toBe(false);
    expect(await claims.holder(key)).toBe('alive');
  });

  test('when a claim is older than the stale limit, then it is taken over by the next caller', async () => {
    const claims = new Claims(database().db);
    const key = uniqueKey('stale');
    await claims.claim(key, 'dead', T0);

    expect(await claims.claimOrTakeOverStale(key, 'newcomer', at(2 * HOUR_MS), at(HOUR_MS))).toBe(true);
    expect(await claims.holder(key)).toBe('newcomer');
  });

  test('when nobody holds the key, then claimOrTakeOverStale simply claims it', async () => {
    const claims = new Claims(database().db);
    const key = uniqueKey('free');

    expect(await claims.claimOrTakeOverStale(key, 'newcomer', T0, at(-HOUR_MS))).toBe(true);
    expect(await claims.holder(key)).toBe('newcomer');
  });

  // Before the takeover was itself claimed, 2-3 of 20 callers won a round on FerretDB about half the
  // time; ten rounds make such a regression fail (almost) every run.
  test(`when ${CONTENDERS} callers take over one stale claim at once, then exactly one wins, round after round`, async () => {
    const claims = new Claims(database().db);
    const contenders = owners(CONTENDERS);

    for (let round = 0; round < 10; round += 1) {
      const key = uniqueKey(`takeover-race-${round}`);
      await claims.claim(key, 'dead', T0);

      const results = await Promise.all(contenders.map((owner) => claims.claimOrTakeOverStale(key, owner, at(2 * HOUR_MS), at(HOUR_MS))));

      const winners = contenders.filter((_, i) => results[i]);
      expect({ round, winners: winners.length }).toEqual({ round, winners: 1 });
      expect(await claims.holder(key)).toBe(winners[0]);
    }
    // Ten rounds of 20 writers take about 3 s on a loaded machine, too near jest's default of 5 s.
  }, 20_000);

  test('when the caller that took over a stale claim died before finishing, then the key is taken over once that is stale too', async () => {
    const claims = new Claims(database().db);
    const key = uniqueKey('takeover-died');
    await claims.claim(key, 'dead', T0);
    await claims.claim(takeoverKey(key, { owner: 'dead', at: T0 }), 'died-taking-over', at(2 * HOUR_MS));

    expect(await claims.claimOrTakeOverStale(key, 'too-early', at(2 * HOUR_MS + 60_000), at(HOUR_MS))).toBe(false);
    expect(await claims.holder(key)).toBe('dead');

    expect(await claims.claimOrTakeOverStale(key, 'newcomer', at(4 * HOUR_MS), at(3 * HOUR_MS))).toBe(true);
    expect(await claims.holder(key)).toBe('newcomer');
  });
});

describe(insertNew.name, () => {
  test('when some documents already exist, then only the new ones are inserted and counted, and the old ones are left alone', async () => {
    const collection = database().db.collection<{ _id: string; value: string }>(uniqueKey('insert_new').replace(':', '_'));
    await collection.insertMany([
      { _id: 'a', value: 'old' },
      { _id: 'b', value: 'old' },
    ]);

    const inserted = await insertNew(collection, [
      { _id: 'a', value: 'new' },
      { _id: 'c', value: 'new' },
      { _id: 'b', value: 'new' },
      { _id: 'd', value: 'new' },
    ]);

    expect(inserted).toBe(2);
    expect(await collection.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', value: 'old' },
      { _id: 'b', value: 'old' },
      { _id: 'c', value: 'new' },
      { _id: 'd', value: 'new' },
    ]);
  });

  test('when there is nothing to insert, then it inserts nothing', async () => {
    const collection = database().db.collection<{ _id: string }>(uniqueKey('insert_none').replace(':', '_'));
    expect(await insertNew(collection, [])).toBe(0);
    expect(await collection.countDocuments()).toBe(0);
  });
});

describe(isDuplicateKey.name, () => {
  test('when the server rejects an insert for a taken _id, then the error is a duplicate key; other errors are not', async () => {
    const collection = database().db.collection<{ _id: string }>(uniqueKey('duplicate').replace(':', '_'));
    await collection.insertOne({ _id: 'taken' });

    const error = await collection.insertOne({ _id: 'taken' }).then(
      () => null,
      (reason: unknown) => reason,
    );

    expect(error).toBeInstanceOf(MongoServerError);
    expect(isDuplicateKey(error)).toBe(true);
    expect(isDuplicateKey(new Error('E11000 in the message only'))).toBe(false);
  });
});

describe(upsertWithRetry.name, () => {
  // A concurrent upsert that lost the insert surfaces as E11000 on MongoDB (FerretDB 1.x does not
  // raise it under a race), so the lost race is reproduced by a real duplicate insert on the first try.
  async function collectionWithTakenId() {
    const collection = database().db.collection<{ _id: string; value?: string }>(uniqueKey('upsert').replace(':', '_'));
    await collection.insertOne({ _id: 'taken' });
    return collection;
  }

  test('when the first attempt loses to a concurrent insert, then it runs once more and returns that result', async () => {
    const collection = await collectionWithTakenId();
    let attempts = 0;

    const result = await upsertWithRetry(async () => {
      attempts += 1;
      if (attempts === 1) await collection.insertOne({ _id: 'taken' });
      return collection.updateOne({ _id: 'taken' }, { $set: { value: 'second try' } }, { upsert: true });
    });

    expect(attempts).toBe(2);
    expect(result.modifiedCount).toBe(1);
    expect(await collection.findOne({ _id: 'taken' })).toEqual({ _id: 'taken', value: 'second try' });
  });

  test('when the retry loses as well, then its duplicate-key error is thrown rather than retried for ever', async () => {
    const collection = await collectionWithTakenId();
    let attempts = 0;

    const failure = upsertWithRetry(async () => {
      attempts += 1;
      return collection.insertOne({ _id: 'taken' });
    });

    await expect(failure).rejects.toBeInstanceOf(MongoServerError);
    expect(attempts).toBe(2);
  });

  test('when an attempt fails for another reason, then that error is thrown at once', async () => {
    const collection = await collectionWithTakenId();
    await collection.updateOne({ _id: 'taken' }, { $set: { value: 'text' } });
    let attempts = 0;

    const failure = upsertWithRetry(async () => {
      attempts += 1;
      return collection.updateOne({ _id: 'taken' }, { $inc: { value: 1 } as never });
    });

    await expect(failure).rejects.toBeInstanceOf(MongoServerError);
    expect(attempts).toBe(1);
  });
});
