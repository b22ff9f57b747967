// The app's one stylesheet, served from /static/app.css (no inline styles: the CSP forbids them).
// Colours keep a contrast of at least 4.5:1 against their background (WCAG AA).
export const STYLESHEET = `
:root { --fg:#1b1f24; --muted:#4d5761; --line:#d0d7de; --bg:#fff; --soft:#f5f7fa; --accent:#0b57d0; --mark:#fff2a8; --ev:#ffe08a; --warn:#8a4b00; --low:#a4161a; }
* { box-sizing: border-box; }
body { margin:0; font-family: system-ui, "Noto Sans CJK JP", "Hiragino Sans", sans-serif; color:var(--fg); background:var(--bg); line-height:1.6; }
.skip { position:absolute; left:-999px; top:0; background:var(--bg); padding:.4rem .8rem; z-index:10; }
.skip:focus { left:.5rem; }
.sr { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
header.site { display:flex; flex-wrap:wrap; align-items:center; gap:.4rem 1.5rem; padding:.6rem 1rem; border-bottom:1px solid var(--line); }
header.site nav { display:flex; flex-wrap:wrap; gap:.2rem 1rem; }
header.site nav a { text-decoration:none; padding:.15rem 0; }
header.site nav a[aria-current=page] { font-weight:700; border-bottom:3px solid var(--accent); }
footer.site { padding:.6rem 1rem; border-top:1px solid var(--line); color:var(--muted); font-size:.85rem; margin-top:2rem; }
.brand { font-weight:700; text-decoration:none; color:var(--fg); font-size:1.15rem; }
main { max-width:1280px; margin:0 auto; padding:1rem; }
h1 { font-size:1.5rem; margin:.3rem 0 .8rem; line-height:1.35; }
h2 { font-size:1.2rem; margin:1.6rem 0 .6rem; }
h3 { font-size:1rem; margin:1rem 0 .4rem; }
a { color:var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline:3px solid var(--accent); outline-offset:2px; }
button { font:inherit; padding:.4rem 1rem; border:1px solid var(--accent); background:var(--accent); color:#fff; border-radius:4px; cursor:pointer; }
button.small { padding:.1rem .6rem; font-size:.85rem; background:var(--bg); color:var(--accent); }
button:disabled { opacity:.55; cursor:not-allowed; }
input, select { font:inherit; padding:.35rem .45rem; border:1px solid #8c959f; border-radius:4px; background:var(--bg); color:var(--fg); max-width:100%; }
form.search { display:flex; flex-wrap:wrap; gap:.4rem .6rem; align-items:center; margin-bottom:1rem; }
form.search input[type=search] { flex:1 1 16rem; font-size:1rem; }
.count { color:var(--muted); }
.browse { display:grid; grid-template-columns: 16rem 1fr; grid-template-areas: "facets results"; gap:1.5rem; align-items:start; }
.browse .results { grid-area:results; min-width:0; }
.browse .facets { grid-area:facets; }
.to-facets { display:none; margin:0; }
.facets h2 { margin-top:0; font-size:1.05rem; }
.facet h3 { font-size:.9rem; color:var(--muted); margin:.9rem 0 .2rem; }
.facet ul { list-style:none; margin:0; padding:0; }
.facet a { display:flex; gap:.35rem; align-items:baseline; text-decoration:none; padding:.12rem .2rem; border-radius:3px; color:var(--fg); }
.facet a:hover { background:var(--soft); }
.facet a.on { font-weight:700; color:var(--accent); }
.facet .n { margin-left:auto; color:var(--muted); font-size:.85rem; font-variant-numeric:tabular-nums; }
.chips { list-style:none; display:flex; flex-wrap:wrap; gap:.4rem; padding:0; margin:0 0 .6rem; }
.chips a { display:inline-block; border:1px solid var(--line); border-radius:999px; padding:.1rem .7rem; text-decoration:none; font-size:.9rem; }
ol.incidents { list-style:none; padding:0; margin:0; }
ol.incidents li { border-bottom:1px solid var(--line); padding:.7rem 0; }
ol.incidents .title { font-weight:600; }
.num { font-variant-numeric:tabular-nums; color:var(--muted); font-weight:600; }
.meta { color:var(--muted); font-size:.9rem; display:flex; flex-wrap:wrap; gap:.2rem .7rem; align-items:baseline; }
.tag { background:#eef2f7; border-radius:3px; padding:0 .35rem; color:var(--fg); }
.merge-changes .tag { background:#fff1d6; }
.reviewed { color:#116329; }
.snippet { margin:.3rem 0 0; font-size:.92rem; }
mark { background:var(--mark); color:inherit; }
.pager { display:flex; gap:1rem; margin-top:1rem; align-items:baseline; }
.toc { display:flex; flex-wrap:wrap; gap:.3rem 1rem; font-size:.9rem; margin-bottom:.5rem; }
.help { color:var(--muted); font-size:.88rem; margin:.2rem 0 .6rem; }
.warn { color:var(--warn); border-left:4px solid var(--warn); padding:.3rem .7rem; background:#fff8e6; }
.table-wrap { overflow-x:auto; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; vertical-align:top; padding:.35rem .5rem; border-bottom:1px solid var(--line); }
thead th { font-size:.85rem; color:var(--muted); }
table.record th[scope=row] { font-weight:400; color:var(--muted); white-space:nowrap; font-size:.9rem; }
table.record td.value { font-weight:600; word-break:break-word; }
table.record .rule { display:block; color:var(--muted); font-size:.8rem; }
table.record tr.low td.value { color:var(--low); }
.conf-high { color:#116329; } .conf-medium { color:var(--warn); } .conf-low { color:var(--low); font-weight:700; }
ol.timeline { list-style:none; padding:0; margin:0; border-left:3px solid var(--line); }
ol.timeline li { padding:.2rem 0 .2rem 1rem; position:relative; }
ol.timeline li::before { content:""; position:absolute; left:-.45rem; top:.75rem; width:.6rem; height:.6rem; border-radius:50%; background:var(--accent); }
ol.timeline time { font-variant-numeric:tabular-nums; margin-right:.6rem; }
ul.related { padding-left:1.2rem; }
section.review { border:1px solid var(--line); border-radius:6px; padding:0 1rem 1rem; margin-top:1.6rem; background:var(--soft); }
section.review fieldset { border:1px solid var(--line); border-radius:4px; margin:.8rem 0; background:var(--bg); min-width:0; }
section.review select, section.review input[type="text"] { max-width:100%; }
section.review legend { font-weight:700; padding:0 .3rem; }
section.review .row { display:flex; flex-wrap:wrap; gap:.3rem .6rem; align-items:center; margin:.4rem 0; }
section.review .row label { min-width:7rem; }
form.who { display:flex; flex-wrap:wrap; gap:.4rem .6rem; align-items:center; }
form.who .help { flex-basis:100%; }
form.inline { display:inline; }
table.history tr.reverted td { color:var(--muted); text-decoration:line-through; }
table.history tr.reverted td:last-child { text-decoration:none; }
.unlink ul, ul.decisions { list-style:none; padding:0; display:flex; flex-direction:column; gap:.3rem; }
article.notice-card { border-top:2px solid var(--line); padding-top:.4rem; margin-top:1rem; }
.notice { display:grid; grid-template-columns: minmax(16rem, 26rem) 1fr; gap:1.5rem; align-items:start; }
.record dl { margin:0; }
.record .field { display:grid; grid-template-columns: 11rem 1fr; gap:.5rem; padding:.3rem 0; border-bottom:1px solid var(--line); }
.record dt { color:var(--muted); font-size:.85rem; }
.record dd { margin:0; word-break:break-word; }
.record .has-ev dd { font-weight:600; }
.evlink { font-weight:400; font-size:.8rem; margin-left:.3rem; }
.version { color:var(--muted); font-size:.8rem; }
pre.notice-text { white-space:pre-wrap; word-break:break-word; font-family:inherit; background:#fafbfc; border:1px solid var(--line); padding:1rem; margin:0; }
mark.ev { background:var(--ev); border-bottom:2px solid #c99a00; }
.anchor { scroll-margin-top:4rem; }
.anchor:target + mark.ev { outline:3px solid var(--accent); }
.error-message { word-break:break-word; }
figure { margin:0; }
details .table-wrap th { white-space:nowrap; }
/* Charts are drawn 720 px wide with a viewBox: they shrink to the screen, never past it. */
figure svg { display:block; max-width:100%; height:auto; }
.source-url { word-break:break-all; }
@media (max-width: 760px) {
  .browse, .notice { grid-template-columns: 1fr; }
  .browse { grid-template-areas: "results" "facets"; }
  .to-facets { display:block; }
  .record .field { grid-template-columns: 1fr; }
  .facets { border-top:1px solid var(--line); padding-top:.6rem; }
  .facet ul { display:flex; flex-wrap:wrap; gap:.2rem .8rem; }
  .facet a .n { margin-left:.2rem; }
  table.record th[scope=row] { white-space:normal; }
}
/* On a phone a table with buttons becomes one card per row, each cell under its column's name, so no
   button sits off to the right of a table that scrolls sideways. */
@media (max-width: 600px) {
  :is(table.stack, table.record, table.accounts, table.tokens, table.history) :is(tbody, tr, td, th[scope=row]) { display:block; width:100%; }
  :is(table.stack, table.record, table.accounts, table.tokens, table.history) thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
  :is(table.stack, table.record, table.accounts, table.tokens, table.history) tr { border-bottom:2px solid var(--line); padding:.3rem 0; }
  :is(table.stack, table.record, table.accounts, table.tokens, table.history) :is(td, th[scope=row]) { border:0; padding:.15rem 0; word-break:break-word; }
  table.stack td[data-label]::before { content:attr(data-label); display:block; color:var(--muted); font-size:.8rem; }
  form.inline { display:flex; flex-wrap:wrap; gap:.3rem .6rem; align-items:center; }
}
`;
