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
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth;
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
