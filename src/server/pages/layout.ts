// The page frame shared by every server-rendered page. All values pass through hono/html escaping.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export function layout(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — jikenbo 事件簿</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<header class="site"><a href="/" class="brand">jikenbo <span lang="ja">事件簿</span></a></header>
<main>${body}</main>
<footer class="site">jikenbo — 日本のセキュリティ事案の公表文を集め、読み、探す</footer>
</body>
</html>`;
}
