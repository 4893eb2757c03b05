/*
 * Search, without the interface: the header's search dialog (search-ui.js)
 * calls window.verktygsladanSearch.search(query).
 *
 * Nothing is fetched until someone searches. Then Pagefind (pagefind/pagefind.js,
 * written into the site by the build) loads the index chunks the query needs,
 * and sokord.json gives the site's own words once.
 *
 * Pagefind stems Swedish but does not split compounds, and a word it does not
 * know falls back to the longest indexed word that begins it ("försörjning"
 * would match every page through "för"). So each typed word is looked at first:
 * a word of the site, or a form of one, goes as typed; a misspelling of a word
 * of the site becomes that word; a compound of the site's words is split
 * ("socialinvesteringsfond" → "social investeringsfond"); a word only a short
 * stub of which is known is left out rather than matched on the stub.
 */
(function () {
  "use strict";

  // The hidden search words at the end of each page sit under this heading (pages/search.py).
  var HIDDEN_WORDS_ANCHOR = "#sokord";
  var MIN_PART = 3;
  var MIN_TAIL = 4;
  // Share of a typed word that a known word beginning it must cover to count as its form.
  var MIN_PREFIX_SHARE = 0.6;
  var ENDINGS = ["ernas", "arnas", "ornas", "erna", "arna", "orna", "ens", "ets", "en", "et", "er", "ar", "or",
                 "na", "s", "n", "t", "a", "e"];
  // Each result shown fetches its page's text (a Pagefind fragment): the ten best are enough to
  // choose from, and keep a first search at 200 methods near what it costs at 8.
  var MAX_RESULTS = 10;
  var MIN_SCORE_SHARE = 0.25;
  var MIN_KEPT = 5;
  // Abbreviations such as "ÖP", "DP" and "SKA": matched as themselves first.
  var MAX_SHORT = 3;
  // Pagefind matches a typed word as the start of longer ones too ("öp" → "öppna"); an exact match
  // should win. Method pages are long, and a short page should not win only by being short. A query
  // word among the words a method is known by (pages/search.py, metadata "sokord") counts extra.
  var RANKING = { termSimilarity: 8, pageLength: 0.2, metaWeights: { sokord: 5 } };

  var script = document.currentScript;
  var root = new URL("../../", script ? script.src : location.href);
  var loading = null;

  function load() {
    if (!loading) {
      loading = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
          return pagefind.options({ baseUrl: root.pathname, excerptLength: 26, ranking: RANKING }).then(function () {
            return pagefind;
          });
        }),
        fetch(new URL("sokord.json", root).href).then(function (response) {
          if (!response.ok) { throw new Error("sokord.json: " + response.status); }
          return response.json();
        }).then(function (list) { return new Set(list); })
      ]).catch(function (error) { loading = null; throw error; });
    }
    return loading;
  }

  function stem(word, words) {
    // The known word this is a form of, if any: as typed, or with a Swedish ending taken off.
    if (words.has(word)) { return word; }
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (word.length - ending.length >= MIN_PART && word.slice(-ending.length) === ending &&
          words.has(word.slice(0, -ending.length))) {
        return word.slice(0, -ending.length);
      }
    }
    return null;
  }

  function split(word, words) {
    // A compound's parts, longest first part first; null when it is no compound of known words.
    for (var cut = word.length - MIN_TAIL; cut >= MIN_PART; cut--) {
      var head = word.slice(0, cut);
      var tail = word.slice(cut);
      var heads = head.length > MIN_PART && head.slice(-1) === "s" ? [head, head.slice(0, -1)] : [head];
      if (!heads.some(function (h) { return words.has(h); })) { continue; }
      if (stem(tail, words)) { return [head, tail]; }
      var rest = split(tail, words);
      if (rest) { return [head].concat(rest); }
    }
    return null;
  }

  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var previous = [];
    for (var j = 0; j <= b.length; j++) { previous.push(j); }
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost));
        best = Math.min(best, current[j]);
      }
      if (best > limit) { return limit + 1; }
      previous = current;
    }
    return previous[b.length];
  }

  function nearest(word, words) {
    // The site's word a misspelling most likely means: one letter off in a short word, two in a long one.
    var limit = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
    if (!limit) { return null; }
    var best = null;
    var bestDistance = limit + 1;
    words.forEach(function (candidate) {
      if (candidate[0] !== word[0]) { return; }
      var d = distance(word, candidate, limit);
      if (d < bestDistance || (d === bestDistance && best && candidate.length > best.length)) {
        best = candidate;
        bestDistance = d;
      }
    });
    return bestDistance <= limit ? best : null;
  }

  function knownPrefix(word, words) {
    for (var end = word.length; end >= MIN_PART; end--) {
      if (words.has(word.slice(0, end))) { return word.slice(0, end); }
    }
    return "";
  }

  function asSearched(word, words) {
    // What one typed word becomes; none when it is left out.
    if (stem(word, words) || /\d/.test(word) || word.length < MIN_PART) { return [word]; }
    // A form of a known word that the index stems itself ("mötesplatserna").
    if (knownPrefix(word, words).length >= MIN_PREFIX_SHARE * word.length) { return [word]; }
    // Before splitting: "detaljplaneprocesen" is one word misspelt.
    var meant = nearest(word, words);
    if (meant) { return [meant]; }
    // Otherwise, unless it is a compound, the word is left out: Pagefind would match it on a short stub of it.
    return split(word, words) || [];
  }

  function rewrite(query, words) {
    var typed = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    return typed.reduce(function (kept, word) { return kept.concat(asSearched(word, words)); }, []).join(" ");
  }

  function segments(excerpt) {
    // Pagefind's excerpt is escaped text with <mark> around the hits: as text pieces, so the
    // interface never writes HTML it did not make.
    var parts = [];
    excerpt.split(/(<mark>|<\/mark>)/).reduce(function (marked, piece) {
      if (piece === "<mark>") { return true; }
      if (piece === "</mark>") { return false; }
      if (piece) {
        // Inside <body>: parsed alone, a piece's leading space would be dropped ("Mötesplatsersom").
        var text = new DOMParser().parseFromString("<body>" + piece, "text/html").body.textContent;
        parts.push({ text: text, mark: marked });
      }
      return marked;
    }, false);
    return parts;
  }

  function shaped(data) {
    // Title, the section the hit is in and an excerpt; never the hidden search words.
    var sections = (data.sub_results || []).filter(function (sub) {
      return sub.url.slice(-HIDDEN_WORDS_ANCHOR.length) !== HIDDEN_WORDS_ANCHOR && sub.locations &&
        sub.locations.length;
    });
    var best = sections.reduce(function (found, sub) {
      return !found || sub.locations.length > found.locations.length ? sub : found;
    }, null);
    var title = data.meta.title || "";
    if (!best) {
      return { url: data.url, title: title, heading: "",
               excerpt: [{ text: data.meta.sammanfattning || "", mark: false }] };
    }
    return { url: best.url, title: title, heading: best.title !== title ? best.title : "",
             excerpt: segments(best.excerpt || "") };
  }

  function exactFirst(pagefind, rewritten, words, results) {
    // Pagefind matches a short word as the start of longer ones, and a page full of "öppna" then
    // outranks the pages that say "ÖP". Pages with the short word itself (a quoted search) go first.
    var short = rewritten.split(" ").filter(function (word) {
      return word.length <= MAX_SHORT && words.has(word);
    });
    if (!short.length) { return Promise.resolve(results); }
    return Promise.all(short.map(function (word) {
      return pagefind.search("\"" + word + "\"");
    })).then(function (exact) {
      var ids = new Set();
      exact.forEach(function (found) { found.results.forEach(function (r) { ids.add(r.id); }); });
      return results.filter(function (r) { return ids.has(r.id); })
        .concat(results.filter(function (r) { return !ids.has(r.id); }));
    });
  }

  function search(query) {
    return load().then(function (loaded) {
      var pagefind = loaded[0];
      var words = loaded[1];
      var rewritten = rewrite(query, words);
      if (!rewritten) { return { query: query, searched: "", total: 0, results: [] }; }
      return pagefind.search(rewritten).then(function (found) {
        // A page that mentions the words once in passing is not a hit a reader wants among the
        // pages that are about them.
        // Pagefind lists results best first. A boost from the words a method is known by can dwarf
        // every other score, so the first few are kept whatever their score.
        var best = found.results.length ? found.results[0].score : 0;
        var relevant = found.results.filter(function (r, rank) {
          return rank < MIN_KEPT || r.score >= MIN_SCORE_SHARE * best;
        });
        return exactFirst(pagefind, rewritten, words, relevant);
      }).then(function (ranked) {
        return Promise.all(ranked.slice(0, MAX_RESULTS).map(function (result) {
          return result.data().then(shaped);
        })).then(function (results) {
          return { query: query, searched: rewritten, total: ranked.length, results: results };
        });
      });
    });
  }

  window.verktygsladanSearch = { search: search, load: load };
})();
