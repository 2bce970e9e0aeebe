import type { Db } from 'mongodb';
import type { KeyedDocument } from './entity-sync';
import { isDuplicateKey } from './claims';
import { stableJson } from '../domain/entity-diff';
import {
  goalAnswerOf,
  indicatorAnswerOf,
  type GoalAnswer,
  type GoalResponse,
  type IndicatorAnswer,
  type IndicatorResponse,
} from '../domain/response';
import { COLLECTIONS } from './indexes';
import { RollupRepository, type RollupFacts } from './rollup-repository';
import { HistoryRepository } from './history-repository';

const SUMMARY_CHUNK = 500;

export type IndicatorResponseFacts = Pick<IndicatorResponse, 'indicator' | 'outcome' | 'assessment' | 'comment'>;
export type GoalResponseFacts = Pick<GoalResponse, 'goal' | 'assessment' | 'analysis'>;

type IndicatorResponseDocument = IndicatorResponse & { _id: string; createdAt: Date };
type GoalResponseDocument = GoalResponse & { _id: string; createdAt: Date };

/** A conflict's `current` is what is stored now; null when nothing is (the form's version was never stored). */
export type SaveOutcome<R> =
  { status: 'saved'; response: R } | { status: 'unchanged'; response: R } | { status: 'conflict'; current: R | null };

export interface Author {
  email: string;
  name: string;
}

type IndicatorPlace = Pick<IndicatorResponse, 'indicator' | 'goal' | 'plan' | 'unit' | 'perspective' | 'period'>;
type GoalPlace = Pick<GoalResponse, 'goal' | 'plan' | 'unit' | 'perspective' | 'period'>;

/**
 * Answers, one document per (indicator, period) and per (goal, period), written with optimistic
 * concurrency on `version`. A save identical to what is stored is a no-op (double clicks, retried
 * invokes); a save from a stale version that would change something is refused as a conflict.
 * Every change is appended to `history`.
 */
export class ResponseRepository {
  private readonly rollups: RollupRepository;
  private readonly history: HistoryRepository;

  constructor(private readonly db: Db) {
    this.rollups = new RollupRepository(db);
    this.history = new HistoryRepository(db);
  }

  private get indicatorResponses() {
    return this.db.collection<IndicatorResponseDocument>(COLLECTIONS.responses);
  }
  private get goalResponses() {
    return this.db.collection<GoalResponseDocument>(COLLECTIONS.goalResponses);
  }

  /** With keys, looked up by _id (the one filter every backend, FerretDB's SQLite included, uses an index for). */
  async listIndicatorResponses(period: string, indicators?: readonly string[]): Promise<IndicatorResponse[]> {
    if (indicators?.length === 0) return []; // `$in: []` would scan the collection on FerretDB
    const filter = indicators ? { _id: { $in: indicators.map((key) => `${key}|${period}`) } } : { period };
    return (await this.indicatorResponses.find(filter).toArray()).map(({ _id: _ignored, createdAt: _c, ...response }) => response);
  }

  async listGoalResponses(period: string, goals?: readonly string[]): Promise<GoalResponse[]> {
    if (goals?.length === 0) return [];
    const filter = goals ? { _id: { $in: goals.map((key) => `${key}|${period}`) } } : { period };
    return (await this.goalResponses.find(filter).toArray()).map(({ _id: _ignored, createdAt: _c, ...response }) => response);
  }

  /**
   * The answers of several periods for summaries, projected to what aggregation reads. One query per
   * collection and chunk: FerretDB uses no index for `period`, so a single scan beats one per period.
   */
  async listForSummary(
    periods: readonly string[],
  ): Promise<{ indicatorResponses: IndicatorResponseFacts[]; goalResponses: GoalResponseFacts[] }> {
    const indicatorResponses: IndicatorResponseFacts[] = [];
    const goalResponses: GoalResponseFacts[] = [];
    for (let start = 0; start < periods.length; start += SUMMARY_CHUNK) {
      const chunk = [...periods.slice(start, start + SUMMARY_CHUNK)];
      const [indicators, goals] = await Promise.all([
        this.indicatorResponses
          .find({ period: { $in: chunk } }, { projection: { _id: 0, indicator: 1, outcome: 1, assessment: 1, comment: 1 } })
          .toArray(),
        this.goalResponses.find({ period: { $in: chunk } }, { projection: { _id: 0, goal: 1, assessment: 1, analysis: 1 } }).toArray(),
      ]);
      for (const document of indicators) indicatorResponses.push(indicatorFacts(document));
      for (const document of goals) goalResponses.push(goalFacts(document));
    }
    return { indicatorResponses, goalResponses };
  }

  /**
   * One goal's answers in a period as a summary reads them, with a signature of their versions (so a
   * roll-up writer can tell whether they changed while it wrote). Equality filters only.
   */
  async goalFacts(period: string, goal: string): Promise<{ facts: RollupFacts; signature: string }> {
    const [indicators, goalResponse] = await Promise.all([
      this.indicatorResponses.find({ period, goal }).toArray(),
      this.goalResponses.findOne({ _id: `${goal}|${period}` }),
    ]);
    indicators.sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
    return {
      facts: {
        indicatorResponses: indicators.map(indicatorFacts),
        goalResponses: goalResponse ? [goalFacts(goalResponse)] : [],
      },
      signature: [...indicators.map((d) => `${d.indicator}@${d.version}`), goalResponse ? `goal@${goalResponse.version}` : ''].join(','),
    };
  }

  /** Every answer of one period, grouped by goal (a full roll-up rebuild of the period). */
  async periodFactsByGoal(period: string): Promise<Map<string, RollupFacts>> {
    const [indicators, goals] = await Promise.all([
      this.indicatorResponses.find({ period }).toArray(),
      this.goalResponses.find({ period }).toArray(),
    ]);
    const byGoal = new Map<string, RollupFacts>();
    const of = (goal: string) => {
      let facts = byGoal.get(goal);
      if (!facts) byGoal.set(goal, (facts = { indicatorResponses: [], goalResponses: [] }));
      return facts;
    };
    for (const document of indicators.sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0)))
      of(document.goal).indicatorResponses.push(indicatorFacts(document));
    for (const document of goals) of(document.goal).goalResponses.push(goalFacts(document));
    return byGoal;
  }

  /** Whole answers (who saved them, when, what was typed) of several periods, for the compiled report. */
  async listForReport(periods: readonly string[]): Promise<{ indicatorResponses: IndicatorResponse[]; goalResponses: GoalResponse[] }> {
    const indicatorResponses: IndicatorResponse[] = [];
    const goalResponses: GoalResponse[] = [];
    for (let start = 0; start < periods.length; start += SUMMARY_CHUNK) {
      const chunk = [...periods.slice(start, start + SUMMARY_CHUNK)];
      const [indicators, goals] = await Promise.all([
        this.indicatorResponses.find({ period: { $in: chunk } }, { projection: { _id: 0, createdAt: 0 } }).toArray(),
        this.goalResponses.find({ period: { $in: chunk } }, { projection: { _id: 0, createdAt: 0 } }).toArray(),
      ]);
      for (const document of indicators)
        indicatorResponses.push({
          ...document,
          outcome: document.outcome ?? null,
          assessment: document.assessment ?? null,
          comment: document.comment ?? '',
          outcomeText: document.outcomeText ?? '',
        });
      for (const document of goals)
        goalResponses.push({ ...document, assessment: document.assessment ?? null, analysis: document.analysis ?? '' });
    }
    return { indicatorResponses, goalResponses };
  }

  async saveIndicator(
    place: IndicatorPlace,
    answer: IndicatorAnswer,
    expectedVersion: number,
    author: Author,
    now: Date,
  ): Promise<SaveOutcome<IndicatorResponse>> {
    const id = `${place.indicator}|${place.period}`;
    return this.save<IndicatorResponse, Required<IndicatorAnswer>>({
      collection: COLLECTIONS.responses,
      id,
      subject: `indicator:${place.indicator}`,
      period: place.period,
      goal: place.goal,
      fields: { ...place, ...answer, author: author.email, authorName: author.name, savedAt: now },
      // Compared with the source made explicit: an old answer without it is the owner's.
      answer: indicatorAnswerOf(answer),
      answerOf: indicatorAnswerOf,
      expectedVersion,
      by: author.email,
      now,
    });
  }

  async saveGoal(
    place: GoalPlace,
    answer: GoalAnswer,
    expectedVersion: number,
    author: Author,
    now: Date,
  ): Promise<SaveOutcome<GoalResponse>> {
    return this.save<GoalResponse, GoalAnswer>({
      collection: COLLECTIONS.goalResponses,
      id: `${place.goal}|${place.period}`,
      subject: `goal:${place.goal}`,
      period: place.period,
      goal: place.goal,
      fields: { ...place, ...answer, author: author.email, authorName: author.name, savedAt: now },
      answer,
      answerOf: goalAnswerOf,
      expectedVersion,
      by: author.email,
      now,
    });
  }

  private async save<R extends { version: number }, A>(options: {
    collection: typeof COLLECTIONS.responses | typeof COLLECTIONS.goalResponses;
    id: string;
    subject: string;
    period: string;
    goal: string;
    fields: Omit<R, 'version'>;
    answer: A;
    answerOf: (response: R) => A;
    expectedVersion: number;
    by: string;
    now: Date;
  }): Promise<SaveOutcome<R>> {
    const collection = this.db.collection<KeyedDocument>(options.collection);
    const read = async () => {
      const document = await collection.findOne({ _id: options.id });
      if (!document) return null;
      const { _id: _ignored, createdAt: _c, ...response } = document;
      return response as unknown as R;
    };
    const same = (response: R) => stableJson(options.answerOf(response)) === stableJson(options.answer);
    const current = await read();
    if (current && same(current)) return { status: 'unchanged', response: current };
    if ((current?.version ?? 0) !== options.expectedVersion) {
      return { status: 'conflict', current };
    }
    const version = options.expectedVersion + 1;
    const next = { ...options.fields, version } as unknown as R;
    const won = await this.claimVersion(
      options.subject,
      options.period,
      version,
      current ? options.answerOf(current) : null,
      next,
      options.by,
      options.now,
    );
    if (!won) {
      const latest = await this.rollForward(collection, options.id, options.subject, options.period);
      if (latest && same(latest as R)) return { status: 'unchanged', response: latest as R };
      return { status: 'conflict', current: latest as R | null };
    }
    // Marked before the write (a crash after it still leaves the mark) and after it (a roll-up built
    // between the first mark and the write is built again).
    await this.rollups.mark(options.period, options.goal, options.now);
    await writeAtVersion(collection, options.id, next as Record<string, unknown>, version, options.now);
    await this.rollups.mark(options.period, options.goal, options.now);
    return { status: 'saved', response: next };
  }

  /**
   * The history entry for a version doubles as the claim on it: its unique index lets exactly one
   * writer insert version n, on MongoDB and on FerretDB alike (see claims.ts).
   */
  private async claimVersion(
    subject: string,
    period: string,
    version: number,
    before: unknown,
    after: object,
    by: string,
    at: Date,
  ): Promise<boolean> {
    return this.history.append({ subject, period, version, before, after, by, at });
  }

  /** If a writer won a version but died before writing the response, finish its write from history. */
  private async rollForward(
    collection: import('mongodb').Collection<KeyedDocument>,
    id: string,
    subject: string,
    period: string,
  ): Promise<Record<string, unknown> | null> {
    const newest = await this.history.newest(subject, period);
    const document = await collection.findOne({ _id: id });
    if (newest && (!document || Number(document.version ?? 0) < Number(newest.version))) {
      const after = newest.after as Record<string, unknown>;
      await writeAtVersion(collection, id, after, Number(newest.version), newest.at);
      if (typeof after.goal === 'string') await this.rollups.mark(period, after.goal, newest.at);
      return after;
    }
    if (!document) return null;
    const { _id: _ignored, createdAt: _c, ...response } = document;
    return response;
  }

  async historyOf(subject: string, period: string): Promise<{ by: string; at: Date; version: number; before: unknown; after: unknown }[]> {
    // after: the whole response as written (place, answer, author, time, version).
    return (await this.history.list(subject, period)).map(({ by, at, version, before, after }) => ({ by, at, version, before, after }));
  }
}

/**
 * Writes a response at `version` unless a newer version is already there. No upsert: concurrent
 * upserts of one _id can fail with E11000 on FerretDB, so a missing document is inserted and a lost
 * insert race falls back to the version-guarded update.
 */
async function writeAtVersion(
  collection: import('mongodb').Collection<KeyedDocument>,
  id: string,
  document: Record<string, unknown>,
  version: number,
  createdAt: Date,
): Promise<void> {
  const { _id: _ignored, createdAt: _c, ...fields } = document;
  const updated = await collection.updateOne({ _id: id, version: { $lt: version } }, { $set: fields });
  if (updated.matchedCount > 0) return;
  if (await collection.findOne({ _id: id }, { projection: { _id: 1 } })) return;
  try {
    await collection.insertOne({ ...fields, _id: id, createdAt });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await collection.updateOne({ _id: id, version: { $lt: version } }, { $set: fields });
  }
}

function indicatorFacts(document: Pick<IndicatorResponse, 'indicator' | 'outcome' | 'assessment' | 'comment'>): IndicatorResponseFacts {
  return {
    indicator: document.indicator,
    outcome: document.outcome ?? null,
    assessment: document.assessment ?? null,
    comment: document.comment ?? '',
  };
}

function goalFacts(document: Pick<GoalResponse, 'goal' | 'assessment' | 'analysis'>): GoalResponseFacts {
  return { goal: document.goal, assessment: document.assessment ?? null, analysis: document.analysis ?? '' };
}
