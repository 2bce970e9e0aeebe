import ExcelJS from 'exceljs';
import type { PlanFile } from '../domain/plan-format';
import { readXlsx } from './read-xlsx';
import type { PeriodRowInput, TabularResult } from './tabular';

const HEADER = [
  'Enhet_id',
  'Enhet',
  'År',
  'Perspektiv',
  'Mål_id',
  'Mål',
  'Målägare',
  'Mätetal_id',
  'Mätetal',
  'Ansvarig',
  'Typ',
  'Riktning',
  'Ingångsvärde',
  'Målvärde',
  'Perioder',
];
type Values = (ExcelJS.CellValue | undefined)[];
const ROW: Values = [
  'RS',
  'Regionstyrelsen',
  2026,
  'Medarbetare',
  'RS-G7',
  'Arbetsmiljön',
  'anna.berg@region.example',
  'RS-G7-I1',
  'Sjukfrånvaro',
  '',
  'procent',
  'minska',
  5.1,
  4.6,
  'DÅ04, ÅR',
];
const day = (month: number, date: number, year = 2026) => new Date(Date.UTC(year, month - 1, date));
const PERIOD_ROWS: Values[] = [
  ['Kod', 'Benämning', 'Öppnar', 'Sista svarsdag', 'Stänger'],
  ['DÅ04', 'Delår per april 2026', day(4, 30), day(5, 12), day(5, 20)],
  ['ÅR', 'Helår 2026', day(1, 8, 2027), '2027-01-22', day(2, 1, 2027)],
];
const OPTIONS = { organisation: 'Region Exempel' };

/** Builds an xlsx file in memory; `sheets` in tab order, first row the header. */
async function xlsx(sheets: Record<string, Values[]>, shape?: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
  shape?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function fileOf(result: TabularResult): PlanFile {
  if (!result.ok) throw new Error(`expected a plan file, got ${JSON.stringify(result.issues)}`);
  return result.file;
}

const indicatorsOf = (file: PlanFile) =>
  file.plans
    .flatMap((p) => p.perspectives)
    .flatMap((p) => p.goals ?? [])
    .flatMap((g) => g.indicators);

describe(readXlsx.name, () => {
  test('when the workbook has an indicator sheet and Perioder with date cells, then it becomes a plan file', async () => {
    const file = fileOf(await readXlsx(await xlsx({ Mätetal: [HEADER, ROW], Perioder: PERIOD_ROWS }), OPTIONS));
    expect(file.plans[0]?.periods).toEqual([
      { code: 'DÅ04', label: 'Delår per april 2026', opens: '2026-04-30', deadline: '2026-05-12', closes: '2026-05-20' },
      { code: 'ÅR', label: 'Helår 2026', opens: '2027-01-08', deadline: '2027-01-22', closes: '2027-02-01' },
    ]);
    expect(indicatorsOf(file)).toEqual([
      {
        key: 'RS-G7-I1',
        name: 'Sjukfrånvaro',
        owner: 'anna.berg@region.example',
        valueType: 'percent',
        direction: 'decrease',
        baseline: 5.1,
        target: 4.6,
        periods: ['DÅ04', 'ÅR'],
      },
    ]);
  });

  test('when numbers are number cells, some formatted as percent, then they keep their value in percent units', async () => {
    const buffer = await xlsx({ Mätetal: [HEADER, ROW], Perioder: PERIOD_ROWS }, (workbook) => {
      const sheet = workbook.getWorksheet('Mätetal');
      if (sheet === undefined) throw new Error('no sheet');
      sheet.getCell('M2').value = 0.051;
      sheet.getCell('M2').numFmt = '0.0%';
      sheet.getCell('N2').value = 1600.25;
    });
    const [indicator] = indicatorsOf(fileOf(await readXlsx(buffer, OPTIONS)));
    expect([indicator?.baseline, indicator?.target]).toEqual([5.1, 1600.25]);
  });

  test('when cells hold rich text, formulas and hyperlinks, then their text or cached result is read', async () => {
    const row: Values = [...ROW];
    row[5] = { richText: [{ text: 'Arbets' }, { font: { bold: true }, text: 'miljön' }] };
    row[6] = { text: 'anna.berg@region.example', hyperlink: 'mailto:anna.berg@region.example' };
    row[13] = { formula: 'M2-0.5', result: 4.6 };
    const [goal] =
      fileOf(await readXlsx(await xlsx({ Mätetal: [HEADER, row], Perioder: PERIOD_ROWS }), OPTIONS)).plans[0]?.perspectives[0]?.goals ?? [];
    expect([goal?.title, goal?.owners, goal?.indicators[0]?.target]).toEqual(['Arbetsmiljön', ['anna.berg@region.example'], 4.6]);
  });

  test("when goal cells are merged over the goal's indicator rows, then every row belongs to that goal", async () => {
    const second: Values = ['', '', '', '', '', '', '', 'RS-G7-I2', 'Korttidsfrånvaro', '', 'procent', 'minska', '', '', 'ÅR'];
    const buffer = await xlsx({ Mätetal: [HEADER, ROW, second], Perioder: PERIOD_ROWS }, (workbook) => {
      for (const column of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) workbook.getWorksheet('Mätetal')?.mergeCells(`${column}2:${column}3`);
    });
    expect(indicatorsOf(fileOf(await readXlsx(buffer, OPTIONS))).map((indicator) => indicator.key)).toEqual(['RS-G7-I1', 'RS-G7-I2']);
  });

  test('when the file is a PDF renamed to .xlsx, then not_xlsx instead of a throw', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    await expect(readXlsx(pdf, OPTIONS)).resolves.toEqual({ ok: false, issues: [{ code: 'not_xlsx', detail: 'not_zip' }] });
  });

  test.each([
    ['a damaged zip', Buffer.from('PK\u0003\u0004 broken'), 'unreadable'],
    ['a legacy .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'ole'],
    ['empty', Buffer.alloc(0), 'not_zip'],
  ])('when the file is %s, then not_xlsx says which', async (_situation, buffer, detail) => {
    await expect(readXlsx(buffer, OPTIONS)).resolves.toEqual({ ok: false, issues: [{ code: 'not_xlsx', detail }] });
  });

  test('when there is no Perioder sheet and no periods are given, then missing_periods_sheet', async () => {
    await expect(readXlsx(await xlsx({ Mätetal: [HEADER, ROW] }), OPTIONS)).resolves.toEqual({
      ok: false,
      issues: [{ code: 'missing_periods_sheet' }],
    });
  });

  test('when periods are given as options, then they replace the sheet', async () => {
    const periods: PeriodRowInput[] = [
      { code: 'DÅ04', opens: '2026-04-30', deadline: '2026-05-12', closes: '2026-05-20' },
      { code: 'ÅR', opens: '2027-01-08', deadline: '2027-01-22', closes: '2027-02-01' },
    ];
    const file = fileOf(await readXlsx(await xlsx({ Mätetal: [HEADER, ROW] }), { ...OPTIONS, periods }));
    expect(file.plans[0]?.periods.map((period) => [period.code, period.label])).toEqual([
      ['DÅ04', 'DÅ04'],
      ['ÅR', 'ÅR'],
    ]);
  });

  test('when the periods tab comes first and is named PERIODS, then the indicators are read from the other tab', async () => {
    const file = fileOf(await readXlsx(await xlsx({ PERIODS: PERIOD_ROWS, Mätetal: [HEADER, ROW] }), OPTIONS));
    expect(indicatorsOf(file).map((indicator) => indicator.key)).toEqual(['RS-G7-I1']);
  });

  test('when cells are wrong on both sheets, then each issue names its sheet, row and header', async () => {
    const bad: Values = [...ROW];
    bad[7] = 'RS-G7-I2';
    bad[9] = 'Anna Berg';
    const periods = [...PERIOD_ROWS, ['DÅ08', 'Delår', 'snart', day(9, 11), day(9, 18)]];
    const result = await readXlsx(await xlsx({ Mätetal: [HEADER, ROW, bad], Perioder: periods }), OPTIONS);
    expect(result).toEqual({
      ok: false,
      issues: [
        { code: 'invalid_email', sheet: 'Mätetal', row: 3, field: 'Ansvarig', value: 'Anna Berg' },
        { code: 'invalid_date', sheet: 'Perioder', row: 4, field: 'Öppnar', value: 'snart' },
      ],
    });
  });

  test('when a column header is unknown, then unknown_column names it on the indicator sheet', async () => {
    const result = await readXlsx(
      await xlsx({
        Mätetal: [
          [...HEADER, 'Kommentar'],
          [...ROW, 'x'],
        ],
        Perioder: PERIOD_ROWS,
      }),
      OPTIONS,
    );
    expect(result).toEqual({
      ok: false,
      issues: [{ code: 'unknown_column', sheet: 'Mätetal', row: 1, field: 'Kommentar', value: 'Kommentar' }],
    });
  });

  test('when the indicator sheet is empty, then empty_file', async () => {
    const result = await readXlsx(await xlsx({ Mätetal: [], Perioder: PERIOD_ROWS }), OPTIONS);
    expect(result).toEqual({ ok: false, issues: [{ code: 'empty_file', sheet: 'Mätetal' }] });
  });
});
