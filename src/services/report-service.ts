import { buildReportModel, type ReportIndicatorAnswer, type ReportModel, type ReportPeriod } from '../domain/report-model';
import { unitsUnder } from '../domain/owner-work';
import type { Period } from '../domain/plan';
import type { SummaryPeriodRef } from '../domain/summary-period';
import type { Locale } from '../i18n/locale';
import type { PlanRepository } from '../store/plan-repository';
import type { ResponseRepository } from '../store/response-repository';
import { renderReportHtml } from '../views/report-html';
import type { PlanCache } from './plan-cache';
import { renderReportDocx } from './report-docx';
import { renderReportXlsx } from './report-xlsx';
import type { SummaryService } from './summary-service';

export const REPORT_FORMATS = ['docx', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedReport {
  format: ReportFormat;
  /** `maluppfyllelse-DÅ04-2026.docx`: ASCII only, safe in a Content-Disposition and a file consent card. */
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

export interface ReportDeps {
  summaries: SummaryService;
  plans: PlanRepository;
  responses: ResponseRepository;
  cache: PlanCache;
  now: () => Date;
  timezone: string;
}

/**
 * The compiled follow-up report (issue 13): the channel summary's own input (`SummaryService.load`),
 * the period's whole answers (who saved them, when), the earlier periods of the same plans for the
 * trend, and last year's answers to the same indicator keys. Who may ask for which units is the
 * caller's business, as for summaries.
 */
export class ReportService {
  constructor(private readonly deps: ReportDeps) {}

  /** null when no plan of `units` has a period `ref.code` in `ref.year`. */
  async build(units: readonly string[], ref: SummaryPeriodRef): Promise<ReportModel | null> {
    const loaded = await this.deps.summaries.load(units, ref);
    if (!loaded) return null;
    const inView = loaded.periods ?? [];
    const [plans, current, contents] = await Promise.all([
      this.deps.plans.listPlans(),
      this.deps.responses.listForReport(inView.map((period) => period.id)),
      this.deps.cache.getMany(inView.map((period) => period.plan)),
    ]);
    const inViewPlans = new Set(inView.map((period) => period.plan));
    // The trend's periods: each plan's periods that opened before this one, by code, in the order they open.
    const earlierPeriods = inView.flatMap((period) =>
      (contents.get(period.plan)?.periods ?? []).filter((candidate) => candidate.opens < period.opens),
    );
    const code = loaded.input.periodCode;
    const trend = [...trendPeriods(earlierPeriods).filter((period) => !sameCode(period.code, code)), { code, label: loaded.label }];
    const earlierAnswers = await this.deps.responses.listForReport(earlierPeriods.map((period) => period.id));
    const codeOf = new Map(earlierPeriods.map((period) => [period.id, period.code]));
    const earlier = new Map<string, ReportIndicatorAnswer[]>();
    for (const answer of earlierAnswers.indicatorResponses) {
      const earlierCode = codeOf.get(answer.period);
      if (earlierCode === undefined) continue;
      const list = earlier.get(earlierCode) ?? [];
      list.push(answer);
      earlier.set(earlierCode, list);
    }
    return buildReportModel({
      summary: { ...loaded.input, plans: plans.filter((plan) => inViewPlans.has(plan.key)), ...current },
      organisation: plans.find((plan) => inViewPlans.has(plan.key))?.organisation ?? '',
      periodLabel: loaded.label,
      state: loaded.state,
      previousLabel: loaded.previousLabel,
      periods: trend,
      earlier,
      lastYear: await this.lastYear(units, ref),
      madeAt: this.deps.now(),
    });
  }

  async render(model: ReportModel, format: ReportFormat, locale: Locale): Promise<RenderedReport> {
    const { timezone } = this.deps;
    const bytes =
      format === 'docx'
        ? await renderReportDocx(model, locale, timezone)
        : format === 'xlsx'
          ? await renderReportXlsx(model, locale, timezone)
          : Buffer.from(renderReportHtml(model, locale, timezone), 'utf8');
    return { format, fileName: reportFileName(model, format), contentType: CONTENT_TYPES[format], bytes };
  }

  /** Last year's answers of the same period code in the same units, by indicator key. */
  private async lastYear(units: readonly string[], ref: SummaryPeriodRef): Promise<Map<string, ReportIndicatorAnswer>> {
    const [allUnits, plans, periods] = await Promise.all([
      this.deps.plans.listUnits(),
      this.deps.plans.listPlans(),
      this.deps.plans.listPeriods(),
    ]);
    const scope = unitsUnder(allUnits, units);
    const lastYearPlans = new Set(plans.filter((plan) => plan.year === ref.year - 1).map((plan) => plan.key));
    const ids = periods
      .filter((period) => lastYearPlans.has(period.plan) && scope.has(period.unit) && sameCode(period.code, ref.code))
      .map((period) => period.id);
    if (ids.length === 0) return new Map();
    const { indicatorResponses } = await this.deps.responses.listForReport(ids);
    return new Map(indicatorResponses.map((answer) => [answer.indicator, answer]));
  }
}

/** Codes in the order their periods open (the earliest opening of a code across plans). */
function trendPeriods(periods: readonly Omit<Period, 'state'>[]): ReportPeriod[] {
  const first = new Map<string, Omit<Period, 'state'>>();
  for (const period of periods) {
    const seen = first.get(period.code);
    if (!seen || period.opens < seen.opens) first.set(period.code, period);
  }
  return [...first.values()]
    .sort((a, b) => (a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : 0))
    .map((period) => ({ code: period.code, label: period.label }));
}

/** `maluppfyllelse-DA04-2026-05-05.xlsx`: Swedish letters folded so every client takes the name. */
export function reportFileName(model: ReportModel, format: ReportFormat): string {
  const code = model.cover.periodCode
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '');
  return `maluppfyllelse-${code || 'period'}-${model.cover.madeAt.toISOString().slice(0, 10)}.${format}`;
}

function sameCode(a: string, b: string): boolean {
  return a.toLocaleUpperCase('sv-SE') === b.toLocaleUpperCase('sv-SE');
}
