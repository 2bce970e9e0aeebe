import { performance } from 'node:perf_hooks';
import type { IndicatorResponseFacts } from '../src/domain/aggregation';
import { PlanFileSchema } from '../src/domain/plan-format';
import { normalizePlanFile } from '../src/domain/plan-normalize';
import { buildReportModel, type ReportIndicatorAnswer } from '../src/domain/report-model';
import { renderReportDocx } from '../src/services/report-docx';
import { renderReportXlsx } from '../src/services/report-xlsx';
import { renderReportHtml } from '../src/views/report-html';
import { syntheticRegion } from './synthetic-region';

const ASSESSMENTS = ['achieved', 'partly', 'not_achieved', 'not_measured'] as const;

/**
 * The compiled report of a unit set of `goals` goals with five indicators each (default 1 000 /
 * 5 000, 20 units), per T2 with T1 behind it and 90 % answered: the model and each format timed
 * alone, RSS sampled throughout (issue 13's bound: < 5 s and < 300 MB for all three).
 */
export async function benchReport(goals = 1_000): Promise<void> {
  const region = syntheticRegion({ owners: goals, goalsPerOwner: 1, indicatorsPerGoal: 5, plans: Math.max(1, Math.round(goals / 50)) });
  const normalized = normalizePlanFile(PlanFileSchema.parse(region));
  if (!normalized.ok) throw new Error('synthetic region does not normalize');
  const plan = normalized.plan;
  const at = new Date('2026-09-05T08:00:00Z');
  const answer = (code: string, shift: number) =>
    plan.indicators
      .filter((indicator, index) => indicator.periods.includes(code) && index % 10 !== 9)
      .map((indicator, index): ReportIndicatorAnswer => ({
        indicator: indicator.key,
        outcome: index % 17 === 0 ? { kind: 'not_available' } : { kind: 'number', value: ((index + shift) % 1000) / 10 },
        outcomeText: `${((index + shift) % 1000) / 10} %`,
        comment: index % 4 === 2 ? 'Lägre än målet, åtgärder pågår inom förvaltningen; uppföljning sker i nästa tertial.' : '',
        assessment: ASSESSMENTS[index % 4]!,
        author: indicator.owner,
        authorName: indicator.owner,
        savedAt: at,
      }));
  const t1 = answer('T1', 7);
  const t2 = answer('T2', 0);
  const goalAnswers = plan.goals
    .filter((_, index) => index % 5 !== 4)
    .map((goal, index) => ({
      goal: goal.key,
      assessment: ASSESSMENTS[index % 4]!,
      analysis: index % 4 === 2 ? 'Målet nås inte i år.' : '',
      authorName: 'Chef',
      savedAt: at,
    }));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const model = buildReportModel({
    summary: {
      units: plan.units,
      linkedUnits: ['R'],
      plans: plan.plans,
      goals: plan.goals,
      indicators: plan.indicators,
      periodCode: 'T2',
      indicatorResponses: t2,
      goalResponses: goalAnswers,
      previous: { indicatorResponses: t1 as IndicatorResponseFacts[], goalResponses: [] },
    },
    organisation: plan.organisation,
    periodLabel: 'Tertial 2 2026',
    state: 'open',
    previousLabel: 'Tertial 1 2026',
    periods: [
      { code: 'T1', label: 'Tertial 1 2026' },
      { code: 'T2', label: 'Tertial 2 2026' },
    ],
    earlier: new Map([['T1', t1]]),
    lastYear: new Map(),
    madeAt: at,
  });
  const modelMs = performance.now() - started;
  const timings: string[] = [];
  for (const [format, render] of [
    ['DOCX', () => renderReportDocx(model, 'sv', 'Europe/Stockholm')],
    ['XLSX', () => renderReportXlsx(model, 'sv', 'Europe/Stockholm')],
    ['HTML', async () => Buffer.from(renderReportHtml(model, 'sv', 'Europe/Stockholm'))],
  ] as const) {
    const start = performance.now();
    const bytes = await render();
    timings.push(`${format} ${((performance.now() - start) / 1000).toFixed(2)} s, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
  }
  const total = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `Compiled report (${plan.goals.length} goals, ${plan.indicators.length} indicators, ${model.units.length} units, ${t2.length} answers in T2)`,
  );
  console.log(`  model: ${(modelMs / 1000).toFixed(2)} s; ${timings.join('; ')}`);
  console.log(
    `  all three formats: ${(total / 1000).toFixed(2)} s (bound 5 s), peak RSS ${Math.round(peak / 1024 / 1024)} MB (bound 300 MB)\n`,
  );
}
