// Abbreviations carry their meaning in a title, which only a mouse can reach.
// Making the first use of each abbreviation on a page focusable lets keyboard
// users reach the same tooltip, without a tab stop for every repetition.
(function () {
  function makeAbbreviationsFocusable() {
    var seen = {};
    document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
      var key = abbr.textContent;
      if (seen[key]) return;
      seen[key] = true;
      abbr.setAttribute("tabindex", "0");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", makeAbbreviationsFocusable);
  } else {
    makeAbbreviationsFocusable();
  }
})();
