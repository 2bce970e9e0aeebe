import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { buildReportModel } from '../domain/report-model';
import { FORMULA_COMMENT, HOSTILE_COMMENT, sampleReportInput } from '../../test/support/report-input';
import { renderReportDocx } from './report-docx';
import { paragraphXml, tableXml, type XmlCell } from './report-docx-table';
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
    expect(rows).toContainEqual(
      `Verksamheten håller sina ekonomiska ramar: Alla divisioner och regiongemensamt bedriver verksamhet inom budget | -11,1${NBSP}mnkr | 0 | ● Röd | -3,2${NBSP}mnkr | ${FORMULA_COMMENT}`,
    );
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
    for (const part of [
      'Sammanställd måluppfyllelse',
      'Delår per augusti 2022',
      'Region Norrbotten',
      'Utkast – perioden pågår',
      'Sammanfattning',
      'Röda mål',
      'Perspektiv: Medarbetare',
      'Mätbarhet',
      'Att se över inför nästa plan',
    ]) {
      expect(all).toContain(part);
    }
  });
});

describe('report DOCX markup', () => {
  test('when a heading and a table are written as markup, then they are exactly what docx writes for the same', async () => {
    const header = [
      { runs: [{ text: 'Mätetal', bold: true }], fill: 'E7ECF2' },
      { runs: [{ text: 'Utfall', bold: true }], fill: 'E7ECF2' },
    ];
    const rows = [
      [
        { runs: [{ text: 'Sjuk <frånvaro> & "x"' }] },
        {
          runs: [
            { text: '6,3 %', italics: true },
            { text: '● ', color: 'C62828' },
          ],
          right: true,
        },
      ],
    ];
    const ours = tableXml(header, rows, [1, 1]);
    const cell = (c: XmlCell) =>
      new TableCell({
        ...(c.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: c.fill } } : {}),
        children: [
          new Paragraph({
            ...(c.right ? { alignment: AlignmentType.RIGHT } : {}),
            children: c.runs.map(
              (r) =>
                new TextRun({
                  text: r.text,
                  ...(r.bold ? { bold: true } : {}),
                  ...(r.italics ? { italics: true } : {}),
                  ...(r.color ? { color: r.color } : {}),
                }),
            ),
          }),
        ],
      });
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: [4513, 4513],
      rows: [
        new TableRow({ tableHeader: true, children: header.map(cell) }),
        ...rows.map((row) => new TableRow({ children: row.map(cell) })),
      ],
    });
    const heading = new Paragraph({
      heading: HeadingLevel.HEADING_4,
      children: [new TextRun({ text: 'Mål & <delmål>', color: '5B6470' })],
    });
    const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [heading, table] }] })));
    const theirs = /<w:body>([\s\S]*<\/w:tbl>)/.exec(await zip.file('word/document.xml')!.async('string'))![1];
    expect(paragraphXml([{ text: 'Mål & <delmål>', color: '5B6470' }], 'Heading4') + ours).toBe(theirs);
  });

  test('when text holds markup or control characters, then it is escaped and the characters XML cannot hold are dropped', () => {
    expect(tableXml([], [[{ runs: [{ text: '</w:t><w:fldSimple>\u0001' }] }]], [1])).toContain(
      '<w:t xml:space="preserve">&lt;/w:t&gt;&lt;w:fldSimple&gt;</w:t>',
    );
  });
});
