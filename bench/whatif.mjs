// The what-if engine in headless Chromium: loads build/wasm/whatif.js into a
// blank page from file:// (as a page would, a classic script), then times one
// full recompute of the example site's largest model with a parameter
// changed (the best of five after a first run) and checks that its figures
// are the native build's. Needs the fixture of the whatif_native test.
//   node bench/whatif.mjs [BUILD_DIR]   (default build)
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const build = path.resolve(process.argv[2] || "build");
const script = path.join(build, "wasm", "whatif.js");
const fixture = path.join(build, "tests", "whatif-fixture");
const inputs = readFileSync(path.join(fixture, "inputs-largest.json"), "utf8");
const request = readFileSync(path.join(fixture, "request-set.json"), "utf8");
const expected = JSON.parse(readFileSync(path.join(fixture, "expected-set.json"), "utf8"));

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
const result = await page.evaluate(async ([inputs, request]) => {
  const t = performance.now();
  const engine = await CostsiteWhatIf();
  const ready = performance.now() - t;
  const run = () => engine.ccall("costsite_whatif", "string", ["string", "string"], [inputs, request]);
  const first = performance.now();
  const answer = run();
  const firstMs = performance.now() - first;
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    run();
    best = Math.min(best, performance.now() - s);
  }
  return { ready, firstMs, best, answer };
}, [inputs, request]);
const loadMs = Date.now() - t0;
await browser.close();

const answer = JSON.parse(result.answer);
const want = new Map(expected.results.map((r) => [`${r.model}[${r.scenario}]`, JSON.stringify(r)]));
let differences = 0;
for (const r of answer.results) {
  const w = want.get(`${r.model}[${r.scenario}]`);
  if (w !== JSON.stringify(r)) differences++;
}
console.log(`whatif in Chromium: script loaded and compiled in ${loadMs} ms (module ready ${result.ready.toFixed(0)} ms), ` +
  `first recompute ${result.firstMs.toFixed(1)} ms, recompute ${result.best.toFixed(1)} ms (best of 5), ` +
  `${answer.results.length} results, ${differences} differing from the build, ${errors.length} console errors`);
if (differences || errors.length) process.exit(1);
