import type { Db, IndexSpecification, CreateIndexesOptions } from 'mongodb';

/** Every collection the product uses, named once. */
export const COLLECTIONS = {
  units: 'units',
  plans: 'plans',
  goals: 'goals',
  indicators: 'indicators',
  periods: 'periods',
  people: 'people',
  conversations: 'conversations',
  responses: 'responses',
  goalResponses: 'goalResponses',
  history: 'history',
  jobs: 'jobs',
  channelLinks: 'channelLinks',
  summaries: 'summaries',
  claims: 'claims',
  planRevisions: 'planRevisions',
  identities: 'identities',
  delegations: 'delegations',
  /** Confirmed `öppna period`s, by confirmation (only the _id index). */
  openings: 'openings',
  settings: 'settings',
  /** Summary roll-ups (see rollup-repository.ts): pending marks, per goal and per period. */
  rollupMarks: 'rollupMarks',
  goalRollups: 'goalRollups',
  periodRollups: 'periodRollups',
  /** Change stamps (stamps.ts) that let every instance keep things in memory and still see others' writes. */
  stamps: 'stamps',
  /** Each plan's content as one JSON text, for a cold start that reads one document per plan. */
  planSnapshots: 'planSnapshots',
  /** Send slots shared by every instance (see send-slot-repository.ts). */
  sendSlots: 'sendSlots',
} as const;

export interface IndexDefinition {
  collection: string;
  key: IndexSpecification;
  options: CreateIndexesOptions & { name: string };
}

/** Exported so the integration test can check each one is really on the server. */
export const INDEXES: readonly IndexDefinition[] = [
  // Also creates the collection at start-up: FerretDB 1.x on PostgreSQL can hang when instances create one concurrently.
  { collection: COLLECTIONS.sendSlots, key: { minute: 1 }, options: { name: 'minute' } },
  { collection: COLLECTIONS.units, key: { key: 1 }, options: { name: 'key_unique', unique: true } },
  { collection: COLLECTIONS.plans, key: { key: 1 }, options: { name: 'key_unique', unique: true } },
  { collection: COLLECTIONS.plans, key: { unit: 1, year: 1 }, options: { name: 'unit_year' } },
  { collection: COLLECTIONS.goals, key: { key: 1 }, options: { name: 'key_unique', unique: true } },
  { collection: COLLECTIONS.goals, key: { plan: 1 }, options: { name: 'plan' } },
  { collection: COLLECTIONS.goals, key: { owners: 1 }, options: { name: 'owners' } },
  { collection: COLLECTIONS.indicators, key: { key: 1 }, options: { name: 'key_unique', unique: true } },
  { collection: COLLECTIONS.indicators, key: { plan: 1 }, options: { name: 'plan' } },
  { collection: COLLECTIONS.indicators, key: { goal: 1 }, options: { name: 'goal' } },
  { collection: COLLECTIONS.indicators, key: { owner: 1 }, options: { name: 'owner' } },
  { collection: COLLECTIONS.periods, key: { plan: 1, code: 1 }, options: { name: 'plan_code_unique', unique: true } },
  { collection: COLLECTIONS.periods, key: { state: 1, opens: 1 }, options: { name: 'state_opens' } },
  { collection: COLLECTIONS.people, key: { email: 1 }, options: { name: 'email_unique', unique: true } },
  { collection: COLLECTIONS.conversations, key: { key: 1 }, options: { name: 'key_unique', unique: true } },
  {
    collection: COLLECTIONS.responses,
    key: { indicator: 1, period: 1 },
    options: { name: 'indicator_period_unique', unique: true },
  },
  { collection: COLLECTIONS.responses, key: { period: 1, plan: 1 }, options: { name: 'period_plan' } },
  // A goal's answers in a period (the goal form, roll-ups): an equality on two top-level fields.
  { collection: COLLECTIONS.responses, key: { period: 1, goal: 1 }, options: { name: 'period_goal' } },
  { collection: COLLECTIONS.goalResponses, key: { goal: 1, period: 1 }, options: { name: 'goal_period_unique', unique: true } },
  { collection: COLLECTIONS.goalResponses, key: { period: 1, plan: 1 }, options: { name: 'period_plan' } },
  { collection: COLLECTIONS.goalRollups, key: { period: 1 }, options: { name: 'period' } },
  { collection: COLLECTIONS.periodRollups, key: { group: 1 }, options: { name: 'group' } },
  // Unique per version: inserting version n+1 is how a writer wins the right to write it (see claims.ts).
  {
    collection: COLLECTIONS.history,
    key: { subject: 1, period: 1, version: 1 },
    options: { name: 'subject_period_version_unique', unique: true },
  },
  { collection: COLLECTIONS.jobs, key: { dedupeKey: 1 }, options: { name: 'dedupe_key_unique', unique: true } },
  { collection: COLLECTIONS.jobs, key: { state: 1, runAt: 1 }, options: { name: 'state_run_at' } },
  {
    collection: COLLECTIONS.channelLinks,
    key: { conversationId: 1, unit: 1 },
    options: { name: 'conversation_unit_unique', unique: true },
  },
  {
    collection: COLLECTIONS.summaries,
    key: { conversationId: 1, period: 1 },
    options: { name: 'conversation_period_unique', unique: true },
  },
];

/** Idempotent: createIndex with the same name and spec is a no-op on MongoDB, Cosmos DB and FerretDB. */
export async function ensureIndexes(db: Db): Promise<void> {
  // Every collection is created here, one at a time: FerretDB 1.x on PostgreSQL can hang when
  // several requests create the same new collection at once (first writes racing).
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name));
  for (const name of Object.values(COLLECTIONS)) {
    if (existing.has(name)) continue;
    try {
      await db.createCollection(name);
    } catch (error) {
      // Another instance created it meanwhile (NamespaceExists).
      if (!(error instanceof Error && /already exists|NamespaceExists/i.test(error.message))) throw error;
    }
  }
  for (const index of INDEXES) {
    await db.collection(index.collection).createIndex(index.key, index.options);
  }
}
