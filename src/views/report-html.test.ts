import { createHash } from 'node:crypto';
import { buildReportModel } from '../domain/report-model';
import { FORMULA_COMMENT, sampleReportInput } from '../../test/support/report-input';
import { escapeHtml, html } from './html';
import { renderReportHtml } from './report-html';
import { REPORT_CSP } from './report-html-style';

const NBSP = '\u00a0';

describe(renderReportHtml.name, () => {
  const page = renderReportHtml(buildReportModel(sampleReportInput()), 'sv', 'Europe/Stockholm');

  test('when a comment holds <script>, then it is escaped text and the page has no script at all', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;');
    expect(page).toContain(escapeHtml(FORMULA_COMMENT));
  });

  test('when rendered, then it is self-contained: no external request, noindex, one inline style', () => {
    expect(page).not.toMatch(/(src|href)=|url\(|@import/i);
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).toContain('@media print');
    expect(page).toContain('@media (max-width:700px)');
  });

  test('when rendered, then values are in the page in the Swedish forms, with words for what is missing', () => {
    expect(page).toContain(`6,3${NBSP}%`);
    expect(page).toContain(`-11,1${NBSP}mnkr`);
    expect(page).toContain(`21${NBSP}707`);
    expect(page).toContain('<span class="word">Saknas</span>');
    expect(page).toContain('<span class="word">Ej tillgängligt</span>');
    expect(page).toContain('Skäl: Ny rutin för rapportering.');
    expect(page).toContain('<span class="word">Mäts helår</span>');
  });

  test('when rendered, then status is a word with its mark, charts are inline SVG, and Mätbarhet is there', () => {
    expect(page).toContain('<span class="badge b-not_achieved"><span class="mark" aria-hidden="true">●</span>Röd</span>');
    expect(page.match(/<svg viewBox="0 0 100 10"/g)).toHaveLength(3);
    expect(page).toContain('<svg class="spark"');
    expect(page).toContain('Att se över inför nästa plan');
    expect(page).toContain('Utkast – perioden pågår');
  });

  test('when the stylesheet is hashed, then the CSP allows exactly it and nothing else', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(REPORT_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(REPORT_CSP).toContain("default-src 'none'");
  });

  test('when English is asked for, then the texts are English and values stay Swedish', () => {
    const en = renderReportHtml(buildReportModel(sampleReportInput()), 'en', 'Europe/Stockholm');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Missing');
    expect(en).toContain(`6,3${NBSP}%`);
  });
});

describe(html.name, () => {
  test('when strings are interpolated, then they are escaped, in text and attributes alike', () => {
    const evil = `"><img src=x onerror=alert(1)>`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
  });
});
