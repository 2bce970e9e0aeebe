import { syncEntities, type KeyedDocument } from '../../src/store/entity-sync';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();
const FIRST = new Date('2026-01-10T08:00:00Z');
const SECOND = new Date('2026-02-10T08:00:00Z');

interface Row {
  key: string;
  plan: string;
  target: number;
  archived?: boolean;
}

const rows = (plan: string, count: number, target: (i: number) => number): Row[] =>
  Array.from({ length: count }, (_, i) => ({ key: `${plan}-I${String(i).padStart(2, '0')}`, plan, target: target(i) }));

describe(syncEntities.name, () => {
  test('when one plan changes wholesale and another a little, then both end as the file says, and what did not change keeps its times', async () => {
    const collection = database().db.collection<KeyedDocument>('entity_sync');
    const sync = (incoming: Row[], now: Date) =>
      syncEntities({ collection, incoming, scope: { plan: { $in: ['A', 'B'] } }, now, archive: true, groupField: 'plan' });
    await sync([...rows('A', 40, () => 1), ...rows('B', 40, () => 1)], FIRST);

    // Plan A: 30 targets moved, 5 the same, 5 gone, 2 new (rewritten whole). Plan B: 3 moved (updated one by one).
    const planA = [
      ...rows('A', 35, (i) => (i < 30 ? 2 : 1)),
      { key: 'A-NEW1', plan: 'A', target: 7 },
      { key: 'A-NEW2', plan: 'A', target: 7 },
    ];
    const planB = rows('B', 40, (i) => (i < 3 ? 2 : 1));
    const counts = await sync([...planA, ...planB], SECOND);

    expect(counts).toEqual({ created: 2, updated: 33, unchanged: 42, archived: 5 });
    const stored = new Map((await collection.find({}).toArray()).map((document) => [document._id, document]));
    expect(stored.size).toBe(82);
    for (const row of [...planA, ...planB]) expect(stored.get(row.key)).toMatchObject({ target: row.target, plan: row.plan });
    expect(stored.get('A-I00')).toMatchObject({ target: 2, createdAt: FIRST, updatedAt: SECOND });
    expect(stored.get('A-I31')).toMatchObject({ target: 1, createdAt: FIRST, updatedAt: FIRST });
    expect(stored.get('A-I39')).toMatchObject({ target: 1, archived: true, createdAt: FIRST, updatedAt: SECOND });
    expect(stored.get('A-NEW1')).toMatchObject({ createdAt: SECOND });
    expect(stored.get('B-I02')).toMatchObject({ target: 2, createdAt: FIRST, updatedAt: SECOND });
    expect(stored.get('B-I03')).toMatchObject({ target: 1, updatedAt: FIRST });

    // The same file again writes nothing.
    expect(await sync([...planA, ...planB], new Date('2026-03-10T08:00:00Z'))).toEqual({
      created: 0,
      updated: 0,
      unchanged: 77,
      archived: 0,
    });
  });
});
