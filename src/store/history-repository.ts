import type { Db } from 'mongodb';
import { isDuplicateKey } from './claims';
import { COLLECTIONS } from './indexes';

/**
 * One change of an answer or a delegation: `subject` is `indicator:<key>`, `goal:<key>` or
 * `delegation:<key>`; `period` the period id (`-` for delegations); `version` counts the subject's
 * changes in that period from 1; `before` and `after` are what was stored before and after it.
 */
export interface HistoryEntry {
  subject: string;
  period: string;
  version: number;
  before: unknown;
  after: unknown;
  by: string;
  at: Date;
}

/**
 * The audit trail, append-only: this is the only module that names the history collection, and it
 * only inserts and reads. No code path updates or deletes an entry (src/store/history-append-only.test.ts
 * checks the source; test/integration/history-append-only.test.ts checks entries stay byte for byte).
 */
export class HistoryRepository {
  constructor(private readonly db: Db) {}

  private get entries() {
    return this.db.collection<HistoryEntry>(COLLECTIONS.history);
  }

  /**
   * Appends an entry; false when that (subject, period, version) is there already. The unique index
   * makes this the claim on a version, atomic on every supported server (see claims.ts).
   */
  async append(entry: HistoryEntry): Promise<boolean> {
    try {
      await this.entries.insertOne({ ...entry });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** The entry with the highest version of a subject in a period, or null. */
  async newest(subject: string, period: string): Promise<HistoryEntry | null> {
    const [newest] = await this.entries.find({ subject, period }).sort({ version: -1 }).limit(1).toArray();
    return newest ? toEntry(newest) : null;
  }

  /** How many entries a subject has in a period (the next version is one more). */
  async count(subject: string, period: string): Promise<number> {
    return this.entries.countDocuments({ subject, period });
  }

  /** The newest entries of these subjects across periods (newest first, at most `limit`), and how many there are in all. */
  async newestOf(subjects: readonly string[], limit: number): Promise<{ entries: HistoryEntry[]; total: number }> {
    if (subjects.length === 0) return { entries: [], total: 0 };
    const filter = { subject: { $in: [...subjects] } };
    const [entries, total] = await Promise.all([
      this.entries.find(filter).sort({ at: -1, version: -1 }).limit(limit).toArray(),
      this.entries.countDocuments(filter),
    ]);
    return { entries: entries.map(toEntry), total };
  }

  /**
   * Every entry that names a person: made by them, an answer they authored, a delegation from or to
   * them (for `person export`; entries are records and are never erased).
   */
  async naming(email: string): Promise<(HistoryEntry & { _id: unknown })[]> {
    const fields = ['by', 'after.author', 'after.from', 'after.to', 'before.from', 'before.to'];
    return this.entries
      .find({ $or: fields.map((field) => ({ [field]: email })) })
      .sort({ at: 1 })
      .toArray();
  }

  /** A subject's entries in a period, oldest first. */
  async list(subject: string, period: string): Promise<HistoryEntry[]> {
    return (await this.entries.find({ subject, period }).sort({ at: 1, version: 1 }).toArray()).map(toEntry);
  }
}

function toEntry(document: HistoryEntry & { _id?: unknown }): HistoryEntry {
  return {
    subject: String(document.subject),
    period: String(document.period),
    version: Number(document.version),
    before: document.before,
    after: document.after,
    by: String(document.by),
    at: document.at,
  };
}
