import { computeOwnerWork, ownersInPeriod, unitSubtree, type GoalWork, type OwnerWork } from '../domain/owner-work';
import type { Goal, Period, Plan } from '../domain/plan';
import type { GoalResponse, IndicatorResponse } from '../domain/response';
import { readSubmission, type SubmissionResult } from '../domain/submission';
import { jobBatches, jobIds } from '../domain/job-ids';
import type { JobRepository, NewJob } from '../store/job-repository';
import { PlanCache } from './plan-cache';
import type { Person, PeopleRepository } from '../store/people-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { ResponseRepository } from '../store/response-repository';

export interface PeriodWork {
  period: Period;
  plan: Plan;
  work: OwnerWork;
  /** The previous period of the same plan (by opening date), for "förra perioden". */
  previous: { period: Period; responses: Map<string, IndicatorResponse> } | null;
}

export type SaveResult =
  | { kind: 'refused'; reason: 'unknown_period' | 'period_closed' | 'period_not_open' | 'unknown_goal' | 'not_owner' }
  | { kind: 'invalid'; view: PeriodWork; goal: GoalWork; submission: SubmissionResult }
  | { kind: 'conflict'; view: PeriodWork; goal: GoalWork; conflicts: { key: string; by: string }[]; saved: number }
  | { kind: 'saved'; view: PeriodWork; goal: GoalWork; saved: number };

export interface OpenPreview {
  periods: Period[];
  plans: number;
  owners: string[];
  unreachable: string[];
}

export interface CollectDeps {
  plans: PlanRepository;
  responses: ResponseRepository;
  people: PeopleRepository;
  jobs: JobRepository;
  now: () => Date;
  tolerance: number;
  /** Shared with the summaries, so that plan content is held in memory once. */
  cache?: PlanCache;
  /** Told after periods open or close and after an answer is stored (summaries follow them); must not throw. */
  events?: CollectEvents;
}

export interface CollectEvents {
  opened(periods: readonly Period[]): Promise<void>;
  closed(periods: readonly Period[]): Promise<void>;
  answered(period: Period): Promise<void>;
}

/** The collect-outcomes use cases: what an owner must answer, opening and closing periods, saving. */
export class CollectService {
  private readonly cache: PlanCache;

  constructor(private readonly deps: CollectDeps) {
    this.cache = deps.cache ?? new PlanCache(deps.plans);
  }

  async workFor(email: string, periodId: string): Promise<PeriodWork | null> {
    const period = await this.deps.plans.findPeriod(periodId);
    if (!period) return null;
    const plan = await this.deps.plans.findPlan(period.plan);
    if (!plan) return null;
    const content = await this.cache.get(plan.key);
    // First who owns what (no answers needed), then only those answers, fetched by _id.
    const outline = computeOwnerWork({ email, periodCode: period.code, goals: content.goals, indicators: content.indicators, indicatorResponses: [], goalResponses: [] });
    const indicatorKeys = outline.goals.flatMap((goal) => goal.indicators.map((item) => item.indicator.key));
    const goalKeys = outline.goals.map((goal) => goal.goal.key);
    const [indicatorResponses, goalResponses] = await Promise.all([
      this.deps.responses.listIndicatorResponses(period.id, indicatorKeys),
      this.deps.responses.listGoalResponses(period.id, goalKeys),
    ]);
    const work = computeOwnerWork({ email, periodCode: period.code, goals: content.goals, indicators: content.indicators, indicatorResponses, goalResponses });
    return { period, plan, work, previous: await this.previousOf(period, content.periods, indicatorKeys) };
  }

  private async previousOf(period: Period, periods: readonly Omit<Period, 'state'>[], indicatorKeys: readonly string[]): Promise<PeriodWork['previous']> {
    const earlier = periods.filter((p) => p.opens < period.opens).sort((a, b) => (a.opens < b.opens ? 1 : -1))[0];
    if (!earlier) return null;
    const responses = await this.deps.responses.listIndicatorResponses(earlier.id, indicatorKeys);
    return { period: { ...earlier, state: 'closed' }, responses: new Map(responses.map((r) => [r.indicator, r])) };
  }

  /** The periods with this code (in the unit's subtree, if given) that can be opened, and who would get a prompt. */
  async previewOpen(code: string, unitKey: string | null): Promise<OpenPreview | null> {
    const periods = await this.periodsFor(code, unitKey, ['draft', 'open']);
    if (periods.length === 0) return null;
    const planKeys = [...new Set(periods.map((p) => p.plan))];
    const owners = new Set<string>();
    const contents = await this.cache.getMany(periods.map((period) => period.plan));
    for (const period of periods) {
      const content = contents.get(period.plan)!;
      ownersInPeriod(content.goals, content.indicators, period.code).forEach((owner) => owners.add(owner));
    }
    const people = await this.deps.people.findByEmails([...owners]);
    const reachable = new Set(people.filter((p) => p.reachable && p.aadObjectId).map((p) => p.email));
    const sorted = [...owners].sort();
    return { periods, plans: planKeys.length, owners: sorted, unreachable: sorted.filter((owner) => !reachable.has(owner)) };
  }

  /**
   * Opens the periods and enqueues one prompt job per (period, owner). Idempotent: opening again
   * enqueues nothing new for those already prompted (the job id is the dedupe key).
   */
  async openPeriods(periods: readonly Period[]): Promise<{ opened: number; enqueued: number }> {
    const now = this.deps.now();
    let opened = 0;
    let enqueued = 0;
    const open: Period[] = [];
    const contents = await this.cache.getMany(periods.map((period) => period.plan));
    for (const period of periods) {
      if (await this.deps.plans.setPeriodState(period.id, ['draft'], 'open', now)) opened += 1;
      const current = await this.deps.plans.findPeriod(period.id);
      if (current?.state !== 'open') continue;
      open.push(current);
      const content = contents.get(period.plan)!;
      const owners = [...ownersInPeriod(content.goals, content.indicators, period.code)].sort();
      const result = await this.deps.jobs.enqueueMany(
        owners.map((email): NewJob => ({ id: jobIds.prompt(period.id, email), kind: 'prompt', batch: jobBatches.prompt(period.id), payload: { period: period.id, email }, runAt: now })),
        now,
      );
      enqueued += result.created;
    }
    if (open.length > 0) await this.deps.events?.opened(open);
    return { opened, enqueued };
  }

  /**
   * Someone installed the app while periods are open: they get the inbox cards they missed (their
   * prompt failed as "not installed", or they were added to the plan after the period opened).
   * Once per (period, person): a delivered prompt is not repeated, one on its way is not doubled
   * (concurrent install events compute the same job id), and one that failed is tried again under
   * the next id of its chain. `due`: periods whose card is on its way after this call.
   */
  async promptAfterInstall(email: string): Promise<{ due: number; created: number }> {
    const now = this.deps.now();
    const open = (await this.deps.plans.listPeriods()).filter((period) => period.state === 'open');
    const jobs: NewJob[] = [];
    let due = 0;
    const contents = await this.cache.getMany(open.map((period) => period.plan));
    for (const period of open) {
      const content = contents.get(period.plan)!;
      if (!ownersInPeriod(content.goals, content.indicators, period.code).has(email)) continue;
      const next = await this.nextPromptAfterInstall(period, email);
      if (next === 'delivered') continue;
      due += 1;
      // Its own batch, so the opener's "N kort skickade" report counts the fan-out only.
      if (next !== 'on-its-way') jobs.push({ id: next, kind: 'prompt', batch: jobBatches.latePrompt(period.id), payload: { period: period.id, email }, runAt: now });
    }
    const created = jobs.length > 0 ? (await this.deps.jobs.enqueueMany(jobs, now)).created : 0;
    return { due, created };
  }

  /** The first prompt, then prompt-late:…, :2, :3 …: delivered, on its way, or the id to try next. */
  private async nextPromptAfterInstall(period: Period, email: string): Promise<'delivered' | 'on-its-way' | string> {
    const late = [1, 2, 3, 4, 5].map((round) => jobIds.latePrompt(period.id, email, round));
    const chain = [jobIds.prompt(period.id, email), ...late];
    for (const id of chain) {
      const job = await this.deps.jobs.find(id);
      if (!job) return id === chain[0] ? late[0]! : id;
      if (job.state === 'done') return 'delivered';
      if (job.state !== 'failed') return 'on-its-way';
    }
    return 'delivered'; // Five failed attempts: stop; `status` still shows the card on request.
  }

  async closePeriods(code: string, unitKey: string | null): Promise<Period[]> {
    const periods = await this.periodsFor(code, unitKey, ['draft', 'open']);
    const closed: Period[] = [];
    for (const period of periods) {
      if (await this.deps.plans.setPeriodState(period.id, ['draft', 'open'], 'closed', this.deps.now())) closed.push({ ...period, state: 'closed' });
    }
    if (closed.length > 0) await this.deps.events?.closed(closed);
    return closed;
  }

  async periodsFor(code: string, unitKey: string | null, states: readonly Period['state'][]): Promise<Period[]> {
    const all = await this.deps.plans.listPeriods();
    const units = unitKey ? unitSubtree(await this.deps.plans.listUnits(), unitKey) : null;
    const folded = code.toLocaleUpperCase('sv-SE');
    return all.filter((p) => p.code.toLocaleUpperCase('sv-SE') === folded && states.includes(p.state) && (!units || units.has(p.unit)));
  }

  /** Saves a goal form: validated, authorised per indicator, optimistic per response. */
  async save(person: Person, periodId: string, goalKey: string, fields: Readonly<Record<string, unknown>>, versions: Readonly<Record<string, number>>): Promise<SaveResult> {
    const view = await this.workFor(person.email, periodId);
    if (!view) return { kind: 'refused', reason: 'unknown_period' };
    if (view.period.state === 'closed') return { kind: 'refused', reason: 'period_closed' };
    if (view.period.state !== 'open') return { kind: 'refused', reason: 'period_not_open' };
    const goalWork = view.work.goals.find((g) => g.goal.key === goalKey);
    if (!goalWork) return (await this.deps.plans.findGoal(goalKey)) ? { kind: 'refused', reason: 'not_owner' } : { kind: 'refused', reason: 'unknown_goal' };

    // Only what the form showed is read: a paged form must not blank the indicators of other pages.
    const shown = new Set(Object.keys(versions));
    const editable = goalWork.indicators.filter((item) => item.editable && shown.has(item.indicator.key)).map((item) => item.indicator);
    const submission = readSubmission(fields, editable, { key: goalKey, editable: goalWork.goalEditable && shown.has(goalKey) }, this.deps.tolerance);
    if (!submission.ok) return { kind: 'invalid', view, goal: goalWork, submission };
    const outcome = await this.write(person, view.period, goalWork.goal, goalWork, submission, versions);
    if (outcome.saved > 0) await this.deps.events?.answered(view.period);
    // Without a conflict the answers now stored are exactly the ones just written: the view is
    // brought up to date in memory instead of being read again (a conflict re-reads everything).
    const fresh = outcome.conflicts.length === 0 ? await this.withAnswers(person.email, view, outcome.latest, goalKey, outcome.latestGoal) : ((await this.workFor(person.email, periodId)) ?? view);
    const freshGoal = fresh.work.goals.find((g) => g.goal.key === goalKey) ?? goalWork;
    return outcome.conflicts.length > 0
      ? { kind: 'conflict', view: fresh, goal: freshGoal, conflicts: outcome.conflicts, saved: outcome.saved }
      : { kind: 'saved', view: fresh, goal: freshGoal, saved: outcome.saved };
  }

  private async write(person: Person, period: Period, goal: Goal, work: GoalWork, submission: SubmissionResult, versions: Readonly<Record<string, number>>) {
    const now = this.deps.now();
    const author = { email: person.email, name: person.name ?? person.email };
    const conflicts: { key: string; by: string }[] = [];
    const latest = new Map<string, IndicatorResponse>();
    let latestGoal: GoalResponse | undefined;
    let saved = 0;
    for (const item of work.indicators) {
      const answer = submission.indicators.get(item.indicator.key);
      if (!answer || (!item.response && isBlank(answer))) continue;
      const place = { indicator: item.indicator.key, goal: goal.key, plan: goal.plan, unit: goal.unit, perspective: goal.perspective, period: period.id };
      const result = await this.deps.responses.saveIndicator(place, answer, versionOf(versions, item.indicator.key), author, now);
      if (result.status === 'conflict') conflicts.push({ key: item.indicator.key, by: result.current.authorName });
      else latest.set(item.indicator.key, result.response);
      if (result.status === 'saved') saved += 1;
    }
    if (submission.goal && (work.goalResponse || submission.goal.assessment !== null || submission.goal.analysis !== '')) {
      const place = { goal: goal.key, plan: goal.plan, unit: goal.unit, perspective: goal.perspective, period: period.id };
      const result = await this.deps.responses.saveGoal(place, submission.goal, versionOf(versions, goal.key), author, now);
      if (result.status === 'conflict') conflicts.push({ key: goal.key, by: (result.current as GoalResponse).authorName });
      else latestGoal = result.response;
      if (result.status === 'saved') saved += 1;
    }
    return { conflicts, saved, latest, latestGoal };
  }

  private async withAnswers(email: string, view: PeriodWork, latest: ReadonlyMap<string, IndicatorResponse>, goalKey: string, latestGoal: GoalResponse | undefined): Promise<PeriodWork> {
    const content = await this.cache.get(view.plan.key);
    const indicatorResponses = view.work.goals.flatMap((g) => g.indicators.map((item) => latest.get(item.indicator.key) ?? item.response)).filter((r): r is IndicatorResponse => r !== undefined);
    const goalResponses = view.work.goals.map((g) => (g.goal.key === goalKey ? (latestGoal ?? g.goalResponse) : g.goalResponse)).filter((r): r is GoalResponse => r !== undefined);
    return { ...view, work: computeOwnerWork({ email, periodCode: view.period.code, goals: content.goals, indicators: content.indicators, indicatorResponses, goalResponses }) };
  }
}

function isBlank(answer: { outcome: unknown; comment: string; assessment: unknown }): boolean {
  return answer.outcome === null && answer.comment === '' && answer.assessment === null;
}


/** The version a form was rendered from; only the payload's own keys count (never an inherited property). */
function versionOf(versions: Readonly<Record<string, number>>, key: string): number {
  return Object.hasOwn(versions, key) ? (versions[key] ?? 0) : 0;
}
