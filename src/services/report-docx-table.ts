/**
 * WordprocessingML for the report's goal blocks (heading, bedömning, analysis, indicator table),
 * written directly. The docx library builds an object per element and keeps the whole tree; for
 * 1 000 goals and 5 000 indicators (30 000 cells) that alone took about 3 s and 230 MB, over the
 * report's bound. This is the same markup docx writes for its own paragraphs and tables (checked in
 * report-docx.test.ts), produced as strings with every text escaped.
 */
export interface XmlRun {
  text: string;
  bold?: boolean;
  italics?: boolean;
  color?: string;
}

export interface XmlCell {
  runs: XmlRun[];
  right?: boolean;
  fill?: string;
}

/** Full text width of an A4 page with docx's default margins, in twentieths of a point. */
const TEXT_WIDTH = 9026;
const BORDER = 'w:val="single" w:color="auto" w:sz="4"';
const TABLE_PROPERTIES = `<w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders></w:tblPr>`;

export function tableXml(header: readonly XmlCell[], rows: readonly (readonly XmlCell[])[], widths: readonly number[]): string {
  const total = widths.reduce((sum, width) => sum + width, 0);
  const twips = widths.map((width) => Math.round((width / total) * TEXT_WIDTH));
  const grid = twips.map((width) => `<w:gridCol w:w="${width}"/>`).join('');
  const line = (cells: readonly XmlCell[]) => cells.map((cell, index) => cellXml(cell, twips[index] ?? 0)).join('');
  const parts = [`<w:tbl>${TABLE_PROPERTIES}<w:tblGrid>${grid}</w:tblGrid>`];
  if (header.length > 0) parts.push(`<w:tr><w:trPr><w:tblHeader/></w:trPr>${line(header)}</w:tr>`);
  for (const row of rows) parts.push(`<w:tr>${line(row)}</w:tr>`);
  parts.push('</w:tbl>');
  return parts.join('');
}

/** A paragraph, optionally in a named style (`Heading4`), as docx writes one. */
export function paragraphXml(runs: readonly XmlRun[], style?: string): string {
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs.map(runXml).join('')}</w:p>`;
}

function cellXml(cell: XmlCell, width: number): string {
  const properties = `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${cell.fill ? `<w:shd w:fill="${hex(cell.fill)}" w:color="auto" w:val="clear"/>` : ''}</w:tcPr>`;
  const alignment = cell.right ? '<w:pPr><w:jc w:val="right"/></w:pPr>' : '';
  return `<w:tc>${properties}<w:p>${alignment}${cell.runs.map(runXml).join('')}</w:p></w:tc>`;
}

function runXml(run: XmlRun): string {
  const properties =
    (run.bold ? '<w:b/><w:bCs/>' : '') + (run.italics ? '<w:i/><w:iCs/>' : '') + (run.color ? `<w:color w:val="${hex(run.color)}"/>` : '');
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes markup and drops the control characters XML 1.0 cannot hold at all. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

function hex(colour: string): string {
  return /^[0-9A-Fa-f]{6}$/.test(colour) ? colour : '000000';
}
