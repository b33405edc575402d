// Imports the data of the npm package @pydantic/genai-prices with
// `costsite import prices genai-prices`, evaluates 20 of its prices in a
// generated model with `costsite eval --json`, and compares each with the
// package's own calcPrice. Skipped when the package is not installed.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const binary = process.env.COSTSITE_BINARY || join(root, 'build', 'costsite');
const pkg = join(root, 'node_modules', '@pydantic', 'genai-prices', 'dist', 'index.js');

const DAY = '2026-12-04';
const WHEN = new Date(`${DAY}T10:00:00Z`);  // inside DeepSeek's 00:30–16:30 UTC window
const USAGE = {input_tokens: 250000, cache_read_tokens: 50000, output_tokens: 12345};

// costsite's id for a provider's name (imports/ids.cpp, IdFor).
function idFor(name) {
  let id = '';
  for (const c of name) {
    if (/[a-z0-9_]/.test(c)) id += c;
    else if (/[A-Z]/.test(c)) id += c.toLowerCase();
    else if (id && !/[-.]$/.test(id)) id += c === '.' ? '.' : '-';
  }
  return id.replace(/[-.]+$/, '') || 'x';
}

// The price set calcPrice uses at WHEN, and the costsite variant suffix for it.
function inForce(model) {
  if (!Array.isArray(model.prices)) return {prices: model.prices, tag: ''};
  for (let k = model.prices.length - 1; k >= 0; k--) {
    const c = model.prices[k].constraint;
    if (!c) return {prices: model.prices[k].prices, tag: ''};
    if (c.type === 'start_date' && WHEN >= new Date(c.start_date)) return {prices: model.prices[k].prices, tag: ''};
    if (c.type === 'time_of_date') {
      const [a, b] = [c.start_time, c.end_time].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
      const now = WHEN.getUTCHours() * 60 + WHEN.getUTCMinutes();
      if (a <= b ? now >= a && now < b : now >= a || now < b) {
        const hhmm = (t) => t.slice(0, 2) + t.slice(3, 5);
        return {prices: model.prices[k].prices, tag: `h${hhmm(c.start_time)}_${hhmm(c.end_time)}`};
      }
    }
  }
  return {prices: model.prices[0].prices, tag: ''};
}

const plain = (p) => typeof p === 'number';
const tiered = (p) => p && typeof p === 'object';
const ONLY = new Set(['input_mtok', 'output_mtok', 'cache_read_mtok']);

// Models whose price set at WHEN has only input, output and cache-read prices.
function candidates(providers) {
  const out = [];
  for (const p of providers) {
    for (const m of p.models) {
      const {prices, tag} = inForce(m);
      const keys = Object.keys(prices).filter((k) => prices[k] !== undefined);
      if (!keys.includes('input_mtok') || !keys.includes('output_mtok')) continue;
      if (!keys.every((k) => ONLY.has(k))) continue;
      out.push({provider: p, model: m, prices, tag,
                isTiered: tiered(prices.input_mtok), isCached: 'cache_read_mtok' in prices,
                isDated: Array.isArray(m.prices) && m.prices.some((c) => c.constraint?.type === 'start_date')});
    }
  }
  return out;
}

function pick(all) {
  const chosen = [];
  const take = (c) => { if (c && !chosen.includes(c)) chosen.push(c); };
  take(all.find((c) => c.isTiered && c.isCached));
  take(all.find((c) => c.isTiered && c.provider.id !== chosen[0]?.provider.id));
  take(all.find((c) => c.isCached && !c.isTiered));
  take(all.find((c) => c.tag));
  take(all.find((c) => c.isDated));
  take(all.find((c) => c.model.id.includes('/')));
  const seen = new Set(chosen.map((c) => c.provider.id));
  for (const c of all) {  // then one per provider, spread over the providers
    if (chosen.length >= 20) break;
    if (seen.has(c.provider.id)) continue;
    seen.add(c.provider.id);
    take(c);
  }
  for (const c of all) if (chosen.length < 20) take(c);
  return chosen;
}

function formula(c) {
  const ref = (part, variant) => {
    const v = [variant, c.tag].filter(Boolean).join('_');
    return `@${idFor(c.provider.id)}/"${c.model.id}".${part}${v ? ':' + v : ''}`;
  };
  // calcPrice: cached tokens are part of the input tokens; a tier is chosen by
  // the input tokens of the request, for every price of the model.
  const price = (part, variant, tokens) =>
    tiered(c.prices[part === 'input' && variant ? 'cache_read_mtok' : `${part}_mtok`])
      ? `tiered(${ref(part, variant)}, in_tok) / in_tok * ${tokens}`
      : `${tokens} * ${ref(part, variant)}`;
  const input = c.isCached
    ? `${price('input', '', '(in_tok - cached_tok)')} + ${price('input', 'cached', 'cached_tok')}`
    : price('input', '', 'in_tok');
  return `${input} + ${price('output', '', 'out_tok')}`;
}

// The exact decimal a double stands for, to 10 places, without trailing zeros.
function decimal(x) {
  return x.toFixed(10).replace(/\.?0+$/, '');
}

test('20 imported genai-prices prices evaluate as the package computes them', async (t) => {
  if (!existsSync(pkg)) {
    t.skip('@pydantic/genai-prices is not installed');
    return;
  }
  const {waitForUpdate, calcPrice} = await import(pathToFileURL(pkg).href);
  const providers = await waitForUpdate();
  const site = mkdtempSync(join(tmpdir(), 'costsite-genai-'));
  try {
    writeFileSync(join(site, 'site.yaml'), 'title: {en: Import}\n');
    writeFileSync(join(site, 'data.json'), JSON.stringify(providers, null, 1));
    execFileSync(binary, ['import', 'prices', 'genai-prices', join(site, 'data.json'), '--source', site,
                          '--into', 'pricing/genai'], {env: {...process.env, COSTSITE_TODAY: DAY}, stdio: 'pipe', maxBuffer: 1 << 26});
    // Only models calcPrice finds by their own id (its match rules may pick another).
    const sample = pick(candidates(providers).filter((c) => {
      const r = calcPrice(USAGE, c.model.id, {providerId: c.provider.id, timestamp: WHEN});
      return r && r.model.id === c.model.id && r.provider.id === c.provider.id;
    }));
    assert.ok(sample.length >= 20, `only ${sample.length} models to compare`);
    assert.ok(sample.some((c) => c.isTiered), 'a tiered price');
    assert.ok(sample.some((c) => c.isCached), 'a cached price');
    assert.ok(new Set(sample.map((c) => c.provider.id)).size >= 10, 'spread over providers');
    t.diagnostic(sample.slice(0, 20).map((c) => `${c.provider.id}/${c.model.id}${c.tag ? ' ' + c.tag : ''}` +
                                          `${c.isTiered ? ' tiered' : ''}${c.isCached ? ' cached' : ''}`).join(', '));
    const items = sample.slice(0, 20).map((c, k) => `  m${k}: {formula: '${formula(c)}'}`);
    mkdirSync(join(site, 'pricing', 'models'), {recursive: true});
    writeFileSync(join(site, 'pricing', 'models', 'sample.yaml'),
                  `model: sample\nunit: USD\nparams:\n  in_tok: {value: ${USAGE.input_tokens} tokens}\n` +
                  `  cached_tok: {value: ${USAGE.cache_read_tokens} tokens}\n` +
                  `  out_tok: {value: ${USAGE.output_tokens} tokens}\nitems:\n${items.join('\n')}\n`);
    const json = JSON.parse(execFileSync(binary, ['eval', 'sample', '--json', '--source', site],
                                         {env: {...process.env, COSTSITE_TODAY: DAY}}).toString());
    const figures = Object.fromEntries(json.models[0].figures.map((f) => [f.id, f.lo]));
    sample.slice(0, 20).forEach((c, k) => {
      const expected = calcPrice(USAGE, c.model.id, {providerId: c.provider.id, timestamp: WHEN}).total_price;
      assert.equal(figures[`m${k}`], decimal(expected), `${c.provider.id}/${c.model.id}: ${formula(c)}`);
    });
  } finally {
    rmSync(site, {recursive: true, force: true});
  }
});
