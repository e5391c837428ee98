/** The console's only stylesheet, served from /console/assets/console.css (no CDN, no build). */
export const CONSOLE_CSS = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff;
  --accent: #0b5cad; --bad: #a40e26; --bad-bg: #ffebe9; --warn: #7d4e00; --warn-bg: #fff8c5;
  --ok: #116329; --ok-bg: #dafbe1; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header.top { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; padding: .6rem 1rem; border-bottom: 1px solid var(--line); background: #f6f8fa; }
header.top .brand { font-weight: 700; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .8rem; border: 1px solid currentColor; }
.env { color: var(--warn); background: var(--warn-bg); }
nav ul { display: flex; gap: .9rem; list-style: none; margin: 0; padding: 0; flex-wrap: wrap; }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid #f2a900; outline-offset: 1px; }
main { padding: 1rem; max-width: 80rem; }
h1 { font-size: 1.5rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
form.search { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .6rem 1rem; align-items: end; }
label { display: block; font-weight: 600; font-size: .9rem; }
input, select { width: 100%; padding: .35rem; font: inherit; border: 1px solid var(--muted); border-radius: 4px; }
button { font: inherit; padding: .4rem .9rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
.state-overdue, .status-rejected, .status-failed, .dead { color: var(--bad); background: var(--bad-bg); }
.state-at-risk { color: var(--warn); background: var(--warn-bg); }
.status-accepted { color: var(--ok); background: var(--ok-bg); }
.tag { padding: .05rem .4rem; border-radius: 4px; font-size: .85rem; white-space: nowrap; }
.notice { padding: .6rem .8rem; border: 1px solid var(--line); border-left: 4px solid var(--accent); background: #f6f8fa; margin: .8rem 0; }
.error { border-left-color: var(--bad); }
pre.xml { overflow: auto; max-height: 30rem; padding: .8rem; background: #f6f8fa; border: 1px solid var(--line); font-size: .85rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .8rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
.card .value { font-size: 1.5rem; font-weight: 700; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .3rem; }
.inline { display: inline; }
tr:target { outline: 3px solid #f2a900; outline-offset: -3px; }
.muted { color: var(--muted); font-weight: 400; font-size: .85rem; }
.alert-firing, .phase-firing, .sev-critical, .webhook-gave-up { color: var(--bad); background: var(--bad-bg); }
.alert-pending, .phase-pending, .sev-warning, .webhook-retrying { color: var(--warn); background: var(--warn-bg); }
.phase-resolved, .webhook-delivered { color: var(--ok); background: var(--ok-bg); }
`;
