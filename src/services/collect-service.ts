import { computeOwnerWork, unitSubtree, type GoalWork, type OwnerWork } from '../domain/owner-work';
import type { Goal, Period, Plan } from '../domain/plan';
import type { GoalResponse, IndicatorResponse } from '../domain/response';
import { readSubmission, type SubmissionResult } from '../domain/submission';
import { jobBatches, jobIds } from '../domain/job-ids';
import type { JobRepository, NewJob } from '../store/job-repository';
import { InboxPrompts } from './inbox-prompts';
import { PlanCache, type PlanContent } from './plan-cache';
import { Catalog, type CatalogContent } from './catalog';
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
  /** How the person writes numbers (their Teams language). */
  numberStyle?: 'sv' | 'en';
}

export type SaveResult =
  | { kind: 'refused'; reason: 'unknown_period' | 'period_not_open' | 'unknown_goal' | 'not_owner' }
  /** With the period, which says when and by whom it was closed. */
  | { kind: 'refused'; reason: 'period_closed'; period: Period }
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
  /** Units, plans and periods with their states, in memory behind the catalog stamp (shared with the summaries). */
  catalog?: Catalog;
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
  private readonly catalog: Catalog;
  private readonly prompts: InboxPrompts;
  /** Each period's plan, as learnt from the catalog. */
  private readonly planOfPeriod = new Map<string, string>();

  constructor(private readonly deps: CollectDeps) {
    this.cache = deps.cache ?? new PlanCache(deps.plans);
    this.catalog = deps.catalog ?? new Catalog(deps.plans);
    this.prompts = new InboxPrompts({ plans: deps.plans, jobs: deps.jobs, cache: this.cache, now: deps.now });
  }

  async workFor(email: string, periodId: string): Promise<PeriodWork | null> {
    return (await this.read(email, periodId))?.view ?? null;
  }

  /**
   * The person's work in a period, with the plan content it was computed from. The period and plan
   * come from the catalog in memory (one stamp lookup), the plan content from the plan cache (one
   * revision lookup, at the same time when this instance has seen the period before), then the
   * answers to the person's goals in this and the previous period, all at once, by equality only.
   */
  private async read(email: string, periodId: string): Promise<{ view: PeriodWork; content: PlanContent } | null> {
    const knownPlan = this.planOfPeriod.get(periodId);
    const [catalog, early] = await Promise.all([this.catalog.current(), knownPlan ? this.cache.get(knownPlan) : undefined]);
    const period = periodsById(catalog).get(periodId);
    if (!period) return null;
    const plan = catalog.plans.find((candidate) => candidate.key === period.plan);
    if (!plan) return null;
    // A period belongs to its plan for good (its id names the plan), so this never goes stale.
    this.planOfPeriod.set(periodId, plan.key);
    const content = early && knownPlan === plan.key ? early : await this.cache.get(plan.key);
    return { view: await this.workIn(email, period, plan, content), content };
  }

  /**
   * workFor with the period, its plan and the plan's content already read (a fan-out shares them):
   * first who owns what (no answers needed), then only those goals' answers, by equality only.
   */
  async workIn(email: string, period: Period, plan: Plan, content: PlanContent): Promise<PeriodWork> {
    const outline = computeOwnerWork({
      email,
      periodCode: period.code,
      goals: content.goals,
      indicators: content.indicators,
      indicatorResponses: [],
      goalResponses: [],
    });
    const indicatorKeys = new Set(outline.goals.flatMap((goal) => goal.indicators.map((item) => item.indicator.key)));
    const goalKeys = outline.goals.map((goal) => goal.goal.key);
    const earlier = earlierPeriod(period, content.periods);
    const [current, before] = await Promise.all([
      goalKeys.length > 0 ? this.deps.responses.listForGoals(period.id, goalKeys) : Promise.resolve(NO_ANSWERS),
      earlier && goalKeys.length > 0 ? this.deps.responses.listForGoals(earlier.id, goalKeys, false) : Promise.resolve(NO_ANSWERS),
    ]);
    const work = computeOwnerWork({
      email,
      periodCode: period.code,
      goals: content.goals,
      indicators: content.indicators,
      indicatorResponses: current.indicatorResponses.filter((response) => indicatorKeys.has(response.indicator)),
      goalResponses: current.goalResponses,
    });
    const previous = earlier
      ? {
          period: { ...earlier, state: 'closed' as const },
          responses: new Map(
            before.indicatorResponses.filter((response) => indicatorKeys.has(response.indicator)).map((r) => [r.indicator, r] as const),
          ),
        }
      : null;
    return { period, plan, work, previous };
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

  /** `by`: who closed them, as owners are told (a name, else the address). */
  async closePeriods(code: string, unitKey: string | null, by: string | null): Promise<Period[]> {
    const periods = await this.periodsFor(code, unitKey, ['draft', 'open']);
    const closed: Period[] = [];
    const now = this.deps.now();
    for (const period of periods) {
      if (await this.deps.plans.setPeriodState(period.id, ['draft', 'open'], 'closed', now, by))
        closed.push({ ...period, state: 'closed', closedAt: now, closedBy: by });
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
    const read = await this.read(person.email, periodId);
    if (!read) return { kind: 'refused', reason: 'unknown_period' };
    const { view, content } = read;
    if (view.period.state === 'closed') return { kind: 'refused', reason: 'period_closed', period: view.period };
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
        ...(options.numberStyle ? { numberStyle: options.numberStyle } : {}),
      },
    );
    if (!submission.ok) return { kind: 'invalid', view, goal: goalWork, submission, versions };
    const outcome = await this.write(person, view.period, goalWork.goal, goalWork, submission, versions);
    if (outcome.saved > 0) await this.deps.events?.answered(view.period);
    // Without a conflict the answers now stored are exactly the ones just written: the view is
    // brought up to date in memory instead of being read again (a conflict re-reads everything).
    const fresh =
      outcome.conflicts.length === 0
        ? this.withAnswers(person.email, view, content, outcome.latest, goalKey, outcome.latestGoal)
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
    const goalPlace = { goal: goal.key, plan: goal.plan, unit: goal.unit, perspective: goal.perspective, period: period.id };
    const indicators = work.indicators.flatMap((item) => {
      const answer = submission.indicators.get(item.indicator.key);
      if (!answer || (!item.response && isBlank(answer))) return [];
      return [
        {
          kind: 'indicator' as const,
          place: { ...goalPlace, indicator: item.indicator.key },
          answer,
          expectedVersion: versionOf(versions, item.indicator.key),
          // As read for this save's view a moment ago: not read again.
          known: item.response ?? null,
        },
      ];
    });
    const goalAnswer =
      submission.goal && (work.goalResponse || submission.goal.assessment !== null || submission.goal.analysis !== '')
        ? { place: goalPlace, answer: submission.goal, expectedVersion: versionOf(versions, goal.key), known: work.goalResponse ?? null }
        : null;
    const outcomes = await this.deps.responses.saveGoalAnswers(goalPlace, indicators, goalAnswer, author, now);
    outcomes.forEach(({ key, outcome }, index) => {
      const isGoal = goalAnswer !== null && index === outcomes.length - 1;
      if (outcome.status === 'conflict') conflicts.push(conflict(key, outcome.current));
      else if (isGoal) latestGoal = outcome.response as GoalResponse;
      else latest.set(key, outcome.response as IndicatorResponse);
      if (outcome.status === 'saved') saved += 1;
    });
    return { conflicts, saved, latest, latestGoal };
  }

  private withAnswers(
    email: string,
    view: PeriodWork,
    content: PlanContent,
    latest: ReadonlyMap<string, IndicatorResponse>,
    goalKey: string,
    latestGoal: GoalResponse | undefined,
  ): PeriodWork {
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

const NO_ANSWERS: { indicatorResponses: IndicatorResponse[]; goalResponses: GoalResponse[] } = {
  indicatorResponses: [],
  goalResponses: [],
};

/** The plan's period that opened last before this one ("förra perioden"), if any. */
function earlierPeriod(period: Period, periods: readonly Omit<Period, 'state'>[]): Omit<Period, 'state'> | undefined {
  return periods.filter((p) => p.opens < period.opens).sort((a, b) => (a.opens < b.opens ? 1 : -1))[0];
}

/** The catalog's periods by id, built once per catalog content. */
const periodIndexes = new WeakMap<CatalogContent, Map<string, Period>>();
function periodsById(catalog: CatalogContent): Map<string, Period> {
  let index = periodIndexes.get(catalog);
  if (!index) periodIndexes.set(catalog, (index = new Map(catalog.periods.map((period) => [period.id, period]))));
  return index;
}
