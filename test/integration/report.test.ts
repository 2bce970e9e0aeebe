import { PeopleRepository } from '../../src/store/people-repository';
import { summaryReaders } from '../../src/services/rollups';
import { RollupRepository } from '../../src/store/rollup-repository';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseOutcome } from '../../src/domain/values';
import type { Indicator } from '../../src/domain/plan';
import { PlanCache } from '../../src/services/plan-cache';
import { PlanImporter } from '../../src/services/plan-importer';
import { ReportService } from '../../src/services/report-service';
import { SummaryService } from '../../src/services/summary-service';
import { ChannelLinkRepository } from '../../src/store/channel-link-repository';
import { ensureIndexes } from '../../src/store/indexes';
import { JobRepository } from '../../src/store/job-repository';
import { PlanRepository } from '../../src/store/plan-repository';
import { ResponseRepository } from '../../src/store/response-repository';
import { escapeHtml } from '../../src/views/html';
import { docxRows } from '../support/docx-text';
import { PLAN_FIXTURES, readFixture, readJsonFixture } from '../support/fixtures';
import { useTestDatabase } from '../support/mongo';

const database = useTestDatabase();
const answers = readJsonFixture(PLAN_FIXTURES.norrbotten.replace('-plan.json', '-answers.json')) as {
  indicators: Record<string, { owner: string; typed: string | null; comment: string | null }>;
};
const PERIOD = 'NB-DIV-2022/DÅ04';
const NOW = new Date('2022-05-10T08:00:00Z');
/** The same value, whatever spaces (NBSP, none) stand between number and unit. */
const squash = (text: string) => text.replace(/[\s\u00a0]/g, '');

describe('the compiled report from the database (Norrbotten, DÅ04)', () => {
  let service: ReportService;
  let indicators: Indicator[];
  const expected = new Map<string, { outcome: string; typed: string | null; comment: string }>();

  beforeAll(async () => {
    const { db } = database();
    await ensureIndexes(db);
    const plans = new PlanRepository(db);
    const responses = new ResponseRepository(db);
    const importer = new PlanImporter(plans, {
      timezone: 'Europe/Stockholm',
      maxBytes: 10 * 1024 * 1024,
      organisation: 'Region Norrbotten',
      now: () => NOW,
    });
    const imported = await importer.importFile({ fileName: 'norrbotten-plan.json', bytes: readFixture(PLAN_FIXTURES.norrbotten) });
    if (!imported.ok) throw new Error('import failed');
    indicators = (await plans.listIndicators(['NB-DIV-2022'])).filter((indicator) => indicator.periods.includes('DÅ04'));
    for (const indicator of indicators) {
      const answer = answers.indicators[indicator.key]!;
      const parsed = answer.typed === null ? null : parseOutcome(answer.typed, indicator.valueType);
      // "Ökning" typed for a number is refused by the form, so it stays unanswered: "Saknas".
      if (!parsed?.ok || parsed.value === null) {
        expected.set(indicator.key, { outcome: 'Saknas', typed: null, comment: '' });
        continue;
      }
      const comment = answer.comment ?? '';
      const place = {
        indicator: indicator.key,
        goal: indicator.goal,
        plan: indicator.plan,
        unit: indicator.unit,
        perspective: indicator.perspective,
        period: PERIOD,
      };
      const saved = await responses.saveIndicator(
        place,
        {
          outcome: parsed.value,
          outcomeText: answer.typed!,
          comment,
          assessment: parsed.value.kind === 'not_available' ? 'not_measured' : 'partly',
        },
        0,
        { email: answer.owner, name: 'Ägaren' },
        NOW,
      );
      expect(saved.status).toBe('saved');
      expected.set(indicator.key, {
        outcome: parsed.value.kind === 'not_available' ? 'Ej tillgängligt' : answer.typed!,
        typed: answer.typed,
        comment,
      });
    }
    const cache = new PlanCache(plans);
    const summaries = new SummaryService({
      plans,
      responses,
      links: new ChannelLinkRepository(db),
      jobs: new JobRepository(db),
      people: new PeopleRepository(db),
      cache,
      ...summaryReaders(plans, responses, new RollupRepository(db)),
      now: () => NOW,
      updateIntervalMs: 60_000,
    });
    service = new ReportService({ summaries, plans, responses, cache, now: () => NOW, timezone: 'Europe/Stockholm' });
  });

  test('when the report is built, then it covers the unit and period with the answers counted as the summary counts them', async () => {
    const model = (await service.build(['NB-DIV'], { code: 'då04', year: 2022 }))!;
    expect(model.cover).toMatchObject({
      organisation: 'Region Norrbotten',
      periodLabel: 'Delår per april 2022',
      final: false,
      units: [{ key: 'NB-DIV', name: 'Division (servicekompassen)' }],
    });
    const answered = [...expected.values()].filter((value) => value.outcome !== 'Saknas').length;
    expect(model.summary.totals.indicators.missing).toBe(indicators.length - answered);
    expect(await service.build(['NB-DIV'], { code: 'DÅ04', year: 2021 })).toBeNull();
  });

  test('when rendered as XLSX, DOCX and HTML, then every answered value is in its own row as typed and every missing one is "Saknas"', async () => {
    const model = (await service.build(['NB-DIV'], { code: 'DÅ04', year: 2022 }))!;
    const [xlsx, docx, page] = await Promise.all([
      service.render(model, 'xlsx', 'sv'),
      service.render(model, 'docx', 'sv'),
      service.render(model, 'html', 'sv'),
    ]);
    expect(xlsx.fileName).toBe('maluppfyllelse-DA04-2022-05-10.xlsx');
    expect(page.contentType).toBe('text/html; charset=utf-8');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Division (servicekompassen)')!;
    const xlsxRows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, number) => number > 1 && xlsxRows.set(String(row.getCell(6).value), row));
    const wordRows = docxRows(await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string'));
    const html = page.bytes.toString('utf8');

    for (const indicator of indicators) {
      const want = expected.get(indicator.key)!;
      const row = xlsxRows.get(indicator.name)!;
      const text = String(row.getCell(8).value);
      expect(squash(text)).toBe(squash(want.outcome));
      if (want.typed !== null) expect(row.getCell(9).value).toBe(want.typed);
      if (want.outcome === 'Saknas' || want.outcome === 'Ej tillgängligt') expect(row.getCell(7).value).toBe(want.outcome);
      else expect(typeof row.getCell(7).value).toBe('number');
      expect(row.getCell(11).value ?? '').toBe(want.comment);

      const cells = wordRows.find((candidate) => candidate.startsWith(`${indicator.name} | `))!.split(' | ');
      expect(cells[1]).toBe(text);

      const htmlRow = new RegExp(
        `data-label="Mätetal">${escapeRegExp(escapeHtml(indicator.name))}</td>\\s*<td class="num" data-label="Utfall">(?:<span class="word">)?([^<]*)`,
      ).exec(html);
      expect(htmlRow?.[1]).toBe(escapeHtml(text));
    }
  });

  test('when the next period is reported, then the earlier answers are its trend and previous period', async () => {
    const model = (await service.build(['NB-DIV'], { code: 'DÅ08', year: 2022 }))!;
    expect(model.periods.map((period) => period.code)).toEqual(['DÅ04', 'DÅ08']);
    const sick = model.units[0]!.perspectives.flatMap((p) => p.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators))).find(
      (i) => i.key === 'NB-P2-G1-I1',
    )!;
    expect(sick.trend.map((value) => value.state)).toEqual(['value', 'missing']);
    expect(squash(sick.previous!.text)).toBe('6,3%');
    expect(sick.outcome.state).toBe('missing');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
