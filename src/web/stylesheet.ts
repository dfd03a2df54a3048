// The timeline's one stylesheet, served as a file (the content security policy allows no
// inline styles) under a name that changes with its content, so browsers may keep it for a
// year. System fonts only: the policy forbids font and CDN hosts, and a phone loads nothing more.
// Colours keep WCAG AA contrast (4.5:1 for text) in both the light and the dark scheme.
import { createHash } from "node:crypto";

export const STYLESHEET = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #4a5360; --line: #d0d7de; --card: #f6f8fa;
  --link: #0645ad; --accent: #8a4b00; --focus: #b35c00; --held: #1a7f37; --off: #a40e26;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14171a; --fg: #e8eaed; --muted: #b3bac2; --line: #3a4149; --card: #1d2125;
    --link: #8ab4f8; --accent: #f0b35a; --focus: #f0b35a; --held: #6fdd8b; --off: #ff9492;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, select:focus-visible, summary:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px;
}
.skip { position: absolute; left: -100vw; top: 0; }
.skip:focus { left: 0.5rem; top: 0.5rem; background: var(--bg); padding: 0.5rem; z-index: 1; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.wrap { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
header.site { border-bottom: 1px solid var(--line); }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; padding-block: 0.75rem; }
.brand { font-weight: 700; font-size: 1.15rem; margin: 0; }
.brand a { color: var(--fg); text-decoration: none; }
nav.langs ul { display: flex; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
nav.langs a { display: inline-block; padding: 0.35rem 0.6rem; min-width: 2.75rem; text-align: center; }
nav.langs a[aria-current="true"] { font-weight: 700; text-decoration: none; color: var(--fg); border: 1px solid var(--line); border-radius: 4px; }
main { padding-block: 1rem 2rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 0 0 0.25rem; }
form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; padding: 0.75rem; background: var(--card); border: 1px solid var(--line); border-radius: 6px; }
form.filters label { display: flex; flex-direction: column; font-size: 0.9rem; color: var(--muted); flex: 1 1 12rem; }
select, button { font: inherit; min-height: 2.75rem; padding: 0.35rem 0.5rem; border-radius: 4px; border: 1px solid var(--muted); background: var(--bg); color: var(--fg); }
button { background: var(--link); color: var(--bg); border-color: var(--link); font-weight: 600; padding-inline: 1rem; cursor: pointer; }
.calendar { margin: 0.75rem 0 0; }
ol.entries { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
ol.entries > li { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; padding: 0.75rem; }
ol.entries > li.held { border-left-color: var(--held); }
ol.entries > li.scheduled, ol.entries > li.announced { border-left-color: var(--accent); }
ol.entries > li.postponed, ol.entries > li.cancelled { border-left-color: var(--off); }
.meta { margin: 0; color: var(--muted); font-size: 0.95rem; }
.countdown { margin: 0.25rem 0 0; color: var(--accent); font-weight: 600; }
.status { font-style: italic; }
.gist { margin: 0.35rem 0 0; }
.sources { margin: 0.35rem 0 0; font-size: 0.95rem; }
.pager { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1.25rem 0 0; }
.pager a { display: inline-block; padding: 0.5rem 0; }
.empty { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.note { border-left: 4px solid var(--off); padding: 0.5rem 0.75rem; background: var(--card); }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; }
footer.site .wrap { padding-block: 1rem 2rem; }
footer.site ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0.5rem 0 0; }
@media (max-width: 30rem) {
  h1 { font-size: 1.35rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.35rem; }
}
`;

/** The stylesheet's address: its content's hash in the name, so a changed sheet is fetched anew. */
export const STYLESHEET_PATH = `/assets/timeline.${createHash("sha256").update(STYLESHEET).digest("hex").slice(0, 12)}.css`;
