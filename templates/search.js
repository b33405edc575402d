// Offline search for costsite sites. search-index.js (loaded by a <script>
// tag when the search box is first used, so it works from file://) sets
// window.COSTSITE_SEARCH.
// Queries are cut into terms exactly as generator/render/search_index.cpp cuts
// pages: lowercase words, and Chinese by character bigrams.
// search() is pure so that it can be tested without a browser.
(function (global) {
  'use strict';

  function isCjk(c) {
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0x20000 && c <= 0x2ffff);
  }
  function isWordChar(c) {
    return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ||
      (c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7);
  }
  function lower(c) {
    if (c >= 65 && c <= 90) return c + 32;
    if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
    if (((c >= 0x100 && c <= 0x12f) || (c >= 0x14a && c <= 0x177)) && c % 2 === 0) return c + 1;
    if (c >= 0x139 && c <= 0x148 && c % 2 === 1) return c + 1;
    return c;
  }

  // British and American spellings as one term, as search_index.cpp's
  // kSpellings: the same table, longest suffix first in each family.
  var SPELLINGS = [
    ['isations', 'izations'], ['isation', 'ization'], ['ising', 'izing'], ['isers', 'izers'],
    ['ised', 'ized'], ['iser', 'izer'], ['ises', 'izes'], ['ise', 'ize'],
    ['ysing', 'yzing'], ['ysed', 'yzed'], ['yses', 'yzes'], ['yse', 'yze'],
    ['ouring', 'oring'], ['ourful', 'orful'], ['oured', 'ored'], ['ours', 'ors'], ['our', 'or']];
  function normalizeSpelling(word) {
    if (/^[0-9]+$/.test(word)) return word;
    for (var i = 0; i < SPELLINGS.length; i++) {
      var from = SPELLINGS[i][0];
      // The C++ side counts bytes: three bytes must stay before the suffix.
      if (word.slice(-from.length) === from && utf8Length(word) >= from.length + 3) {
        return word.slice(0, -from.length) + SPELLINGS[i][1];
      }
    }
    return word;
  }
  function utf8Length(s) {
    var n = 0;
    for (var ch of s) {
      var c = ch.codePointAt(0);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return n;
  }

  // Query terms: {t: term, prefix: bool, single: bool}. A Chinese run is
  // looked up by its bigrams; a run of one character matches every bigram
  // holding it (and the character where the page has it alone); words match
  // any indexed word they begin ("price" finds "prices", "pricing").
  function queryTerms(query) {
    var terms = [], word = '', run = [];
    function endWord() {
      if (word) terms.push({t: normalizeSpelling(word), prefix: true});
      word = '';
    }
    function endRun() {
      if (run.length === 1) terms.push({t: run[0], prefix: false, single: true});
      for (var i = 1; i < run.length; i++) terms.push({t: run[i - 1] + run[i], prefix: false});
      run = [];
    }
    for (var ch of String(query)) {
      var c = ch.codePointAt(0);
      if (isWordChar(c)) {
        endRun();
        word += String.fromCodePoint(lower(c));
      } else {
        endWord();
        if (isCjk(c)) run.push(ch); else endRun();
      }
    }
    endWord();
    endRun();
    return terms;
  }

  // Marks the pages of one posting list: page numbers are delta-coded
  // (the first as is, then each as the step from the one before), and a
  // negative entry -r stands for the r pages right after the previous one.
  function mark(deltas, found) {
    var page = 0;
    for (var i = 0; i < deltas.length; i++) {
      var d = deltas[i];
      if (d < 0) {
        for (var r = 0; r < -d; r++) found[++page] = true;
      } else {
        page += d;
        found[page] = true;
      }
    }
  }

  // Pages (indices) of one language's term table holding `term`.
  function lookup(table, term) {
    var found = {};
    if (term.single) {
      // Keys are words (Latin letters, digits), lone CJK characters and CJK
      // bigrams: a key longer than the character that starts or ends with it
      // is a bigram holding it.
      var c = term.t;
      for (var k in table) {
        if (k === c || (k.length > c.length && (k.lastIndexOf(c, 0) === 0 ||
            k.indexOf(c, k.length - c.length) !== -1))) mark(table[k], found);
      }
      return found;
    }
    if (!term.prefix) {
      if (Object.prototype.hasOwnProperty.call(table, term.t)) mark(table[term.t], found);
      return found;
    }
    for (var key in table) {
      if (key.lastIndexOf(term.t, 0) === 0) mark(table[key], found);
    }
    return found;
  }

  // Results for `query`: pages holding every term, the reader's language
  // first, then pages whose title holds the query, then site order.
  // Each result: {title, url, snippet, lang}; `root` prefixes the URL.
  function search(index, query, lang, root, limit) {
    var terms = queryTerms(query);
    if (!index || !terms.length) return [];
    var scored = [];
    Object.keys(index.t).forEach(function (l) {
      var table = index.t[l], hits = null;
      terms.forEach(function (term) {
        var found = lookup(table, term);
        if (hits === null) { hits = found; return; }
        for (var p in hits) if (!found[p]) delete hits[p];
      });
      Object.keys(hits || {}).forEach(function (p) {
        var page = index.p[p], title = page[2].toLowerCase(), score = 0;
        if (page[0] === lang) score += 100;
        terms.forEach(function (term) { if (title.indexOf(term.t) >= 0) score += 10; });
        scored.push({score: score, n: Number(p), page: page});
      });
    });
    scored.sort(function (a, b) { return b.score - a.score || a.n - b.n; });
    return scored.slice(0, limit || 20).map(function (s) {
      return {title: s.page[2], url: (root || '') + s.page[1], snippet: s.page[3], lang: s.page[0]};
    });
  }

  // `text` cut into runs [{text, mark}] for <mark> in the results: a word
  // is marked when a query word begins it (in either spelling), a Chinese
  // run of the query wherever it occurs.
  function highlight(text, query) {
    text = String(text);
    var words = [], runs = [];
    queryTerms(query).forEach(function (t) { if (t.prefix) words.push(t.t); });
    String(query).split(/[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/)
      .forEach(function (r) { if (r) runs.push(r); });
    var lower = text.toLowerCase(), marked = [];
    var wordRe = /[0-9a-z\u00c0-\u017f]+/g, m;
    while ((m = wordRe.exec(lower)) !== null) {
      var norm = normalizeSpelling(m[0]);
      if (words.some(function (w) { return norm.lastIndexOf(w, 0) === 0 || m[0].lastIndexOf(w, 0) === 0; }))
        for (var k = m.index; k < m.index + m[0].length; k++) marked[k] = true;
    }
    runs.forEach(function (r) {
      for (var at = text.indexOf(r); at >= 0; at = text.indexOf(r, at + r.length))
        for (var k = at; k < at + r.length; k++) marked[k] = true;
    });
    var out = [];
    for (var i = 0; i < text.length;) {
      var j = i, on = !!marked[i];
      while (j < text.length && !!marked[j] === on) j++;
      out.push({text: text.slice(i, j), mark: on});
      i = j;
    }
    return out;
  }

  function setUp(document) {
    var box = document.querySelector('.search[data-root]');
    var input = document.getElementById('search');
    var list = box && box.querySelector('.search-results');
    if (!box || !input || !list) return;
    box.hidden = false;
    // The index of a large site is megabytes: it is loaded (by a <script>
    // tag, which works from file://) when the reader first uses the box, not
    // with every page.
    // What to run once it has loaded: the latest request wins (typing while
    // it loads asks for the results of what is typed by then).
    var loading = false, pending = null;
    function withIndex(then) {
      if (global.COSTSITE_SEARCH) return then();
      pending = then;
      if (loading) return;
      loading = true;
      var script = document.createElement('script');
      script.src = (box.getAttribute('data-root') || '') + 'search-index.js';
      script.onload = function () { if (global.COSTSITE_SEARCH && pending) pending(); };
      script.onerror = function () { box.hidden = true; };
      document.head.appendChild(script);
    }
    function show() {
      var results = search(global.COSTSITE_SEARCH, input.value, box.getAttribute('data-lang'),
                           box.getAttribute('data-root'));
      list.textContent = '';
      if (!input.value.trim()) return;
      if (!results.length) {
        var none = document.createElement('li');
        none.textContent = box.getAttribute('data-empty') || '';
        list.appendChild(none);
        return;
      }
      results.forEach(function (r) {
        var li = document.createElement('li'), a = document.createElement('a');
        var p = document.createElement('p');
        a.href = r.url;
        a.textContent = r.title;
        if (r.lang) a.setAttribute('hreflang', r.lang);
        highlight(r.snippet || '', input.value).forEach(function (run) {
          if (!run.mark) return p.appendChild(document.createTextNode(run.text));
          var m = document.createElement('mark');
          m.textContent = run.text;
          p.appendChild(m);
        });
        li.appendChild(a);
        li.appendChild(p);
        list.appendChild(li);
      });
    }
    // "/" focuses the box, unless the reader is typing somewhere.
    document.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      var t = e.target, tag = t && t.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable)) return;
      e.preventDefault();
      input.focus();
    });
    input.addEventListener('focus', function () { withIndex(function () {}); });
    input.addEventListener('input', function () { withIndex(show); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { input.value = ''; show(); }
      if (e.key === 'ArrowDown' && list.querySelector('a')) {
        e.preventDefault();
        list.querySelector('a').focus();
      }
    });
  }

  global.costsiteSearch = {search: search, queryTerms: queryTerms, highlight: highlight};
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { setUp(document); });
    } else {
      setUp(document);
    }
  }
})(typeof window !== 'undefined' ? window : globalThis);
