// Real-browser gate for the what-if inputs (`cost inputs`, templates/whatif-page.js).
// Every page of a built site that has a what-if form, in zh and en, from
// file:// in Debian's chromium, no network:
//  - at the author's values, every fragment the engine renders equals the
//    built page's bytes (the element with that data-wf in the HTML file);
//  - each input in turn is set to another value in its bounds; the page must
//    say the figures were updated, every data-wf element must be the engine's
//    fragment for that override (some inline figures must change), and the
//    engine's figures (plain) must equal what
//    `costsite eval --set MODEL.PARAM=VALUE` prints (with --scenario for scenarios);
//  - the state is in the URL fragment: a page opened with it shows the same
//    figures; Reset returns every element to the build's bytes;
//  - each scenario a form's picker offers is picked in turn, and its date
//    field is set to its first date: every data-wf element is the engine's
//    fragment for that pick or date, the inline figures of the picked model's
//    base case show the scenario's figures, the engine's figures equal
//    `costsite eval --scenario S` (the dated model's: `costsite eval --as-of DATE`), the URL
//    holds the state, and Reset returns the build's bytes;
//  - axe (WCAG 2.1 AA) finds nothing on the page with the form in use, the
//    form fits a 390 px screen, and no console error is logged.
// Usage: node tests/browser/whatif.test.mjs --site DIR --costsite BIN --source DIR [--shots DIR]
//   --shots: also write screenshots of the first page's changed figures (1280 and 390 px).
// Environment: CHROMIUM (default /usr/bin/chromium).
import { createRequire } from "node:module";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { HtmlPages, ParseArgs } from "./common.mjs";

const require = createRequire(import.meta.url);
const kAxeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const kAxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const kChromiumArgs = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

function PagesWithInputs(site) {
  return HtmlPages(site).map((p) => path.join(site, p))
    .filter((p) => fs.readFileSync(p, "utf8").includes('id="costsite-whatif"'));
}

// Exact decimal arithmetic on the inputs' plain decimal texts (BigInt, scaled).
function Scale(texts) { return Math.max(0, ...texts.map((t) => (t.split(".")[1] || "").length)); }
function ToInt(t, scale) {
  const [w, f = ""] = t.replace(/^-/, "").split(".");
  const v = BigInt(w + f.padEnd(scale, "0"));
  return t.startsWith("-") ? -v : v;
}
function FromInt(v, scale) {
  const neg = v < 0n;
  let s = (neg ? -v : v).toString().padStart(scale + 1, "0");
  if (scale) s = `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, "");
  return (neg ? "-" : "") + s;
}
// Another value in the bounds, on the input's step grid: default + 3 steps,
// else default - 3 steps, else the other bound.
function OtherValue({ value, min, max, step }) {
  const s = Scale([value, min, max, step || "1"]);
  const v = ToInt(value, s), lo = ToInt(min, s), hi = ToInt(max, s), st = ToInt(step || "1", s);
  for (const c of [v + 3n * st, v - 3n * st, v + st, v - st, hi, lo]) if (c >= lo && c <= hi && c !== v) return FromInt(c, s);
  return null;
}

// `costsite eval --set …` (one run per scenario): "model.figure" or
// "model[scenario].figure" -> the text eval prints after " = ".
async function EvalFigures(bin, source, sets, scenarios, asOf = "") {
  const out = new Map();
  const runs = ["", ...scenarios].map(async (scenario) => {
    const args = ["eval", "--source", source];
    if (asOf) args.push("--as-of", asOf);
    if (scenario) args.push("--scenario", scenario);
    for (const [name, value] of sets) args.push("--set", `${name}=${value}`);
    // At another date a model the page does not date may fail (a price with no
    // value then): eval prints what evaluated and exits 1; its figures are read.
    const run = promisify(execFile)(bin, args, { encoding: "utf8", maxBuffer: 1 << 26 });
    const { stdout } = asOf ? await run.catch((e) => ({ stdout: e.stdout || "" })) : await run;
    return [scenario, stdout];
  });
  for (const [scenario, stdout] of await Promise.all(runs)) {
    for (const line of stdout.split("\n")) {
      const m = /^(\S+) = (.*)$/.exec(line);
      if (m && (!scenario || m[1].includes(`[${scenario}]`))) out.set(m[1], m[2]);
    }
  }
  return out;
}

class Failures {
  constructor() { this.items = []; }
  Add(page, what) { this.items.push(`${page}: ${what}`); console.log(`  FAIL ${what}`); }
}

// Runs the page's engine (a second instance, beside the page script's) on the
// page's own data with `sets` (and `extra` request fields: picks, as_of).
async function Engine(page, sets, extra = {}) {
  return page.evaluate(async ([sets, extra]) => {
    const data = JSON.parse(document.getElementById("costsite-whatif").textContent);
    if (typeof window.CostsiteWhatIf !== "function") {
      await new Promise((resolve, reject) => {
        const s = document.createElement("script");
        s.src = data.engine;
        s.onload = resolve;
        s.onerror = () => reject(new Error(`cannot load ${data.engine}`));
        document.head.appendChild(s);
      });
    }
    window.__wfTestModule = window.__wfTestModule || await window.CostsiteWhatIf();
    const request = { ...data.request, ...extra, sets };
    return JSON.parse(window.__wfTestModule.ccall("costsite_whatif", "string", ["string", "string"],
                                                  [JSON.stringify(data.inputs), JSON.stringify(request)]));
  }, [sets, extra]);
}

// The page's data-wf elements against the engine's fragments, both as the page's parser reads them.
async function Mismatched(page, fragments) {
  return page.evaluate((fragments) => {
    const bad = [];
    const t = document.createElement("template");
    for (const f of fragments) {
      t.innerHTML = f.html;
      const el = document.querySelector(`[data-wf="${f.id}"]`);
      if (!el || !t.content.firstElementChild || el.outerHTML !== t.content.firstElementChild.outerHTML) bad.push(f.id);
    }
    return bad;
  }, fragments);
}

// A scenario picked or a date set in form `form` (by `act`), then Reset:
// the page is the engine's answer for `extra`, whose figures are eval's
// (with `evalArgs`: scenario and as-of), and Reset returns the build.
async function CheckChoice(ctx, { what, form, updated, act, extra, scenario = "", asOf = "", model = "", hashPart, mustChange }) {
  const { page, failures, current, built, args } = ctx;
  await page.evaluate((i) => { document.querySelectorAll("form.cost-inputs")[i].querySelector("output").textContent = ""; }, form);
  await act();
  await WaitUpdated(page, form, updated);
  const answer = await Engine(page, [], extra);
  if (answer.errors?.length) { failures.Add(current, `${what}: ${answer.errors.join("; ")}`); return 0; }
  for (const id of await Mismatched(page, answer.fragments)) failures.Add(current, `${what}: element ${id} is not the engine's fragment`);
  const now = await Elements(page);
  if (mustChange && !now.some((e, k) => e.html !== built[k]?.html)) failures.Add(current, `${what}: no element of the page changed`);
  const figs = new Map();
  for (const r of answer.results) for (const f of r.figures) figs.set(`${r.model}${r.scenario ? `[${r.scenario}]` : ""}.${f.id}`, f);
  let checked = 0;
  // The picked model's base-case inline figures (shown without options) show the scenario's.
  if (extra.picks) {
    const data = await page.evaluate(() => JSON.parse(document.getElementById("costsite-whatif").textContent));
    for (const spec of data.request.fragments) {
      if (spec.kind !== "figure" || spec.figure.includes(" ") || spec.figure.includes("[")) continue;
      const model = Object.keys(extra.picks).find((m) => spec.figure.startsWith(`${m}.`));
      if (!model) continue;
      const want = figs.get(`${model}[${extra.picks[model]}].${spec.figure.slice(model.length + 1)}`);
      const text = await page.$eval(`[data-wf="${spec.id}"]`, (e) => (e.querySelector(".fig") || e).textContent);
      const lang = data.request.langs[0];
      if (!want || text !== want[lang]) failures.Add(current, `${what}: ${spec.figure} shows "${text}", the scenario's is "${want?.[lang]}"`);
      checked++;
    }
    if (!checked) failures.Add(current, `${what}: no inline figure of the picked model`);
  }
  // The engine's figures are `costsite eval --scenario S` / `--as-of DATE`'s.
  const scenarios = [...new Set(answer.results.map((r) => r.scenario).filter(Boolean))].sort();
  const evaluated = await EvalFigures(args.costsite, args.source, [], scenario ? [scenario] : scenarios, asOf);
  for (const [fig, f] of figs) {
    if (scenario && !fig.includes(`[${scenario}]`)) continue;
    if (model && !fig.startsWith(`${model}.`) && !fig.startsWith(`${model}[`)) continue;  // the date is the model's
    const e = evaluated.get(fig);
    if (e === undefined) { failures.Add(current, `${what}: costsite eval does not print ${fig}`); continue; }
    checked++;
    if (e !== f.plain) failures.Add(current, `${what}: ${fig} is "${f.plain}" in the page, "${e}" from costsite eval`);
  }
  const hash = decodeURIComponent(await page.evaluate(() => location.hash));
  if (!hash.startsWith("#wf:") || !hash.includes(hashPart)) failures.Add(current, `${what}: the URL fragment is "${hash}"`);
  const state = { hash: await page.evaluate(() => location.hash), elements: now };
  await page.locator("form.cost-inputs").nth(form).locator("button[type=reset]").click();
  await page.waitForFunction(() => !location.hash.startsWith("#wf:"), null, { timeout: 10000 });
  await WaitUpdated(page, form, updated);
  if (JSON.stringify(await Elements(page)) !== JSON.stringify(built)) failures.Add(current, `${what}: after Reset the page is not the build's`);
  return { checked, state };
}

async function Elements(page) {
  return page.$$eval("[data-wf]", (els) => els.map((e) => ({ id: e.getAttribute("data-wf"), html: e.outerHTML })));
}

// The table of contents' entries of headings that show a figure: each entry's
// text and the heading's words (without popovers and the anchor), which it
// must equal at the author's values and after every change.
async function TocOfFigures(page) {
  return page.$$eval("nav.toc a[href^='#']", (as) => as.flatMap((a) => {
    const h = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
    if (!h || !h.querySelector("[data-fig]")) return [];
    const copy = h.cloneNode(true);
    copy.querySelectorAll(".fig-pop, a.anchor").forEach((e) => e.remove());
    return [{ entry: a.textContent, heading: copy.textContent.replace(/\s+/g, " ").trim(),
              label: h.querySelector("a.anchor")?.getAttribute("aria-label") ?? "" }];
  }));
}

function CheckToc(failures, current, what, toc) {
  for (const t of toc) {
    if (t.entry !== t.heading) failures.Add(current, `${what}: the contents say "${t.entry}", the heading "${t.heading}"`);
    if (t.label && t.label !== t.heading) failures.Add(current, `${what}: the heading's anchor says "${t.label}", the heading "${t.heading}"`);
  }
}

async function WaitUpdated(page, form, text) {
  await page.waitForFunction(([i, t]) => {
    const out = document.querySelectorAll("form.cost-inputs")[i].querySelector("output");
    return out && out.textContent === t;
  }, [form, text], { timeout: 10000 });
}

async function main() {
  const args = ParseArgs(process.argv.slice(2), ["site", "costsite", "source"], import.meta.url);
  const site = path.resolve(args.site);
  const pages = PagesWithInputs(site);
  if (!pages.length && fs.readFileSync(path.join(site, "en", "reports", "slime-inference", "index.html"), "utf8")
        .includes('class="cost-inputs"')) {
    console.log("note: the site was built without the what-if engine (no emscripten); what-if not tested");
    return;
  }
  const langs = new Set(pages.map((p) => path.relative(site, p).split(path.sep)[0]));
  if (!langs.has("zh") || !langs.has("en")) throw new Error(`${site}: no page with inputs in zh and in en`);
  const t0 = Date.now();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: kChromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  await context.route("**/*", (route) => /^(file|data|blob|about):/.test(route.request().url())
    ? route.continue() : route.abort("blockedbyclient"));
  const page = await context.newPage();
  const failures = new Failures();
  let current = "";
  page.on("console", (m) => { if (m.type() === "error") failures.Add(current, `console error: ${m.text()}`); });
  page.on("pageerror", (e) => failures.Add(current, `uncaught exception: ${e.message}`));
  const evalCache = new Map();
  let checkedToc = 0, checkedFragments = 0, checkedInputs = 0, checkedFigures = 0, checkedShown = 0, checkedChoices = 0;

  for (const file of pages) {
    current = path.relative(site, file);
    const pageStart = Date.now();
    const url = pathToFileURL(file).href;
    const raw = fs.readFileSync(file, "utf8");
    await page.goto(url);
    const lang = await page.getAttribute("html", "lang");
    const built = await Elements(page);
    const shownText = (els) => els.map((e) => ({ fig: e.getAttribute("data-fig"), text: (e.querySelector(".fig") || e).textContent }));
    const builtShown = await page.$$eval("[data-fig]", shownText);
    const builtToc = await TocOfFigures(page);
    CheckToc(failures, current, "as built", builtToc);
    // 1. The engine at the author's values gives the build's bytes.
    const base = await Engine(page, []);
    if (base.errors?.length) failures.Add(current, `engine errors at the defaults: ${base.errors.join("; ")}`);
    const baseHtml = new Map((base.fragments || []).map((f) => [String(f.id), f.html]));
    for (const { id } of built) {
      const html = baseHtml.get(id);
      if (html === undefined) { failures.Add(current, `no fragment ${id} from the engine`); continue; }
      const at = raw.indexOf(html);
      if (at < 0 || !new RegExp(`^<[a-z0-9]+[^>]*\\bdata-wf="${id}"`).test(html))
        failures.Add(current, `fragment ${id} at the defaults differs from the build: ${html.slice(0, 160)}`);
      checkedFragments++;
    }
    if (baseHtml.size !== built.length) failures.Add(current, `${baseHtml.size} fragments from the engine, ${built.length} data-wf elements on the page`);

    // 2. Each input changed alone.
    const inputs = await page.$$eval("form.cost-inputs input[name][type=number]", (is) => is.map((i) => ({
      name: i.name, id: i.id, value: i.defaultValue, min: i.min, max: i.max, step: i.step === "any" ? "" : i.step,
      unit: i.getAttribute("data-unit") || "", form: [...document.querySelectorAll("form.cost-inputs")].indexOf(i.form),
      updated: i.form.getAttribute("data-wf-updated") || "" })));
    if (!inputs.length && !(await page.$("form.cost-inputs select, form.cost-inputs input[type=date]")))
      failures.Add(current, "a what-if page without inputs");
    let lastSets = null;
    for (const input of inputs) {
      const other = OtherValue(input);
      if (other === null) { failures.Add(current, `${input.name}: no other value in its bounds`); continue; }
      const sets = [[input.name, input.unit ? `${other} ${input.unit}` : other]];
      if (!input.updated) failures.Add(current, `the form of ${input.name} has no data-wf-updated sentence`);
      // The status may still hold the sentence of the last change (or of Reset):
      // emptied here, so the wait below is for this change's recompute.
      await page.evaluate((i) => {
        document.querySelectorAll("form.cost-inputs")[i].querySelector("output").textContent = "";
      }, input.form);
      await page.fill(`[id="${input.id}"]`, other);
      await WaitUpdated(page, input.form, input.updated);
      const answer = await Engine(page, sets);
      if (answer.errors?.length) { failures.Add(current, `${input.name}=${other}: ${answer.errors.join("; ")}`); continue; }
      // The page's elements against the engine's fragments, both as the page's parser reads them.
      const mismatched = await Mismatched(page, answer.fragments);
      for (const id of mismatched) failures.Add(current, `${input.name}=${other}: element ${id} is not the engine's fragment`);
      const now = await Elements(page);
      if (!now.some((e, k) => e.html !== built[k]?.html)) failures.Add(current, `${input.name}=${other}: no element of the page changed`);
      // The table of contents follows the headings that show a figure.
      const toc = await TocOfFigures(page);
      CheckToc(failures, current, `${input.name}=${other}`, toc);
      checkedToc += toc.filter((t, k) => t.entry !== builtToc[k]?.entry).length;
      // Inline figures show the engine's text (those shown without options).
      const figs = new Map();
      for (const r of answer.results) for (const f of r.figures) figs.set(`${r.model}${r.scenario ? `[${r.scenario}]` : ""}.${f.id}`, f);
      const shown = await page.$$eval("[data-fig]", shownText);
      if (shown.length !== builtShown.length) failures.Add(current, `${input.name}=${other}: ${shown.length} figures, the build has ${builtShown.length}`);
      const moved = shown.filter((s, k) => s.text !== builtShown[k]?.text).length;
      if (!moved) failures.Add(current, `${input.name}=${other}: no inline figure changed`);
      checkedShown += moved;
      // The engine's figures are `costsite eval --set`'s.
      const key = JSON.stringify(sets);
      const scenarios = [...new Set(answer.results.map((r) => r.scenario).filter(Boolean))].sort();
      if (!evalCache.has(key)) evalCache.set(key, EvalFigures(args.costsite, args.source, sets, scenarios));
      const evaluated = await evalCache.get(key);
      for (const [fig, f] of figs) {
        const e = evaluated.get(fig);
        if (e === undefined) { failures.Add(current, `${fig}: costsite eval does not print it`); continue; }
        checkedFigures++;
        if (e !== f.plain) failures.Add(current, `${input.name}=${other}: ${fig} is "${f.plain}" in the page, "${e}" from costsite eval --set`);
      }
      // The URL holds the state.
      const hash = await page.evaluate(() => location.hash);
      if (!hash.startsWith("#wf:") || !decodeURIComponent(hash).includes(`${input.name}=${other}`))
        failures.Add(current, `${input.name}=${other}: the URL fragment is "${hash}"`);
      lastSets = { hash, elements: await Elements(page), input, other };
      checkedInputs++;
      // Back to the author's values.
      await page.locator("form.cost-inputs").nth(input.form).locator("button[type=reset]").click();
      await page.waitForFunction(() => !location.hash.startsWith("#wf:"), null, { timeout: 10000 });
      // Reset's recompute announces itself 30 ms after the hash is cleared.
      await WaitUpdated(page, input.form, input.updated);
      await page.waitForFunction((n) => document.querySelectorAll("[data-wf]").length === n, built.length);
      const after = await Elements(page);
      if (JSON.stringify(after) !== JSON.stringify(built)) failures.Add(current, `after Reset the page is not the build's`);
    }

    // 2b. Each scenario of a picker, and a form's date field at its first date.
    const ctx = { page, failures, current, built, args };
    const choices = await page.$$eval("form.cost-inputs", (fs) => fs.map((f, i) => ({
      form: i, updated: f.getAttribute("data-wf-updated") || "",
      picks: [...f.querySelectorAll("select[data-wf-pick]")].map((s) => ({
        id: s.id, model: s.getAttribute("data-wf-pick"), name: s.name,
        values: [...s.options].map((o) => o.value).filter(Boolean) })),
      dates: [...f.querySelectorAll("input[data-wf-as-of]")].map((d) => ({
        id: d.id, name: d.name, model: d.getAttribute("data-wf-as-of"), min: d.min, value: d.defaultValue })) })));
    let sharedChoice = null;
    for (const c of choices) {
      for (const p of c.picks) {
        for (const value of p.values) {
          const r = await CheckChoice(ctx, { what: `${p.name}=${value}`, form: c.form, updated: c.updated,
            act: () => page.selectOption(`[id="${p.id}"]`, value), extra: { picks: { [p.model]: value } },
            scenario: value, hashPart: `${p.name}=${value}`, mustChange: false });  // a scenario may equal the base
          checkedFigures += r.checked || 0;
          checkedChoices++;
          sharedChoice = sharedChoice || { ...r.state, control: p.id, value, form: c.form, updated: c.updated };
        }
      }
      for (const d of c.dates) {
        if (d.min === d.value) { failures.Add(current, `${d.id}: its first date is the build's`); continue; }
        const r = await CheckChoice(ctx, { what: `as-of ${d.min}`, form: c.form, updated: c.updated,
          act: () => page.fill(`[id="${d.id}"]`, d.min), extra: { as_of: { [d.model]: d.min } }, asOf: d.min,
          model: d.model, hashPart: `${d.name}=${d.min}`, mustChange: true });
        checkedFigures += r.checked || 0;
        checkedChoices++;
        sharedChoice = sharedChoice || { ...r.state, control: d.id, value: d.min, form: c.form, updated: c.updated };
      }
    }
    if (sharedChoice) {  // a shared URL with a pick or a date
      await page.goto("about:blank");
      await page.goto(url + sharedChoice.hash);
      const value = await page.inputValue(`[id="${sharedChoice.control}"]`);
      if (value !== sharedChoice.value) failures.Add(current, `opened with ${sharedChoice.hash}, ${sharedChoice.control} shows "${value}"`);
      await WaitUpdated(page, sharedChoice.form, sharedChoice.updated);
      if (JSON.stringify(await Elements(page)) !== JSON.stringify(sharedChoice.elements))
        failures.Add(current, `opened with ${sharedChoice.hash}, the figures differ from the same choice made by hand`);
      await page.goto(url);
    }

    // 3. A shared what-if URL: opened afresh, it applies its state.
    if (lastSets) {
      await page.goto("about:blank");
      await page.goto(url + lastSets.hash);
      const value = await page.inputValue(`[id="${lastSets.input.id}"]`);
      if (value !== lastSets.other) failures.Add(current, `opened with ${lastSets.hash}, the input shows "${value}"`);
      await WaitUpdated(page, lastSets.input.form, lastSets.input.updated);
      if (JSON.stringify(await Elements(page)) !== JSON.stringify(lastSets.elements))
        failures.Add(current, `opened with ${lastSets.hash}, the figures differ from the same change made by hand`);
      // 4. axe on the page with the form in use; the form at phone width.
      await page.evaluate(kAxeSource);
      const axe = await page.evaluate((tags) => window.axe.run(document, {
        runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], preload: false }), kAxeTags);
      for (const v of axe.violations)
        failures.Add(current, `axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      await page.setViewportSize({ width: 390, height: 800 });
      const over = await page.$$eval("form.cost-inputs", (fs) => fs.filter((f) => f.scrollWidth > f.clientWidth + 1 ||
        f.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
      if (over) failures.Add(current, `${over} what-if form(s) overflow a 390 px screen`);
      if (args.shots && !fs.existsSync(path.join(args.shots, `whatif-${lang}-390.png`)) && current.includes("slime-inference")) {
        fs.mkdirSync(args.shots, { recursive: true });
        for (const w of [1280, 390]) {
          await page.setViewportSize({ width: w, height: 900 });
          await page.locator("form.cost-inputs").first().scrollIntoViewIfNeeded();
          await page.evaluate(() => window.scrollBy(0, -20));
          await page.screenshot({ path: path.join(args.shots, `whatif-${lang}-${w}.png`) });
        }
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    console.log(`${current}: ${inputs.length} inputs, ${built.length} elements, ${((Date.now() - pageStart) / 1000).toFixed(1)} s`);
  }
  await browser.close();
  console.log(`\n${pages.length} pages with inputs: ${checkedFragments} fragments at the defaults, ` +
              `${checkedInputs} inputs changed, ${checkedChoices} scenarios picked or dates set, ${checkedShown} inline figures changed, ${checkedToc} contents entries followed, ${checkedFigures} figures against costsite eval --set; ` +
              `${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // The inference report's heading 4.1 shows the peak QPS, which its form changes.
  if (!checkedToc) failures.Add(site, "no entry of a table of contents followed a change of its heading");
  if (failures.items.length) {
    console.log(`\n${failures.items.length} failure(s):`);
    for (const f of failures.items) console.log(`  ${f}`);
    process.exit(1);
  }
  console.log("all what-if checks passed");
}

main().catch((e) => { console.error(e); process.exit(1); });
