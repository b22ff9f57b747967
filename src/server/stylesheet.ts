// The app's one stylesheet, served from /static/app.css (no inline styles: the CSP forbids them).
export const STYLESHEET = `
:root { --fg:#1b1f24; --muted:#57606a; --line:#d0d7de; --bg:#fff; --accent:#0b57d0; --mark:#fff2a8; --ev:#ffe08a; }
* { box-sizing: border-box; }
body { margin:0; font-family: system-ui, "Noto Sans CJK JP", "Hiragino Sans", sans-serif; color:var(--fg); background:var(--bg); line-height:1.6; }
header.site, footer.site { padding:.6rem 1rem; border-bottom:1px solid var(--line); }
footer.site { border-top:1px solid var(--line); border-bottom:0; color:var(--muted); font-size:.85rem; margin-top:2rem; }
.brand { font-weight:700; text-decoration:none; color:var(--fg); font-size:1.15rem; }
main { max-width:1200px; margin:0 auto; padding:1rem; }
a { color:var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline:3px solid var(--accent); outline-offset:2px; }
form.search { display:flex; flex-wrap:wrap; gap:.4rem .6rem; align-items:center; margin-bottom:1rem; }
form.search input[type=search] { flex:1 1 16rem; padding:.45rem; font-size:1rem; }
form.search button { padding:.45rem 1rem; font-size:1rem; }
.count { color:var(--muted); }
ol.incidents { list-style:none; padding:0; margin:0; }
ol.incidents li { border-bottom:1px solid var(--line); padding:.7rem 0; }
ol.incidents .title { font-weight:600; }
.meta { color:var(--muted); font-size:.9rem; display:flex; flex-wrap:wrap; gap:.2rem .7rem; }
.tag { background:#eef2f7; border-radius:3px; padding:0 .35rem; color:var(--fg); }
.snippet { margin:.3rem 0 0; font-size:.92rem; }
mark { background:var(--mark); color:inherit; }
.pager { display:flex; gap:1rem; margin-top:1rem; }
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
:target + mark.ev { outline:3px solid var(--accent); }
@media (max-width: 760px) { .notice { grid-template-columns: 1fr; } .record .field { grid-template-columns: 1fr; } }
`;
