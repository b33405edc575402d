// The WebAssembly what-if engine against the native build: for the example
// site's pricing inputs, at the author's values and with every model's first
// parameter doubled, every figure (plain, zh, en) and rule must equal what the
// native build computes (whatif_fixture wrote both), byte for byte. Prints
// the engine's size and the time of one full recompute (not asserted).
//   node wasm.test.mjs BUILD/wasm/whatif.js FIXTURE_DIR
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const [script, dir] = process.argv.slice(2);
// Loaded as a page loads it: a classic script defining CostsiteWhatIf.
// (A page has no require or __dirname; node's are handed to it here.)
const factory = new Function('require', '__dirname', `${readFileSync(script, 'utf8')}\nreturn CostsiteWhatIf;`)(
  createRequire(import.meta.url), dirname(resolve(script)));
const engine = await factory();
const run = (inputs, request) =>
  engine.ccall('costsite_whatif', 'string', ['string', 'string'], [inputs, request]);

const inputs = readFileSync(`${dir}/inputs.json`, 'utf8');
let failures = 0;
let figures = 0;
for (const name of ['base', 'set']) {
  const request = readFileSync(`${dir}/request-${name}.json`, 'utf8');
  const expected = JSON.parse(readFileSync(`${dir}/expected-${name}.json`, 'utf8'));
  const t0 = performance.now();
  const answer = JSON.parse(run(inputs, request));
  const ms = performance.now() - t0;
  const want = new Map(expected.results.map((r) => [`${r.model}[${r.scenario}]`, r]));
  if (answer.results.length !== expected.results.length) {
    console.error(`${name}: ${answer.results.length} results, the build has ${expected.results.length}`);
    failures++;
  }
  for (const r of answer.results) {
    const e = want.get(`${r.model}[${r.scenario}]`);
    if (!e) { console.error(`${name}: unexpected result ${r.model}[${r.scenario}]`); failures++; continue; }
    for (let i = 0; i < Math.max(r.figures.length, e.figures.length); i++) {
      figures++;
      const a = JSON.stringify(r.figures[i]), b = JSON.stringify(e.figures[i]);
      if (a !== b) { console.error(`${name}: ${r.model}[${r.scenario}]: wasm ${a}, build ${b}`); failures++; }
    }
    if (JSON.stringify(r.rules) !== JSON.stringify(e.rules)) {
      console.error(`${name}: ${r.model}[${r.scenario}] rules differ`); failures++;
    }
  }
  console.log(`${name}: ${answer.results.length} results, full recompute ${ms.toFixed(1)} ms`);
}
// The page's session (costsite_whatif_open, then costsite_whatif_update with
// only the sets): the models the sets name and their readers are built again,
// and back at the author's values the same ones.
// (On the largest model's inputs: the whole site's include a model whose
// actual() fails without a billing export, and after an error every change
// evaluates everything.)
{
  const largest = readFileSync(`${dir}/inputs-largest.json`, 'utf8');
  const models = new Set(JSON.parse(largest).models.map((m) => m.id));
  const sets = JSON.parse(readFileSync(`${dir}/request-set.json`, 'utf8')).sets
    .filter(([target]) => models.has(target.split('.')[0]));
  const opened = JSON.parse(engine.ccall('costsite_whatif_open', 'string', ['string', 'string'],
                                         [largest, readFileSync(`${dir}/request-base.json`, 'utf8')]));
  const update = (sets) => JSON.parse(engine.ccall('costsite_whatif_update', 'string', ['string'], [JSON.stringify(sets)]));
  const changed = update(sets), again = update(sets), reset = update([]);
  const named = new Set(sets.map(([target]) => target.split('.')[0]));
  if (!named.size) { console.error('session: no set names a model of the largest model\'s inputs'); failures++; }
  const problems = [...opened.errors, ...changed.errors, ...again.errors, ...reset.errors];
  if (![...named].every((m) => changed.rebuilt.includes(m))) problems.push(`not every model set was built again: ${changed.rebuilt}`);
  if (again.rebuilt.length) problems.push(`the same sets again built ${again.rebuilt}`);
  if (JSON.stringify(reset.rebuilt) !== JSON.stringify(changed.rebuilt)) problems.push(`reset built ${reset.rebuilt}`);
  for (const p of problems) { console.error(`session: ${p}`); failures++; }
  console.log(`session: ${changed.rebuilt.length} models built again for ${named.size} models set`);
}
// One recompute of the largest model alone, as on its page (after a first
// run, the best of five).
{
  const largest = readFileSync(`${dir}/inputs-largest.json`, 'utf8');
  const request = readFileSync(`${dir}/request-set.json`, 'utf8');
  run(largest, request);
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    run(largest, request);
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`largest model alone: ${(largest.length / 1024).toFixed(0)} KB of data, recompute ${best.toFixed(1)} ms`);
}
const size = readFileSync(script);
console.log(`whatif.js: ${size.length} bytes, ${gzipSync(size, { level: 9 }).length} gzipped; ${figures} figures compared`);
if (failures) { console.error(`${failures} differences`); process.exit(1); }
console.log('ok');
