import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { BSON, type Db, type Document } from 'mongodb';
import { z } from 'zod';
import { COLLECTIONS, ensureIndexes } from './indexes';

const { EJSON } = BSON;

/**
 * The whole database as one versioned JSON Lines file: a header line, one line per document
 * (`{"c": collection, "d": document as canonical Extended JSON}`, so _id, dates and number types
 * come back exactly), and an end line with the count per collection, so a cut-off file is noticed.
 * Written and read a line at a time: memory stays bounded however large the region is.
 */
export const BACKUP_FORMAT = 'utfall-backup';
export const BACKUP_VERSION = 1;

const COLLECTION_NAMES = Object.values(COLLECTIONS);
type CollectionName = (typeof COLLECTION_NAMES)[number];
const CollectionName = z.enum(COLLECTION_NAMES);

const BackupHeader = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.iso.datetime(),
    database: z.string(),
    collections: z.array(CollectionName),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeader>;

/** A document line: its collection and the document, which must carry an _id. */
const DocumentLine = z
  .object({
    c: CollectionName,
    d: z.record(z.string(), z.unknown()).refine((document) => '_id' in document, 'dokumentet saknar _id'),
  })
  .strict();

const EndLine = z.object({ end: z.literal(true), counts: z.partialRecord(CollectionName, z.number().int().min(0)) }).strict();

export type BackupCounts = Partial<Record<CollectionName, number>>;

export interface BackupSummary {
  counts: BackupCounts;
  documents: number;
}

export type RestoreOutcome =
  | { status: 'restored'; header: BackupHeader; counts: BackupCounts; documents: number }
  /** The database already holds documents (collection → a lower bound of how many): nothing was written. */
  | { status: 'not_empty'; collections: { name: string; documents: number }[] }
  /** The file is not a backup this version reads, or is damaged at `line` (1-based; `problem` in Swedish): nothing was written. */
  | { status: 'invalid'; line: number; problem: string };

const INSERT_BATCH = 500;

/** Writes every collection of COLLECTIONS to `file` (through `<file>.partial`, renamed when complete). */
export async function writeBackupFile(db: Db, file: string, now: Date): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8' });
  const write = async (line: string) => {
    if (!stream.write(`${line}\n`)) await once(stream, 'drain');
  };
  try {
    const summary = await writeBackup(db, write, now);
    stream.end();
    await once(stream, 'finish');
    await rename(partial, file);
    return summary;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** The backup as lines, to any sink that takes one line at a time. */
export async function writeBackup(db: Db, write: (line: string) => Promise<void>, now: Date): Promise<BackupSummary> {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    database: db.databaseName,
    collections: [...COLLECTION_NAMES],
  };
  await write(JSON.stringify(header));
  const counts: BackupCounts = {};
  let documents = 0;
  for (const name of COLLECTION_NAMES) {
    let count = 0;
    // Natural order, no sort: the server streams in batches without sorting the collection first.
    // Numbers as their BSON types (promoteValues: false): 2.0 stays a double, not the integer 2.
    for await (const document of db.collection(name).find({}, { batchSize: 1_000, promoteValues: false, bsonRegExp: true })) {
      await write(JSON.stringify({ c: name, d: EJSON.serialize(document, { relaxed: false }) }));
      count += 1;
    }
    counts[name] = count;
    documents += count;
  }
  await write(JSON.stringify({ end: true, counts }));
  return { counts, documents };
}

/**
 * Restores a backup file into an empty database. The file is read twice: first every line is
 * checked (header, each document's shape, the end line's counts), and only a whole, valid file is
 * then inserted, so a damaged file writes nothing.
 */
export async function restoreBackupFile(db: Db, file: string): Promise<RestoreOutcome> {
  return restoreBackup(db, () => readLines(file));
}

export async function restoreBackup(db: Db, lines: () => AsyncIterable<string>): Promise<RestoreOutcome> {
  const checked = await checkBackup(lines());
  if (checked.status === 'invalid') return checked;
  const occupied = await nonEmptyCollections(db);
  if (occupied.length > 0) return { status: 'not_empty', collections: occupied };
  const counts: BackupCounts = Object.fromEntries(checked.header.collections.map((name) => [name, 0]));
  let documents = 0;
  const batch = { name: COLLECTION_NAMES[0] as CollectionName, documents: [] as Document[] };
  const flush = async () => {
    if (batch.documents.length === 0) return;
    await db.collection(batch.name).insertMany(batch.documents, { ordered: true });
    counts[batch.name] = (counts[batch.name] ?? 0) + batch.documents.length;
    documents += batch.documents.length;
    batch.documents = [];
  };
  let headerSeen = false;
  for await (const text of lines()) {
    if (text.trim() === '') continue;
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    const line = DocumentLine.safeParse(JSON.parse(text));
    if (!line.success) break; // the end line; checkBackup has proved every line before it a document
    if (batch.name !== line.data.c) {
      await flush();
      batch.name = line.data.c;
    }
    batch.documents.push(EJSON.deserialize(line.data.d, { relaxed: false }));
    if (batch.documents.length >= INSERT_BATCH) await flush();
  }
  await flush();
  await ensureIndexes(db);
  return { status: 'restored', header: checked.header, counts, documents };
}

/** Reads the whole file once: every line must parse and fit its shape, and the end line must agree. */
async function checkBackup(
  lines: AsyncIterable<string>,
): Promise<{ status: 'ok'; header: BackupHeader } | { status: 'invalid'; line: number; problem: string }> {
  let header: BackupHeader | null = null;
  let ended = false;
  const counts: BackupCounts = {};
  let index = 0;
  for await (const text of lines) {
    index += 1;
    if (text.trim() === '') continue;
    const invalid = (problem: string) => ({ status: 'invalid' as const, line: index, problem });
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return invalid('raden är inte JSON');
    }
    if (!header) {
      const parsed = BackupHeader.safeParse(value);
      if (!parsed.success)
        return invalid(`inte huvudet för en säkerhetskopia (${BACKUP_FORMAT} version ${BACKUP_VERSION}): ${issues(parsed.error)}`);
      header = parsed.data;
      continue;
    }
    if (ended) return invalid('en rad efter slutraden');
    const document = DocumentLine.safeParse(value);
    if (document.success) {
      try {
        EJSON.deserialize(document.data.d, { relaxed: false });
      } catch (error) {
        return invalid(`inte Extended JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      counts[document.data.c] = (counts[document.data.c] ?? 0) + 1;
      continue;
    }
    const end = EndLine.safeParse(value);
    if (!end.success) return invalid(`varken ett dokument eller slutraden: ${issues(document.error)}`);
    for (const name of COLLECTION_NAMES) {
      if ((end.data.counts[name] ?? 0) !== (counts[name] ?? 0))
        return invalid(`slutraden räknar ${end.data.counts[name] ?? 0} i ${name}, filen har ${counts[name] ?? 0}`);
    }
    ended = true;
  }
  if (!header) return { status: 'invalid', line: 1, problem: 'filen är tom' };
  if (!ended) return { status: 'invalid', line: index, problem: 'slutraden saknas: filen är avkortad' };
  return { status: 'ok', header };
}

/** Collections with documents (system collections aside), each with how many (up to a thousand counted). */
export async function nonEmptyCollections(db: Db): Promise<{ name: string; documents: number }[]> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name);
  const found: { name: string; documents: number }[] = [];
  for (const name of names.filter((candidate) => !candidate.startsWith('system.')).sort()) {
    const documents = await db.collection(name).countDocuments({}, { limit: 1_000 });
    if (documents > 0) found.push({ name, documents });
  }
  return found;
}

async function* readLines(file: string): AsyncIterable<string> {
  const input = createReadStream(file, { encoding: 'utf8' });
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } finally {
    input.destroy();
  }
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(raden)'}: ${issue.message}`)
    .join('; ');
}
