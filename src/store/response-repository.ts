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

/** A stored answer as the generic save handles it (an indicator's or a goal's). */
type StoredResponse = Record<string, unknown> & { version: number };

interface SaveRequest {
  key: string;
  collection: typeof COLLECTIONS.responses | typeof COLLECTIONS.goalResponses;
  id: string;
  subject: string;
  fields: Record<string, unknown>;
  answer: unknown;
  answerOf: (response: StoredResponse) => unknown;
  expectedVersion: number;
  /** What the caller read in this request (null: nothing stored); undefined: read it here. */
  known?: IndicatorResponse | GoalResponse | null | undefined;
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
   * The answers to some goals in a period: per goal one equality query `{period, goal}` for its
   * indicators and one _id lookup for the goal's own answer, all at once. Never `$in`, which FerretDB
   * 1.x answers by decoding the whole collection. `withGoals: false` reads only the indicators.
   */
  async listForGoals(
    period: string,
    goals: readonly string[],
    withGoals = true,
  ): Promise<{ indicatorResponses: IndicatorResponse[]; goalResponses: GoalResponse[] }> {
    const keys = [...new Set(goals)];
    const [indicators, goalDocuments] = await Promise.all([
      Promise.all(keys.map((goal) => this.indicatorResponses.find({ period, goal }).toArray())),
      withGoals ? Promise.all(keys.map((goal) => this.goalResponses.findOne({ _id: `${goal}|${period}` }))) : Promise.resolve([]),
    ]);
    return {
      indicatorResponses: indicators.flat().map(({ _id: _ignored, createdAt: _c, ...response }) => response),
      goalResponses: goalDocuments
        .filter((document): document is GoalResponseDocument => document !== null)
        .map(({ _id: _ignored, createdAt: _c, ...response }) => response),
    };
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
    indicators.sort(byIndicator);
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
    for (const document of indicators.sort(byIndicator)) of(document.goal).indicatorResponses.push(indicatorFacts(document));
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
    const [outcome] = await this.saveGoalAnswers(place, [{ kind: 'indicator', place, answer, expectedVersion }], null, author, now);
    return outcome!.outcome as SaveOutcome<IndicatorResponse>;
  }

  async saveGoal(
    place: GoalPlace,
    answer: GoalAnswer,
    expectedVersion: number,
    author: Author,
    now: Date,
  ): Promise<SaveOutcome<GoalResponse>> {
    const [outcome] = await this.saveGoalAnswers(place, [], { place, answer, expectedVersion }, author, now);
    return outcome!.outcome as SaveOutcome<GoalResponse>;
  }

  /**
   * Saves one goal form's answers in a period together: each answer as in `save` (claimed through
   * history, written at its version), but the claims and the writes of all of them at once and the
   * goal's roll-up marks once for them all (before the first write and after the last). `known` is
   * what the caller read of an answer in this request (null: nothing stored); the answer is then
   * not read again: a write since is caught by the claim on its version, as a concurrent one is.
   * Outcomes come back in the order given, the goal's answer last.
   */
  async saveGoalAnswers(
    goal: GoalPlace,
    indicators: readonly {
      kind: 'indicator';
      place: IndicatorPlace;
      answer: IndicatorAnswer;
      expectedVersion: number;
      known?: IndicatorResponse | null;
    }[],
    goalAnswer: { place: GoalPlace; answer: GoalAnswer; expectedVersion: number; known?: GoalResponse | null } | null,
    author: Author,
    now: Date,
  ): Promise<{ key: string; outcome: SaveOutcome<IndicatorResponse> | SaveOutcome<GoalResponse> }[]> {
    const requests: SaveRequest[] = indicators.map((item) => ({
      key: item.place.indicator,
      collection: COLLECTIONS.responses,
      id: `${item.place.indicator}|${item.place.period}`,
      subject: `indicator:${item.place.indicator}`,
      fields: { ...item.place, ...item.answer, author: author.email, authorName: author.name, savedAt: now },
      // Compared with the source made explicit: an old answer without it is the owner's.
      answer: indicatorAnswerOf(item.answer),
      answerOf: (response) => indicatorAnswerOf(response as unknown as IndicatorResponse),
      expectedVersion: item.expectedVersion,
      known: item.known,
    }));
    if (goalAnswer)
      requests.push({
        key: goalAnswer.place.goal,
        collection: COLLECTIONS.goalResponses,
        id: `${goalAnswer.place.goal}|${goalAnswer.place.period}`,
        subject: `goal:${goalAnswer.place.goal}`,
        fields: { ...goalAnswer.place, ...goalAnswer.answer, author: author.email, authorName: author.name, savedAt: now },
        answer: goalAnswer.answer,
        answerOf: (response) => goalAnswerOf(response as unknown as GoalResponse),
        expectedVersion: goalAnswer.expectedVersion,
        known: goalAnswer.known,
      });
    const outcomes = await this.saveAll(goal.period, goal.goal, requests, author.email, now);
    return requests.map((request, index) => ({
      key: request.key,
      outcome: outcomes[index] as SaveOutcome<IndicatorResponse> | SaveOutcome<GoalResponse>,
    }));
  }

  private async saveAll(
    period: string,
    goal: string,
    requests: readonly SaveRequest[],
    by: string,
    now: Date,
  ): Promise<SaveOutcome<StoredResponse>[]> {
    const decided = await Promise.all(
      requests.map(
        async (
          request,
        ): Promise<SaveOutcome<StoredResponse> | { status: 'claimed'; next: StoredResponse; current: StoredResponse | null }> => {
          const collection = this.db.collection<KeyedDocument>(request.collection);
          const same = (response: StoredResponse) => stableJson(request.answerOf(response)) === stableJson(request.answer);
          const current =
            request.known !== undefined ? (request.known as StoredResponse | null) : await readResponse(collection, request.id);
          if (current && same(current)) return { status: 'unchanged', response: current };
          if ((current?.version ?? 0) !== request.expectedVersion) return { status: 'conflict', current };
          const version = request.expectedVersion + 1;
          const next: StoredResponse = { ...request.fields, version };
          const won = await this.claimVersion(request.subject, period, version, current ? request.answerOf(current) : null, next, by, now);
          if (won) return { status: 'claimed', next, current };
          const latest = (await this.rollForward(collection, request.id, request.subject, period)) as StoredResponse | null;
          if (latest && same(latest)) return { status: 'unchanged', response: latest };
          return { status: 'conflict', current: latest };
        },
      ),
    );
    if (!decided.some((outcome) => outcome.status === 'claimed')) return decided as SaveOutcome<StoredResponse>[];
    // Marked before the writes (a crash after them still leaves the mark) and after them (a roll-up
    // built between the first mark and the writes is built again).
    await this.rollups.mark(period, goal, now);
    const outcomes = await Promise.all(
      decided.map(async (outcome, index): Promise<SaveOutcome<StoredResponse>> => {
        if (outcome.status !== 'claimed') return outcome;
        const request = requests[index]!;
        const collection = this.db.collection<KeyedDocument>(request.collection);
        await writeAtVersion(collection, request.id, outcome.next, outcome.next.version, now, outcome.current === null);
        return { status: 'saved', response: outcome.next };
      }),
    );
    await this.rollups.mark(period, goal, now);
    return outcomes;
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
  /** Nothing was stored when the version was claimed: try the insert first (one round trip instead of three). */
  absent = false,
): Promise<void> {
  const { _id: _ignored, createdAt: _c, ...fields } = document;
  if (absent) {
    try {
      await collection.insertOne({ ...fields, _id: id, createdAt });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
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

async function readResponse(collection: import('mongodb').Collection<KeyedDocument>, id: string): Promise<StoredResponse | null> {
  const document = await collection.findOne({ _id: id });
  if (!document) return null;
  const { _id: _ignored, createdAt: _c, ...response } = document;
  return response as StoredResponse;
}

/** A stable order, so a roll-up built twice from the same answers is the same text. */
function byIndicator(a: { indicator: string }, b: { indicator: string }): number {
  return a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0;
}
