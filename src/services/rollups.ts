import type { PlanRepository } from '../store/plan-repository';
import type { RollupFacts, RollupMark, RollupRepository } from '../store/rollup-repository';
import type { ResponseRepository } from '../store/response-repository';
import { Catalog, periodGroups } from './catalog';
import { forEachLimited } from '../domain/limited';

export interface RollupDeps {
  rollups: RollupRepository;
  responses: ResponseRepository;
  /** The roll-up group of each period id (see catalog.ts rollupGroup); periods not known are skipped. */
  groups: () => Promise<Map<string, string>>;
  onError?: (error: unknown) => void;
  /** How long after an answer the background roll-up runs, so a burst is rolled up once. */
  debounceMs?: number;
}

export interface PeriodInGroup {
  id: string;
  group: string;
}

/** Database operations a pass runs at once (see forEachLimited). */
const PARALLEL = 4;

/** A writer re-reads what it built from; after this many changes under its feet it leaves a mark for the next pass. */
const MAX_ATTEMPTS = 5;

/**
 * Summary roll-ups maintained on write. Every save leaves a mark (goal, period); a pass turns the
 * marks into per-goal roll-ups (from that goal's few answers) and per-period roll-ups (the merge of
 * its goals), each written whole and then checked against what it was built from, so that of two
 * concurrent writers the last one to finish always wrote from the latest state. A summary then
 * reads one small document per period instead of every answer, and keeps them in memory until the
 * group's stamp changes.
 */
export class RollupService {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly cache = new Map<string, { stamp: string; periods: Map<string, RollupFacts> }>();

  constructor(private readonly deps: RollupDeps) {}

  /** After an answer: roll up soon, in the background. */
  poke(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((error: unknown) => this.deps.onError?.(error));
    }, this.deps.debounceMs ?? 500);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Rolls up every pending mark; concurrent callers share one pass (and one more if marks came meanwhile). */
  async flush(): Promise<void> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    // A pass already under way may have read the marks before the caller's: everyone who arrives
    // now shares the one pass that starts when it ends.
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.flush();
      });
    return this.queued;
  }

  private async pass(): Promise<void> {
    const marks = await this.deps.rollups.pendingMarks();
    if (marks.length === 0) return;
    const groups = await this.deps.groups();
    const byPeriod = new Map<string, Set<string>>();
    for (const mark of marks) {
      if (!groups.has(mark.period)) continue;
      const goals = byPeriod.get(mark.period) ?? new Set<string>();
      goals.add(mark.goal);
      byPeriod.set(mark.period, goals);
    }
    const touched = new Set<string>();
    await forEachLimited(byPeriod, PARALLEL, async ([period, goals]) => {
      const group = groups.get(period)!;
      if (await this.deps.rollups.hasPeriod(period)) {
        await forEachLimited(goals, PARALLEL, (goal) => this.rollUpGoal(period, goal));
        await this.mergePeriod(period, group);
      } else await this.rebuildPeriod(period, group);
      touched.add(group);
    });
    for (const group of touched) await this.deps.rollups.renewGroupStamp(group);
    // Marks of periods no plan has any more are dropped with the rest.
    await this.deps.rollups.removeMarks(marks.map((mark: RollupMark) => mark.id));
  }

  private async rollUpGoal(period: string, goal: string): Promise<void> {
    let built = await this.deps.responses.goalFacts(period, goal);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      await this.deps.rollups.writeGoal(period, goal, built.facts);
      const now = await this.deps.responses.goalFacts(period, goal);
      if (now.signature === built.signature) return;
      built = now;
    }
    await this.deps.rollups.mark(period, goal, new Date());
  }

  private async mergePeriod(period: string, group: string): Promise<void> {
    let goals = await this.deps.rollups.goalsOf(period);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      await this.deps.rollups.writePeriod({ period, group, facts: merged(goals.map((goal) => goal.facts)) });
      const now = await this.deps.rollups.goalsOf(period);
      if (signatureOf(now) === signatureOf(goals)) return;
      goals = now;
    }
  }

  /** Every goal of the period from its answers, then the period (first use of a period, or `rebuild-summaries`). */
  async rebuildPeriod(period: string, group: string): Promise<void> {
    const byGoal = await this.deps.responses.periodFactsByGoal(period);
    await this.deps.rollups.writeGoals(period, byGoal);
    await this.mergePeriod(period, group);
  }

  /** Rebuilds every period's roll-ups from the answers; returns how many periods. */
  async rebuildAll(): Promise<number> {
    const groups = await this.deps.groups();
    for (const [period, group] of groups) await this.rebuildPeriod(period, group);
    for (const group of new Set(groups.values())) await this.deps.rollups.renewGroupStamp(group);
    return groups.size;
  }

  /**
   * The answers of these periods as a summary reads them: pending marks rolled up first, then the
   * groups' period roll-ups from memory, or from the database when the group's stamp changed.
   */
  async factsOf(periods: readonly PeriodInGroup[]): Promise<RollupFacts> {
    await this.flush();
    const out: RollupFacts = { indicatorResponses: [], goalResponses: [] };
    const byGroup = new Map<string, string[]>();
    for (const period of periods) byGroup.set(period.group, [...(byGroup.get(period.group) ?? []), period.id]);
    for (const [group, ids] of byGroup) {
      let facts = await this.groupFacts(group);
      const missing = ids.filter((id) => !facts.has(id));
      if (missing.length > 0) {
        // Periods never rolled up (answers from before roll-ups existed, or none yet) are built once.
        await forEachLimited(missing, PARALLEL, (id) => this.rebuildPeriod(id, group));
        await this.deps.rollups.renewGroupStamp(group);
        facts = await this.groupFacts(group);
      }
      for (const id of ids) {
        const period = facts.get(id);
        if (!period) continue;
        out.indicatorResponses.push(...period.indicatorResponses);
        out.goalResponses.push(...period.goalResponses);
      }
    }
    return out;
  }

  private async groupFacts(group: string): Promise<Map<string, RollupFacts>> {
    const stamp = await this.deps.rollups.groupStamp(group);
    const cached = this.cache.get(group);
    if (cached && stamp !== '' && cached.stamp === stamp) return cached.periods;
    const periods = new Map((await this.deps.rollups.periodsOf(group)).map((rollup) => [rollup.period, rollup.facts]));
    this.cache.set(group, { stamp, periods });
    return periods;
  }
}

function merged(parts: readonly RollupFacts[]): RollupFacts {
  return {
    indicatorResponses: parts.flatMap((part) => part.indicatorResponses),
    goalResponses: parts.flatMap((part) => part.goalResponses),
  };
}

function signatureOf(goals: readonly { goal: string; stamp: string }[]): string {
  return goals
    .map((goal) => `${goal.goal}@${goal.stamp}`)
    .sort()
    .join(',');
}

/** The catalog and roll-ups a SummaryService reads, made the one way the service, the CLI and the bench share. */
export function summaryReaders(
  plans: PlanRepository,
  responses: ResponseRepository,
  rollups: RollupRepository,
  onError?: (error: unknown) => void,
): { catalog: Catalog; rollups: RollupService } {
  const catalog = new Catalog(plans);
  return { catalog, rollups: new RollupService({ rollups, responses, groups: () => periodGroups(catalog), onError }) };
}
