import JSZip from 'jszip';
import { buildReportModel } from '../domain/report-model';
import { FORMULA_COMMENT, HOSTILE_COMMENT, sampleReportInput } from '../../test/support/report-input';
import { renderReportDocx } from './report-docx';
import { docxRows, textOf } from '../../test/support/docx-text';

const NBSP = '\u00a0';

describe(renderReportDocx.name, () => {
  let xml: string;
  beforeAll(async () => {
    const bytes = await renderReportDocx(buildReportModel(sampleReportInput()), 'sv', 'Europe/Stockholm');
    xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  });

  test('when written, then each indicator is a table row Mätetal | Utfall | Målvärde | Bedömning | Förra perioden | Kommentar', () => {
    const rows = docxRows(xml);
    expect(rows).toContain('Mätetal | Utfall | Målvärde | Bedömning | Förra perioden | Kommentar');
    expect(rows).toContainEqual(`Hållbar arbetsmiljö: Sjukfrånvaro | 6,3${NBSP}% | – | ● Röd | 5,1${NBSP}% | ${HOSTILE_COMMENT}`);
    expect(rows).toContainEqual(`Verksamheten håller sina ekonomiska ramar: Alla divisioner och regiongemensamt bedriver verksamhet inom budget | -11,1${NBSP}mnkr | 0 | ● Röd | -3,2${NBSP}mnkr | ${FORMULA_COMMENT}`);
    expect(rows.find((row) => row.startsWith('Produktivitet'))).toMatch(/ \| Saknas \| – \| ○ Saknas \| Saknas \| $/);
    expect(rows.find((row) => row.startsWith('Kvalitet/leveranssäkerhet'))).toContain('| Ej tillgängligt |');
    expect(rows.find((row) => row.startsWith('Kvalitet/leveranssäkerhet'))).toContain('Skäl: Ny rutin för rapportering.');
    expect(rows.find((row) => row.startsWith('Tillgänglighet/servicenivå'))).toContain('| Mäts helår |');
  });

  test('when user text looks like markup or a formula, then it is a text run: escaped XML, no field codes', () => {
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script');
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar|<w:hyperlink/);
  });

  test('when written, then cover, sammanfattning, units and Mätbarhet are there', () => {
    const all = textOf(xml);
    for (const part of ['Sammanställd måluppfyllelse', 'Delår per augusti 2022', 'Region Norrbotten', 'Utkast – perioden pågår', 'Sammanfattning', 'Röda mål', 'Perspektiv: Medarbetare', 'Mätbarhet', 'Att se över inför nästa plan']) {
      expect(all).toContain(part);
    }
  });
});
