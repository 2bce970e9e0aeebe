import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { insertNew, upsertWithRetry } from './claims';
import { updateById } from './bulk-updates';
import { COLLECTIONS } from './indexes';
import { readStamp, renewStamp } from './stamps';
import { forEachLimited } from '../domain/limited';
import type { GoalResponseFacts, IndicatorResponseFacts } from './response-repository';

/** What a summary reads of one goal's (or one period's) answers. */
export interface RollupFacts {
  indicatorResponses: IndicatorResponseFacts[];
  goalResponses: GoalResponseFacts[];
}

/** "This goal's answers in this period changed": left by every save, removed once the roll-ups include it. */
export interface RollupMark {
  id: string;
  period: string;
  goal: string;
}

export interface GoalRollup {
  goal: string;
  /** Changes with every write, so a period roll-up can tell whether it was built from this one. */
  stamp: string;
  facts: RollupFacts;
}

export interface PeriodRollup {
  period: string;
  group: string;
  facts: RollupFacts;
}

interface MarkDocument {
  _id: string;
  period: string;
  goal: string;
  at: Date;
}

interface GoalRollupDocument {
  _id: string;
  period: string;
  goal: string;
  stamp: string;
  /** JSON text, not nested documents: FerretDB decodes a string ~15× faster than the same values as fields. */
  facts: string;
}

interface PeriodRollupDocument {
  _id: string;
  period: string;
  group: string;
  facts: string;
}

/**
 * Summary roll-ups: per (period, goal) the facts a summary reads of that goal's answers, and per
 * period the merge of its goals. Every document is written whole (a replace is atomic on every
 * server; FerretDB 1.x applies `$set`/`$inc` on one document without isolation), and every filter
 * is a plain equality on top-level fields, the only kind FerretDB 1.x hands to its database instead
 * of decoding the whole collection.
 */
export class RollupRepository {
  constructor(private readonly db: Db) {}

  private get marks() {
    return this.db.collection<MarkDocument>(COLLECTIONS.rollupMarks);
  }
  private get goals() {
    return this.db.collection<GoalRollupDocument>(COLLECTIONS.goalRollups);
  }
  private get periods() {
    return this.db.collection<PeriodRollupDocument>(COLLECTIONS.periodRollups);
  }

  /** A fresh _id per mark: marks are only ever inserted and deleted by _id, never updated. */
  async mark(period: string, goal: string, at: Date): Promise<void> {
    await this.marks.insertOne({ _id: randomUUID(), period, goal, at });
  }

  /** Every pending mark. The collection holds only marks not yet rolled up, so it stays small. */
  async pendingMarks(): Promise<RollupMark[]> {
    return (await this.marks.find({}).toArray()).map((document) => ({ id: document._id, period: document.period, goal: document.goal }));
  }

  async removeMarks(ids: readonly string[]): Promise<void> {
    // One delete per _id: `$in` would make FerretDB decode the whole collection.
    await forEachLimited(ids, 4, async (id) => {
      await this.marks.deleteOne({ _id: id });
    });
  }

  async writeGoal(period: string, goal: string, facts: RollupFacts): Promise<void> {
    const document: Omit<GoalRollupDocument, '_id'> = { period, goal, stamp: randomUUID(), facts: JSON.stringify(facts) };
    await upsertWithRetry(() => this.goals.replaceOne({ _id: `${period}|${goal}` }, document, { upsert: true }));
  }

  /**
   * Many goals of one period at once (a period's first roll-up, or a rebuild). Goals with no roll-up
   * yet are inserted in batches; FerretDB 1.x answers every write by `_id` with a scan of the
   * collection, so upserting a region's 10 000 goals one statement at a time took minutes. A goal a
   * concurrent save's pass wrote in the meantime keeps that newer roll-up (the insert skips it).
   */
  async writeGoals(period: string, facts: ReadonlyMap<string, RollupFacts>): Promise<void> {
    const existing = new Set(
      (await this.goals.find({ period }).project<{ _id: string }>({ _id: 1 }).toArray()).map((document) => document._id),
    );
    const documents = [...facts].map(([goal, goalFacts]): GoalRollupDocument => ({
      _id: `${period}|${goal}`,
      period,
      goal,
      stamp: randomUUID(),
      facts: JSON.stringify(goalFacts),
    }));
    const fresh = documents.filter((document) => !existing.has(document._id));
    for (let start = 0; start < fresh.length; start += 1_000) await insertNew(this.goals, fresh.slice(start, start + 1_000));
    // Every field is set, so this replaces the document as replaceOne would (see updateById for why not replaceOne).
    const operations = documents
      .filter((document) => existing.has(document._id))
      .map(({ _id, ...fields }) => updateById<GoalRollupDocument>({ _id }, { $set: fields }, { upsert: true }));
    for (let start = 0; start < operations.length; start += 500)
      await upsertWithRetry(() => this.goals.bulkWrite(operations.slice(start, start + 500), { ordered: false }));
  }

  async goalsOf(period: string): Promise<GoalRollup[]> {
    return (await this.goals.find({ period }).toArray()).map((document) => ({
      goal: document.goal,
      stamp: document.stamp,
      facts: JSON.parse(document.facts) as RollupFacts,
    }));
  }

  async writePeriod(rollup: PeriodRollup): Promise<void> {
    const document: Omit<PeriodRollupDocument, '_id'> = {
      period: rollup.period,
      group: rollup.group,
      facts: JSON.stringify(rollup.facts),
    };
    await upsertWithRetry(() => this.periods.replaceOne({ _id: rollup.period }, document, { upsert: true }));
  }

  /** The period roll-ups of one group (a period code and plan year across every plan). */
  async periodsOf(group: string): Promise<PeriodRollup[]> {
    return (await this.periods.find({ group }).toArray()).map((document) => ({
      period: document.period,
      group: document.group,
      facts: JSON.parse(document.facts) as RollupFacts,
    }));
  }

  /** Renewed after every change to a group's period roll-ups, so an instance can keep them in memory. */
  async groupStamp(group: string): Promise<string> {
    return readStamp(this.db, `rollup:${group}`);
  }

  async renewGroupStamp(group: string): Promise<void> {
    await renewStamp(this.db, `rollup:${group}`);
  }

  async hasPeriod(period: string): Promise<boolean> {
    return (await this.periods.findOne({ _id: period }, { projection: { _id: 1 } })) !== null;
  }
}
