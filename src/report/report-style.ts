// The annual report's stylesheet, inlined into the document so the file stands alone and prints well.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2129; --muted: #5b6270; --rule: #d5d9e0; --accent: #2f4bb5; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; color: var(--ink); background: #fff;
  font: 15px/1.7 "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", sans-serif; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; padding-bottom: 1rem; }
.kicker { color: var(--accent); font-weight: 700; margin: 0; letter-spacing: .05em; }
h1 { font-size: 2rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.35rem; border-left: 6px solid var(--accent); padding-left: .6rem; margin: 2.5rem 0 .6rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
.lead { font-size: 1.05rem; }
.scope { color: var(--muted); font-size: .85rem; margin: .2rem 0 .8rem; }
.note { color: var(--muted); font-size: .85rem; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .8rem; margin: 0; }
.totals div { border: 1px solid var(--rule); border-radius: 6px; padding: .6rem .8rem; }
.totals dt { color: var(--muted); font-size: .85rem; }
.totals dd { margin: 0; font-size: 1.4rem; font-weight: 700; }
.totals dd.sub { font-size: .8rem; font-weight: 400; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .85rem; }
caption { text-align: left; color: var(--muted); font-size: .8rem; padding-bottom: .2rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f9; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1rem 0 .4rem; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .85rem; }
details summary { cursor: pointer; color: var(--accent); font-size: .85rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .8rem; }
@media (max-width: 40rem) { .pair { grid-template-columns: 1fr; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  section { break-inside: auto; }
  h2 { break-after: avoid; }
  figure, table { break-inside: avoid; }
  details > summary { display: none; }
}
`;
