import type { Db } from 'mongodb';
import { performance } from 'node:perf_hooks';
import { summarizePeriod } from '../src/domain/aggregation';
import { PlanCache } from '../src/services/plan-cache';
import { SummaryService } from '../src/services/summary-service';
import { ChannelLinkRepository } from '../src/store/channel-link-repository';
import { COLLECTIONS } from '../src/store/indexes';
import { JobRepository } from '../src/store/job-repository';
import { PeopleRepository } from '../src/store/people-repository';
import { PlanRepository } from '../src/store/plan-repository';
import { ResponseRepository } from '../src/store/response-repository';
import { RollupRepository } from '../src/store/rollup-repository';
import { summaryReaders } from '../src/services/rollups';
import { summaryCard } from '../src/views/summary-view';
import { timed } from './measure';

const ASSESSMENTS = ['achieved', 'partly', 'not_achieved', 'not_measured'] as const;

/**
 * The management summary of a whole region: answers are seeded for 90 % of the indicators of the
 * helår period (every indicator is measured then), then the summary of the region board (every unit
 * below it) is loaded from the database, computed and rendered, as the summary job does.
 */
export async function benchSummary(db: Db): Promise<void> {
  const plans = new PlanRepository(db);
  const periods = (await plans.listPeriods()).filter((period) => period.code === 'ÅR');
  const planYear = (await plans.listPlans())[0]?.year ?? 2026;
  let seeded = 0;
  // One listing for all plans: FerretDB has no index on `plan`, so per-plan listings would each scan.
  const allIndicators = await plans.listIndicators(periods.map((period) => period.plan));
  const allGoals = await plans.listGoals(periods.map((period) => period.plan));
  for (const period of periods) {
    const indicators = allIndicators.filter((indicator) => indicator.plan === period.plan);
    const goals = allGoals.filter((goal) => goal.plan === period.plan);
    const now = new Date();
    const common = {
      plan: period.plan,
      unit: period.unit,
      period: period.id,
      author: 'bench@region.example',
      authorName: 'Bench',
      savedAt: now,
      createdAt: now,
      version: 1,
    };
    const answers = indicators
      .filter((_, index) => index % 10 !== 9)
      .map((indicator, index) => ({
        _id: `${indicator.key}|${period.id}`,
        indicator: indicator.key,
        goal: indicator.goal,
        perspective: indicator.perspective,
        outcome: { kind: 'number', value: index % 100 },
        outcomeText: String(index % 100),
        comment: index % 4 === 2 ? 'Lägre än målet, åtgärder pågår inom förvaltningen.' : '',
        assessment: ASSESSMENTS[index % 4],
        ...common,
      }));
    const goalAnswers = goals
      .filter((_, index) => index % 5 !== 4)
      .map((goal, index) => ({
        _id: `${goal.key}|${period.id}`,
        goal: goal.key,
        perspective: goal.perspective,
        assessment: ASSESSMENTS[index % 4],
        analysis: index % 4 === 2 ? 'Målet nås inte i år.' : '',
        ...common,
      }));
    for (let start = 0; start < answers.length; start += 500)
      await db.collection(COLLECTIONS.responses).insertMany(answers.slice(start, start + 500) as never[]);
    for (let start = 0; start < goalAnswers.length; start += 500)
      await db.collection(COLLECTIONS.goalResponses).insertMany(goalAnswers.slice(start, start + 500) as never[]);
    seeded += answers.length;
  }

  const responses = new ResponseRepository(db);
  const build = () => {
    const plansOfThis = new PlanRepository(db);
    return new SummaryService({
      plans: plansOfThis,
      responses,
      links: new ChannelLinkRepository(db),
      jobs: new JobRepository(db),
      people: new PeopleRepository(db),
      cache: new PlanCache(plansOfThis),
      ...summaryReaders(plansOfThis, responses, new RollupRepository(db)),
      now: () => new Date(),
      updateIntervalMs: 60_000,
    });
  };
  const ref = { code: 'ÅR', year: planYear };
  const endToEnd = async (service: SummaryService) => {
    const loaded = (await service.load(['R'], ref))!;
    const summary = summarizePeriod(loaded.input);
    const card = summaryCard(loaded, { locale: 'sv', timezone: 'Europe/Stockholm', now: new Date() });
    return { loaded, summary, bytes: Buffer.byteLength(JSON.stringify(card.card)) };
  };
  // The answers above were written straight into the collections, as an upgrade finds them: the
  // first load builds every period's roll-up and every plan's snapshot once.
  const first = await timed(() => endToEnd(build()));
  const cold = await timed(() => endToEnd(build()));
  const service = build();
  await endToEnd(service);
  const warmRuns: number[] = [];
  for (let run = 0; run < 5; run += 1) warmRuns.push((await timed(() => endToEnd(service))).ms);
  // One owner saves, then the summary is read again: the roll-up pass and one group re-read.
  const indicator = allIndicators.find((candidate) => candidate.plan === periods[0]!.plan)!;
  const period = periods[0]!;
  const place = {
    indicator: indicator.key,
    goal: indicator.goal,
    plan: period.plan,
    unit: period.unit,
    perspective: indicator.perspective,
    period: period.id,
  };
  const stored = (await responses.listIndicatorResponses(period.id, [indicator.key]))[0];
  await responses.saveIndicator(
    place,
    {
      outcome: { kind: 'number', value: 4711 },
      outcomeText: '4711',
      comment: 'Ändrat.',
      assessment: 'not_achieved',
      assessmentSource: 'owner',
    },
    stored?.version ?? 0,
    { email: 'bench@region.example', name: 'Bench' },
    new Date(),
  );
  const afterAnswer = await timed(() => endToEnd(service));
  const computeRuns: number[] = [];
  let summary = afterAnswer.value.summary;
  for (let run = 0; run < 10; run += 1) {
    const start = performance.now();
    summary = summarizePeriod(afterAnswer.value.loaded.input);
    computeRuns.push(performance.now() - start);
  }
  computeRuns.sort((a, b) => a - b);
  warmRuns.sort((a, b) => a - b);
  const loaded = afterAnswer.value.loaded;
  console.log(
    `Summary of the whole region (${loaded.input.indicators.length} indicators, ${loaded.input.goals.length} goals, ${seeded} answers, ${periods.length} plans), end to end: database → summary → card`,
  );
  console.log(`  first read after an upgrade (builds every roll-up and plan snapshot once): ${first.ms.toFixed(0)} ms`);
  console.log(`  cold (a new instance: nothing in memory):                                  ${cold.ms.toFixed(0)} ms`);
  console.log(
    `  warm (no answer since):                 median ${warmRuns[2]!.toFixed(0)} ms, max ${warmRuns.at(-1)!.toFixed(0)} ms over 5 runs`,
  );
  console.log(`  warm right after an answer was saved:   ${afterAnswer.ms.toFixed(0)} ms (roll-up pass + the group re-read)`);
  console.log(
    `  of which compute (pure summarizePeriod): median ${computeRuns[5]!.toFixed(0)} ms, max ${computeRuns.at(-1)!.toFixed(0)} ms over 10 runs`,
  );
  console.log(
    `  card: ${(afterAnswer.value.bytes / 1024).toFixed(1)} KB; ${summary.owners.answered} of ${summary.owners.total} owners answered, ${summary.totals.goals.not_achieved} red goals\n`,
  );
}
