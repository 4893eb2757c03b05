// Verktygslådan: the handbook's scripts, after Material's own.
//
// One file, for the same reason as verktygsladan.css: a phone on a slow
// connection fetches one script of ours instead of several. Each part is
// self-contained and does nothing on a page without its elements:
//   1. Checklists on method pages
//   2. Metodväljare, the method finder
//   3. Wide tables

// ==== 1. Checklists on method pages ====

// Checklists on method pages are server-rendered checkboxes that work on
// their own. This adds what needs JavaScript: a progress count that screen
// readers hear, a reset button, and remembering the ticks in this browser
// (localStorage only: nothing leaves the reader's computer, no cookies).
// The progress and the button are created here, so a reader without
// JavaScript never sees controls that would do nothing.
(function () {
  var STORAGE_PREFIX = "verktygsladan.checklista.";

  // Storage can be switched off or full (private windows, strict settings);
  // the checklist must still work, only without remembering.
  function openStorage() {
    try {
      var storage = window.localStorage;
      var probe = STORAGE_PREFIX + "test";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  function readChecked(storage, key) {
    if (!storage) return null;
    try {
      var value = JSON.parse(storage.getItem(key) || "null");
      return Array.isArray(value) ? value : null;
    } catch (error) {
      return null;
    }
  }

  function writeChecked(storage, key, ids) {
    if (!storage) return;
    try {
      if (ids.length) {
        storage.setItem(key, JSON.stringify(ids));
      } else {
        // Nothing ticked is the default, so leave nothing behind.
        storage.removeItem(key);
      }
    } catch (error) {
      // A full storage loses the state, never the checklist.
    }
  }

  function enhance(fieldset, storage) {
    var key = STORAGE_PREFIX + fieldset.getAttribute("data-vl-checklist");
    var boxes = Array.prototype.slice.call(fieldset.querySelectorAll("input[type='checkbox']"));
    var legend = fieldset.querySelector("legend");

    var status = document.createElement("div");
    status.className = "vl-checklist__status";
    var progress = document.createElement("p");
    progress.className = "vl-checklist__progress";
    progress.setAttribute("aria-live", "polite");
    progress.setAttribute("aria-atomic", "true");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "vl-checklist__reset";
    reset.textContent = "Rensa";
    // Several checklists on a page each have a "Rensa"; the title tells them apart.
    if (legend && legend.id) reset.setAttribute("aria-describedby", legend.id);
    status.appendChild(progress);
    status.appendChild(reset);
    fieldset.appendChild(status);

    function checkedIds() {
      return boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.id; });
    }

    function showProgress() {
      progress.textContent = checkedIds().length + " av " + boxes.length + " klara";
    }

    function restore() {
      // Without storage, keep what the browser shows: it restores ticks
      // itself when the reader goes back to the page.
      if (!storage) return;
      var saved = readChecked(storage, key) || [];
      boxes.forEach(function (box) { box.checked = saved.indexOf(box.id) !== -1; });
    }

    restore();
    showProgress();

    fieldset.addEventListener("change", function (event) {
      if (boxes.indexOf(event.target) === -1) return;
      writeChecked(storage, key, checkedIds());
      showProgress();
    });

    reset.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      writeChecked(storage, key, []);
      showProgress();
    });

    // The same checklist open in another tab stays in step.
    window.addEventListener("storage", function (event) {
      if (event.key !== key && event.key !== null) return;
      restore();
      showProgress();
    });
  }

  function enhanceAll() {
    var fieldsets = document.querySelectorAll("fieldset.vl-checklist[data-vl-checklist]");
    if (!fieldsets.length) return;
    var storage = openStorage();
    Array.prototype.forEach.call(fieldsets, function (fieldset) { enhance(fieldset, storage); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();

// ==== 2. Metodväljare, the method finder ====

// The method finder (Metodväljare). The server renders every method as a card
// whose data attributes hold its values (data-skede="planbesked genomforande"),
// and a form of checkboxes named the same way (hidden by a <noscript> style
// when JavaScript is off). This script hides the cards that do not match and
// keeps the choice in the query string, so a filtered view can be shared. Facet names, values and the count
// texts all come from the page: nothing here knows the vocabulary or the methods.
(function () {
  "use strict";

  function setUp(form) {
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-vl-card]"));
    var status = document.querySelector("[data-vl-finder-status]");
    var empty = document.querySelector("[data-vl-finder-empty]");
    var heading = document.getElementById("metoder");
    var shownText = form.querySelector("[data-vl-finder-shown]");

    function chosen() {
      var byFacet = {};
      boxes.forEach(function (box) {
        if (box.checked) (byFacet[box.name] = byFacet[box.name] || []).push(box.value);
      });
      return byFacet;
    }

    // Within a facet any chosen value is enough (OR); every facet with a choice must match (AND).
    function matches(card, byFacet) {
      return Object.keys(byFacet).every(function (facet) {
        var values = (card.getAttribute("data-" + facet) || "").split(" ");
        return byFacet[facet].some(function (value) { return values.indexOf(value) !== -1; });
      });
    }

    function writeUrl() {
      var query = new URLSearchParams();
      boxes.forEach(function (box) { if (box.checked) query.append(box.name, box.value); });
      var search = query.toString();
      // replaceState: every click would otherwise fill the back button's history.
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    function update() {
      var byFacet = chosen();
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card, byFacet);
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      empty.hidden = shown !== 0;
      var count = status.getAttribute("data-text-some").replace("{shown}", String(shown));
      var text = shown === 0 ? status.getAttribute("data-text-none") : count;
      // Writing the same text again would make some screen readers repeat it.
      if (status.textContent !== text) status.textContent = text;
      if (shownText) shownText.textContent = count;
    }

    function restoreFromUrl() {
      var query = new URLSearchParams(location.search);
      boxes.forEach(function (box) { box.checked = query.getAll(box.name).indexOf(box.value) !== -1; });
    }

    form.addEventListener("change", function () {
      update();
      writeUrl();
    });
    // Nothing to send: the results are already on the page.
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    document.querySelectorAll("[data-vl-finder-clear]").forEach(function (button) {
      button.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = false; });
        update();
        writeUrl();
        // The empty-result button hides itself; give focus a place to land near the results.
        if (button.closest("[data-vl-finder-empty]") && heading) heading.focus();
      });
    });

    restoreFromUrl();
    update();
  }

  function start() {
    var form = document.querySelector("form[data-vl-finder]");
    if (form) setUp(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// ==== 3. Wide tables ====

// Material puts every table in a scroll container (.md-typeset__scrollwrap).
// On a narrow screen a wide table scrolls sideways, and a keyboard user can
// only scroll a container that can take focus (WCAG 2.1.1). So a container
// whose table is wider than itself becomes a focusable, named region; one
// whose table fits is left alone, so that it adds no empty tab stop.
(function () {
  var MARK = "data-vl-scrollable";

  function nameOf(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return "Tabell: " + caption.textContent.trim();
    // Otherwise the heading the table stands under.
    for (var node = wrap; node && node !== document.body; node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) return "Tabell: " + before.textContent.trim();
      }
    }
    return "Tabell";
  }

  function update() {
    var wraps = Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap"));
    // All widths are read before any attribute changes: a read after a change
    // would make the browser lay out the whole page again, once per table.
    var scrolling = wraps.map(function (wrap) { return wrap.scrollWidth > wrap.clientWidth; });
    wraps.forEach(function (wrap, index) {
      var scrolls = scrolling[index];
      if (scrolls && !wrap.hasAttribute(MARK)) {
        wrap.setAttribute(MARK, "");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", nameOf(wrap));
      } else if (!scrolls && wrap.hasAttribute(MARK)) {
        ["tabindex", "role", "aria-label", MARK].forEach(function (name) { wrap.removeAttribute(name); });
      }
    });
  }

  // Material wraps the tables while the page loads; the width changes when
  // the window does (or a phone turns).
  window.addEventListener("load", update);
  window.addEventListener("resize", update);
})();
