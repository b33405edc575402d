// What-if inputs for costsite pages (`cost inputs` blocks). The page carries
// its pricing inputs and the list of its cost-derived elements in
// <script type="application/json" id="costsite-whatif">; the engine (the cost
// engine compiled to WebAssembly, assets/whatif.js) is loaded by a <script>
// tag on the first interaction with a form, so it works from file:// and
// offline. The engine reads the page's data once (costsite_whatif_open); each
// change (debounced) then sends every changed input as "MODEL.PARAM" =
// "VALUE UNIT", exactly what `costsite eval --set` takes
// (costsite_whatif_update), and each element the engine returns (those that
// changed) replaces the element with the same data-wf.
// A form's scenario picker (select[data-wf-pick]) sends {"picks": {MODEL:
// SCENARIO}}, its as-of date field (input[data-wf-as-of]) {"as_of": {MODEL:
// "YYYY-MM-DD"}} when it differs from the build's. The state goes into the
// URL fragment as #wf:MODEL.PARAM=VALUE&scenario(MODEL)=ID&as-of(MODEL)=DATE
// (Slugify's heading anchors never hold ':'; a MODEL.PARAM always holds a
// '.'), and a page opened with one applies it.
// Without this script the forms stay hidden (style.css) and the page reads as built.
(function () {
  'use strict';
  // Inlined (--single-file) the script may run before the page is parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
  function init() {
    var kPrefix = '#wf:';
    var kDelay = 200;  // ms of quiet typing before a recompute
    var block = document.getElementById('costsite-whatif');
    var forms = Array.prototype.slice.call(document.querySelectorAll('form.cost-inputs'));
    if (!block || !forms.length) return;
    var data;
    try {
      data = JSON.parse(block.textContent);
    } catch (e) {
      return;
    }
    var engine = null;  // a promise of the module
    var timer = 0;
    var lastForm = forms[0];
    var generation = 0;  // a slow answer older than the newest request is dropped

    function controls(selector) {
      var out = [];
      forms.forEach(function (f) {
        Array.prototype.forEach.call(f.querySelectorAll(selector), function (i) { out.push(i); });
      });
      return out;
    }
    function inputs() { return controls('input[name][type=number]'); }
    function pickers() { return controls('select[data-wf-pick]'); }
    function dates() { return controls('input[data-wf-as-of]'); }

    // "1e3" -> "1000", ".5" -> "0.5", "+2" -> "2": the decimal text the engine
    // reads, without a trip through binary floating point. "" when not a number.
    function plainDecimal(text) {
      var m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
      if (!m || (m[2] === '' && (m[3] || '') === '')) return '';
      var sign = m[1] === '-' ? '-' : '', whole = m[2], frac = m[3] || '';
      var exp = m[4] ? parseInt(m[4], 10) : 0;
      if (Math.abs(exp) > 400) return '';
      var digits = whole + frac, point = whole.length + exp;
      if (point < 0) { digits = new Array(-point + 1).join('0') + digits; point = 0; }
      if (point > digits.length) digits += new Array(point - digits.length + 1).join('0');
      var intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
      var fracPart = digits.slice(point).replace(/0+$/, '');
      var s = intPart + (fracPart ? '.' + fracPart : '');
      return /^0(\.0*)?$/.test(s) ? '0' : sign + s;
    }

    function compare(a, b) {  // two plain decimals: -1, 0, 1
      var na = a.charAt(0) === '-', nb = b.charAt(0) === '-';
      if (na !== nb) return na ? -1 : 1;
      if (na) return compare(b.slice(1), a.slice(1));
      var pa = a.split('.'), pb = b.split('.');
      if (pa[0].length !== pb[0].length) return pa[0].length < pb[0].length ? -1 : 1;
      var fa = pa[1] || '', fb = pb[1] || '', n = Math.max(fa.length, fb.length);
      while (fa.length < n) fa += '0';
      while (fb.length < n) fb += '0';
      var x = pa[0] + fa, y = pb[0] + fb;
      return x === y ? 0 : x < y ? -1 : 1;
    }

    function formOf(input) { return input.closest('form.cost-inputs'); }
    function statusOf(form) { return form.querySelector('output.cost-inputs-status, output'); }
    function word(form, name) { return form.getAttribute('data-wf-' + name) || ''; }
    function fill(text, values) {
      return text.replace(/\{(\w+)\}/g, function (all, k) { return k in values ? values[k] : all; });
    }
    function say(form, text) {
      var out = statusOf(form);
      if (!out) return;
      // Emptied first, so that the same sentence twice is announced twice.
      out.textContent = '';
      if (text) setTimeout(function () { out.textContent = text; }, 30);
    }
    function labelOf(input) {
      var l = input.id && input.form && input.form.querySelector('label[for="' + input.id + '"]');
      return l ? l.textContent.trim() : input.name;
    }
    function unitWordsOf(input) {
      var u = input.parentNode.querySelector('.cost-input-unit');
      return u && u.textContent.trim() ? ' ' + u.textContent.trim() : '';
    }

    // The inputs' values checked against their bounds: the sets, or the first
    // input in error (with its form's sentence).
    function collect() {
      var sets = [], bad = null;
      inputs().forEach(function (i) {
        var v = plainDecimal(i.value);
        var ok = v !== '' && !i.validity.badInput;
        var lo = plainDecimal(i.min), hi = plainDecimal(i.max);
        if (ok && lo !== '' && compare(v, lo) < 0) ok = false;
        if (ok && hi !== '' && compare(v, hi) > 0) ok = false;
        if (ok) i.removeAttribute('aria-invalid'); else i.setAttribute('aria-invalid', 'true');
        if (!ok) {
          if (!bad) bad = i;
          return;
        }
        if (v !== plainDecimal(i.defaultValue)) {
          var unit = i.getAttribute('data-unit') || '';
          sets.push([i.name, unit ? v + ' ' + unit : v]);
        }
      });
      var picks = {}, asOf = null, state = sets.map(function (s) { return [s[0], s[1].split(' ')[0]]; });
      pickers().forEach(function (p) {
        if (!p.value) return;
        picks[p.getAttribute('data-wf-pick')] = p.value;
        state.push([p.name, p.value]);
      });
      dates().forEach(function (d) {
        var ok = /^\d{4}-\d{2}-\d{2}$/.test(d.value) && d.value >= d.min && d.value <= d.max;
        if (ok) d.removeAttribute('aria-invalid'); else d.setAttribute('aria-invalid', 'true');
        if (!ok && !bad) bad = d;
        if (!ok || d.value === d.defaultValue) return;
        asOf = asOf || {};
        asOf[d.getAttribute('data-wf-as-of')] = d.value;
        state.push([d.name, d.value]);
      });
      return {sets: sets, picks: picks, asOf: asOf, state: state, bad: bad};
    }

    // The engine's session for this page: it reads the page's data once; each
    // change then sends only its sets, and only the elements that changed
    // come back (figures/whatif.h).
    function open(module) {
      var answer = JSON.parse(module.ccall('costsite_whatif_open', 'string', ['string', 'string'],
                                          [JSON.stringify(data.inputs), JSON.stringify(data.request)]));
      if (answer.errors && answer.errors.length) throw new Error(answer.errors.join('; '));
      return module;
    }

    function loadEngine() {
      if (engine) return engine;
      engine = new Promise(function (resolve, reject) {
        function start() {
          try {
            Promise.resolve(window.CostsiteWhatIf()).then(open).then(resolve, reject);
          } catch (e) {
            reject(e);
          }
        }
        if (typeof window.CostsiteWhatIf === 'function') return start();  // inlined (--single-file)
        if (!data.engine) return reject(new Error('no engine'));
        var s = document.createElement('script');
        s.src = data.engine;
        s.onload = function () {
          if (typeof window.CostsiteWhatIf === 'function') start();
          else reject(new Error(data.engine + ' did not define CostsiteWhatIf'));
        };
        s.onerror = function () { reject(new Error(data.engine + ' could not be loaded')); };
        document.head.appendChild(s);
      });
      engine.catch(function () { engine = null; });  // a later interaction tries again
      return engine;
    }

    function writeHash(pairs) {
      var state = pairs.map(function (s) {
        return encodeURIComponent(s[0]) + '=' + encodeURIComponent(s[1]);
      }).join('&');
      var url = location.href.replace(/#.*$/, '');
      if (state) url += kPrefix + state;
      else if (location.hash.indexOf(kPrefix) !== 0) return;  // keep a heading anchor
      if (url !== location.href) history.replaceState(history.state, '', url);
    }

    function readHash() {
      var h = location.hash;
      if (h.indexOf(kPrefix) !== 0) return false;
      var byName = {};
      inputs().concat(pickers(), dates()).forEach(function (i) { byName[i.name] = i; });
      var applied = false;
      h.slice(kPrefix.length).split('&').forEach(function (pair) {
        var eq = pair.indexOf('=');
        if (eq < 0) return;
        var name, value;
        try {
          name = decodeURIComponent(pair.slice(0, eq));
          value = decodeURIComponent(pair.slice(eq + 1));
        } catch (e) {
          return;
        }
        var i = byName[name];
        if (i && i.type === 'date') {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
          i.value = value;
          applied = true;
          return;
        }
        if (i && i.tagName === 'SELECT') {
          if (!i.querySelector('option[value="' + value.replace(/["\\]/g, '') + '"]')) return;
          i.value = value;
          applied = true;
          return;
        }
        if (!i || plainDecimal(value) === '') return;
        i.value = plainDecimal(value);
        applied = true;
      });
      return applied;
    }

    // A heading's words as the table of contents and its anchor's label
    // show them: its text without the figures' popovers and the anchor.
    function headingText(h) {
      var copy = h.cloneNode(true);
      copy.querySelectorAll('.fig-pop, a.anchor').forEach(function (e) { e.remove(); });
      return copy.textContent.replace(/\s+/g, ' ').trim();
    }

    function apply(answer) {
      var headings = [];
      (answer.fragments || []).forEach(function (f) {
        var el = document.querySelector('[data-wf="' + String(f.id).replace(/["\\]/g, '') + '"]');
        if (!el || el.outerHTML === f.html) return;
        var h = el.closest('h2, h3, h4');
        el.outerHTML = f.html;
        if (h && h.id && headings.indexOf(h) < 0) headings.push(h);
      });
      // A heading that shows a figure: its entry in the table of contents and
      // its anchor's label follow it.
      headings.forEach(function (h) {
        var text = headingText(h), sel = 'a[href="#' + h.id.replace(/["\\]/g, '') + '"]';
        document.querySelectorAll('nav.toc ' + sel).forEach(function (a) { a.textContent = text; });
        var anchor = h.querySelector('a.anchor');
        if (anchor) anchor.setAttribute('aria-label', text);
      });
    }

    function recompute() {
      clearTimeout(timer);
      var form = lastForm;
      var state = collect();
      if (state.bad) {
        var b = state.bad;
        say(formOf(b) || form, fill(word(formOf(b) || form, b.type === 'date' ? 'invalid-date' : 'invalid'), {
          label: labelOf(b), min: b.min + unitWordsOf(b), max: b.max + unitWordsOf(b)}));
        return;
      }
      var mine = ++generation;
      var change = {sets: state.sets, picks: state.picks};
      if (state.asOf) change.as_of = state.asOf;
      loadEngine().then(function (module) {
        if (mine !== generation) return;
        var answer = JSON.parse(module.ccall('costsite_whatif_update', 'string', ['string'],
                                            [JSON.stringify(change)]));
        if (answer.errors && answer.errors.length) throw new Error(answer.errors.join('; '));
        apply(answer);
        writeHash(state.state);
        say(form, word(form, 'updated'));
      }).catch(function (e) {
        if (mine !== generation) return;
        say(form, fill(word(form, 'failed'), {error: e && e.message ? e.message : String(e)}));
      });
    }

    function schedule(e) {
      var f = e.target && e.target.closest && e.target.closest('form.cost-inputs');
      if (!f) return;
      lastForm = f;
      clearTimeout(timer);
      timer = setTimeout(recompute, kDelay);
    }

    forms.forEach(function (f) {
      f.classList.add('wf-ready');
      f.addEventListener('focusin', function () { loadEngine().catch(function () {}); });
      f.addEventListener('pointerdown', function () { loadEngine().catch(function () {}); });
      f.addEventListener('input', schedule);
      f.addEventListener('change', schedule);
      f.addEventListener('submit', function (e) {  // Enter in an input: recompute now, stay on the page
        e.preventDefault();
        lastForm = f;
        recompute();
      });
      f.addEventListener('reset', function () {  // the values return to the author's after this event
        lastForm = f;
        clearTimeout(timer);
        setTimeout(recompute, 0);
      });
    });

    function fromHash() {
      if (readHash()) recompute();
    }
    window.addEventListener('hashchange', fromHash);
    fromHash();
  }

})();
