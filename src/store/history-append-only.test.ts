import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The audit trail is append-only by construction: only history-repository.ts names the history
 * collection, and it only inserts and reads. Code that reaches collections by a computed name is
 * listed here with what it may do, so a new one has to be looked at (and added) before it passes.
 */
const SRC = path.resolve(__dirname, '..');
const HISTORY_MODULE = path.join('store', 'history-repository.ts');
const WRITES =
  /\.(updateOne|updateMany|replaceOne|deleteOne|deleteMany|findOneAndUpdate|findOneAndReplace|findOneAndDelete|bulkWrite|insertMany|drop|dropCollection|rename)\s*\(/g;
const NAMES_HISTORY = [
  /COLLECTIONS\s*(\.\s*history\b|\[\s*['"`]history['"`]\s*\])/,
  /\.collection\s*(<[^>]*>)?\(\s*['"`]history['"`]/,
  /\bcol\(\s*['"`]history['"`]/,
];
/** `.collection(x)` where x is neither `COLLECTIONS.<name>` nor a literal: a collection chosen at run time. */
const COMPUTED_COLLECTION = /\.collection\s*(<[^>]*>)?\(\s*(?!COLLECTIONS\.\w+\s*\)|['"`])/;
/** Files that pick collections at run time, and the calls they may make on them. */
const COMPUTED_ACCESS: Record<string, RegExp[]> = {
  [path.join('store', 'backup.ts')]: [/\.insertMany\s*\(/g], // restores into an empty database only (it refuses otherwise)
  [path.join('store', 'indexes.ts')]: [],
  // col(name) excludes 'history' by its type; replaceOne writes plan snapshots (COLLECTIONS.planSnapshots)
  [path.join('store', 'plan-repository.ts')]: [/\.updateOne\s*\(/g, /\.bulkWrite\s*\(/g, /\.updateMany\s*\(/g, /\.replaceOne\s*\(/g],
  [path.join('store', 'response-repository.ts')]: [/\.updateOne\s*\(/g], // answers: responses or goalResponses, by type
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const FILES = sources(SRC).map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, 'utf8') }));

describe('history is append-only', () => {
  test('when the source is searched, then only history-repository.ts names the history collection (and indexes.ts its index)', () => {
    const naming = FILES.filter(({ text }) => NAMES_HISTORY.some((pattern) => pattern.test(text))).map(({ file }) => file);
    expect(naming.sort()).toEqual([HISTORY_MODULE, path.join('store', 'indexes.ts')]);
    const indexes = FILES.find(({ file }) => file === path.join('store', 'indexes.ts'))!.text;
    expect([...indexes.matchAll(WRITES)]).toEqual([]);
  });

  test('when history-repository.ts is read, then it inserts one entry at a time and never updates, replaces or deletes', () => {
    const text = FILES.find(({ file }) => file === HISTORY_MODULE)!.text;
    expect([...text.matchAll(WRITES)].map((match) => match[0])).toEqual([]);
    expect(text).toMatch(/\.insertOne\s*\(/);
  });

  test('when code picks a collection by a name computed at run time, then it is a reviewed file making only its reviewed writes', () => {
    const computed = FILES.filter(({ text }) => COMPUTED_COLLECTION.test(text.replace(/\s+/g, ' '))).map(({ file }) => file);
    expect(computed.sort()).toEqual(Object.keys(COMPUTED_ACCESS).sort());
    for (const [file, allowed] of Object.entries(COMPUTED_ACCESS)) {
      const text = FILES.find((candidate) => candidate.file === file)!.text;
      const writes = [...text.matchAll(WRITES)].map((match) => match[0]);
      const unexpected = writes.filter((write) => !allowed.some((pattern) => new RegExp(pattern.source).test(write)));
      expect({ file, unexpected }).toEqual({ file, unexpected: [] });
    }
  });

  test('when plan- and response-repository pick a collection by name, then their types leave out history', () => {
    const text = (file: string) => FILES.find((candidate) => candidate.file === path.join('store', file))!.text;
    expect(text('plan-repository.ts')).toMatch(/private col\(name: Exclude<keyof typeof COLLECTIONS, 'history'>\)/);
    expect(text('response-repository.ts')).toMatch(/collection: typeof COLLECTIONS\.responses \| typeof COLLECTIONS\.goalResponses;/);
  });
});
