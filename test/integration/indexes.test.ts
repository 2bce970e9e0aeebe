import type { Document } from 'mongodb';
import { ensureIndexes, INDEXES } from '../../src/store/indexes';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();

interface ListedIndex {
  name: string;
  key: Document;
  unique?: boolean;
}

/** Every index on every collection the module declares, keyed "collection.name", as the server reports it. */
async function listDeclaredCollections(): Promise<Map<string, ListedIndex>> {
  const listed = new Map<string, ListedIndex>();
  for (const collection of new Set(INDEXES.map((index) => index.collection))) {
    for (const index of await database().db.collection(collection).listIndexes().toArray()) {
      listed.set(`${collection}.${String(index.name)}`, {
        name: String(index.name),
        key: index.key as Document,
        unique: index.unique as boolean | undefined,
      });
    }
  }
  return listed;
}

/** Field order matters in a compound key, so keys are compared as ordered entries. */
const orderedKey = (key: unknown) => Object.entries(key as Document);

describe(ensureIndexes.name, () => {
  test('when it runs on an empty database, then every declared index exists with its key and unique flag', async () => {
    expect(INDEXES.length).toBeGreaterThan(0);

    await ensureIndexes(database().db);

    const listed = await listDeclaredCollections();
    const found = INDEXES.map(({ collection, options }) => {
      const index = listed.get(`${collection}.${options.name}`);
      return index
        ? { collection, name: index.name, key: orderedKey(index.key), unique: index.unique === true }
        : { collection, name: options.name, missing: true };
    });
    expect(found).toEqual(
      INDEXES.map(({ collection, key, options }) => ({
        collection,
        name: options.name,
        key: orderedKey(key),
        unique: options.unique === true,
      })),
    );
  });

  test('when it runs again, then it succeeds and leaves exactly the same indexes', async () => {
    await ensureIndexes(database().db);
    const before = await listDeclaredCollections();

    await expect(ensureIndexes(database().db)).resolves.toBeUndefined();

    const after = await listDeclaredCollections();
    expect([...after.entries()].map(([id, index]) => [id, index.name, orderedKey(index.key), index.unique === true])).toEqual(
      [...before.entries()].map(([id, index]) => [id, index.name, orderedKey(index.key), index.unique === true]),
    );
    // The declared indexes plus the _id index of each collection, and nothing else.
    const collections = new Set(INDEXES.map((index) => index.collection));
    expect(after.size).toBe(INDEXES.length + collections.size);
  });

  test('when a unique index is in place, then the server enforces it', async () => {
    await ensureIndexes(database().db);
    const unique = INDEXES.find((index) => index.options.unique && Object.keys(index.key).length === 1);
    if (!unique) throw new Error('No single-field unique index is declared to check.');
    const field = Object.keys(unique.key)[0]!;
    const collection = database().db.collection(unique.collection);

    await collection.insertOne({ [field]: 'same' });
    await expect(collection.insertOne({ [field]: 'same' })).rejects.toMatchObject({ code: 11000 });
  });
});
