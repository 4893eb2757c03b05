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
