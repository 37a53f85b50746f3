// Sentence-level search over the Pagefind index: reads ?q=&theme=&actor= and lists the
// matching sentences of each brief, each linking to its anchor. Builds DOM nodes only
// (never innerHTML), so indexed text can never inject markup.
(function () {
  "use strict";

  var MAX_SENTENCES = 3;
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var form = document.getElementById("search-form");
  if (!results || !status || !form) return;

  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var filters = {};
  ["theme", "actor"].forEach(function (key) {
    var value = params.get(key);
    var field = form.elements.namedItem(key);
    if (value) filters[key] = value;
    if (field && value) field.value = value;
  });
  var queryField = form.elements.namedItem("q");
  if (queryField) queryField.value = query;
  if (!query && Object.keys(filters).length === 0) return;

  // The bundle URL is relative to this page, so search works under any sub-path.
  var bundle = new URL(results.getAttribute("data-bundle") || "../pagefind/", document.baseURI);

  function say(text) {
    status.textContent = text;
  }

  function terms() {
    return query.toLowerCase().split(/\s+/).filter(Boolean).map(function (term) {
      return term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
  }

  // Append text to parent, wrapping words that start with a query term in <mark>.
  function highlighted(parent, text) {
    var words = terms();
    if (words.length === 0) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    var pattern = new RegExp("(^|[^\\w])((?:" + words.join("|") + ")\\w*)", "gi");
    var last = 0;
    text.replace(pattern, function (match, before, word, offset) {
      var start = offset + before.length;
      parent.appendChild(document.createTextNode(text.slice(last, start)));
      var mark = document.createElement("mark");
      mark.textContent = word;
      parent.appendChild(mark);
      last = start + word.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // Return the sentence anchors (ids starting "s-") that contain the matched words.
  function matchingSentences(data) {
    var sentences = (data.anchors || []).filter(function (a) {
      return /^s-/.test(a.id || "");
    });
    var found = [];
    (data.locations || []).forEach(function (location) {
      var best = null;
      sentences.forEach(function (anchor) {
        if (anchor.location <= location) best = anchor;
      });
      if (best && found.indexOf(best) === -1) found.push(best);
    });
    return found.slice(0, MAX_SENTENCES);
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    highlighted(a, text);
    return a;
  }

  function render(data) {
    var item = document.createElement("li");
    var heading = document.createElement("h2");
    heading.appendChild(link(data.url, data.meta.title || data.url));
    item.appendChild(heading);
    if (data.meta.date) {
      var date = document.createElement("p");
      date.className = "search-date";
      date.textContent = data.meta.date;
      item.appendChild(date);
    }
    var sentences = query ? matchingSentences(data) : [];
    if (sentences.length) {
      var list = document.createElement("ul");
      sentences.forEach(function (anchor) {
        var entry = document.createElement("li");
        entry.appendChild(link(data.url + "#" + anchor.id, anchor.text));
        list.appendChild(entry);
      });
      item.appendChild(list);
    } else if (data.plain_excerpt && query) {
      var excerpt = document.createElement("p");
      highlighted(excerpt, data.plain_excerpt);
      item.appendChild(excerpt);
    }
    return item;
  }

  async function run() {
    say("Searching…");
    var pagefind = await import(new URL("pagefind.js", bundle).href);
    var options = { filters: filters };
    if (!query) options.sort = { date: "desc" };
    var search = await pagefind.search(query || null, options);
    var found = search ? search.results : [];
    var data = await Promise.all(found.map(function (r) { return r.data(); }));
    results.replaceChildren.apply(results, data.map(render));
    say(found.length === 1 ? "1 brief matches." : found.length + " briefs match.");
  }

  run().catch(function (error) {
    say("Search is unavailable here (" + error.message + "). Serve the site over HTTP to use it.");
  });
})();
