namespace SolidWall.Core.Report;

/// <summary>
/// The page's stylesheet, inlined so that the report is one file that opens anywhere without a network. System fonts
/// only. Text colours keep 4.5:1 contrast or more on their backgrounds; print hides the navigation and keeps table
/// headings on every page.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
:root { --ink: #1a1f29; --muted: #4a5263; --rule: #d5d9e0; --band: #f3f5f8; --accent: #14365d; --link: #0b4f9c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif; }
a { color: var(--link); }
code, .id, .src { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.86em; }
code { overflow-wrap: anywhere; }
.masthead { background: var(--accent); color: #fff; padding: 28px 0 22px; }
.masthead .inner, main, .site-footer .inner, nav.toc .inner { max-width: 1080px; margin: 0 auto; padding: 0 28px; }
.masthead .kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.12em; font-size: 12px; color: #dbe6f3; }
.masthead h1 { margin: 4px 0 6px; font-size: 30px; line-height: 1.2; font-weight: 650; }
.masthead .meta { margin: 0; color: #e6edf6; font-size: 14px; }
.totals { display: flex; flex-wrap: wrap; gap: 28px; margin: 18px 0 0; padding: 0; }
.totals div { min-width: 150px; }
.totals dt { font-size: 12px; text-transform: uppercase; letter-spacing: 0.08em; color: #dbe6f3; }
.totals dd { margin: 0; font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
nav.toc { background: var(--band); border-bottom: 1px solid var(--rule); font-size: 13.5px; }
nav.toc ol { list-style: none; margin: 0; padding: 10px 0; display: flex; flex-wrap: wrap; gap: 4px 18px; }
nav.toc a { text-decoration: none; color: var(--accent); font-weight: 550; }
nav.toc a:hover { text-decoration: underline; }
main { padding-top: 8px; padding-bottom: 24px; }
section { padding: 10px 0 8px; border-bottom: 1px solid var(--rule); }
section:last-of-type { border-bottom: 0; }
h2 { font-size: 22px; margin: 22px 0 10px; color: var(--accent); }
h3 { font-size: 17px; margin: 18px 0 6px; }
p.lead { font-size: 17px; max-width: 60em; }
.empty { color: var(--muted); font-style: italic; }
.campaign { border: 1px solid var(--rule); border-left: 6px solid var(--accent); border-radius: 6px; padding: 4px 20px 16px; margin: 16px 0; background: #fff; }
.campaign .who { margin: 0 0 6px; color: var(--muted); }
.findings { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); gap: 20px; align-items: start; }
.sentences p { margin: 0 0 8px; font-size: 16px; }
.cards { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; margin: 0; }
.cards div { background: var(--band); border-radius: 5px; padding: 8px 12px; }
.cards dt { font-size: 12.5px; color: var(--muted); }
.cards dd { margin: 0; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0 6px; caption-side: top; }
caption a.csv { font-weight: 400; font-size: 12px; margin-left: 8px; }
th { text-align: left; border-bottom: 2px solid var(--ink); padding: 5px 8px; font-weight: 600; white-space: nowrap; text-transform: capitalize; }
td { border-bottom: 1px solid var(--rule); padding: 4px 8px; vertical-align: top; unicode-bidi: isolate; overflow-wrap: break-word; }
td.n { text-align: right; white-space: nowrap; }
td.k, td.h, td.d span { white-space: nowrap; }
td.p { overflow-wrap: anywhere; min-width: 9em; }
td.h code { font-size: 12px; color: var(--muted); }
table.transposed th[scope=row] { text-transform: none; font-weight: 500; color: var(--muted); border-bottom: 1px solid var(--rule); white-space: nowrap; }
table.transposed thead th { text-transform: none; white-space: normal; }
table.transposed td { text-align: right; }
.addr { white-space: nowrap; }
tbody tr:nth-child(even) td { background: #f8f9fb; }
.more { font-size: 13px; color: var(--muted); }
figure.chart { margin: 12px 0 18px; }
figure.chart svg { width: 100%; height: auto; display: block; font-size: 12px; }
figcaption { font-size: 13px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; }
.legend { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; color: var(--ink); }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.election-key { margin-top: 6px; }
svg .grid { stroke: #e3e6eb; stroke-width: 1; }
svg .axis { stroke: #59606e; stroke-width: 1; }
svg .tick, svg .bar-label { fill: #3d4452; font-size: 12px; }
svg .bar-value { fill: var(--ink); font-size: 12px; font-weight: 600; }
svg .election { stroke: #a1001f; stroke-width: 1.5; stroke-dasharray: 5 4; }
svg .election-label { fill: #a1001f; font-size: 12px; font-weight: 600; }
svg .flow-box { fill: #fff; stroke-width: 2; }
svg .flow-title { font-size: 14.5px; font-weight: 650; fill: var(--ink); }
svg .flow-detail { font-size: 12.5px; fill: #3d4452; }
svg .flow-line { stroke: #333; stroke-width: 1.6; fill: none; }
ul.tree { list-style: none; padding-left: 0; font-size: 14px; }
ul.tree ul { list-style: none; padding-left: 22px; border-left: 2px solid var(--rule); margin: 4px 0 4px 6px; }
ul.tree li { margin: 3px 0; }
.tag { font-size: 11px; background: var(--band); border: 1px solid var(--rule); border-radius: 3px; padding: 0 5px; color: var(--muted); }
q { quotes: "\201C" "\201D"; unicode-bidi: isolate; }
.breach { border-left: 4px solid #a1001f; background: #fdf4f5; padding: 6px 14px; margin: 12px 0; }
dl.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin: 6px 0; }
dl.pair dt { font-weight: 600; font-size: 13px; }
dl.pair dd { margin: 0; font-size: 13.5px; }
.thread { margin: 10px 0; }
.thread ol { margin: 4px 0; font-size: 14px; }
details { margin: 8px 0; }
summary { cursor: pointer; color: var(--link); font-weight: 550; }
.site-footer { border-top: 3px solid var(--accent); background: var(--band); font-size: 13px; color: var(--muted); padding: 16px 0 22px; }
.site-footer p { margin: 4px 0; }
.site-footer code { color: var(--ink); }
@media (max-width: 760px) { .findings { grid-template-columns: 1fr; } }
@media print {
  body { font-size: 11pt; }
  nav.toc, summary { display: none; }
  .masthead { background: #fff; color: #000; border-bottom: 3px solid #000; padding: 0 0 8px; }
  .masthead .kicker, .masthead .meta, .totals dt { color: #333; }
  .masthead .inner, main, .site-footer .inner { max-width: none; padding: 0; }
  section { break-inside: auto; }
  h2, h3, caption { break-after: avoid; }
  figure, .campaign, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""";
}
