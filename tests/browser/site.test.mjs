// Real-browser gate: opens every page of a built site from file:// in Debian's
// chromium (driven by playwright-core, no downloaded browser), runs axe-core at
// WCAG 2.1 AA, follows the language switcher, checks checklists, charts,
// provenance popovers (Tab, a tap at 390 px, Escape) and search, and fails on
// console errors or on any request that would leave the machine.
//
// Usage: node tests/browser/site.test.mjs --site DIR --source DIR --shots DIR
//   [--docs-shots DIR]   also write the report screenshots there (1280 and 390 px, zh and en)
//   [--stress-site DIR]  a built chart stress site (tests/fixtures/sites/charts-stress):
//                        only its charts' geometry is checked, at both widths
// Environment: CHROMIUM (default /usr/bin/chromium).
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { HtmlPages, ParseArgs } from "./common.mjs";

const require = createRequire(import.meta.url);
const kAxeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const kAxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// The flags this machine's closed network needs (no background connections).
const kChromiumArgs = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const kSearchTerms = ["成本", "cost"];  // one Chinese, one English term, both in every report set
// At phone width a generated cost table must fit; other tables (hand-written
// ones, price lists, scenario comparisons) scroll in their region, and at most
// this many per page may.
const kPhoneWidth = 390;
const kMaxScrollingTablesPerPage = 40;

// zh/reports/gpu/index.html -> content/reports/gpu.zh.md (or the other
// language's file for an untranslated page); "" when there is none.
function SourceOf(source, page) {
  const m = page.match(/^([^/]+)\/(.*?)\/?index\.html$/);
  if (!m) return "";
  const [, lang, rest] = m;
  const stem = rest === "" ? "_index" : rest;
  const own = path.join(source, "content", `${stem}.${lang}.md`);
  if (fs.existsSync(own)) return fs.readFileSync(own, "utf8");
  for (const other of ["zh", "en"]) {
    const p = path.join(source, "content", `${stem}.${other}.md`);
    if (fs.existsSync(p)) return fs.readFileSync(p, "utf8");
  }
  return "";
}

// What the page's Markdown asks for, so the test knows what to expect.
function Expectations(markdown) {
  return {
    chart: /^\s*(```|~~~)\s*cost\s+chart\b/m.test(markdown),
    figure: /`=[A-Za-z_][\w.-]*`/.test(markdown),
    checklist: /^\s*[-*+]\s+\[[ xX]\]\s/m.test(markdown),
  };
}

class Failures {
  constructor() { this.items = []; }
  Add(page, what) { this.items.push(`${page}: ${what}`); console.log(`  FAIL ${what}`); }
}

async function CheckAxe(page, name, failures) {
  await page.evaluate(kAxeSource);
  const result = await page.evaluate(
    // preload: false, or axe fetches the stylesheets with XHR, which file:// forbids.
    (tags) => window.axe.run(document, {
      runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], preload: false }),
    kAxeTags);
  for (const v of result.violations) {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ");
    failures.Add(name, `axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} node(s): ${targets}`);
  }
  return result.violations.length;
}

// Follows the switcher link to each other language: the target must be the
// page in that language, and its own switcher must lead back here.
async function CheckLanguageSwitcher(page, name, url, failures) {
  const links = await page.$$eval(".language-switcher a[hreflang]",
    (as) => as.map((a) => ({ href: a.href, hreflang: a.getAttribute("hreflang") })));
  if (links.length === 0) { failures.Add(name, "no language switcher link"); return; }
  for (const link of links) {
    await Promise.all([page.waitForEvent("load"), page.click(`.language-switcher a[hreflang="${link.hreflang}"]`)]);
    const lang = await page.getAttribute("html", "lang");
    if (lang !== link.hreflang) failures.Add(name, `switcher to ${link.hreflang} led to a page in '${lang}' (${page.url()})`);
    const back = await page.$$eval(".language-switcher a[hreflang]", (as) => as.map((a) => a.href));
    if (!back.includes(url)) failures.Add(name, `the ${link.hreflang} page ${page.url()} does not link back`);
    await page.goto(url);
  }
}

// Every task list shows "done / total" (or a <progress>) matching its boxes;
// a box a rule ticks (an established item) is met by the figures, not done.
async function CheckChecklists(page, name, failures) {
  const lists = await page.$$eval("ul, ol", (els) => els
    .filter((l) => l.querySelector(":scope > li input[type=checkbox]"))
    .map((l) => {
      const boxes = [...l.querySelectorAll(":scope > li input[type=checkbox]")];
      return { total: boxes.length, done: boxes.filter((b) => b.checked && !b.closest(".task-established")).length };
    }));
  if (lists.length === 0) { failures.Add(name, "the Markdown has a task list but the page has no checkboxes"); return; }
  const text = (await page.textContent("main")).replace(/\s+/g, " ");
  const progress = await page.$$eval("progress, [role=progressbar]", (ps) => ps.map((p) =>
    `${p.getAttribute("value") ?? p.getAttribute("aria-valuenow")}/${p.getAttribute("max") ?? p.getAttribute("aria-valuemax")}`));
  for (const { done, total } of lists) {
    const shown = new RegExp(`(^|\\D)${done} ?/ ?${total}(\\D|$)`).test(text) || progress.includes(`${done}/${total}`);
    if (!shown) failures.Add(name, `a checklist of ${total} items (${done} done) shows no progress "${done} / ${total}"`);
  }
}

// At 390 px: which tables need sideways scrolling (counted by kind), and
// whether the table of contents starts folded.
// On paper a table cannot scroll: in print, at A4's printable width (688 px
// at 16 mm / 14 mm margins), no table may be wider than the page, or the
// browser shrinks the whole report to fit it.
async function CheckPrint(page, name, failures) {
  await page.setViewportSize({ width: 688, height: 1000 });
  await page.emulateMedia({ media: "print" });
  const wide = await page.$$eval("table", (ts) => ts
    .map((t) => ({ over: Math.round(t.getBoundingClientRect().right - document.documentElement.clientWidth),
                   caption: (t.caption?.textContent || t.textContent).slice(0, 60) }))
    .filter((t) => t.over > 1));
  for (const t of wide) failures.Add(name, `in print the table "${t.caption}" is ${t.over} px wider than the page`);
  // Fitting the page must not break a word or a number inside it ("Comp uted", "CN¥11 ,000").
  const broken = await page.$$eval("table", (ts) => {
    const out = [];
    for (const t of ts) {
      const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/[A-Za-z]{3,}|\d[\d,.]*\d/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          if (new Set(Array.from(range.getClientRects(), (r) => Math.round(r.bottom))).size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
  if (broken.length) failures.Add(name, `in print ${broken.length} words or numbers of tables break inside: ${broken.slice(0, 5).join(", ")}`);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function CheckPhone(page, name, failures) {
  await page.setViewportSize({ width: kPhoneWidth, height: 800 });
  const tables = await page.$$eval("table", (ts) => ts.map((t) => {
    const box = t.closest(".table-wrap") || t;
    return { kind: t.className.split(" ")[0] || "hand-written", scrolls: box.scrollWidth > box.clientWidth + 1,
             caption: (t.caption?.textContent || "").slice(0, 60), broken: BrokenWords(t) };
    // The numbers ("100,000", "15.0") and dates ("2025-10-31") of a table's
    // cells that the layout broke across lines: a narrow column breaks
    // between words, never inside one.
    // A Chinese word in a number's cell ("百万" of "US$3/百万 token") is
    // kept whole as well.
    function BrokenWords(table) {
      const broken = [];
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const inNumber = node.parentElement?.closest("td.num") && !node.parentElement.closest(".price-shape, .cost-expectations");
        const words = inNumber ? /\d{4}-\d{2}-\d{2}|\d[\d,.]*\d|[\u3400-\u9fff]{2,}/g : /\d{4}-\d{2}-\d{2}|\d[\d,.]*\d/g;
        for (const m of node.data.matchAll(words)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.bottom)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
      return broken;
    }
  }));
  // Nothing on the page, seen or hidden (words for screen readers), makes it scroll sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) failures.Add(name, `at ${kPhoneWidth} px the page scrolls sideways by ${overflow} px`);
  // A folded <details> keeps its list laid out but hidden (content-visibility).
  const toc = await page.$$eval(".toc", (ts) => ts.map((t) => ({ open: t.querySelector("details")?.open || false,
    listShown: t.querySelector("ul")?.checkVisibility() || false })));
  await page.setViewportSize({ width: 1280, height: 900 });
  const tocWide = await page.$$eval(".toc", (ts) => ts.map((t) => t.querySelector("ul")?.checkVisibility() || false));
  const scrolling = tables.filter((t) => t.scrolls);
  const byKind = {};
  for (const t of scrolling) byKind[t.kind] = (byKind[t.kind] || 0) + 1;
  console.log(`  ${kPhoneWidth} px: ${scrolling.length} of ${tables.length} tables scroll sideways` +
              (scrolling.length ? ` (${Object.entries(byKind).map(([k, n]) => `${k} ${n}`).join(", ")})` : ""));
  for (const t of tables.filter((t) => t.broken.length))
    failures.Add(name, `at ${kPhoneWidth} px the ${t.kind} table "${t.caption}" breaks ${t.broken.slice(0, 3).map((w) => `"${w}"`).join(", ")} across lines`);
  for (const t of scrolling.filter((t) => t.kind === "cost-table"))
    failures.Add(name, `at ${kPhoneWidth} px the cost table "${t.caption}" needs sideways scrolling`);
  if (scrolling.length > kMaxScrollingTablesPerPage)
    failures.Add(name, `at ${kPhoneWidth} px ${scrolling.length} tables scroll sideways (at most ${kMaxScrollingTablesPerPage})`);
  if (toc.some((t) => t.open || t.listShown)) failures.Add(name, `at ${kPhoneWidth} px the table of contents is not folded`);
  if (tocWide.some((shown) => !shown)) failures.Add(name, "at 1280 px the table of contents is not shown");
  return scrolling.length;
}

// Dark mode: every colour keeps WCAG AA contrast.
async function CheckDarkMode(page, name, failures) {
  await page.emulateMedia({ colorScheme: "dark" });
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  if (bg === "rgb(255, 255, 255)") failures.Add(name, "dark mode: the page background stays white");
  const before = failures.items.length;
  await CheckAxe(page, name, failures);
  for (let i = before; i < failures.items.length; i++) failures.items[i] += " (dark mode)";
  await page.emulateMedia({ colorScheme: "light" });
}

// "/" focuses the search box; typed into an input it stays text.
async function CheckSlashKey(page, name, failures) {
  if ((await page.locator("#search").count()) === 0) return;
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("/");
  const focused = await page.evaluate(() => document.activeElement?.id);
  if (focused !== "search") failures.Add(name, `"/" did not focus the search box (focus on ${focused || "body"})`);
  const typed = await page.inputValue("#search");
  if (typed.includes("/")) failures.Add(name, `"/" was typed into the search box instead of focusing it`);
  await page.keyboard.press("Escape");
}

// A report links the reports before and after it (not on the home page).
async function CheckPager(page, name, failures) {
  const links = await page.$$eval(".report-pager a[href]", (as) => as.map((a) => a.getAttribute("rel")));
  if (links.length === 0) failures.Add(name, "no previous/next report link");
}

async function CheckCharts(page, name, failures) {
  const charts = await page.$$eval("svg[role=img]", (svgs) => svgs.map((s) =>
    s.getAttribute("aria-label") || s.getAttribute("aria-labelledby") || s.querySelector("title")?.textContent || ""));
  if (charts.length === 0) failures.Add(name, "the Markdown has a cost chart but the page has no svg[role=img]");
  charts.forEach((label, i) => { if (!label.trim()) failures.Add(name, `chart ${i + 1} has no accessible name`); });
}

// The open popover's box and whether it is shown, for the figure `fig` (a locator).
async function PopoverState(fig) {
  return fig.evaluate((f) => {
    const pop = document.getElementById(f.getAttribute("aria-describedby"));
    if (!pop) return { exists: false };
    const r = pop.getBoundingClientRect();
    const style = getComputedStyle(pop);
    return { exists: true, shown: !pop.hidden && style.display !== "none" && r.width > 0 && r.height > 0,
             left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: pop.textContent };
  });
}

// Whether the popover's box `pop` (PopoverState) overlaps its figure `fig`:
// a tap on the figure would then land on the popover's contents.
async function Covers(fig, pop) {
  const r = await fig.evaluate((f) => { const b = f.getBoundingClientRect(); return { top: b.top, bottom: b.bottom }; });
  return pop.top < r.bottom - 0.5 && pop.bottom > r.top + 0.5;
}

// Figures are buttons described by a popover: Tab to one shows it, Escape
// hides it, and axe finds nothing wrong with it open.
async function CheckProvenance(page, name, failures, shot) {
  const figs = await page.$$eval(".fig", (els) => els.map((e) => ({
    described: !!document.getElementById(e.getAttribute("aria-describedby") || ""),
    focusable: e.tabIndex >= 0, hasPopover: e.hasAttribute("aria-describedby") })));
  const withPopover = figs.filter((f) => f.hasPopover);
  if (withPopover.length === 0) { failures.Add(name, "the Markdown has figures but no figure has a provenance popover"); return; }
  if (withPopover.some((f) => !f.described)) failures.Add(name, "a figure's aria-describedby names no element");
  if (withPopover.some((f) => !f.focusable)) failures.Add(name, "a figure with a popover is not keyboard reachable");
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  let found = false;
  for (let i = 0; i < 400 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(() => document.activeElement?.matches(".fig[aria-describedby]") ?? false);
  }
  if (!found) { failures.Add(name, "Tab never reaches a figure with a popover"); return; }
  const fig = page.locator(":focus");
  const open = await PopoverState(fig);
  if (!open.shown) failures.Add(name, "a figure focused by Tab does not show its popover");
  else if (open.left < 0 || open.right > page.viewportSize().width) failures.Add(name, "the popover leaves the window");
  if (shot) await page.screenshot({ path: shot });
  const axe = await page.evaluate(async (id) => (await window.axe.run(document.getElementById(id),
    { resultTypes: ["violations"], preload: false })).violations.map((v) => v.id),
  await fig.getAttribute("aria-describedby"));
  for (const v of axe) failures.Add(name, `axe ${v} in an open popover`);
  await page.keyboard.press("Escape");
  if ((await PopoverState(fig)).shown) failures.Add(name, "Escape does not close the popover");
  // The page's tallest popover, opened from its figure scrolled to the
  // window's bottom edge, is seen whole: above the figure, or moved up, and
  // never taller than the window.
  const tallest = await page.evaluate(() => {
    let best = null, most = -1;
    document.querySelectorAll(".fig[aria-describedby]").forEach((f, i) => {
      const pop = document.getElementById(f.getAttribute("aria-describedby"));
      if (!pop || !f.getClientRects().length) return;
      pop.hidden = false;
      if (pop.scrollHeight > most) { most = pop.scrollHeight; best = i; }
      pop.hidden = true;
    });
    return best;
  });
  if (tallest !== null) {
    const big = page.locator(".fig[aria-describedby]").nth(tallest);
    await big.evaluate((f) => { const r = f.getBoundingClientRect(); window.scrollBy(0, r.bottom - window.innerHeight + 4); });
    await big.focus();
    const tall = await PopoverState(big);
    const height = page.viewportSize().height;
    if (!tall.shown) failures.Add(name, "the tallest popover does not show on focus");
    else if (tall.top < 0 || tall.bottom > height || tall.left < 0 || tall.right > page.viewportSize().width)
      failures.Add(name, `the tallest popover leaves the window (top ${Math.round(tall.top)}, bottom ${Math.round(tall.bottom)} of ${height})`);
    else if (await Covers(big, tall)) failures.Add(name, "the tallest popover covers its own figure");
    await page.keyboard.press("Escape");
    // In the middle of the window too, where neither side may have room.
    await big.evaluate((f) => { const r = f.getBoundingClientRect(); window.scrollBy(0, r.top - window.innerHeight / 2); });
    await big.focus();
    const middle = await PopoverState(big);
    if (middle.shown && await Covers(big, middle)) failures.Add(name, "the tallest popover covers its own figure mid-window");
    await page.keyboard.press("Escape");
  }
}

// At phone width with touch: a tap on a figure shows its popover inside the
// window, a tap elsewhere hides it.
async function CheckTouch(browser, url, name, failures, shot) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true,
                                             serviceWorkers: "block" });
  await context.route("**/*", (route) => /^(file|data|blob|about):/.test(route.request().url())
    ? route.continue() : route.abort("blockedbyclient"));
  const page = await context.newPage();
  await page.goto(url);
  const fig = page.locator("p .fig[aria-describedby], td .fig[aria-describedby]").first();
  await fig.scrollIntoViewIfNeeded();
  await fig.tap();
  const open = await PopoverState(fig);
  if (!open.shown) failures.Add(name, "a tap on a figure at 390 px does not show its popover");
  else if (open.left < 0 || open.right > 390) failures.Add(name, `the popover leaves a 390 px window (${open.left}–${open.right})`);
  if (shot) await page.screenshot({ path: shot });
  await page.locator("h1").first().tap();
  if ((await PopoverState(fig)).shown) failures.Add(name, "a tap elsewhere does not close the popover");
  await context.close();
}

// Chart text must fit and stay readable: at each width, every <text> of every
// shown chart lies inside its <svg>, and none is displayed below 11 px (its
// font size scaled by the SVG's displayed width over its viewBox width).
const kChartWidths = [1280, 390];
const kMinChartTextPx = 11;
async function CheckChartGeometry(page, name, failures) {
  let shown = 0;
  for (const width of kChartWidths) {
    await page.setViewportSize({ width, height: 900 });
    const charts = await page.$$eval("svg.chart", (svgs) => svgs
      .filter((s) => s.getBoundingClientRect().width > 0)
      .map((s) => {
        const box = s.getBoundingClientRect();
        const scale = box.width / s.viewBox.baseVal.width;
        const texts = [...s.querySelectorAll("text")].map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                   px: parseFloat(getComputedStyle(t).fontSize) * scale };
        });
        return { id: s.getAttribute("aria-labelledby").split(" ")[0], box: {
          left: box.left, right: box.right, top: box.top, bottom: box.bottom }, texts };
      }));
    shown += charts.length;
    const slack = 0.5;  // subpixel rounding
    for (const c of charts) {
      for (const t of c.texts) {
        if (t.left < c.box.left - slack || t.right > c.box.right + slack || t.top < c.box.top - slack ||
            t.bottom > c.box.bottom + slack) {
          failures.Add(name, `at ${width} px, chart ${c.id}: text "${t.text}" ` +
            `[${t.left.toFixed(1)}, ${t.right.toFixed(1)}] × [${t.top.toFixed(1)}, ${t.bottom.toFixed(1)}] lies outside ` +
            `its svg [${c.box.left.toFixed(1)}, ${c.box.right.toFixed(1)}] × [${c.box.top.toFixed(1)}, ${c.box.bottom.toFixed(1)}]`);
        }
        if (t.px < kMinChartTextPx - 0.01)
          failures.Add(name, `at ${width} px, chart ${c.id}: text "${t.text}" is shown at ${t.px.toFixed(1)} px (< ${kMinChartTextPx})`);
      }
    }
  }
  await page.setViewportSize({ width: kChartWidths[0], height: 900 });
  if (shown === 0) failures.Add(name, "the page has cost charts but none is shown");
  return shown;
}

// Search is optional until the site has it: with a search box, each term must
// show at least one result link.
async function CheckSearch(page, name, failures) {
  const box = page.locator("#search, input[type=search]").first();
  if ((await box.count()) === 0) return false;
  if (!(await box.waitFor({ state: "visible", timeout: 2000 }).then(() => true, () => false))) {
    failures.Add(name, "the search box is not visible (did its script run?)");
    return true;
  }
  for (const term of kSearchTerms) {
    await box.fill("");
    await box.pressSequentially(term);
    const found = await page.waitForFunction(() => [...document.querySelectorAll(
      "#search-results a, .search-results a, [role=listbox] a, [role=option], [id*=result] a, [class*=result] a")]
      .some((a) => a.offsetParent !== null), null, { timeout: 3000 }).then(() => true, () => false);
    if (!found) failures.Add(name, `search for "${term}" shows no result`);
  }
  if (!searchFollowed) {
    searchFollowed = true;
    await FollowSectionResult(page, name, failures);
  }
  return true;
}

// Once per run: a result that leads into a page's section opens that page at
// the heading, which exists there and is on screen.
let searchFollowed = false;
async function FollowSectionResult(page, name, failures) {
  const back = page.url();
  const link = page.locator(".search-results a[href*='#']").first();
  if ((await link.count()) === 0) {
    failures.Add(name, "no search result leads to a section of a page (href with #)");
    return;
  }
  const href = await link.getAttribute("href");
  await Promise.all([page.waitForURL((u) => u.hash !== "", { timeout: 5000 }).catch(() => {}), link.click()]);
  const landed = await page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = document.getElementById(id);
    if (!el) return { id, found: false };
    const r = el.getBoundingClientRect();
    return { id, found: true, onScreen: r.top >= -1 && r.top < window.innerHeight };
  });
  if (!landed.found) failures.Add(name, `search result ${href} leads to no element #${landed.id}`);
  else if (!landed.onScreen) failures.Add(name, `search result ${href}: #${landed.id} is not on screen`);
  await page.goto(back);
}

async function Main() {
  const args = ParseArgs(process.argv.slice(2), ["site", "source", "shots"], import.meta.url);
  const site = path.resolve(args.site);
  const pages = HtmlPages(site).filter((p) => /^(zh|en)\//.test(p));
  if (!pages.some((p) => p.startsWith("zh/")) || !pages.some((p) => p.startsWith("en/")))
    throw new Error(`${site} lacks pages in zh/ or en/`);
  fs.mkdirSync(args.shots, { recursive: true });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: kChromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const external = [];
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (/^(file|data|blob|about):/.test(u)) return route.continue();
    external.push(u);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const failures = new Failures();
  let current = "";
  page.on("console", (m) => { if (m.type() === "error") failures.Add(current, `console error: ${m.text()}`); });
  page.on("pageerror", (e) => failures.Add(current, `uncaught exception: ${e.message}`));
  page.on("requestfailed", (r) => {
    if (r.failure()?.errorText !== "net::ERR_BLOCKED_BY_CLIENT") failures.Add(current, `failed to load ${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on("request", (r) => { if (!/^(file|data|blob|about):/.test(r.url())) external.push(r.url()); });

  const seen = { chart: 0, figure: 0, checklist: 0, search: 0, axe: 0, chartsMeasured: 0, scrolling: 0 };
  const shotsTaken = new Set();
  const popoverShots = new Set();
  for (const name of pages) {
    current = name;
    const url = pathToFileURL(path.join(site, name)).href;
    console.log(`${name}`);
    await page.goto(url);
    const want = Expectations(SourceOf(path.resolve(args.source), name));
    seen.axe += await CheckAxe(page, name, failures);
    await CheckDarkMode(page, name, failures);
    seen.scrolling += await CheckPhone(page, name, failures);
    if (name.includes("/reports/")) await CheckPager(page, name, failures);
    await CheckPrint(page, name, failures);
    await CheckSlashKey(page, name, failures);
    if (want.chart) {
      seen.chart++;
      await CheckCharts(page, name, failures);
      seen.chartsMeasured += await CheckChartGeometry(page, name, failures);
    }
    const lang = name.slice(0, 2);
    if (want.figure) {
      seen.figure++;
      // One popover of a report per language is photographed, at 1280 and 390 px.
      const first = name.includes("/reports/") && !popoverShots.has(lang);
      if (first) popoverShots.add(lang);
      await CheckProvenance(page, name, failures, first ? path.join(args.shots, `popover-${lang}-1280.png`) : null);
      if (first) await CheckTouch(browser, url, name, failures, path.join(args.shots, `popover-${lang}-390.png`));
    }
    if (want.checklist) { seen.checklist++; await CheckChecklists(page, name, failures); }
    if (name.includes("/reports/") && !shotsTaken.has(lang) && (want.chart || want.figure)) {
      shotsTaken.add(lang);
      const file = `report-${lang}.png`;
      // Show a chart and its figures rather than the table of contents.
      await page.evaluate(() => {
        const chart = document.querySelector("figure:has(svg[role=img]), svg[role=img]");
        if (chart) window.scrollTo(0, chart.getBoundingClientRect().top + window.scrollY - 120);
      });
      await page.screenshot({ path: path.join(args.shots, file) });
      // And the top of the same report on a phone: folded contents, then text.
      const phone = `report-${lang}-${kPhoneWidth}.png`;
      await page.setViewportSize({ width: kPhoneWidth, height: 844 });
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      await page.screenshot({ path: path.join(args.shots, phone) });
      await page.setViewportSize({ width: 1280, height: 900 });
      for (const f of [file, phone]) {
        if (args["docs-shots"]) fs.copyFileSync(path.join(args.shots, f), path.join(args["docs-shots"], f));
        console.log(`  screenshot ${path.join(args.shots, f)}`);
      }
    }
    if (await CheckSearch(page, name, failures)) seen.search++;
    await CheckLanguageSwitcher(page, name, url, failures);
  }
  if (args["stress-site"]) {
    const stress = path.resolve(args["stress-site"]);
    const stressPages = HtmlPages(stress).filter((p) => /^(zh|en)\/reports\//.test(p));
    if (stressPages.length === 0) failures.Add("(stress)", `${stress} has no report pages`);
    for (const name of stressPages) {
      current = `stress:${name}`;
      console.log(current);
      await page.goto(pathToFileURL(path.join(stress, name)).href);
      seen.chartsMeasured += await CheckChartGeometry(page, current, failures);
    }
  }
  await browser.close();

  for (const u of new Set(external)) failures.Add("(network)", `a request tried to leave the machine: ${u}`);
  for (const lang of ["zh", "en"])
    if (!shotsTaken.has(lang)) failures.Add("(screenshots)", `no ${lang} report with figures to screenshot`);
  console.log(`\n${pages.length} pages: ${seen.chart} with charts, ${seen.figure} with figures, ` +
              `${seen.checklist} with checklists; ${seen.axe} axe violations; ` +
              `${seen.chartsMeasured} shown charts measured at ${kChartWidths.join(" and ")} px, ` +
              `${seen.scrolling} tables scroll sideways at ${kPhoneWidth} px`);
  if (seen.search === 0) console.log("note: no page has a search box (#search or input[type=search]); search not tested");
  if (failures.items.length) {
    console.log(`\n${failures.items.length} failure(s):`);
    for (const f of failures.items) console.log(`  ${f}`);
    process.exit(1);
  }
  console.log("all browser checks passed");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  Main().catch((e) => { console.error(e); process.exit(2); });
}
