import type { Comparison } from './comparison';
import {
  summarizePeriod,
  type BucketCounts,
  type Bucket,
  type IndicatorResponseFacts,
  type PerspectiveSummary,
  type SummarizePeriodInput,
} from './aggregation';
import { computeMeasurability, type Measurability } from './measurability';
import { unitsUnder } from './owner-work';
import type { Goal, Indicator, PeriodState, Plan } from './plan';
import { MISSING_VALUE, NOT_IN_PERIOD, planValue, reportValue, type ReportValue } from './report-value';
import type { GoalResponse, IndicatorResponse } from './response';

export type { ReportValue } from './report-value';

/** An indicator answer as the report needs it: the summary's facts plus who saved it and when. */
export type ReportIndicatorAnswer = IndicatorResponseFacts &
  Partial<Pick<IndicatorResponse, 'outcomeText' | 'author' | 'authorName' | 'savedAt'>>;
export type ReportGoalAnswer = Pick<GoalResponse, 'goal' | 'assessment' | 'analysis'> &
  Partial<Pick<GoalResponse, 'author' | 'authorName' | 'savedAt'>>;

export interface ReportPeriod {
  code: string;
  label: string;
}

export interface ReportInput {
  /** Exactly what the channel summary computes from (`LoadedSummary.input`), with the answers of the period. */
  summary: Omit<SummarizePeriodInput, 'plans' | 'indicatorResponses' | 'goalResponses'> & {
    indicatorResponses: readonly ReportIndicatorAnswer[];
    goalResponses: readonly ReportGoalAnswer[];
    /** With their areas, for the report's headings. */
    plans: readonly Pick<Plan, 'key' | 'unit' | 'perspectives'>[];
  };
  organisation: string;
  periodLabel: string;
  state: PeriodState;
  previousLabel: string | null;
  /** The plan's periods up to and including this one, in order (DÅ04 → DÅ08 → ÅR). */
  periods: readonly ReportPeriod[];
  /** The indicator answers of the earlier periods, by period code. */
  earlier: ReadonlyMap<string, readonly ReportIndicatorAnswer[]>;
  /** Last year's answers of the same period, by indicator key (answers to the same key in last year's plan). */
  lastYear: ReadonlyMap<string, ReportIndicatorAnswer>;
  madeAt: Date;
}

export interface ReportModel {
  cover: {
    organisation: string;
    units: { key: string; name: string }[];
    periodCode: string;
    periodLabel: string;
    /** Draft while the period is open (or not yet opened); final once it is closed. */
    final: boolean;
    madeAt: Date;
  };
  summary: ReportSummary;
  /** The periods of the trend columns, oldest first; the last one is the report's period. */
  periods: ReportPeriod[];
  units: ReportUnit[];
  measurability: Measurability;
}

export interface ReportSummary {
  owners: { total: number; answered: number };
  responseRate: number;
  perspectives: PerspectiveSummary[];
  totals: { goals: BucketCounts; indicators: BucketCounts };
  previousLabel: string | null;
  /** Like with like against the previous period, as the channel summary says it. */
  comparison: Comparison | null;
  redGoals: ReportRedGoal[];
  missingOwners: string[];
}

export interface ReportRedGoal {
  goalKey: string;
  title: string;
  unitName: string;
  perspective: string;
  assessment: Bucket;
  analysis: string;
  /** The goal's red indicators with their numbers. */
  indicators: { name: string; outcome: ReportValue; target: ReportValue | null; comment: string }[];
}

export interface ReportUnit {
  key: string;
  name: string;
  perspectives: { name: string; areas: ReportArea[] }[];
}

export interface ReportArea {
  /** null for goals placed directly under the perspective. */
  name: string | null;
  goals: ReportGoal[];
}

export interface ReportGoal {
  key: string;
  title: string;
  owners: string[];
  assessment: Bucket;
  analysis: string;
  savedBy: string | null;
  savedAt: Date | null;
  indicators: ReportIndicator[];
}

export interface ReportIndicator {
  key: string;
  name: string;
  owner: string;
  /** Period codes it is measured in; `outcome.state` is `not_in_period` when this period is not one. */
  measuredIn: string[];
  outcome: ReportValue;
  /** What the owner typed, verbatim ('' when nothing). */
  typed: string;
  target: ReportValue | null;
  comment: string;
  /** null when it is not measured in this period. */
  assessment: Bucket | null;
  previous: ReportValue | null;
  /** One value per `ReportModel.periods`, the last being this period's. */
  trend: ReportValue[];
  lastYear: ReportValue | null;
  savedBy: string | null;
  savedAt: Date | null;
}

/**
 * The compiled follow-up report (issue 13) from the same input as the channel summary: the counts,
 * response rate, change and red goals come from `summarizePeriod` itself, so the report and the
 * card cannot disagree. Every red goal is listed (no card-size limit). Pure; `madeAt` is passed in.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const source = input.summary;
  const summary = summarizePeriod({ ...source, redLimit: source.goals.length });
  const scope = unitsUnder(source.units, source.linkedUnits);
  const goals = source.goals.filter((goal) => !goal.archived && scope.has(goal.unit));
  const goalKeys = new Set(goals.map((goal) => goal.key));
  const indicators = source.indicators.filter((indicator) => !indicator.archived && goalKeys.has(indicator.goal));
  const answers = byKey(source.indicatorResponses, (answer) => answer.indicator);
  const goalAnswers = byKey(source.goalResponses, (answer) => answer.goal);
  const earlier = new Map([...input.earlier].map(([code, list]) => [code, byKey(list, (answer) => answer.indicator)]));
  const periods = [...input.periods];
  const previousCode = periods.length > 1 ? periods[periods.length - 2]!.code : null;
  const toIndicator = (indicator: Indicator): ReportIndicator => {
    const measured = indicator.periods.includes(source.periodCode);
    const answer = answers.get(indicator.key);
    const valueIn = (code: string) => {
      if (code === source.periodCode) return measured ? reportValue(answer?.outcome, indicator, answer?.outcomeText) : NOT_IN_PERIOD;
      const before = earlier.get(code)?.get(indicator.key);
      return indicator.periods.includes(code) ? reportValue(before?.outcome, indicator, before?.outcomeText) : NOT_IN_PERIOD;
    };
    const last = input.lastYear.get(indicator.key);
    return {
      key: indicator.key,
      name: indicator.name,
      owner: indicator.owner,
      measuredIn: [...indicator.periods],
      outcome: measured ? reportValue(answer?.outcome, indicator, answer?.outcomeText) : NOT_IN_PERIOD,
      typed: answer?.outcomeText ?? '',
      target: planValue(indicator.target, indicator),
      comment: answer?.comment.trim() ?? '',
      assessment: !measured ? null : answer?.outcome?.kind === 'not_available' ? 'not_measured' : (answer?.assessment ?? 'missing'),
      previous: previousCode === null ? null : valueIn(previousCode),
      trend: periods.map((period) => valueIn(period.code)),
      lastYear: last ? reportValue(last.outcome, indicator, last.outcomeText) : null,
      savedBy: answer?.authorName || answer?.author || null,
      savedAt: answer?.savedAt ?? null,
    };
  };
  const units = groupUnits(input, goals, indicators, goalAnswers, toIndicator);
  const reportIndicators = new Map(
    units.flatMap((unit) =>
      unit.perspectives.flatMap((p) => p.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators.map((i) => [i.key, i] as const)))),
    ),
  );
  const unitNames = new Map(source.units.map((unit) => [unit.key, unit.name]));
  return {
    cover: {
      organisation: input.organisation,
      units: source.linkedUnits.map((key) => ({ key, name: unitNames.get(key) ?? key })),
      periodCode: source.periodCode,
      periodLabel: input.periodLabel,
      final: input.state === 'closed',
      madeAt: input.madeAt,
    },
    summary: {
      owners: summary.owners,
      responseRate: summary.responseRate,
      perspectives: summary.perspectives,
      totals: summary.totals,
      previousLabel: input.previousLabel,
      comparison: summary.comparison,
      missingOwners: summary.missingOwners,
      redGoals: summary.redGoals.map((red) => {
        const goalAnswer = goalAnswers.get(red.goalKey);
        return {
          goalKey: red.goalKey,
          title: red.title,
          unitName: red.unitName,
          perspective: red.perspective,
          assessment: goalAnswer?.assessment ?? 'missing',
          analysis: goalAnswer?.analysis.trim() ?? '',
          indicators: red.comments
            .filter((comment) => comment.indicatorKey !== null)
            .map((comment) => {
              const shown = reportIndicators.get(comment.indicatorKey!);
              return {
                name: comment.name,
                outcome: shown?.outcome ?? MISSING_VALUE,
                target: shown?.target ?? null,
                comment: comment.comment,
              };
            }),
        };
      }),
    },
    periods,
    units,
    measurability: computeMeasurability({
      units: source.units,
      goals,
      indicators,
      periods: periods.map((period) => period.code),
      answers: periodAnswers(input),
    }),
  };
}

function periodAnswers(input: ReportInput): ReadonlyMap<string, readonly IndicatorResponseFacts[]> {
  return new Map([...input.earlier, [input.summary.periodCode, input.summary.indicatorResponses]]);
}

/** Units in the order the organisation lists them, then perspectives and areas in plan order, goals in file order. */
function groupUnits(
  input: ReportInput,
  goals: readonly Goal[],
  indicators: readonly Indicator[],
  goalAnswers: ReadonlyMap<string, ReportGoalAnswer>,
  toIndicator: (indicator: Indicator) => ReportIndicator,
): ReportUnit[] {
  const source = input.summary;
  const indicatorsOf = new Map<string, Indicator[]>();
  for (const indicator of indicators) {
    const list = indicatorsOf.get(indicator.goal) ?? [];
    list.push(indicator);
    indicatorsOf.set(indicator.goal, list);
  }
  const order = new Map<string, number>();
  const names = new Map<string, string>();
  for (const plan of source.plans) {
    plan.perspectives.forEach((perspective, index) => {
      order.set(`${plan.key}|${perspective.key}`, index);
      names.set(`${plan.key}|${perspective.key}`, perspective.name);
      perspective.areas.forEach((area, areaIndex) => {
        order.set(`${plan.key}|${perspective.key}|${area.key}`, areaIndex);
        names.set(`${plan.key}|${perspective.key}|${area.key}`, area.name);
      });
    });
  }
  const sorted = [...goals].sort(
    (a, b) =>
      (order.get(`${a.plan}|${a.perspective}`) ?? 1e9) - (order.get(`${b.plan}|${b.perspective}`) ?? 1e9) ||
      (a.area === null ? -1 : (order.get(`${a.plan}|${a.perspective}|${a.area}`) ?? 1e9)) -
        (b.area === null ? -1 : (order.get(`${b.plan}|${b.perspective}|${b.area}`) ?? 1e9)) ||
      a.order - b.order,
  );
  const units = new Map<string, ReportUnit>();
  for (const unit of source.units) units.set(unit.key, { key: unit.key, name: unit.name, perspectives: [] });
  for (const goal of sorted) {
    const unit = units.get(goal.unit) ?? { key: goal.unit, name: goal.unit, perspectives: [] };
    units.set(goal.unit, unit);
    const perspectiveName = names.get(`${goal.plan}|${goal.perspective}`) ?? goal.perspective;
    // Merged by name across plans, as the summary merges them.
    let perspective = unit.perspectives.find((candidate) => sameName(candidate.name, perspectiveName));
    if (!perspective) unit.perspectives.push((perspective = { name: perspectiveName, areas: [] }));
    const areaName = goal.area === null ? null : (names.get(`${goal.plan}|${goal.perspective}|${goal.area}`) ?? goal.area);
    let area = perspective.areas.find((candidate) => candidate.name === areaName);
    if (!area) perspective.areas.push((area = { name: areaName, goals: [] }));
    const answer = goalAnswers.get(goal.key);
    area.goals.push({
      key: goal.key,
      title: goal.title,
      owners: [...goal.owners],
      assessment: answer?.assessment ?? 'missing',
      analysis: answer?.analysis.trim() ?? '',
      savedBy: answer?.authorName || answer?.author || null,
      savedAt: answer?.savedAt ?? null,
      indicators: (indicatorsOf.get(goal.key) ?? []).sort((a, b) => a.order - b.order).map(toIndicator),
    });
  }
  return [...units.values()].filter((unit) => unit.perspectives.length > 0);
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function byKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(keyOf(item), item);
  return map;
}
