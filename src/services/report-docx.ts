import { MEASURABILITY_COUNTS, measurabilityRows, reviewItems } from '../domain/measurability';
import { comparisonLine } from '../views/summary-view';
import { randomBytes } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
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
import { BUCKETS, type Bucket, type BucketCounts } from '../domain/aggregation';
import type { ReportGoal, ReportIndicator, ReportModel, ReportUnit } from '../domain/report-model';
import type { Locale } from '../i18n/locale';
import { BUCKET_COLOURS, reportTexts, valueText, type ReportTexts } from '../i18n/report-texts';
import { formatReportDate } from '../views/report-dates';
import { paragraphXml, tableXml, type XmlCell, type XmlRun } from './report-docx-table';

type Block = Paragraph | Table;

/**
 * The indicator tables, written as markup (see report-docx-table.ts) and put where docx wrote a
 * placeholder paragraph. The token carries a random nonce per document, and user text in docx's
 * own paragraphs is escaped, so no owner's text can be taken for a placeholder.
 */
class TableSlots {
  private readonly nonce = randomBytes(8).toString('hex');
  readonly tables: string[] = [];

  placeholder(xml: string): Paragraph {
    this.tables.push(xml);
    return new Paragraph({ children: [new TextRun(`UTFALLTABLE${this.nonce}N${this.tables.length - 1}`)] });
  }

  fill(documentXml: string): string {
    let filled = 0;
    const pattern = new RegExp(`<w:p><w:r><w:t xml:space="preserve">UTFALLTABLE${this.nonce}N(\\d+)</w:t></w:r></w:p>`, 'g');
    const out = documentXml.replace(pattern, (_match, index: string) => {
      filled += 1;
      return this.tables[Number(index)]!;
    });
    if (filled !== this.tables.length)
      throw new Error(`report DOCX: ${filled} of ${this.tables.length} tables placed; docx wrote the placeholders differently`);
    return out;
  }
}

/**
 * The report as a Word document laid out like a board's appendix: cover, sammanfattning, then per
 * unit → perspective → (area) → goal the table Mätetal | Utfall | Målvärde | Bedömning | Förra
 * perioden | Kommentar, and Mätbarhet. Every text is a plain text run (no field codes), so nothing
 * typed by an owner can become a field, a link or a formula.
 */
export async function renderReportDocx(model: ReportModel, locale: Locale, timezone: string): Promise<Buffer> {
  const texts = reportTexts(locale);
  const slots = new TableSlots();
  const document = new Document({
    creator: 'Utfall',
    title: `${texts.title} – ${model.cover.periodLabel}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      { children: cover(model, texts, locale, timezone) },
      {
        children: [
          ...summary(model, texts, locale),
          ...model.units.flatMap((unit) => unitBlocks(unit, texts, slots)),
          ...measurability(model, texts),
        ],
      },
    ],
  });
  const files = unzipSync(await Packer.toBuffer(document));
  files['word/document.xml'] = strToU8(slots.fill(strFromU8(files['word/document.xml']!)));
  // Level 1: a tenth of level 6's time for a file a few percent larger.
  return Buffer.from(zipSync(files, { level: 1 }));
}

function cover(model: ReportModel, texts: ReportTexts, locale: Locale, timezone: string): Block[] {
  const { cover: c } = model;
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400 }, children: [new TextRun(texts.title)] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(c.periodLabel)] }),
    text(c.organisation),
    text(`${texts.units}: ${c.units.map((unit) => unit.name).join(', ')}`),
    new Paragraph({ children: [new TextRun({ text: c.final ? texts.final : texts.draft, bold: true })] }),
    text(texts.madeAt(formatReportDate(c.madeAt, timezone, locale))),
  ];
}

function summary(model: ReportModel, texts: ReportTexts, locale: Locale): Block[] {
  const s = model.summary;
  const blocks: Block[] = [
    heading(texts.summary, HeadingLevel.HEADING_1),
    text(s.owners.total === 0 ? texts.noOwners : texts.responseRate(s.owners.answered, s.owners.total, s.responseRate)),
    heading(texts.chart, HeadingLevel.HEADING_3),
    // The chart is a coloured table, not a picture: no well-kept Node library draws a chart to PNG
    // without a browser or a native canvas, and Word's own charts need a hand-written chart part.
    // One row per perspective, one cell per goal coloured by bucket, with the word beside it.
    chartTable(
      s.perspectives.map((p) => [p.name, p.goals]),
      texts,
    ),
    text(texts.chartNote, true),
    heading(texts.goalsPerPerspective, HeadingLevel.HEADING_3),
    countsTable(
      s.perspectives.map((p) => [p.name, p.goals]),
      s.totals.goals,
      texts,
    ),
    heading(texts.indicatorsPerPerspective, HeadingLevel.HEADING_3),
    countsTable(
      s.perspectives.map((p) => [p.name, p.indicators]),
      s.totals.indicators,
      texts,
    ),
  ];
  if (s.comparison && s.previousLabel) {
    blocks.push(heading(texts.change(s.previousLabel), HeadingLevel.HEADING_3));
    blocks.push(text(comparisonLine(s.comparison, s.previousLabel, locale)));
  } else blocks.push(text(texts.noPrevious, true));
  blocks.push(heading(texts.redGoals, HeadingLevel.HEADING_2));
  if (s.redGoals.length === 0) blocks.push(text(texts.noRedGoals));
  for (const red of s.redGoals) {
    blocks.push(
      new Paragraph({ children: [new TextRun({ text: red.title, bold: true }), new TextRun('  '), ...mark(red.assessment, texts)] }),
    );
    blocks.push(text(`${red.unitName} · ${red.perspective}`, true));
    blocks.push(labelled(texts.analysis, red.analysis || texts.noAnalysis));
    for (const indicator of red.indicators) {
      const target = indicator.target ? ` (${texts.columns.target.toLowerCase()} ${valueText(indicator.target, [], texts)})` : '';
      blocks.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun(`${indicator.name}: `),
            new TextRun({ text: valueText(indicator.outcome, [], texts), bold: true }),
            new TextRun(`${target}${indicator.comment ? ` – ${indicator.comment}` : ''}`),
          ],
        }),
      );
    }
  }
  return blocks;
}

function unitBlocks(unit: ReportUnit, texts: ReportTexts, slots: TableSlots): Block[] {
  const blocks: Block[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(unit.name)] })];
  for (const perspective of unit.perspectives) {
    blocks.push(heading(`${texts.perspective}: ${perspective.name}`, HeadingLevel.HEADING_2));
    for (const area of perspective.areas) {
      if (area.name !== null) blocks.push(heading(area.name, HeadingLevel.HEADING_3));
      for (const goal of area.goals) blocks.push(...goalBlocks(goal, texts, slots));
    }
  }
  return blocks;
}

function goalBlocks(goal: ReportGoal, texts: ReportTexts, slots: TableSlots): Block[] {
  const c = texts.columns;
  const parts = [
    paragraphXml([{ text: goal.title }], 'Heading4'),
    paragraphXml([{ text: `${texts.goalAssessment}: `, bold: true }, ...markRuns(goal.assessment, texts)]),
    paragraphXml([
      { text: `${texts.analysis}: `, bold: true },
      { text: goal.analysis || (goal.assessment === 'missing' ? texts.missing : texts.noAnalysis) },
    ]),
  ];
  if (goal.owners.length > 0)
    parts.push(
      paragraphXml([
        {
          text: `${texts.owners}: ${goal.owners.join(', ')}${goal.savedBy ? ` · ${c.savedBy.toLowerCase()} ${goal.savedBy}` : ''}`,
          color: '5B6470',
        },
      ]),
    );
  if (goal.indicators.length > 0) {
    const header = [c.indicator, c.outcome, c.target, c.assessment, c.previous, c.comment].map((title): XmlCell => ({
      runs: [{ text: title, bold: true }],
      fill: 'E7ECF2',
    }));
    parts.push(
      tableXml(
        header,
        goal.indicators.map((indicator) => indicatorRow(indicator, texts)),
        [30, 12, 11, 12, 12, 23],
      ),
    );
  }
  return [slots.placeholder(parts.join(''))];
}

function indicatorRow(indicator: ReportIndicator, texts: ReportTexts): XmlCell[] {
  const comment =
    indicator.outcome.state === 'not_available' && indicator.comment !== '' ? texts.reason(indicator.comment) : indicator.comment;
  const plain = (text: string, right = false): XmlCell => ({ runs: [{ text }], right });
  return [
    plain(indicator.name),
    {
      runs: [{ text: valueText(indicator.outcome, indicator.measuredIn, texts), italics: indicator.outcome.state !== 'value' }],
      right: indicator.outcome.state === 'value',
    },
    plain(valueText(indicator.target, indicator.measuredIn, texts), true),
    { runs: indicator.assessment === null ? [{ text: '–' }] : markRuns(indicator.assessment, texts) },
    plain(indicator.previous ? valueText(indicator.previous, indicator.measuredIn, texts) : '–', true),
    plain(comment),
  ];
}

function chartTable(rows: [string, BucketCounts][], texts: ReportTexts): Table {
  const widest = Math.max(1, ...rows.map(([, counts]) => BUCKETS.reduce((sum, bucket) => sum + counts[bucket], 0)));
  // Scaled to at most 40 cells a row so a large plan still fits the page.
  const scale = Math.min(1, 40 / widest);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(([name, counts]) => {
      const cells = BUCKETS.flatMap((bucket) =>
        Array.from(
          { length: Math.round(counts[bucket] * scale) },
          () =>
            new TableCell({
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: BUCKET_COLOURS[bucket] },
              children: [new Paragraph('')],
            }),
        ),
      );
      const words = BUCKETS.filter((bucket) => counts[bucket] > 0)
        .map((bucket) => `${texts.buckets[bucket]} ${counts[bucket]}`)
        .join(', ');
      return new TableRow({ children: [cell(name, { bold: true }), ...cells, cell(words)] });
    }),
  });
}

function countsTable(rows: [string, BucketCounts][], totals: BucketCounts, texts: ReportTexts): Table {
  const line = (name: string, counts: BucketCounts, bold = false) =>
    new TableRow({
      children: [
        cell(name, { bold }),
        ...BUCKETS.map((bucket) => cell(String(counts[bucket]), { right: true, bold })),
        cell(String(BUCKETS.reduce((sum, bucket) => sum + counts[bucket], 0)), { right: true, bold }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          cell(texts.perspective, { bold: true, fill: 'E7ECF2' }),
          ...BUCKETS.map(
            (bucket) =>
              new TableCell({
                shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7ECF2' },
                children: [new Paragraph({ children: mark(bucket, texts) })],
              }),
          ),
          cell(texts.total, { bold: true, fill: 'E7ECF2' }),
        ],
      }),
      ...rows.map(([name, counts]) => line(name, counts)),
      line(texts.total, totals, true),
    ],
  });
}

function measurability(model: ReportModel, texts: ReportTexts): Block[] {
  const m = texts.measurabilityColumns;
  const keys = MEASURABILITY_COUNTS;
  const rows = measurabilityRows(model.measurability, texts.total);
  const review = reviewItems(model.measurability);
  const blocks: Block[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(texts.measurability)] }),
    text(texts.measurabilityIntro),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: [m.unit, ...keys.map((key) => m[key]), m.assessableShare].map((title) => cell(title, { bold: true, fill: 'E7ECF2' })),
        }),
        ...rows.map(
          ({ name, counts }) =>
            new TableRow({
              children: [
                cell(name),
                ...keys.map((key) => cell(String(counts[key]), { right: true })),
                cell(texts.percentOfGoals(counts.assessableShare), { right: true }),
              ],
            }),
        ),
      ],
    }),
    heading(texts.review, HeadingLevel.HEADING_2),
  ];
  if (review.length === 0) blocks.push(text(texts.noReview));
  for (const { unit, item } of review) {
    const what = item.indicatorName === null ? item.goalTitle : `${item.goalTitle} – ${item.indicatorName}`;
    blocks.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [
          new TextRun({ text: `${unit}: ${what}. `, bold: true }),
          new TextRun(item.reasons.map((reason) => texts.reviewReasons[reason]).join(' ')),
        ],
      }),
    );
  }
  return blocks;
}

/** The coloured mark and its word: never colour alone. */
function markRuns(bucket: Bucket, texts: ReportTexts): XmlRun[] {
  return [
    { text: bucket === 'missing' ? '○ ' : '● ', color: bucket === 'missing' ? '5B6470' : BUCKET_COLOURS[bucket] },
    { text: texts.buckets[bucket], bold: true },
  ];
}

function mark(bucket: Bucket, texts: ReportTexts): TextRun[] {
  return markRuns(bucket, texts).map(
    (run) => new TextRun({ text: run.text, ...(run.bold ? { bold: true } : {}), ...(run.color ? { color: run.color } : {}) }),
  );
}

function cell(value: string, options: { bold?: boolean; italics?: boolean; right?: boolean; fill?: string } = {}): TableCell {
  return new TableCell({
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
    // Only what differs from the default: every property is an element in each of thousands of cells.
    children: [
      new Paragraph({
        ...(options.right ? { alignment: AlignmentType.RIGHT } : {}),
        children: [new TextRun({ text: value, ...(options.bold ? { bold: true } : {}), ...(options.italics ? { italics: true } : {}) })],
      }),
    ],
  });
}

function heading(value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(value)] });
}

function text(value: string, muted = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: value, color: muted ? '5B6470' : undefined })] });
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}
