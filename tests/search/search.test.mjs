// Loads a built site's search-index.js and the theme's search.js into a
// sandbox without a DOM, and runs the pure search function on them.
// COSTSITE_BINARY names the costsite binary; the fixture site is built first.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
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
    // Each page's text file calls costsiteSearchText, as a browser's window would.
    sandbox.costsiteSearchText = (path, parts) => sandbox.window.costsiteSearchText(path, parts);
    sandbox.window.textFiles = [];
    for (const f of readdirSync(join(out, 'site'), {recursive: true})) {
      if (!String(f).endsWith('.search.js')) continue;
      sandbox.window.textFiles.push(String(f));
      vm.runInContext(readFileSync(join(out, 'site', String(f)), 'utf8'), sandbox);
    }
    return sandbox.window;
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
}

const w = loadSite();
const search = (q, lang, root = '') =>
  w.costsiteSearch.search(w.COSTSITE_SEARCH, q, lang, root, 20, w.COSTSITE_SEARCH_TEXT);
// A result's page, without the section it leads to.
const pageOf = (r) => r.url.split('#')[0];

test('the index holds Chinese bigrams', () => {
  assert.ok(w.COSTSITE_SEARCH.t.zh['成本'].length > 0);
  assert.ok(w.COSTSITE_SEARCH.t.zh['月度']);
});

test('finds a Chinese word by its bigrams', () => {
  const results = search('月度成本', 'zh');
  assert.ok(results.length > 0);
  assert.equal(results[0].title, 'GPU 成本');
  assert.equal(pageOf(results[0]), 'zh/reports/gpu/index.html');
});

test('a one-character Chinese query matches single characters', () => {
  assert.ok(search('细', 'zh').some(r => pageOf(r) === 'zh/reports/gpu/index.html'));
  // 度 only occurs inside words (月度): it is found through the bigrams.
  assert.ok(search('度', 'zh').some(r => pageOf(r) === 'zh/reports/gpu/index.html'));
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
  assert.equal(results[0].url, '../../en/reports/gpu/index.html#details');
  assert.equal(results[0].lang, 'en');
  assert.ok(search('detai', 'en').length > 0);
  assert.ok(results[0].snippet.length > 0);
});

test('a result leads to the section holding the words and shows that section\'s text', () => {
  const plain = search('plain text', 'en');
  assert.equal(plain[0].url, 'en/reports/gpu/index.html#details');
  assert.equal(plain[0].section, 'Details');
  assert.equal(plain[0].snippet, 'Plain text.');
  const external = search('external page', 'en');
  assert.equal(external[0].url, 'en/reports/gpu/index.html#overview');
  assert.equal(external[0].section, 'Overview');
  assert.ok(external[0].snippet.startsWith('See the storage report'), external[0].snippet);
  // Words before the first heading (here the description): the page itself.
  const top = search('instances', 'en');
  assert.equal(top[0].url, 'en/reports/gpu/index.html');
  assert.equal(top[0].section, '');
  assert.equal(top[0].snippet, 'Monthly cost of GPU instances');
  // Terms found in different sections of one page still find the page.
  const spread = search('instances plain', 'en');
  assert.equal(pageOf(spread[0]), 'en/reports/gpu/index.html');
});

test('each page has its text file beside it; the index holds no text', () => {
  for (const page of w.COSTSITE_SEARCH.p) {
    const file = w.costsiteSearch.textFile(page[1]);
    assert.ok(w.textFiles.includes(file), file);
    assert.equal(w.COSTSITE_SEARCH_TEXT[page[1]].length, page[3].length, page[1]);
  }
  // Without a page's text loaded, a result has no snippet yet (null), to be filled in.
  const bare = w.costsiteSearch.search(w.COSTSITE_SEARCH, 'plain text', 'en', '', 20, {});
  assert.equal(bare[0].snippet, null);
  assert.equal(bare[0].page, 'en/reports/gpu/index.html');
});

test('a long section shows its words around the first match, cut with …', () => {
  const index = {v: 5, p: [['en', 'a.html', 'A', [['', ''], ['s', 'S']]]], t: {en: {zebra: [1], tail: [1]}}};
  const texts = {'a.html': ['', 'x '.repeat(300) + 'zebra tail ' + 'y '.repeat(300)]};
  const [r] = w.costsiteSearch.search(index, 'zebra', 'en', '', 20, texts);
  assert.equal(r.url, 'a.html#s');
  assert.ok(r.snippet.includes('zebra tail'), r.snippet);
  assert.ok(r.snippet.startsWith('…') && r.snippet.endsWith('…'), r.snippet);
  assert.ok(r.snippet.length <= 182, r.snippet.length);
  // A short section is shown whole; Chinese is cut by characters, never inside one.
  const zh = {'a.html': ['', '成本'.repeat(200) + '向量数据库' + '存储'.repeat(200)]};
  const index2 = {v: 5, p: [['zh', 'a.html', 'A', [['', ''], ['s', 'S']]]], t: {zh: {'向量': [1]}}};
  const [z] = w.costsiteSearch.search(index2, '向量', 'zh', '', 20, zh);
  assert.ok(z.snippet.includes('向量数据库'), z.snippet);
  assert.ok(!z.snippet.includes('\ufffd'));
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
