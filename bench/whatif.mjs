// The what-if engine in headless Chromium: loads build/wasm/whatif.js into a
// blank page from file:// (as a page would, a classic script) and times, in
// the same run:
//  1. the example site's largest what-if page (the biggest data block), each
//     change of one input recomputed as the page did before sessions (one
//     costsite_whatif call: every model the page reads evaluated, every
//     figure formatted, every fragment rendered) and as the page does now
//     (costsite_whatif_open once, then costsite_whatif_update with the sets:
//     only the models the input reaches, only their fragments). Medians, and
//     the session's page checked against the whole answer after each change.
//  2. the largest model alone (the whatif_native test's fixture, when
//     present), one whole recompute, its figures checked against the native
//     build's.
//   node bench/whatif.mjs [BUILD_DIR] [SITE_DIR]   (default build; the site
//   is built from the working tree with BUILD_DIR/costsite when not given)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const build = path.resolve(process.argv[2] || "build");
const script = path.join(build, "wasm", "whatif.js");
let site = process.argv[3] ? path.resolve(process.argv[3]) : "";
if (!site) {
  site = mkdtempSync(path.join(os.tmpdir(), "whatif-bench-"));
  execFileSync(path.join(build, "costsite"), ["build", "--source", ".", "--out", site], { stdio: "ignore" });
}

// The page with the largest what-if data block.
function PagesOf(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...PagesOf(p));
    else if (e.name === "index.html") out.push(p);
  }
  return out;
}
const kBlock = /<script type="application\/json" id="costsite-whatif">([\s\S]*?)<\/script>/;
let largest = null;
for (const file of PagesOf(site)) {
  const html = readFileSync(file, "utf8");
  const m = kBlock.exec(html);
  if (m && (!largest || m[1].length > largest.block.length)) largest = { file, html, block: m[1] };
}
if (!largest) throw new Error(`${site}: no page with what-if inputs`);
const data = JSON.parse(largest.block);
const inputs = [...largest.html.matchAll(/<input type="number"[^>]*>/g)].map(([tag]) => {
  const attr = (name) => (new RegExp(`\\b${name}="([^"]*)"`).exec(tag) || [])[1] || "";
  return { name: attr("name"), value: Number(attr("value")), min: Number(attr("min")), max: Number(attr("max")),
           step: Number(attr("step")) || 1, unit: attr("data-unit") };
});
// Changes as a reader makes them: one input at a time, a step or a few away
// from the author's value, within its bounds; the last goes back to it.
const changes = [];
for (let k = 1; k <= 6; k++)
  for (const i of inputs) {
    let v = i.value + k * i.step;
    if (v > i.max) v = i.value - k * i.step;
    if (v < i.min) continue;
    changes.push([[i.name, i.unit ? `${v} ${i.unit}` : String(v)]]);
  }
changes.push([]);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
const page = await browser.newPage();
const errors = [];
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
page.on("pageerror", (e) => errors.push(String(e)));
await page.goto(pathToFileURL(path.join(path.dirname(script), "..")).href);
const t0 = Date.now();
await page.addScriptTag({ path: script });
const loadMs = Date.now() - t0;

const result = await page.evaluate(async ([data, changes]) => {
  const engine = await CostsiteWhatIf();
  const inputsText = JSON.stringify(data.inputs);
  const whole = (sets) => JSON.parse(engine.ccall("costsite_whatif", "string", ["string", "string"],
                                                  [inputsText, JSON.stringify({ ...data.request, sets })]));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // Before: the whole request for each change.
  const before = [], wholeAnswers = [];
  const base = whole([]);
  for (const sets of changes) {
    const t = performance.now();
    wholeAnswers.push(whole(sets));
    before.push(performance.now() - t);
  }
  // Now: one session, each change its sets; the page's elements kept as the
  // page script keeps them, compared with the whole answer.
  let t = performance.now();
  const opened = JSON.parse(engine.ccall("costsite_whatif_open", "string", ["string", "string"],
                                         [inputsText, JSON.stringify(data.request)]));
  const openMs = performance.now() - t;
  const shown = new Map(base.fragments.map((f) => [f.id, f.html]));
  const after = [], sent = [], differences = [];
  changes.forEach((sets, k) => {
    t = performance.now();
    const answer = JSON.parse(engine.ccall("costsite_whatif_update", "string", ["string"], [JSON.stringify(sets)]));
    after.push(performance.now() - t);
    sent.push(answer.fragments.length);
    if (answer.errors.length) differences.push(`${JSON.stringify(sets)}: ${answer.errors.join("; ")}`);
    for (const f of answer.fragments) shown.set(f.id, f.html);
    for (const f of wholeAnswers[k].fragments)
      if (shown.get(f.id) !== f.html) differences.push(`${JSON.stringify(sets)}: fragment ${f.id}`);
  });
  return { fragments: base.fragments.length, openErrors: opened.errors, openMs, before, after, sent,
           differences, medianBefore: median(before), medianAfter: median(after), medianSent: median(sent),
           firstAfter: after[0] };
}, [data, changes]);

console.log(`whatif.js ${statSync(script).size} bytes, loaded and compiled in ${loadMs} ms`);
console.log(`largest what-if page ${path.relative(site, largest.file)}: ${data.inputs.models.length} models, ` +
  `${result.fragments} fragments, ${(largest.block.length / 1024).toFixed(0)} KB of data; ${changes.length} changes of ` +
  `${inputs.map((i) => i.name).join(", ")}`);
console.log(`  before (whole request each change): median ${result.medianBefore.toFixed(1)} ms`);
console.log(`  now (session): open ${result.openMs.toFixed(1)} ms once, first change ${result.firstAfter.toFixed(1)} ms, ` +
  `median ${result.medianAfter.toFixed(1)} ms per change (${result.medianSent} fragments sent), ` +
  `${(result.medianBefore / result.medianAfter).toFixed(1)}x faster`);
for (const d of result.differences.slice(0, 10)) console.log(`  DIFFERS ${d}`);
let failures = result.differences.length + result.openErrors.length;

// The largest model alone, as the fixture of the whatif_native test has it.
const fixture = path.join(build, "tests", "whatif-fixture");
if (existsSync(path.join(fixture, "inputs-largest.json"))) {
  const alone = readFileSync(path.join(fixture, "inputs-largest.json"), "utf8");
  const request = readFileSync(path.join(fixture, "request-set.json"), "utf8");
  const expected = JSON.parse(readFileSync(path.join(fixture, "expected-set.json"), "utf8"));
  const model = await page.evaluate(async ([inputs, request]) => {
    const engine = await CostsiteWhatIf();
    const run = () => engine.ccall("costsite_whatif", "string", ["string", "string"], [inputs, request]);
    const answer = run();
    const times = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      run();
      times.push(performance.now() - s);
    }
    return { answer, median: times.sort((a, b) => a - b)[2] };
  }, [alone, request]);
  const answer = JSON.parse(model.answer);
  const want = new Map(expected.results.map((x) => [`${x.model}[${x.scenario}]`, JSON.stringify(x)]));
  let differing = 0;
  for (const x of answer.results) if (want.get(`${x.model}[${x.scenario}]`) !== JSON.stringify(x)) differing++;
  console.log(`largest model alone: whole recompute median ${model.median.toFixed(1)} ms (of 5), ` +
    `${answer.results.length} results, ${differing} differing from the build`);
  failures += differing;
}
await browser.close();
console.log(`${errors.length} console errors`);
if (failures || errors.length) process.exit(1);
