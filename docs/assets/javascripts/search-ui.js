/*
 * The search dialog in the header (overrides/partials/header.html), on top of
 * the search core in search.js (window.verktygsladanSearch).
 *
 * The index is loaded only once the reader starts typing: opening the dialog
 * and closing it again costs no downloads. Results are built with
 * createElement and textContent only, since titles and excerpts are the
 * site's content and must stay text (test_content_is_inert.py).
 */
(function () {
  "use strict";

  // Short enough that results follow the typing, long enough that a fast
  // typist does not start a search per letter.
  var DEBOUNCE_MS = 150;
  var MIN_CHARACTERS = 2;
  var TEXT = {
    tooShort: "Skriv minst två bokstäver",
    searching: "Söker …",
    failed: "Sökningen gick inte att göra just nu. Försök igen om en stund.",
    none: function (query) { return "Inga träffar för ”" + query + "”"; },
    count: function (total, shown) {
      var text = total === 1 ? "1 träff" : total + " träffar";
      return shown < total ? text + ", de " + shown + " bästa visas" : text;
    }
  };

  var core = window.verktygsladanSearch;
  var dialog = document.querySelector("[data-vl-search]");
  var opener = document.querySelector("[data-vl-search-open]");
  if (!dialog || !opener) { return; }
  if (!core || typeof dialog.showModal !== "function") {
    // A button that cannot open anything is worse than none.
    opener.hidden = true;
    return;
  }

  var form = dialog.querySelector("[data-vl-search-form]");
  var input = dialog.querySelector("[data-vl-search-input]");
  var clear = dialog.querySelector("[data-vl-search-clear]");
  var close = dialog.querySelector("[data-vl-search-close]");
  var status = dialog.querySelector("[data-vl-search-status]");
  var list = dialog.querySelector("[data-vl-search-results]");

  var timer = null;
  // Each search gets a number; an answer is shown only if no later search has
  // started, so a slow answer to "mö" never replaces the one to "möte".
  var latest = 0;
  var following = false;

  function letters(query) {
    return query.replace(/[^\p{L}\p{N}]/gu, "").length;
  }

  function setStatus(text) {
    // The same text twice is not announced again by every screen reader, so only changes are written.
    if (status.textContent !== text) { status.textContent = text; }
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function showResults(found) {
    list.textContent = "";
    found.results.forEach(function (result, index) {
      var item = document.createElement("li");
      item.className = "vl-search__result";
      var link = document.createElement("a");
      link.className = "vl-search__link";
      link.href = result.url;
      link.textContent = result.title || result.url;
      item.appendChild(link);
      // A screen reader on the link hears where the hit is and the words around it, not just a title.
      var described = [];
      if (result.heading) {
        var heading = document.createElement("p");
        heading.className = "vl-search__heading";
        heading.id = "vl-search-hit-" + index + "-heading";
        heading.textContent = result.heading;
        item.appendChild(heading);
        described.push(heading.id);
      }
      var pieces = (result.excerpt || []).filter(function (piece) { return piece.text; });
      if (pieces.length) {
        var excerpt = document.createElement("p");
        excerpt.className = "vl-search__excerpt";
        excerpt.id = "vl-search-hit-" + index + "-excerpt";
        pieces.forEach(function (piece) {
          if (piece.mark) {
            var mark = document.createElement("mark");
            mark.textContent = piece.text;
            excerpt.appendChild(mark);
          } else {
            excerpt.appendChild(document.createTextNode(piece.text));
          }
        });
        item.appendChild(excerpt);
        described.push(excerpt.id);
      }
      if (described.length) { link.setAttribute("aria-describedby", described.join(" ")); }
      list.appendChild(item);
    });
    list.hidden = found.results.length === 0;
    setStatus(found.total === 0 ? TEXT.none(found.query) : TEXT.count(found.total, found.results.length));
  }

  function emptyResults() {
    list.textContent = "";
    list.hidden = true;
  }

  function run(query) {
    var mine = ++latest;
    setStatus(TEXT.searching);
    core.search(query).then(function (found) {
      if (mine !== latest) { return; }
      showResults(found);
    }, function () {
      if (mine !== latest) { return; }
      emptyResults();
      setStatus(TEXT.failed);
    });
  }

  function update(now) {
    window.clearTimeout(timer);
    var query = input.value.trim();
    if (letters(query) < MIN_CHARACTERS) {
      latest += 1; // an answer still on its way is for a query no longer there
      emptyResults();
      setStatus(TEXT.tooShort);
      // The first letter says the reader is searching: fetch the index while the second is typed.
      if (query) { core.load().catch(function () {}); }
      return;
    }
    if (now) { run(query); } else { timer = window.setTimeout(run, DEBOUNCE_MS, query); }
  }

  function open() {
    if (dialog.open) { return; }
    following = false;
    dialog.showModal();
    input.focus();
    input.select();
    if (!input.value.trim()) { setStatus(TEXT.tooShort); }
  }

  opener.addEventListener("click", open);
  close.addEventListener("click", function () { dialog.close(); });

  dialog.addEventListener("close", function () {
    window.clearTimeout(timer);
    // After a result on this same page was chosen, focus belongs at that place, not in the header.
    if (!following) { opener.focus(); }
  });

  // A click on the backdrop lands on the dialog element itself, outside its box.
  dialog.addEventListener("click", function (event) {
    if (event.target !== dialog) { return; }
    var box = dialog.getBoundingClientRect();
    if (event.clientX < box.left || event.clientX > box.right || event.clientY < box.top ||
        event.clientY > box.bottom) {
      dialog.close();
    }
  });

  list.addEventListener("click", function (event) {
    // A link opened in a new tab or window leaves the dialog open for the next one.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    if (event.target.closest && event.target.closest("a")) {
      // A hit on the page already open only moves to an anchor: the dialog must go away by itself.
      following = true;
      dialog.close();
    }
  });

  input.addEventListener("input", function () { update(false); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update(true);
  });
  clear.addEventListener("click", function () {
    input.value = "";
    update(true);
    input.focus();
  });

  function focusables() {
    return [close, input, clear].concat(links()).filter(function (element) {
      return !element.hidden && element.getClientRects().length > 0;
    });
  }

  dialog.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    var hits = links();
    var at = hits.indexOf(active);
    if (event.key === "Escape") {
      // Handled here rather than left to the browser: in a search field Chromium's
      // Escape may only empty the field, and the dialog must close in one press.
      event.preventDefault();
      dialog.close();
    } else if (event.key === "ArrowDown" && hits.length && (at >= 0 || active === input || active === clear)) {
      event.preventDefault();
      hits[Math.min(at + 1, hits.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) { input.focus(); } else { hits[at - 1].focus(); }
    } else if (event.key === "Tab") {
      // A modal dialog lets Tab leave for the browser's own toolbar; keep it going round inside.
      var order = focusables();
      var first = order[0];
      var last = order[order.length - 1];
      if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }
    // Material's own keys ("n" and "p" go to the next and previous page) must not act behind the dialog.
    event.stopPropagation();
  });

  function typingIn(element) {
    return element && (element.isContentEditable ||
      (element.closest && element.closest("input, textarea, select, [contenteditable]") !== null));
  }

  document.addEventListener("keydown", function (event) {
    // Shift is allowed: on a Swedish keyboard "/" is Shift+7.
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    if (event.key !== "/" && event.key !== "s") { return; }
    if (dialog.open || typingIn(event.target) || typingIn(document.activeElement)) { return; }
    event.preventDefault();
    open();
  });
})();
