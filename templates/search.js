// Offline search for costsite sites. search-index.js (loaded by a <script>
// tag when the search box is first used, so it works from file://) sets
// window.COSTSITE_SEARCH.
// Queries are cut into terms exactly as generator/render/search_terms.h cuts
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

  // British and American spellings as one term, as search_terms.h's
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

  // Marks the sections of one posting list: section numbers are delta-coded
  // (the first as is, then each as the step from the one before), and a
  // negative entry -r stands for the r sections right after the previous one.
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

  // Sections (numbers) of one language's term table holding `term`.
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

  // Part number -> [page number, part's place in its page], worked out once
  // per index: pages list their parts in order, each [anchor, heading] (the
  // page's top: ["", ""]).
  function sectionsOf(index) {
    if (index._sections) return index._sections;
    var out = [];
    index.p.forEach(function (page, n) {
      for (var k = 0; k < page[3].length; k++) out.push([n, k]);
    });
    Object.defineProperty(index, '_sections', {value: out});
    return out;
  }

  // Results for `query`: pages holding every term (in any of their
  // sections), the reader's language first, then pages whose title holds the
  // query, then site order. A result leads to the section that holds the
  // most terms (the earliest of equals) and shows its words around the first match.
  // Each result: {title, section, url, lang, page, part, snippet}; `root`
  // prefixes the URL. The parts' text is kept beside each page (textFile) and
  // loaded only for results shown: `texts` maps a page path to its parts'
  // text; a page not in it has snippet null.
  function search(index, query, lang, root, limit, texts) {
    var terms = queryTerms(query);
    if (!index || !terms.length) return [];
    var sections = sectionsOf(index), scored = [];
    Object.keys(index.t).forEach(function (l) {
      var table = index.t[l], pages = {};
      terms.forEach(function (term, i) {
        var found = lookup(table, term);
        for (var d in found) {
          var at = sections[d], e = pages[at[0]];
          if (!e) e = pages[at[0]] = {terms: 0, last: -1, hits: {}};
          if (e.last !== i) { e.last = i; e.terms++; }
          e.hits[at[1]] = (e.hits[at[1]] || 0) + 1;
        }
      });
      Object.keys(pages).forEach(function (p) {
        var e = pages[p];
        if (e.terms !== terms.length) return;
        var page = index.p[p], title = page[2].toLowerCase(), score = 0, best = -1;
        if (page[0] === lang) score += 100;
        terms.forEach(function (term) { if (title.indexOf(term.t) >= 0) score += 10; });
        Object.keys(e.hits).forEach(function (k) {
          k = Number(k);
          if (best < 0 || e.hits[k] > e.hits[best] || (e.hits[k] === e.hits[best] && k < best)) best = k;
        });
        scored.push({score: score, n: Number(p), page: page, best: best});
      });
    });
    scored.sort(function (a, b) { return b.score - a.score || a.n - b.n; });
    return scored.slice(0, limit || 20).map(function (s) {
      var part = s.page[3][s.best];
      return {title: s.page[2], section: part[1], lang: s.page[0], page: s.page[1], part: s.best,
              url: (root || '') + s.page[1] + (part[0] ? '#' + part[0] : ''),
              snippet: snippetOf(texts && texts[s.page[1]], s.best, query)};
    });
  }

  // About SNIPPET characters of part k of a page whose parts' text is `text`
  // (null when not loaded): from a little before the first word the query
  // matches, "…" where cut. A heading with no text of its own before the
  // next one (or a page that begins with a heading, found by its title): the
  // words that follow.
  var SNIPPET = 180;
  function snippetOf(text, k, query) {
    if (!text) return null;
    var s = '';
    for (var i = k; !s && i < text.length; i++) s = text[i];
    var chars = Array.from(s);  // code points: never cut a character in two
    if (chars.length <= SNIPPET) return s;
    var at = 0, pos = 0, runs = highlight(s, query || '');
    for (var r = 0; r < runs.length && !runs[r].mark; r++) pos += runs[r].text.length;
    if (pos < s.length) at = Array.from(s.slice(0, pos)).length;
    var start = Math.max(0, Math.min(at - 40, chars.length - SNIPPET));
    // Start at a word when the text has spaces near there.
    for (var b = start; start > 0 && b < at && b < start + 20; b++) {
      if (chars[b - 1] === ' ') { start = b; break; }
    }
    var end = Math.min(chars.length, start + SNIPPET);
    return (start > 0 ? '…' : '') + chars.slice(start, end).join('') + (end < chars.length ? '…' : '');
  }

  // Where the text of the page at `path` is kept: "zh/r/index.html" ->
  // "zh/r/index.search.js" (generator/render/search_page.cpp SearchTextFile).
  function textFile(path) {
    return path.replace(/\.html$/, '') + '.search.js';
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
    // Pages' text, loaded (by <script> tags) for the results shown.
    // A snippet is filled in place when its page's text arrives, so that
    // focus in the list stays where it is.
    var texts = global.COSTSITE_SEARCH_TEXT = global.COSTSITE_SEARCH_TEXT || {}, asked = {}, waiting = [];
    function withText(path) {
      if (asked[path]) return;
      asked[path] = true;
      var script = document.createElement('script');
      script.src = (box.getAttribute('data-root') || '') + textFile(path);
      script.onload = function () {
        waiting = waiting.filter(function (w) {
          if (w.r.page !== path) return true;
          fill(w.p, snippetOf(texts[path], w.r.part, input.value));
          return false;
        });
      };
      document.head.appendChild(script);
    }
    function fill(p, snippet) {
      p.textContent = '';
      highlight(snippet || '', input.value).forEach(function (run) {
        if (!run.mark) return p.appendChild(document.createTextNode(run.text));
        var m = document.createElement('mark');
        m.textContent = run.text;
        p.appendChild(m);
      });
    }
    function show() {
      var results = search(global.COSTSITE_SEARCH, input.value, box.getAttribute('data-lang'),
                           box.getAttribute('data-root'), 20, texts);
      list.textContent = '';
      waiting = [];
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
        if (r.section) {
          var sec = document.createElement('span');
          sec.className = 'search-section';
          sec.textContent = r.section;
          a.appendChild(document.createTextNode(' '));
          a.appendChild(sec);
        }
        if (r.lang) a.setAttribute('hreflang', r.lang);
        if (r.snippet === null) {
          waiting.push({p: p, r: r});
          withText(r.page);
        } else {
          fill(p, r.snippet);
        }
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
    // Escape on a result clears the search too, and the box takes the focus.
    list.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape') return;
      input.value = '';
      show();
      input.focus();
    });
  }

  // Called by each page's text file.
  global.costsiteSearchText = function (path, parts) {
    (global.COSTSITE_SEARCH_TEXT = global.COSTSITE_SEARCH_TEXT || {})[path] = parts;
  };
  global.costsiteSearch = {search: search, queryTerms: queryTerms, highlight: highlight, textFile: textFile};
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { setUp(document); });
    } else {
      setUp(document);
    }
  }
})(typeof window !== 'undefined' ? window : globalThis);
