import { createHash } from 'node:crypto';

/** The page's only style, inline; no external request, no script. */
export const REPORT_CSS = `
:root{--ink:#1b1f24;--muted:#5b6470;--line:#d6dbe1;--head:#eef1f5;--achieved:#2e7d32;--partly:#f9a825;--not_achieved:#c62828;--not_measured:#9e9e9e}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 "Segoe UI",system-ui,-apple-system,Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:1100px;margin:0 auto;padding:16px;overflow-wrap:break-word}
h1{font-size:1.7rem;margin:.2em 0}h2{font-size:1.4rem;margin:1.6em 0 .4em;border-bottom:2px solid var(--ink)}
h3{font-size:1.15rem;margin:1.3em 0 .3em}h4{font-size:1rem;margin:1em 0 .3em;color:var(--muted)}h5{font-size:1rem;margin:.2em 0}
.cover{border-bottom:1px solid var(--line);padding-bottom:12px}.cover p{margin:.2em 0}.state{font-weight:600}
.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.92rem}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
caption{text-align:left;font-weight:600;padding:4px 0}
th{background:var(--head);overflow-wrap:normal;hyphens:auto}td.num{text-align:right;white-space:nowrap}
.badge{display:inline-block;white-space:nowrap;font-weight:600;padding:0 6px;border-radius:10px;border:1px solid var(--line)}
.badge .mark{margin-right:3px}
.b-achieved .mark{color:var(--achieved)}.b-partly .mark{color:#b07800}.b-not_achieved .mark{color:var(--not_achieved)}.b-not_measured .mark{color:var(--not_measured)}
.b-missing{border-style:dashed}
.goal{border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:8px 0 14px;break-inside:avoid-page}
.goal header{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:baseline;justify-content:space-between}
.analysis{margin:.3em 0}.saved{font-size:.85rem;color:var(--muted)}
.word{font-style:italic}.reason{display:block;font-size:.85rem;color:var(--muted)}
.bars{margin:.4em 0 1em}.bar{display:grid;grid-template-columns:minmax(90px,200px) 1fr;gap:8px;align-items:center;margin:3px 0}
.bar svg{width:100%;height:18px}.legend{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:.85rem;margin-bottom:.4em}
.spark{width:72px;height:20px;vertical-align:middle}
.red{border-left:4px solid var(--not_achieved);padding-left:8px;margin:8px 0}
@media (max-width:700px){
  main{padding:10px}h1{font-size:1.35rem}
  table.rows,table.rows tbody,table.rows tr,table.rows td{display:block;width:100%}
  table.rows thead{display:none}
  table.rows tr{border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:4px 0}
  table.rows td{border:0;padding:2px 8px;text-align:left;white-space:normal}
  table.rows td::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
  table.rows td.name::before{content:none}table.rows td.name{font-weight:600}
}
@media print{
  body{font-size:10.5pt}main{max-width:none;padding:0}
  .unit{break-before:page}a{color:inherit;text-decoration:none}
  th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  svg,.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  @page{margin:16mm 14mm}
}
`;

/**
 * The Content-Security-Policy the page needs and no more: its one <style> by hash, images only as
 * inline SVG, nothing else (no script, no fetch, no frame). For the HTTP route that serves it.
 */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
