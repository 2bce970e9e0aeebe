import { PlanFileSchema } from '../../src/domain/plan-format';
import { normalizePlanFile } from '../../src/domain/plan-normalize';
import type { NormalizedPlanFile } from '../../src/domain/plan';
import type { ReportIndicatorAnswer, ReportInput, ReportGoalAnswer } from '../../src/domain/report-model';
import { parseOutcome } from '../../src/domain/values';
import type { Assessment } from '../../src/domain/vocabulary';
import { PLAN_FIXTURES, readJsonFixture } from './fixtures';

export function normalizedFixture(name: keyof typeof PLAN_FIXTURES): NormalizedPlanFile {
  const result = normalizePlanFile(PlanFileSchema.parse(readJsonFixture(PLAN_FIXTURES[name])));
  if (!result.ok) throw new Error(`fixture ${name} does not normalize`);
  return result.plan;
}

export interface TypedAnswer {
  typed: string;
  comment?: string;
  assessment?: Assessment | null;
}

/** Answers as owners type them, parsed like the goal form does; unparseable ones are left out. */
export function typedAnswers(
  plan: NormalizedPlanFile,
  answers: Record<string, TypedAnswer>,
  at = new Date('2026-05-04T09:00:00Z'),
): ReportIndicatorAnswer[] {
  const out: ReportIndicatorAnswer[] = [];
  for (const [key, answer] of Object.entries(answers)) {
    const indicator = plan.indicators.find((candidate) => candidate.key === key);
    if (!indicator) throw new Error(`no indicator ${key}`);
    const parsed = parseOutcome(answer.typed, indicator.valueType);
    if (!parsed.ok || parsed.value === null) continue;
    out.push({
      indicator: key,
      outcome: parsed.value,
      outcomeText: answer.typed,
      comment: answer.comment ?? '',
      assessment:
        answer.assessment === undefined ? (parsed.value.kind === 'not_available' ? 'not_measured' : 'achieved') : answer.assessment,
      author: indicator.owner,
      authorName: `Ägare ${indicator.owner.split('@')[0]}`,
      savedAt: at,
    });
  }
  return out;
}

/** A report input over a whole normalized plan file, for the period `code` (its earlier periods from `earlier`). */
export function reportInputOf(
  plan: NormalizedPlanFile,
  code: string,
  current: { indicators: ReportIndicatorAnswer[]; goals?: ReportGoalAnswer[] },
  more: { earlier?: Map<string, ReportIndicatorAnswer[]>; lastYear?: Map<string, ReportIndicatorAnswer>; state?: 'open' | 'closed' } = {},
): ReportInput {
  const first = plan.plans[0]!;
  const periods = plan.periods.filter((period) => period.plan === first.key).sort((a, b) => (a.opens < b.opens ? -1 : 1));
  const upTo = periods.slice(0, periods.findIndex((period) => period.code === code) + 1);
  return {
    summary: {
      units: plan.units,
      linkedUnits: plan.units.filter((unit) => unit.parent === null).map((unit) => unit.key),
      plans: plan.plans,
      goals: plan.goals,
      indicators: plan.indicators,
      periodCode: code,
      indicatorResponses: current.indicators,
      goalResponses: current.goals ?? [],
      previous: upTo.length > 1 ? { indicatorResponses: more.earlier?.get(upTo.at(-2)!.code) ?? [], goalResponses: [] } : null,
    },
    organisation: plan.organisation,
    periodLabel: upTo.at(-1)!.label,
    state: more.state ?? 'open',
    previousLabel: upTo.length > 1 ? upTo.at(-2)!.label : null,
    periods: upTo.map((period) => ({ code: period.code, label: period.label })),
    earlier: more.earlier ?? new Map(),
    lastYear: more.lastYear ?? new Map(),
    madeAt: new Date('2026-05-05T10:00:00Z'),
  };
}

export const HOSTILE_COMMENT = '<script>alert(1)</script> & "citat"';
export const FORMULA_COMMENT = '=HYPERLINK("http://evil.example","klicka")';

/** Norrbotten per DÅ08 with typed answers, a hostile comment, a formula-looking comment and history. */
export function sampleReportInput(): ReportInput {
  const plan = normalizedFixture('norrbotten');
  const current = typedAnswers(plan, {
    'NB-P2-G1-I1': { typed: '6,3%', comment: HOSTILE_COMMENT, assessment: 'not_achieved' },
    'NB-P2-G1-I2': { typed: '72%', comment: '+46 70 123 45 67' },
    'NB-P3-G1-I1': { typed: '-11,1 mnkr', comment: FORMULA_COMMENT, assessment: 'not_achieved' },
    'NB-P3-G1-I2': { typed: '98%', comment: '@SUM(A1)', assessment: 'partly' },
    'NB-P1-G1-I2': { typed: 'Ej tillgängligt', comment: 'Ny rutin för rapportering.' },
    'NB-P1-G1-I3': { typed: '21 707', comment: '-minus först' },
  });
  const earlier = new Map([
    [
      'DÅ04',
      typedAnswers(plan, { 'NB-P2-G1-I1': { typed: '5,1 %' }, 'NB-P2-G1-I2': { typed: '66 %' }, 'NB-P3-G1-I1': { typed: '-3,2 mnkr' } }),
    ],
  ]);
  const lastYear = new Map(typedAnswers(plan, { 'NB-P2-G1-I1': { typed: '5,4 %' } }).map((answer) => [answer.indicator, answer]));
  const goals: ReportGoalAnswer[] = [
    {
      goal: 'NB-P2-G1',
      assessment: 'not_achieved',
      analysis: `Analys ${HOSTILE_COMMENT}`,
      authorName: 'Peter Sandberg',
      savedAt: new Date('2026-09-02T08:00:00Z'),
    },
    { goal: 'NB-P3-G1', assessment: 'partly', analysis: FORMULA_COMMENT },
  ];
  return reportInputOf(plan, 'DÅ08', { indicators: current, goals }, { earlier, lastYear });
}
