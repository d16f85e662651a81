import { Html, html } from './htmlTemplate';

/** Our own style sheet: constant text, inserted as it is (the one thing not escaped). */
const STYLE = new Html(`
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --head: #f4f6f8; --border: #d1d9e0;
  --track: #e6eaef; --bar: #d4776b; --whisker: #1f2328; --bad: #a1262c; --good: #1a6b35; --wait: #805b00; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #15191e; --head: #212830; --border: #3d444d;
    --track: #2d333b; --bar: #c8675c; --whisker: #e6edf3; --bad: #ff8182; --good: #6fdd8b; --wait: #e3b341; }
}
@media print {
  :root { color-scheme: light; --fg: #000; --muted: #444; --bg: #fff; --head: #eee; --border: #999;
    --track: #e6e6e6; --bar: #d4776b; --whisker: #000; --bad: #a1262c; --good: #1a6b35; --wait: #805b00; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  section { break-inside: auto; }
  tr, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .5rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--border); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .2rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; caption-side: top; }
th, td { border: 1px solid var(--border); padding: .25rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
tbody th { font-weight: normal; }
.num { text-align: right; white-space: nowrap; }
.total th, .total td { font-weight: 600; background: var(--head); }
.share { white-space: nowrap; }
.share svg { display: block; margin-top: .2rem; }
.track { fill: var(--track); }
.bar { fill: var(--bar); }
.whisker { stroke: var(--whisker); stroke-width: 1.5; fill: none; }
.status-unsatisfactory { color: var(--bad); font-weight: 600; }
.status-satisfactory { color: var(--good); font-weight: 600; }
.status-awaitingJudgment { color: var(--wait); font-weight: 600; }
.status-above { color: var(--bad); font-weight: 600; }
.status-below { color: var(--good); font-weight: 600; }
.status-notDistinguishable { font-weight: 600; }
.note, footer { color: var(--muted); }
.config-notice { border: 2px solid var(--bad); border-radius: 4px; padding: .2rem 1rem; margin: 1rem 0; }
.config-notice strong { color: var(--bad); }
footer { margin-top: 2rem; font-size: .9em; }
`);

/** A titled section of a report page. */
export function section(id: string, title: string, body: Html | Html[]): Html {
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${body}
</section>
`;
}

/**
 * A standalone report page: no scripts, no remote resources, a strict Content-Security-Policy,
 * print-friendly styles with a dark variant. Every value in it went through `html` (escaped).
 */
export function standalonePage(page: { title: string; header?: Html; main: Html; footer: Html }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dipsample">
<title>${page.title}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${page.title}</h1>
${page.header}
</header>
<main>
${page.main}</main>
<footer>${page.footer}</footer>
</body>
</html>
`.text;
}
