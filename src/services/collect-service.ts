import { computeOwnerWork, unitSubtree, type GoalWork, type OwnerWork } from '../domain/owner-work';
import type { Goal, Period, Plan } from '../domain/plan';
import type { GoalResponse, IndicatorResponse } from '../domain/response';
import { readSubmission, type SubmissionResult } from '../domain/submission';
import { jobBatches, jobIds } from '../domain/job-ids';
import type { JobRepository, NewJob } from '../store/job-repository';
import { InboxPrompts } from './inbox-prompts';
import { PlanCache, type PlanContent } from './plan-cache';
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

/** One answer a save lost to a newer one: who saved that (null: nothing is stored), and whether it was the same person. */
export interface SaveConflict {
  key: string;
  by: string | null;
  mine: boolean;
}

/** What a save request carries besides the inputs (see SaveGoalData). */
export interface SaveOptions {
  /** Questioned values the person saves again, by indicator key: the outcome text they confirm. */
  confirmed?: Readonly<Record<string, string>>;
  /** Input ids whose value was longer than any input may be and was cut at the edge. */
  tooLong?: readonly string[];
}

export type SaveResult =
  | { kind: 'refused'; reason: 'unknown_period' | 'period_closed' | 'period_not_open' | 'unknown_goal' | 'not_owner' }
  /** `versions`: those the form was rendered from, kept so that the corrected form still conflicts with newer answers. */
  | { kind: 'invalid'; view: PeriodWork; goal: GoalWork; submission: SubmissionResult; versions: Readonly<Record<string, number>> }
  | { kind: 'conflict'; view: PeriodWork; goal: GoalWork; conflicts: SaveConflict[]; saved: number }
  | { kind: 'saved'; view: PeriodWork; goal: GoalWork; saved: number };

export interface OpenPreview {
  periods: Period[];
  plans: number;
  /** The periods' units by name, sorted. */
  units: string[];
  /** Every period is open already: only owners without their card get one. */
  alreadyOpen: boolean;
  /** Everyone with something to answer in the periods (e-mail), sorted. */
  owners: string[];
  /** Reachable owners whose card (for what it would cover) has not gone out: they get it now. */
  toSend: string[];
  /** Reachable owners who have that card already (sent, or on its way). */
  had: string[];
  /** Owners never seen in Teams or who removed the app: their names where known, else e-mail. */
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
  private readonly prompts: InboxPrompts;

  constructor(private readonly deps: CollectDeps) {
    this.cache = deps.cache ?? new PlanCache(deps.plans);
    this.prompts = new InboxPrompts({ plans: deps.plans, jobs: deps.jobs, cache: this.cache, now: deps.now });
  }

  async workFor(email: string, periodId: string): Promise<PeriodWork | null> {
    const period = await this.deps.plans.findPeriod(periodId);
    if (!period) return null;
    const plan = await this.deps.plans.findPlan(period.plan);
    if (!plan) return null;
    return this.workIn(email, period, plan, await this.cache.get(plan.key));
  }

  /** workFor with the period, its plan and the plan's content already read: only the person's answers are read. */
  async workIn(email: string, period: Period, plan: Plan, content: PlanContent): Promise<PeriodWork> {
    // First who owns what (no answers needed), then only those answers, fetched by _id.
    const outline = computeOwnerWork({
      email,
      periodCode: period.code,
      goals: content.goals,
      indicators: content.indicators,
      indicatorResponses: [],
      goalResponses: [],
    });
    const indicatorKeys = outline.goals.flatMap((goal) => goal.indicators.map((item) => item.indicator.key));
    const goalKeys = outline.goals.map((goal) => goal.goal.key);
    const [indicatorResponses, goalResponses] = await Promise.all([
      this.deps.responses.listIndicatorResponses(period.id, indicatorKeys),
      this.deps.responses.listGoalResponses(period.id, goalKeys),
    ]);
    const work = computeOwnerWork({
      email,
      periodCode: period.code,
      goals: content.goals,
      indicators: content.indicators,
      indicatorResponses,
      goalResponses,
    });
    return { period, plan, work, previous: await this.previousOf(period, content.periods, indicatorKeys) };
  }

  private async previousOf(
    period: Period,
    periods: readonly Omit<Period, 'state'>[],
    indicatorKeys: readonly string[],
  ): Promise<PeriodWork['previous']> {
    const earlier = periods.filter((p) => p.opens < period.opens).sort((a, b) => (a.opens < b.opens ? 1 : -1))[0];
    if (!earlier) return null;
    const responses = await this.deps.responses.listIndicatorResponses(earlier.id, indicatorKeys);
    return { period: { ...earlier, state: 'closed' }, responses: new Map(responses.map((r) => [r.indicator, r])) };
  }

  /**
   * The periods with this code (in the unit's subtree, if given) that can be opened, and what
   * confirming would do: who has work in them, who gets a card now, who has theirs already, and who
   * cannot be reached. The three groups are disjoint and add up to `owners`.
   */
  async previewOpen(code: string, unitKey: string | null): Promise<OpenPreview | null> {
    const periods = await this.periodsFor(code, unitKey, ['draft', 'open']);
    if (periods.length === 0) return null;
    const planned = await this.prompts.plan(periods);
    const owners = [...new Set(planned.map((prompt) => prompt.email))].sort();
    const [people, existing, units] = await Promise.all([
      this.deps.people.findByEmails(owners),
      this.prompts.existing(planned),
      this.deps.plans.listUnits(),
    ]);
    const reachable = new Set(people.filter((p) => p.reachable && p.aadObjectId).map((p) => p.email));
    const names = new Map(people.map((p) => [p.email, p.name ?? p.email]));
    const waiting = new Set(
      planned.filter((prompt) => !existing.has(jobIds.prompt(prompt.ref, prompt.email, prompt.cover))).map((prompt) => prompt.email),
    );
    const unitNames = new Map(units.map((unit) => [unit.key, unit.name]));
    return {
      periods,
      plans: new Set(periods.map((period) => period.plan)).size,
      units: [...new Set(periods.map((period) => unitNames.get(period.unit) ?? period.unit))].sort((a, b) => a.localeCompare(b, 'sv')),
      alreadyOpen: periods.every((period) => period.state === 'open'),
      owners,
      toSend: owners.filter((owner) => reachable.has(owner) && waiting.has(owner)),
      had: owners.filter((owner) => reachable.has(owner) && !waiting.has(owner)),
      unreachable: owners.filter((owner) => !reachable.has(owner)).map((owner) => names.get(owner) ?? owner),
    };
  }

  /**
   * Opens the periods and enqueues one inbox card per owner and inbox (code and year, across plans;
   * see InboxPrompts). Idempotent: opening again enqueues nothing for cards already sent. Periods
   * that open together are planned together, so an owner in several of them gets one card.
   */
  async openPeriods(periods: readonly Period[]): Promise<{ opened: number; openedIds: string[]; enqueued: number }> {
    const now = this.deps.now();
    const openedIds: string[] = [];
    const open: Period[] = [];
    for (const period of periods) {
      if (await this.deps.plans.setPeriodState(period.id, ['draft'], 'open', now)) openedIds.push(period.id);
      const current = await this.deps.plans.findPeriod(period.id);
      if (current?.state === 'open') open.push(current);
    }
    const enqueued = await this.prompts.enqueue(await this.prompts.plan(open), now);
    if (open.length > 0) await this.deps.events?.opened(open);
    return { opened: openedIds.length, openedIds, enqueued };
  }

  /** Someone installed the app while periods are open: the inbox cards they missed (see InboxPrompts.afterInstall). */
  promptAfterInstall(email: string): Promise<{ due: number; created: number }> {
    return this.prompts.afterInstall(email);
  }

  /**
   * Opens closed periods again (a coordinator's confirmed `öppna period` on a closed one): every owner
   * gets a fresh inbox card, once per reopening (`issued`), and the summaries follow.
   */
  async reopenPeriods(periods: readonly Period[], issued: string): Promise<{ reopened: Period[]; enqueued: number }> {
    const now = this.deps.now();
    const reopened: Period[] = [];
    for (const period of periods) {
      if (await this.deps.plans.setPeriodState(period.id, ['closed'], 'open', now)) reopened.push({ ...period, state: 'open' });
    }
    // One fresh card per owner and inbox (however many of its plans were reopened), once per reopening.
    const planned = await this.prompts.plan(reopened);
    const jobs = planned.map((prompt): NewJob => ({
      id: jobIds.reopenedPrompt(prompt.ref, prompt.email, issued),
      kind: 'prompt',
      batch: jobBatches.reopenedPrompt(prompt.ref),
      payload: { period: prompt.period, email: prompt.email },
      runAt: now,
    }));
    const enqueued = jobs.length > 0 ? (await this.deps.jobs.enqueueMany(jobs, now)).created : 0;
    if (reopened.length > 0) await this.deps.events?.opened(reopened);
    return { reopened, enqueued };
  }

  /** How many owners have something to answer in these periods (for a confirmation). */
  async ownerCount(periods: readonly Period[]): Promise<number> {
    return new Set((await this.prompts.plan(periods)).map((prompt) => prompt.email)).size;
  }

  async closePeriods(code: string, unitKey: string | null): Promise<Period[]> {
    const periods = await this.periodsFor(code, unitKey, ['draft', 'open']);
    const closed: Period[] = [];
    for (const period of periods) {
      if (await this.deps.plans.setPeriodState(period.id, ['draft', 'open'], 'closed', this.deps.now()))
        closed.push({ ...period, state: 'closed' });
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
  async save(
    person: Person,
    periodId: string,
    goalKey: string,
    fields: Readonly<Record<string, unknown>>,
    versions: Readonly<Record<string, number>>,
    options: SaveOptions = {},
  ): Promise<SaveResult> {
    const view = await this.workFor(person.email, periodId);
    if (!view) return { kind: 'refused', reason: 'unknown_period' };
    if (view.period.state === 'closed') return { kind: 'refused', reason: 'period_closed' };
    if (view.period.state !== 'open') return { kind: 'refused', reason: 'period_not_open' };
    const goalWork = view.work.goals.find((g) => g.goal.key === goalKey);
    if (!goalWork)
      return (await this.deps.plans.findGoal(goalKey))
        ? { kind: 'refused', reason: 'not_owner' }
        : { kind: 'refused', reason: 'unknown_goal' };

    // Only what the form showed is read: a paged form must not blank the indicators of other pages.
    const shown = new Set(Object.keys(versions));
    const editable = goalWork.indicators.filter((item) => item.editable && shown.has(item.indicator.key)).map((item) => item.indicator);
    const submission = readSubmission(
      fields,
      editable,
      { key: goalKey, editable: goalWork.goalEditable && shown.has(goalKey) },
      {
        tolerance: this.deps.tolerance,
        stored: new Map(goalWork.indicators.flatMap((item) => (item.response ? [[item.indicator.key, item.response] as const] : []))),
        previous: new Map(
          [...(view.previous?.responses.values() ?? [])].flatMap((r) => (r.outcome ? [[r.indicator, r.outcome] as const] : [])),
        ),
        ...(options.confirmed ? { confirmed: options.confirmed } : {}),
        tooLong: new Set(options.tooLong ?? []),
      },
    );
    if (!submission.ok) return { kind: 'invalid', view, goal: goalWork, submission, versions };
    const outcome = await this.write(person, view.period, goalWork.goal, goalWork, submission, versions);
    if (outcome.saved > 0) await this.deps.events?.answered(view.period);
    // Without a conflict the answers now stored are exactly the ones just written: the view is
    // brought up to date in memory instead of being read again (a conflict re-reads everything).
    const fresh =
      outcome.conflicts.length === 0
        ? await this.withAnswers(person.email, view, outcome.latest, goalKey, outcome.latestGoal)
        : ((await this.workFor(person.email, periodId)) ?? view);
    const freshGoal = fresh.work.goals.find((g) => g.goal.key === goalKey) ?? goalWork;
    return outcome.conflicts.length > 0
      ? { kind: 'conflict', view: fresh, goal: freshGoal, conflicts: outcome.conflicts, saved: outcome.saved }
      : { kind: 'saved', view: fresh, goal: freshGoal, saved: outcome.saved };
  }

  private async write(
    person: Person,
    period: Period,
    goal: Goal,
    work: GoalWork,
    submission: SubmissionResult,
    versions: Readonly<Record<string, number>>,
  ) {
    const now = this.deps.now();
    const author = { email: person.email, name: person.name ?? person.email };
    const conflicts: SaveConflict[] = [];
    const conflict = (key: string, current: { author: string; authorName: string } | null): SaveConflict => ({
      key,
      by: current?.authorName ?? null,
      mine: current?.author === person.email,
    });
    const latest = new Map<string, IndicatorResponse>();
    let latestGoal: GoalResponse | undefined;
    let saved = 0;
    for (const item of work.indicators) {
      const answer = submission.indicators.get(item.indicator.key);
      if (!answer || (!item.response && isBlank(answer))) continue;
      const place = {
        indicator: item.indicator.key,
        goal: goal.key,
        plan: goal.plan,
        unit: goal.unit,
        perspective: goal.perspective,
        period: period.id,
      };
      const result = await this.deps.responses.saveIndicator(place, answer, versionOf(versions, item.indicator.key), author, now);
      if (result.status === 'conflict') conflicts.push(conflict(item.indicator.key, result.current));
      else latest.set(item.indicator.key, result.response);
      if (result.status === 'saved') saved += 1;
    }
    if (submission.goal && (work.goalResponse || submission.goal.assessment !== null || submission.goal.analysis !== '')) {
      const place = { goal: goal.key, plan: goal.plan, unit: goal.unit, perspective: goal.perspective, period: period.id };
      const result = await this.deps.responses.saveGoal(place, submission.goal, versionOf(versions, goal.key), author, now);
      if (result.status === 'conflict') conflicts.push(conflict(goal.key, result.current));
      else latestGoal = result.response;
      if (result.status === 'saved') saved += 1;
    }
    return { conflicts, saved, latest, latestGoal };
  }

  private async withAnswers(
    email: string,
    view: PeriodWork,
    latest: ReadonlyMap<string, IndicatorResponse>,
    goalKey: string,
    latestGoal: GoalResponse | undefined,
  ): Promise<PeriodWork> {
    const content = await this.cache.get(view.plan.key);
    const indicatorResponses = view.work.goals
      .flatMap((g) => g.indicators.map((item) => latest.get(item.indicator.key) ?? item.response))
      .filter((r): r is IndicatorResponse => r !== undefined);
    const goalResponses = view.work.goals
      .map((g) => (g.goal.key === goalKey ? (latestGoal ?? g.goalResponse) : g.goalResponse))
      .filter((r): r is GoalResponse => r !== undefined);
    return {
      ...view,
      work: computeOwnerWork({
        email,
        periodCode: view.period.code,
        goals: content.goals,
        indicators: content.indicators,
        indicatorResponses,
        goalResponses,
      }),
    };
  }
}

function isBlank(answer: { outcome: unknown; comment: string; assessment: unknown }): boolean {
  return answer.outcome === null && answer.comment === '' && answer.assessment === null;
}

/** The version a form was rendered from; only the payload's own keys count (never an inherited property). */
function versionOf(versions: Readonly<Record<string, number>>, key: string): number {
  return Object.hasOwn(versions, key) ? (versions[key] ?? 0) : 0;
}
