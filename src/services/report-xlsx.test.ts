import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildReportModel } from '../domain/report-model';
import { FORMULA_COMMENT, HOSTILE_COMMENT, sampleReportInput } from '../../test/support/report-input';
import { numberFormat, renderReportXlsx } from './report-xlsx';

const NBSP = '\u00a0';

describe(renderReportXlsx.name, () => {
  const model = buildReportModel(sampleReportInput());
  let workbook: ExcelJS.Workbook;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await renderReportXlsx(model, 'sv', 'Europe/Stockholm');
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  });

  function rowOf(name: string): ExcelJS.Row {
    const sheet = workbook.getWorksheet('Division (servicekompassen)')!;
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (!found && String(row.getCell(6).value).startsWith(name)) found = row;
    });
    if (!found) throw new Error(`no row ${name}`);
    return found;
  }

  test('when written, then the sheets are the summary, one per unit and Mätbarhet', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Sammanställning', 'Division (servicekompassen)', 'Mätbarhet']);
    const unit = workbook.getWorksheet('Division (servicekompassen)')!;
    expect(unit.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(unit.autoFilter).toBeTruthy();
    expect(unit.getRow(1).getCell(7).value).toBe('Utfall');
    expect(unit.rowCount).toBe(1 + 15);
  });

  test('when a value is answered, then its cell is a real number with a Swedish-showing format, beside its text', () => {
    const sick = rowOf('Hållbar arbetsmiljö: Sjukfrånvaro');
    expect(sick.getCell(7).value).toBe(6.3);
    expect(sick.getCell(7).numFmt).toBe('#,##0.0" %"');
    expect(sick.getCell(8).value).toBe(`6,3${NBSP}%`);
    expect(sick.getCell(9).value).toBe('6,3%');
    expect(sick.getCell(13).value).toBe(5.1);
    expect(sick.getCell(14).value).toBe(5.1);
    expect(sick.getCell(15).value).toBe(5.4);
    const money = rowOf('Verksamheten håller');
    expect(money.getCell(7).value).toBe(-11.1);
    expect(money.getCell(8).value).toBe(`-11,1${NBSP}mnkr`);
    expect(rowOf('Kostnadseffektiv verksamhet: Se bilaga').getCell(7).value).toBe(21707);
  });

  test('when an answer is missing, not available or not due, then the cell says so in words', () => {
    expect(rowOf('Produktivitet').getCell(7).value).toBe('Saknas');
    expect(rowOf('Produktivitet').getCell(12).value).toBe('○ Saknas');
    expect(rowOf('Kvalitet/leveranssäkerhet').getCell(7).value).toBe('Ej tillgängligt');
    expect(rowOf('Tillgänglighet/servicenivå').getCell(7).value).toBe('Mäts helår');
  });

  test('when a comment starts with =, +, - or @, then it is written as text and no cell holds a formula', async () => {
    expect(rowOf('Verksamheten håller').getCell(11).value).toBe(FORMULA_COMMENT);
    expect(rowOf('Verksamheten håller').getCell(11).type).toBe(ExcelJS.ValueType.String);
    expect(rowOf('Hållbar arbetsmiljö: Sjukfrånvaro').getCell(11).value).toBe(HOSTILE_COMMENT);
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((name) => name.startsWith('xl/worksheets/sheet'));
    for (const name of sheets) expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
  });

  test('when written, then Mätbarhet lists the counts and what to review with reasons', () => {
    const sheet = workbook.getWorksheet('Mätbarhet')!;
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(row.values!.toString()));
    expect(texts.join('\n')).toContain('Indikatorn saknar målvärde.');
    expect(texts.join('\n')).toContain('Att se över inför nästa plan');
  });

  test('when a value has decimals or a unit, then the format has as many decimals and the unit in quotes', () => {
    expect(numberFormat({ state: 'value', text: '', number: 21707, unit: null })).toBe('#,##0');
    expect(numberFormat({ state: 'value', text: '', number: -24.65, unit: 'mnkr' })).toBe('#,##0.00" mnkr"');
  });
});
