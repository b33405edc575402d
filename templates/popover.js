// Provenance popovers for costsite figures. Each figure (`.fig`, a button)
// is described by a hidden `.fig-pop` beside it (aria-describedby), so screen
// readers have the explanation with or without this script. The script shows
// it on hover, keyboard focus and tap, places it beside the figure inside the
// window, and hides it on Escape, on a tap elsewhere and when pointer and
// focus have left. Loaded by a relative <script src>, so it works from file://.
(function () {
  'use strict';
  var current = null;  // the open figure: {wrap, fig, pop}
  var pinned = false;  // opened by a click or tap: stays until dismissed
  var timer = 0;

  function partsOf(node) {
    var wrap = node && node.closest ? node.closest('.fig-wrap') : null;
    if (!wrap) return null;
    var fig = wrap.querySelector('.fig');
    var pop = fig && document.getElementById(fig.getAttribute('aria-describedby'));
    return pop ? {wrap: wrap, fig: fig, pop: pop} : null;
  }

  // Never over its own figure: on a phone a tap opens the popover (its
  // mouseover comes first) and the same tap's click then lands where the
  // figure was, on a link inside the popover if it covers the figure, and
  // the tap to close it again would miss. Below the figure when it fits,
  // else above it when it fits; else on the side with more room, as tall as
  // that room (it scrolls inside itself, style.css).
  function place(p) {
    var r = p.fig.getBoundingClientRect();
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    p.pop.style.left = '0px';
    p.pop.style.top = '0px';
    p.pop.style.maxHeight = '';
    p.pop.removeAttribute('tabindex');
    var w = p.pop.offsetWidth, h = p.pop.offsetHeight;
    var left = Math.max(4, Math.min(r.left, vw - w - 4));
    var below = vh - 4 - (r.bottom + 2), above = r.top - 2 - 4;
    var top = r.bottom + 2;
    if (h > below) {
      if (h <= above) {
        top = r.top - h - 2;
      } else {
        if (above > below) top = 4;
        p.pop.style.maxHeight = Math.max(above > below ? above : below, 0) + 'px';
        p.pop.tabIndex = 0;  // it scrolls: the keyboard reaches it to scroll it
      }
    }
    p.pop.style.left = left + 'px';
    p.pop.style.top = top + 'px';
  }

  function hide() {
    clearTimeout(timer);
    if (!current) return;
    current.pop.hidden = true;
    current.fig.setAttribute('aria-expanded', 'false');
    current = null;
    pinned = false;
  }

  function show(p) {
    clearTimeout(timer);
    if (current && current.wrap === p.wrap) return;
    hide();
    current = p;
    p.pop.hidden = false;
    p.fig.setAttribute('aria-expanded', 'true');
    place(p);
  }

  function inside(node, p) { return !!(p && node && p.wrap.contains(node)); }

  document.addEventListener('mouseover', function (e) {
    var p = partsOf(e.target);
    if (p) show(p);
  });
  document.addEventListener('mouseout', function (e) {
    if (!current || pinned || !inside(e.target, current) || inside(e.relatedTarget, current)) return;
    if (current.wrap.contains(document.activeElement)) return;
    timer = setTimeout(hide, 150);  // time to move the pointer onto the popover
  });
  document.addEventListener('focusin', function (e) {
    var p = partsOf(e.target);
    if (p) show(p);
    else if (current && !inside(e.target, current)) hide();
  });
  document.addEventListener('focusout', function (e) {
    if (current && inside(e.target, current) && e.relatedTarget && !inside(e.relatedTarget, current)) hide();
  });
  function toggle(p) {
    if (current && current.wrap === p.wrap && pinned) return hide();
    show(p);
    pinned = true;
  }
  document.addEventListener('click', function (e) {
    var p = partsOf(e.target);
    if (p && p.fig.contains(e.target)) toggle(p);
    else if (current && !inside(e.target, current)) hide();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && current) {
      var p = current;
      hide();
      if (p.pop.contains(document.activeElement)) p.fig.focus();
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && e.target.classList && e.target.classList.contains('fig')) {
      var q = partsOf(e.target);
      if (!q) return;
      e.preventDefault();
      toggle(q);
    }
  });
  // Again on a resize or a scroll of the page, keeping how far the
  // popover itself is scrolled; its own scrolling (the wheel, a swipe, Tab
  // to a link further down) leaves it where it is.
  function replace(e) {
    if (!current) return;
    if (e && e.type === 'scroll' && e.target !== document && current.pop.contains(e.target)) return;
    var scrolled = current.pop.scrollTop;
    place(current);
    current.pop.scrollTop = scrolled;
  }
  window.addEventListener('resize', replace);
  document.addEventListener('scroll', replace, true);
})();
