// Loads a built site's search-index.js and the theme's search.js into a
// sandbox without a DOM, and runs the pure search function on them.
// COSTSITE_BINARY names the costsite binary; the fixture site is built first.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const binary = process.env.COSTSITE_BINARY || join(root, 'build', 'costsite');

function loadSite() {
  const out = mkdtempSync(join(tmpdir(), 'costsite-search-'));
  try {
    execFileSync(binary, ['build', '--quiet', '--source', join(root, 'tests/fixtures/sites/basic'),
                          '--out', join(out, 'site')]);
    const sandbox = {window: {}};
    vm.createContext(sandbox);
    vm.runInContext(readFileSync(join(out, 'site/search-index.js'), 'utf8'), sandbox);
    vm.runInContext(readFileSync(join(out, 'site/search.js'), 'utf8'), sandbox);
    return sandbox.window;
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
}

const w = loadSite();
const search = (q, lang, root = '') => w.costsiteSearch.search(w.COSTSITE_SEARCH, q, lang, root);

test('the index holds Chinese bigrams', () => {
  assert.ok(w.COSTSITE_SEARCH.t.zh['成本'].length > 0);
  assert.ok(w.COSTSITE_SEARCH.t.zh['月度']);
});

test('finds a Chinese word by its bigrams', () => {
  const results = search('月度成本', 'zh');
  assert.ok(results.length > 0);
  assert.equal(results[0].title, 'GPU 成本');
  assert.equal(results[0].url, 'zh/reports/gpu/index.html');
});

test('a one-character Chinese query matches single characters', () => {
  assert.ok(search('细', 'zh').some(r => r.url === 'zh/reports/gpu/index.html'));
  // 度 only occurs inside words (月度): it is found through the bigrams.
  assert.ok(search('度', 'zh').some(r => r.url === 'zh/reports/gpu/index.html'));
  assert.equal(search('鑫', 'zh').length, 0);
});

test('characters inside a run are indexed by bigrams only', () => {
  const zh = w.COSTSITE_SEARCH.t.zh;
  assert.ok(zh['月度']);
  assert.equal(zh['度'], undefined);
});

test('finds an English word, by prefix, ranked in the reader language', () => {
  const results = search('Details', 'en', '../../');
  assert.ok(results.length > 0);
  assert.equal(results[0].url, '../../en/reports/gpu/index.html');
  assert.equal(results[0].lang, 'en');
  assert.ok(search('detai', 'en').length > 0);
  assert.ok(results[0].snippet.length > 0);
});

test('all terms must match; nothing for unknown words', () => {
  assert.equal(search('details zebra', 'en').length, 0);
  assert.equal(search('', 'en').length, 0);
});

test('British and American spellings find each other', () => {
  // Arrays from the sandbox are compared as plain data.
  const q = (text) => JSON.parse(JSON.stringify(w.costsiteSearch.queryTerms(text)));
  assert.deepEqual(q('Quantisation').map(t => t.t), ['quantization']);
  assert.deepEqual(q('optimised colours').map(t => t.t), ['optimized', 'colors']);
  assert.deepEqual(q('hour rise').map(t => t.t), ['hour', 'rise']);
  // The index holds the normalised form, whichever spelling the page used.
  const en = w.COSTSITE_SEARCH.t.en;
  for (const k of Object.keys(en)) assert.ok(!/(isation|colour)$/.test(k), k);
});

test('snippets mark what the query matches, in either spelling and case', () => {
  const h = (text, q) => JSON.parse(JSON.stringify(w.costsiteSearch.highlight(text, q)));
  assert.deepEqual(h('GPU Quantisation saves', 'quantization gpu'), [
    {text: 'GPU', mark: true}, {text: ' ', mark: false}, {text: 'Quantisation', mark: true},
    {text: ' saves', mark: false}]);
  assert.deepEqual(h('每月成本约', '成本'), [
    {text: '每月', mark: false}, {text: '成本', mark: true}, {text: '约', mark: false}]);
  assert.deepEqual(h('nothing here', 'zebra'), [{text: 'nothing here', mark: false}]);
});
