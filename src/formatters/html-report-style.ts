/** The report's whole style sheet, inlined so the file needs nothing from the network. */
export const REPORT_CSS = `
:root { color-scheme: light; --fail: #b42318; --review: #b54708; --pass: #067647; --muted: #475467; --line: #d0d5dd; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 70rem; padding: 1.5rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #101828; background: #fff; }
h1 { margin: 0 0 .25rem; font-size: 1.75rem; }
.meta, .legend, .files { color: var(--muted); font-size: .9rem; }
.summary { font-size: 1.1rem; }
.summary .fail { color: var(--fail); } .summary .review { color: var(--review); } .summary .pass { color: var(--pass); }
.campaign { border: 1px solid var(--line); border-left: .5rem solid var(--pass); border-radius: .5rem; padding: 1rem 1.25rem; margin: 1.25rem 0; break-inside: avoid-page; }
.campaign.fail { border-left-color: var(--fail); } .campaign.review { border-left-color: var(--review); }
.campaign h2 { margin: 0; font-size: 1.25rem; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: baseline; }
.verdict { font-size: .95rem; font-weight: 600; padding: .1rem .6rem; border-radius: 1rem; color: #fff; background: var(--pass); }
.fail .verdict { background: var(--fail); } .review .verdict { background: var(--review); }
.findings { padding-left: 1.5rem; }
.finding { margin: 1rem 0; padding-bottom: 1rem; border-bottom: 1px dashed var(--line); }
.finding:last-child { border-bottom: 0; }
.message { margin: 0 0 .5rem; font-weight: 500; }
.decoded { margin: 0 0 .5rem; padding: .25rem .75rem; border-left: .25rem solid var(--line); background: #f9fafb; font-size: .9rem; }
.decoded .part { color: var(--muted); } .decoded q { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; padding: 0 .45rem; border-radius: .25rem; color: #fff; background: var(--fail); }
.warning .badge { background: var(--review); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 .5rem; font-size: .95rem; }
dt { color: var(--muted); font-weight: 600; } dd { margin: 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
.snippet { margin: 0; padding: .5rem .75rem; background: #f2f4f7; border-radius: .375rem; overflow-x: auto; font-size: .85rem; line-height: 1.45; tab-size: 4; }
.snippet .line { display: block; white-space: pre; }
.snippet .number { color: #98a2b3; user-select: none; }
.snippet .flagged { background: #fee4e2; }
.warning .snippet .flagged { background: #fef0c7; }
.snippet mark { background: #fda29b; color: inherit; border-radius: 2px; }
.warning .snippet mark { background: #fec84b; }
.rules h2 { font-size: 1.25rem; }
.reasoning { border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem; margin: .5rem 0; }
.reasoning summary { cursor: pointer; font-weight: 600; }
.reasoning-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .95rem; margin-top: .5rem; }
a { color: #1849a9; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }
`;
