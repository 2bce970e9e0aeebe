import { MEASURABILITY_COUNTS, measurabilityRows, reviewItems } from '../domain/measurability';
import { comparisonLine } from './summary-view';
import { BUCKETS, type Bucket, type BucketCounts } from '../domain/aggregation';
import type { ReportGoal, ReportIndicator, ReportModel, ReportUnit, ReportValue } from '../domain/report-model';
import type { Locale } from '../i18n/locale';
import { BUCKET_COLOURS, reportTexts, valueText, type ReportTexts } from '../i18n/report-texts';
import { html, SafeHtml } from './html';
import { REPORT_CSS } from './report-html-style';
import { formatReportDate } from './report-dates';

/**
 * The report as one self-contained web page: values in the HTML itself, inline CSS, inline SVG
 * charts, no script and no external request, readable at 390 px (tables become cards) and printed
 * one unit per page. Every user text goes through the escaping `html` tag.
 */
export function renderReportHtml(model: ReportModel, locale: Locale, timezone: string): string {
  const texts = reportTexts(locale);
  const { cover } = model;
  const title = `${texts.title} – ${cover.periodLabel}`;
  const page = html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header class="cover">
<h1>${title}</h1>
<p>${cover.organisation}</p>
<p>${texts.units}: ${cover.units.map((unit) => unit.name).join(', ')}</p>
<p class="state">${cover.final ? texts.final : texts.draft}</p>
<p class="muted">${texts.madeAt(formatReportDate(cover.madeAt, timezone, locale))}</p>
</header>
${summarySection(model, texts, locale)}
${model.units.map((unit) => unitSection(unit, model, texts))}
${measurabilitySection(model, texts)}
</main>
</body>
</html>
`;
  return page.value;
}

/** Our own constant stylesheet, the one raw insert (no user text in it). */
const STYLE = new SafeHtml(REPORT_CSS);

function summarySection(model: ReportModel, texts: ReportTexts, locale: Locale): SafeHtml {
  const { summary } = model;
  return html`<section>
<h2>${texts.summary}</h2>
<p>${summary.owners.total === 0 ? texts.noOwners : texts.responseRate(summary.owners.answered, summary.owners.total, summary.responseRate)}</p>
<h3>${texts.chart}</h3>
<div class="legend">${BUCKETS.map((bucket) => badge(bucket, texts))}</div>
<div class="bars">${summary.perspectives.map((perspective) => html`<div class="bar"><span>${perspective.name}</span>${stackedBar(perspective.goals, texts)}</div>`)}</div>
${countsTable(
  texts.goalsPerPerspective,
  summary.perspectives.map((p) => [p.name, p.goals]),
  summary.totals.goals,
  texts,
)}
${countsTable(
  texts.indicatorsPerPerspective,
  summary.perspectives.map((p) => [p.name, p.indicators]),
  summary.totals.indicators,
  texts,
)}
${
  summary.comparison && summary.previousLabel
    ? html`<h3>${texts.change(summary.previousLabel)}</h3><p>${comparisonLine(summary.comparison, summary.previousLabel, locale)}</p>`
    : html`<p class="muted">${texts.noPrevious}</p>`
}
<h3>${texts.redGoals}</h3>
${
  summary.redGoals.length === 0
    ? html`<p>${texts.noRedGoals}</p>`
    : summary.redGoals.map(
        (red) => html`<div class="red">
<h5>${red.title} ${badge(red.assessment, texts)}</h5>
<p class="muted">${red.unitName} · ${red.perspective}</p>
<p class="analysis"><strong>${texts.analysis}:</strong> ${red.analysis || texts.noAnalysis}</p>
${red.indicators.length === 0 ? '' : html`<ul>${red.indicators.map((i) => html`<li>${i.name}: <strong>${valueText(i.outcome, [], texts)}</strong>${i.target ? html` (${texts.columns.target.toLowerCase()} ${valueText(i.target, [], texts)})` : ''}${i.comment ? html` – ${i.comment}` : ''}</li>`)}</ul>`}
</div>`,
      )
}
</section>`;
}

function countsTable(caption: string, rows: [string, BucketCounts][], totals: BucketCounts, texts: ReportTexts): SafeHtml {
  const line = (name: string, counts: BucketCounts, bold = false) =>
    html`<tr><td class="name" data-label="${texts.perspective}">${bold ? html`<strong>${name}</strong>` : name}</td>${BUCKETS.map((bucket) => html`<td class="num" data-label="${texts.buckets[bucket]}">${counts[bucket]}</td>`)}<td class="num" data-label="${texts.total}">${sum(counts)}</td></tr>`;
  return html`<table class="rows"><caption>${caption}</caption>
<thead><tr><th>${texts.perspective}</th>${BUCKETS.map((bucket) => html`<th>${badge(bucket, texts)}</th>`)}<th>${texts.total}</th></tr></thead>
<tbody>${rows.map(([name, counts]) => line(name, counts))}${line(texts.total, totals, true)}</tbody></table>`;
}

function unitSection(unit: ReportUnit, model: ReportModel, texts: ReportTexts): SafeHtml {
  return html`<section class="unit">
<h2>${unit.name}</h2>
${unit.perspectives.map(
  (perspective) => html`<h3>${texts.perspective}: ${perspective.name}</h3>
${perspective.areas.map((area) => html`${area.name === null ? '' : html`<h4>${area.name}</h4>`}${area.goals.map((goal) => goalBlock(goal, model, texts))}`)}`,
)}
</section>`;
}

function goalBlock(goal: ReportGoal, model: ReportModel, texts: ReportTexts): SafeHtml {
  const c = texts.columns;
  return html`<article class="goal">
<header><h5>${goal.title}</h5>${badge(goal.assessment, texts)}</header>
<p class="analysis"><strong>${texts.analysis}:</strong> ${goal.analysis || (goal.assessment === 'missing' ? texts.missing : texts.noAnalysis)}</p>
${goal.owners.length > 0 ? html`<p class="saved">${texts.owners}: ${goal.owners.join(', ')}${goal.savedBy ? html` · ${c.savedBy.toLowerCase()} ${goal.savedBy}` : ''}</p>` : ''}
${
  goal.indicators.length === 0
    ? ''
    : html`<table class="rows">
<thead><tr><th>${c.indicator}</th><th>${c.outcome}</th><th>${c.target}</th><th>${c.assessment}</th><th>${c.previous}</th><th>${texts.trend}</th><th>${c.comment}</th></tr></thead>
<tbody>${goal.indicators.map((indicator) => indicatorRow(indicator, model, texts))}</tbody></table>`
}
</article>`;
}

function indicatorRow(indicator: ReportIndicator, model: ReportModel, texts: ReportTexts): SafeHtml {
  const c = texts.columns;
  const reason = indicator.outcome.state === 'not_available' && indicator.comment !== '';
  return html`<tr>
<td class="name" data-label="${c.indicator}">${indicator.name}</td>
<td class="num" data-label="${c.outcome}">${valueCell(indicator.outcome, indicator.measuredIn, texts)}</td>
<td class="num" data-label="${c.target}">${valueText(indicator.target, indicator.measuredIn, texts)}</td>
<td data-label="${c.assessment}">${indicator.assessment === null ? '–' : badge(indicator.assessment, texts)}</td>
<td class="num" data-label="${c.previous}">${indicator.previous ? valueCell(indicator.previous, indicator.measuredIn, texts) : '–'}</td>
<td data-label="${texts.trend}">${sparkline(indicator, model, texts)}</td>
<td data-label="${c.comment}">${reason ? html`<span class="reason">${texts.reason(indicator.comment)}</span>` : indicator.comment}</td>
</tr>`;
}

function valueCell(value: ReportValue, measuredIn: readonly string[], texts: ReportTexts): SafeHtml {
  const text = valueText(value, measuredIn, texts);
  return value.state === 'value' ? html`${text}` : html`<span class="word">${text}</span>`;
}

function badge(bucket: Bucket, texts: ReportTexts): SafeHtml {
  return html`<span class="badge b-${bucket}"><span class="mark" aria-hidden="true">${bucket === 'missing' ? '○' : '●'}</span>${texts.buckets[bucket]}</span>`;
}

/** One bar of the goals per bucket; the counts and words are in the table below it. */
function stackedBar(counts: BucketCounts, texts: ReportTexts): SafeHtml {
  const total = sum(counts);
  let x = 0;
  const parts = BUCKETS.filter((bucket) => counts[bucket] > 0).map((bucket) => {
    const width = total === 0 ? 0 : (counts[bucket] / total) * 100;
    const rect = html`<rect x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="10" fill="#${BUCKET_COLOURS[bucket]}" stroke="#5b6470" stroke-width="0.2"><title>${texts.buckets[bucket]}: ${counts[bucket]}</title></rect>`;
    x += width;
    return rect;
  });
  const label = BUCKETS.map((bucket) => `${texts.buckets[bucket]} ${counts[bucket]}`).join(', ');
  return html`<svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${label}">${parts}</svg>`;
}

/** The indicator's numbers over the periods so far (and last year first, dashed), as a small line. */
function sparkline(indicator: ReportIndicator, model: ReportModel, texts: ReportTexts): SafeHtml | string {
  const points = indicator.trend.map((value, index) => ({ label: model.periods[index]?.code ?? '', value: value.number }));
  const series = [
    ...(indicator.lastYear?.number !== null && indicator.lastYear
      ? [{ label: texts.columns.lastYear, value: indicator.lastYear.number }]
      : []),
    ...points,
  ];
  const numbers = series.filter((point): point is { label: string; value: number } => point.value !== null);
  if (numbers.length === 0) return '–';
  const min = Math.min(...numbers.map((point) => point.value));
  const max = Math.max(...numbers.map((point) => point.value));
  const step = series.length > 1 ? 68 / (series.length - 1) : 0;
  const coords = series
    .map((point, index) =>
      point.value === null
        ? null
        : `${(2 + index * step).toFixed(1)},${(max === min ? 10 : 18 - ((point.value - min) / (max - min)) * 16).toFixed(1)}`,
    )
    .filter((point): point is string => point !== null);
  const last = coords.at(-1)!.split(',');
  const label = series.map((point) => `${point.label}: ${point.value === null ? '–' : String(point.value).replace('.', ',')}`).join('; ');
  return html`<svg class="spark" viewBox="0 0 72 20" role="img" aria-label="${label}"><title>${label}</title>${coords.length > 1 ? html`<polyline points="${coords.join(' ')}" fill="none" stroke="#1b1f24" stroke-width="1.5"/>` : ''}<circle cx="${last[0]}" cy="${last[1]}" r="2.2" fill="#1b1f24"/></svg>`;
}

function sum(counts: BucketCounts): number {
  return BUCKETS.reduce((total, bucket) => total + counts[bucket], 0);
}

function measurabilitySection(model: ReportModel, texts: ReportTexts): SafeHtml {
  const m = texts.measurabilityColumns;
  const keys = MEASURABILITY_COUNTS;
  const rows = measurabilityRows(model.measurability, texts.total);
  const review = reviewItems(model.measurability);
  return html`<section class="unit">
<h2>${texts.measurability}</h2>
<p>${texts.measurabilityIntro}</p>
<table class="rows"><thead><tr><th>${m.unit}</th>${keys.map((key) => html`<th>${m[key]}</th>`)}<th>${m.assessableShare}</th></tr></thead>
<tbody>${rows.map(({ name, counts }) => html`<tr><td class="name" data-label="${m.unit}">${name}</td>${keys.map((key) => html`<td class="num" data-label="${m[key]}">${counts[key]}</td>`)}<td class="num" data-label="${m.assessableShare}">${texts.percentOfGoals(counts.assessableShare)}</td></tr>`)}</tbody></table>
<h3>${texts.review}</h3>
${
  review.length === 0
    ? html`<p>${texts.noReview}</p>`
    : html`<table class="rows"><thead><tr><th>${texts.columns.unit}</th><th>${texts.columns.goal}</th><th>${texts.columns.indicator}</th><th>${texts.columns.comment}</th></tr></thead>
<tbody>${review.map(({ unit, item }) => html`<tr><td data-label="${texts.columns.unit}">${unit}</td><td class="name" data-label="${texts.columns.goal}">${item.goalTitle}</td><td data-label="${texts.columns.indicator}">${item.indicatorName ?? '–'}</td><td data-label="${texts.columns.comment}">${item.reasons.map((reason) => texts.reviewReasons[reason]).join(' ')}</td></tr>`)}</tbody></table>`
}
</section>`;
}
