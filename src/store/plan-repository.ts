import type { Db } from 'mongodb';
import type { Goal, Indicator, NormalizedPlanFile, Period, PeriodState, Plan, Unit } from '../domain/plan';
import type { ImportCounts, SyncCounts } from '../domain/import-issues';
import { insertNew, upsertWithRetry } from './claims';
import { stripBookkeeping, syncEntities, type KeyedDocument } from './entity-sync';
import { COLLECTIONS } from './indexes';
import { readStamp, renewStamp } from './stamps';
import { createHash } from 'node:crypto';
import { stableJson } from '../domain/entity-diff';

const FEW_PLANS = 16;

/** Imported plan content: units, plans, goals, indicators and periods. */
export class PlanRepository {
  constructor(private readonly db: Db) {}

  /**
   * Writes a validated plan file. Idempotent: an identical file writes nothing. Goals and indicators
   * that left a plan are archived (their answers stay). Period states are never moved backwards; a
   * period whose `closes` date is before `today` is stored as closed and is never opened.
   */
  async importPlan(file: NormalizedPlanFile, now: Date, today: string): Promise<ImportCounts> {
    const hashes = contentHashes(file);
    const stored = await this.col('planRevisions')
      .find({ _id: { $in: [...hashes.keys()] } })
      .toArray();
    const same = new Set(stored.filter((doc) => doc.hash === hashes.get(doc._id)).map((doc) => doc._id));
    // Plans whose content is exactly what was imported before are not read or compared again.
    const plan = {
      ...file,
      plans: file.plans.filter((p) => !same.has(p.key)),
      goals: file.goals.filter((g) => !same.has(g.plan)),
      indicators: file.indicators.filter((i) => !same.has(i.plan)),
    };
    const skipped = (all: { length: number }, kept: { length: number }) => all.length - kept.length;
    const planKeys = plan.plans.map((p) => p.key);
    // A few plans are read one by one: FerretDB 1.x hands an equality on `plan` to the database, but
    // reads the whole collection for `$in`, so a revised plan would cost a scan of the region.
    const inPlans = planKeys.length <= FEW_PLANS ? planKeys.map((key) => ({ plan: key })) : { plan: { $in: planKeys } };
    // With nothing to compare, no query at all: FerretDB answers `$in: []` by scanning the collection.
    const sync: typeof syncEntities = (options) => (planKeys.length === 0 ? Promise.resolve(NOTHING) : syncEntities(options));
    const units = await syncEntities({
      collection: this.col('units'),
      incoming: file.units,
      scope: { _id: { $in: file.units.map((u) => u.key) } },
      now,
      archive: false,
    });
    const plans = withUnchanged(
      await sync({ collection: this.col('plans'), incoming: plan.plans, scope: { _id: { $in: planKeys } }, now, archive: false }),
      skipped(file.plans, plan.plans),
    );
    const goals = withUnchanged(
      await sync({ collection: this.col('goals'), incoming: plan.goals, scope: inPlans, now, archive: true, groupField: 'plan' }),
      skipped(file.goals, plan.goals),
    );
    const indicators = withUnchanged(
      await sync({ collection: this.col('indicators'), incoming: plan.indicators, scope: inPlans, now, archive: true, groupField: 'plan' }),
      skipped(file.indicators, plan.indicators),
    );
    // Periods are few and always compared: an import also closes periods whose date has passed.
    const periods = await this.syncPeriods(file, now, today);
    const people = await this.ensurePeople(file, now);
    const periodChanged = new Set([...file.periods].map((p) => p.plan));
    await this.recordRevisions(
      periods.created + periods.updated > 0 ? [...new Set([...planKeys, ...periodChanged])] : planKeys,
      hashes,
      now,
    );
    // Only when units, plans or periods changed: an identical re-import writes nothing at all.
    if ([units, plans, periods].some((counts) => counts.created + counts.updated + counts.archived > 0))
      await renewStamp(this.db, CATALOG_STAMP);
    return { units, plans, goals, indicators, periods, people };
  }

  /** A new revision tells every instance's plan cache that the plan's content changed; the hash lets an identical re-import skip it. */
  private async recordRevisions(planKeys: readonly string[], hashes: Map<string, string>, now: Date): Promise<void> {
    const revision = `${now.getTime()}-${Math.random().toString(36).slice(2)}`;
    for (const key of planKeys) {
      await upsertWithRetry(() =>
        this.col('planRevisions').updateOne({ _id: key }, { $set: { revision, hash: hashes.get(key) ?? '' } }, { upsert: true }),
      );
    }
  }

  /** Tells every instance's plan cache to reload the plan (e.g. after a delegation changed who owns what). */
  async touchRevision(planKey: string, now: Date): Promise<void> {
    const revision = `${now.getTime()}-${Math.random().toString(36).slice(2)}`;
    await upsertWithRetry(() => this.col('planRevisions').updateOne({ _id: planKey }, { $set: { revision } }, { upsert: true }));
  }

  async revisionOf(planKey: string): Promise<string> {
    const document = await this.col('planRevisions').findOne({ _id: planKey });
    return typeof document?.revision === 'string' ? document.revision : '';
  }

  /** The revisions of several plans in one query ('' for a plan never imported). */
  async revisionsOf(planKeys: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (planKeys.length === 0) return out;
    const documents = await this.col('planRevisions')
      .find({ _id: { $in: [...planKeys] } })
      .toArray();
    for (const document of documents) if (typeof document.revision === 'string') out.set(String(document._id), document.revision);
    return out;
  }

  private async syncPeriods(plan: NormalizedPlanFile, now: Date, today: string): Promise<SyncCounts> {
    const stored = await this.col('periods')
      .find({ plan: { $in: plan.plans.map((p) => p.key) } })
      .toArray();
    const states = new Map(stored.map((document) => [String(document._id), document.state as PeriodState]));
    const incoming = plan.periods.map((period) => {
      const previous = states.get(period.id);
      const state: PeriodState = previous === 'open' || previous === 'closed' ? previous : period.closes < today ? 'closed' : 'draft';
      return { key: period.id, ...period, state };
    });
    return syncEntities({
      collection: this.col('periods'),
      incoming,
      scope: { plan: { $in: plan.plans.map((p) => p.key) } },
      now,
      archive: false,
    });
  }

  /** People are created from the plan's owners; identities resolved later from Teams are kept. */
  private async ensurePeople(plan: NormalizedPlanFile, now: Date): Promise<{ created: number }> {
    const emails = new Set<string>();
    for (const goal of plan.goals) goal.owners.forEach((owner) => emails.add(owner));
    for (const indicator of plan.indicators) emails.add(indicator.owner);
    for (const unit of plan.units) if (unit.manager) emails.add(unit.manager);
    // One pass over the ids beats `$in` with thousands of values, which FerretDB matches one by one.
    const known = new Set((await this.col('people').find({}).project<{ _id: string }>({ _id: 1 }).toArray()).map((d) => d._id));
    const created = await insertNew(
      this.col('people'),
      [...emails].filter((email) => !known.has(email)).map((email) => ({ _id: email, email, createdAt: now })),
    );
    return { created };
  }

  async listUnits(): Promise<Unit[]> {
    return (await this.col('units').find({}).sort({ _id: 1 }).toArray()).map((d) => stripBookkeeping<Unit & { key: string }>(d));
  }

  async findPlan(key: string): Promise<Plan | null> {
    const document = await this.col('plans').findOne({ _id: key });
    return document ? stripBookkeeping<Plan>(document) : null;
  }

  async listPlans(): Promise<Plan[]> {
    return (await this.col('plans').find({}).sort({ _id: 1 }).toArray()).map((document) => stripBookkeeping<Plan>(document));
  }

  async listGoals(planKeys: string[]): Promise<Goal[]> {
    const documents = await this.col('goals')
      .find({ plan: { $in: planKeys } })
      .sort({ plan: 1, order: 1 })
      .toArray();
    return documents.map((d) => stripBookkeeping<Goal>(d));
  }

  async listIndicators(planKeys: string[]): Promise<Indicator[]> {
    const documents = await this.col('indicators')
      .find({ plan: { $in: planKeys } })
      .sort({ plan: 1, order: 1 })
      .toArray();
    return documents.map((d) => stripBookkeeping<Indicator>(d));
  }

  async listPeriods(planKeys?: string[]): Promise<Period[]> {
    const filter = planKeys ? { plan: { $in: planKeys } } : {};
    const documents = await this.col('periods').find(filter).sort({ plan: 1, opens: 1 }).toArray();
    return documents.map((d) => {
      const { key: _key, ...period } = stripBookkeeping<Period & { key: string }>(d);
      return period;
    });
  }

  async findPeriod(id: string): Promise<Period | null> {
    const document = await this.col('periods').findOne({ _id: id });
    if (!document) return null;
    const { key: _key, ...period } = stripBookkeeping<Period & { key: string }>(document);
    return period;
  }

  async findGoal(key: string): Promise<Goal | null> {
    const document = await this.col('goals').findOne({ _id: key });
    return document ? stripBookkeeping<Goal>(document) : null;
  }

  async findIndicator(key: string): Promise<Indicator | null> {
    const document = await this.col('indicators').findOne({ _id: key });
    return document ? stripBookkeeping<Indicator>(document) : null;
  }

  /** Moves a period only from one of `from` to `to`; closing records when and by whom (`by`: null when closed by date); returns whether it moved (so callers act once). */
  async setPeriodState(id: string, from: readonly PeriodState[], to: PeriodState, now: Date, by: string | null = null): Promise<boolean> {
    const update =
      to === 'closed'
        ? { $set: { state: to, updatedAt: now, closedAt: now, closedBy: by } }
        : { $set: { state: to, updatedAt: now }, $unset: { closedAt: '', closedBy: '' } };
    const result = await this.col('periods').updateOne({ _id: id, state: { $in: [...from] } }, update);
    // Renewed whether or not this caller moved it: a concurrent caller may have, and a spare renewal only costs a re-read.
    await renewStamp(this.db, CATALOG_STAMP);
    return result.modifiedCount === 1;
  }

  /** Renewed after every change to units, plans or periods (see stamps.ts). */
  async catalogStamp(): Promise<string> {
    return readStamp(this.db, CATALOG_STAMP);
  }

  /** Stored plan contents whose revision is still current, by plan (see PlanCache). */
  async snapshotsOf(planKeys: readonly string[]): Promise<Map<string, { revision: string; content: string }>> {
    const collection = this.db.collection<SnapshotDocument>(COLLECTIONS.planSnapshots);
    // Few plans: one _id lookup each; many: one pass over the (one-per-plan) collection beats `$in`.
    const documents =
      planKeys.length <= 20
        ? (await Promise.all(planKeys.map((key) => collection.findOne({ _id: key })))).filter((d): d is SnapshotDocument => d !== null)
        : await collection.find({}).toArray();
    const wanted = new Set(planKeys);
    return new Map(documents.filter((d) => wanted.has(d._id)).map((d) => [d._id, { revision: d.revision, content: d.content }] as const));
  }

  async writeSnapshot(planKey: string, revision: string, content: string): Promise<void> {
    await upsertWithRetry(() =>
      this.db.collection<SnapshotDocument>(COLLECTIONS.planSnapshots).replaceOne({ _id: planKey }, { revision, content }, { upsert: true }),
    );
  }

  private col(name: Exclude<keyof typeof COLLECTIONS, 'history'>) {
    return this.db.collection<KeyedDocument>(COLLECTIONS[name]);
  }
}

/** One hash per plan over everything the file says about it (plan, goals, indicators, period dates). */
function contentHashes(file: NormalizedPlanFile): Map<string, string> {
  const byPlan = new Map(
    file.plans.map((plan) => [plan.key, { plan, goals: [] as unknown[], indicators: [] as unknown[], periods: [] as unknown[] }]),
  );
  for (const goal of file.goals) byPlan.get(goal.plan)?.goals.push(goal);
  for (const indicator of file.indicators) byPlan.get(indicator.plan)?.indicators.push(indicator);
  for (const period of file.periods) byPlan.get(period.plan)?.periods.push(period);
  return new Map([...byPlan].map(([key, content]) => [key, createHash('sha256').update(stableJson(content)).digest('hex')]));
}

const CATALOG_STAMP = 'catalog';

interface SnapshotDocument {
  _id: string;
  revision: string;
  /** JSON text: FerretDB reads one string far faster than the same content as nested documents. */
  content: string;
}

const NOTHING: SyncCounts = { created: 0, updated: 0, unchanged: 0, archived: 0 };

function withUnchanged(counts: SyncCounts, unchanged: number): SyncCounts {
  return { ...counts, unchanged: counts.unchanged + unchanged };
}
