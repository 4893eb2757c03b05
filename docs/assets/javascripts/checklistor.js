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
