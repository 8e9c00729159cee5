// Search over the precomputed index, in the browser. The analysis and the ranking follow
// Sources/ChecksheetKit/Search/SearchText.swift and SearchEngine.swift step by step, with the same
// arithmetic in the same order, so that the site and `checksheet search` rank identically.
(function (root) {
  'use strict';

  var WEIGHTS = [50, 30, 20, 15, 10];
  var K1 = 1.2;
  var B = 0.75;
  var EXACT_BONUS = 100;

  // ---- Text analysis (see SearchText.swift) ----

  function isKana(v) { return (v >= 0x30A1 && v <= 0x30FA) || (v >= 0x30FD && v <= 0x30FF); }

  function isJapanese(v) {
    return isKana(v) || v === 0x3005 || v === 0x3006 || v === 0x3007 ||
      (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF) ||
      (v >= 0x20000 && v <= 0x2FFFF);
  }

  function isWord(v) {
    return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0xDF && v <= 0x24F && v !== 0xF7 && v !== 0xD7);
  }

  function isDigit(v) { return v >= 0x30 && v <= 0x39; }

  function normalize(text) {
    var folded = String(text).normalize('NFKC').toLowerCase().normalize('NFC');
    var out = '';
    var previous = -1;
    for (var ch of folded) {
      var v = ch.codePointAt(0);
      if ((v >= 0x3041 && v <= 0x3096) || v === 0x309D || v === 0x309E) v += 0x60;
      if (v === 0x30FC && previous >= 0 && isKana(previous)) continue;
      out += String.fromCodePoint(v);
      previous = v;
    }
    return out;
  }

  // Tokens of normalized text: {text, japanese, part}.
  function tokens(text, parts) {
    var points = Array.from(text, function (c) { return c.codePointAt(0); });
    var result = [];
    var i = 0;
    while (i < points.length) {
      var v = points[i];
      if (isWord(v)) {
        var digits = isDigit(v);
        var end = i;
        var joiner = false;
        while (end < points.length) {
          var c = points[end];
          if (isWord(c) && isDigit(c) === digits) {
            end += 1;
          } else if (digits && (c === 0x2E || c === 0x3A) && end + 1 < points.length && isDigit(points[end + 1])) {
            joiner = true;
            end += 1;
          } else {
            break;
          }
        }
        var word = String.fromCodePoint.apply(null, points.slice(i, end));
        result.push({ text: word, japanese: false, part: false });
        if (parts && joiner) {
          word.split(/[.:]/).forEach(function (p) { if (p) result.push({ text: p, japanese: false, part: true }); });
        }
        i = end;
      } else if (isJapanese(v)) {
        var stop = i;
        while (stop < points.length && isJapanese(points[stop])) stop += 1;
        if (stop - i === 1) {
          result.push({ text: String.fromCodePoint(v), japanese: true, part: false });
        } else {
          for (var s = i; s < stop - 1; s++) {
            result.push({ text: String.fromCodePoint(points[s], points[s + 1]), japanese: true, part: false });
          }
        }
        i = stop;
      } else {
        i += 1;
      }
    }
    return result;
  }

  function collapsed(text) { return text.split(/\s+/).filter(Boolean).join(' '); }

  function codePoints(text) { return Array.from(text); }

  // ---- Ranking (see SearchEngine.swift) ----

  function Engine(index) {
    this.index = index;
    this.numbers = new Map();
    for (var n = 0; n < index.terms.length; n++) this.numbers.set(index.terms[n], n);
    this.normalizedCache = new Map();
  }

  Engine.prototype.matchingTerms = function (token, prefix) {
    var terms = this.index.terms;
    var found = [];
    if (token.japanese && codePoints(token.text).length === 1) {
      for (var n = 0; n < terms.length; n++) {
        var term = terms[n];
        if (term === token.text) { found.push(n); continue; }
        var points = codePoints(term);
        if (points.length === 2 && isJapanese(points[0].codePointAt(0)) && isJapanese(points[1].codePointAt(0)) && term.indexOf(token.text) >= 0) found.push(n);
      }
      return found;
    }
    if (prefix) {
      for (var m = 0; m < terms.length; m++) if (terms[m].startsWith(token.text)) found.push(m);
      return found;
    }
    var exact = this.numbers.get(token.text);
    return exact === undefined ? found : [exact];
  };

  Engine.prototype.scoresOfTerm = function (number) {
    var index = this.index;
    var postings = index.post[number];
    var weighted = new Map();
    for (var p = 0; p < postings.length; p++) {
      var entry = postings[p];
      var frequency = entry % 8;
      var document = Math.floor(Math.floor(entry / 8) / 5);
      var field = Math.floor(entry / 8) % 5;
      var average = index.avg[field] / 10000;
      var length = index.docs[document][8][field];
      var norm = 1 - B + B * (length / average);
      if (!weighted.has(document)) weighted.set(document, 0);
      weighted.set(document, weighted.get(document) + WEIGHTS[field] / 10 * frequency / norm);
    }
    var idf = index.idf[weighted.size] / 10000;
    var result = new Map();
    weighted.forEach(function (tfw, document) {
      result.set(document, idf * tfw * (K1 + 1) / (tfw + K1));
    });
    return result;
  };

  Engine.prototype.normalizedText = function (text) {
    var cached = this.normalizedCache.get(text);
    if (cached === undefined) {
      cached = collapsed(normalize(text));
      this.normalizedCache.set(text, cached);
    }
    return cached;
  };

  // Ranked results for a query: [{slug, no, title, score, document}], best first.
  Engine.prototype.search = function (query, limit) {
    var self = this;
    var normalized = normalize(query);
    var list = [];
    tokens(normalized, false).forEach(function (t) {
      if (!list.some(function (o) { return o.text === t.text && o.japanese === t.japanese; })) list.push(t);
    });
    if (list.length === 0) return [];
    var points = codePoints(normalized);
    var endsInWord = points.length > 0 && isWord(points[points.length - 1].codePointAt(0));

    var perToken = list.map(function (token, position) {
      var prefix = position === list.length - 1 && !token.japanese && endsInWord;
      var best = new Map();
      self.matchingTerms(token, prefix).forEach(function (term) {
        self.scoresOfTerm(term).forEach(function (score, document) {
          var current = best.has(document) ? best.get(document) : -1;
          if (score > current) best.set(document, score);
        });
      });
      return best;
    });
    var candidates = Array.from(perToken[0].keys()).filter(function (d) {
      return perToken.every(function (scores) { return scores.has(d); });
    });
    if (candidates.length === 0) {
      var any = new Set();
      perToken.forEach(function (scores) { scores.forEach(function (_, d) { any.add(d); }); });
      candidates = Array.from(any);
    }

    var phrase = collapsed(normalized);
    var results = candidates.map(function (d) {
      var score = 0;
      perToken.forEach(function (scores) { score += scores.has(d) ? scores.get(d) : 0; });
      var doc = self.index.docs[d];
      if (list.length > 1) {
        var fields = [[doc[2], doc[5], 0], [doc[3], doc[6], 1], [doc[4], doc[7], 2]];
        for (var f = 0; f < fields.length; f++) {
          if (self.normalizedText(fields[f][0]).indexOf(phrase) >= 0 || self.normalizedText(fields[f][1]).indexOf(phrase) >= 0) {
            score += WEIGHTS[fields[f][2]] / 10;
            break;
          }
        }
      }
      if (doc[9].indexOf(phrase) >= 0) score += EXACT_BONUS;
      return { slug: doc[1], no: doc[0], title: doc[2], score: score, document: doc };
    });
    results.sort(function (a, b) { return a.score !== b.score ? b.score - a.score : a.no - b.no; });
    return results.slice(0, limit === undefined ? 10 : limit);
  };

  // ---- Highlighting ----

  // Ranges [start, end) of `text` (UTF-16 offsets) where the query's words occur, found in normalized form.
  function matchRanges(text, query) {
    var normalizedQuery = normalize(query);
    var queryTokens = tokens(normalizedQuery, false);
    if (queryTokens.length === 0) return [];
    var normalized = '';
    var starts = [];
    var previous = -1;
    var offset = 0;
    for (var ch of text) {
      var piece = normalize(ch);
      if (piece === 'ー' && previous >= 0 && isKana(previous)) piece = '';
      for (var k = 0; k < piece.length; k++) starts.push(offset);
      normalized += piece;
      if (piece.length > 0) previous = Array.from(piece).pop().codePointAt(0);
      offset += ch.length;
    }
    starts.push(offset);
    var ranges = [];
    var needles = [];
    queryTokens.forEach(function (t) { if (needles.indexOf(t.text) < 0) needles.push(t.text); });
    needles.forEach(function (needle) {
      var from = 0;
      while (true) {
        var at = normalized.indexOf(needle, from);
        if (at < 0) break;
        var wordStart = at === 0 || !isWord(normalized.charCodeAt(at - 1));
        if (isJapanese(needle.codePointAt(0)) || wordStart) {
          var endIndex = at + needle.length;
          // A word is highlighted to its end, so that a typed prefix marks the whole word.
          if (!isJapanese(needle.codePointAt(0))) {
            while (endIndex < normalized.length && isWord(normalized.charCodeAt(endIndex))) endIndex += 1;
          }
          ranges.push([starts[at], starts[endIndex]]);
        }
        from = at + needle.length;
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([r[0], r[1]]);
    });
    return merged;
  }


  var api = { normalize: normalize, tokens: tokens, Engine: Engine, matchRanges: matchRanges };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  root.checksheetSearch = api;

  // ---- The search box (only in a browser) ----

  if (typeof document === 'undefined') return;

  var loading = null;

  // Over http(s) the JSON index is fetched; opened from disk, browsers refuse fetch() of local files,
  // so the same data comes as a script that assigns it.
  function loadIndex(form) {
    if (loading) return loading;
    var lang = form.getAttribute('data-lang');
    loading = new Promise(function (resolve, reject) {
      if (location.protocol === 'file:') {
        var script = document.createElement('script');
        script.src = form.getAttribute('data-index-script');
        script.onload = function () { resolve(root.checksheetSearchIndex[lang]); };
        script.onerror = reject;
        document.head.appendChild(script);
      } else {
        fetch(form.getAttribute('data-index')).then(function (r) {
          if (!r.ok) throw new Error('search index: HTTP ' + r.status);
          return r.json();
        }).then(resolve, reject);
      }
    }).then(function (index) { return new Engine(index); });
    return loading;
  }

  function appendHighlighted(parent, text, query) {
    var at = 0;
    matchRanges(text, query).forEach(function (range) {
      if (range[0] > at) parent.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(range[0], range[1]);
      parent.appendChild(mark);
      at = range[1];
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  // A window of a field's text around its first match, or its start when nothing in it matches.
  function excerpt(text, query) {
    var ranges = matchRanges(text, query);
    var start = ranges.length > 0 ? Math.max(0, ranges[0][0] - 30) : 0;
    var end = Math.min(text.length, start + 90);
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  // One labelled line of a result ("設定等: 4時間以内"), the match highlighted.
  function labelledLine(className, label, text, query) {
    var line = document.createElement('span');
    line.className = 'result-excerpt ' + className;
    var name = document.createElement('span');
    name.className = 'result-label';
    name.textContent = label;
    line.appendChild(name);
    line.appendChild(document.createTextNode(' '));
    appendHighlighted(line, excerpt(text, query), query);
    return line;
  }

  function setUp(form) {
    var input = form.querySelector('input[type=search]');
    var list = document.getElementById(form.getAttribute('data-results'));
    var status = document.getElementById(form.getAttribute('data-status'));
    var itemsBase = form.getAttribute('data-items');
    var otherLang = form.getAttribute('data-other-lang');
    var onSearchPage = list.hasAttribute('data-page');
    var limit = onSearchPage ? 50 : 8;
    var active = -1;
    var shown = [];
    var pending = 0;

    function setActive(n) {
      var options = list.querySelectorAll('[role=option]');
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = n;
      if (active >= 0 && options[active]) {
        options[active].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[active].id);
        options[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      setActive(-1);
      if (onSearchPage) return;
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }

    function option(result, position, query) {
      var doc = result.document;
      var li = document.createElement('li');
      li.setAttribute('role', 'none');
      // The link itself is the option: a link inside an option would be a control nested in a control.
      var a = document.createElement('a');
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.id = list.id + '-' + position;
      a.href = itemsBase + result.slug + '/index.html';
      a.tabIndex = -1;
      var no = document.createElement('span');
      no.className = 'result-no';
      no.textContent = result.no + '.';
      a.appendChild(no);
      var title = document.createElement('span');
      title.className = 'result-title';
      appendHighlighted(title, doc[2], query);
      a.appendChild(title);
      // A match in the other language only: show that language's name too, so the reader sees why.
      if (matchRanges(doc[2] + ' ' + doc[3] + ' ' + doc[4], query).length === 0 && matchRanges(doc[5], query).length > 0) {
        var other = document.createElement('span');
        other.className = 'result-other';
        other.lang = otherLang;
        appendHighlighted(other, doc[5], query);
        a.appendChild(other);
      }
      // The answer is what a reader looks for: always shown, labelled; the definition only where it holds the match.
      a.appendChild(labelledLine('result-answer', form.getAttribute('data-answer-label'), doc[3], query));
      if (matchRanges(doc[3], query).length === 0 && matchRanges(doc[4], query).length > 0) {
        a.appendChild(labelledLine('result-definition', form.getAttribute('data-definition-label'), doc[4], query));
      }
      li.appendChild(a);
      return li;
    }

    function show(engine, query) {
      shown = normalize(query).trim() === '' ? [] : engine.search(query, limit);
      list.textContent = '';
      shown.forEach(function (result, position) { list.appendChild(option(result, position, query)); });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (query.trim() === '') {
        status.textContent = '';
        close();
        return;
      }
      status.textContent = shown.length === 0 ? form.getAttribute('data-none') : form.getAttribute('data-count').replace('{n}', String(shown.length));
      if (!onSearchPage) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
    }

    function update() {
      var query = input.value;
      var ticket = ++pending;
      if (onSearchPage) {
        var url = new URL(location.href);
        if (query) url.searchParams.set('q', query); else url.searchParams.delete('q');
        history.replaceState(null, '', url.toString());
      }
      loadIndex(form).then(function (engine) {
        if (ticket === pending) show(engine, query);
      }, function () {
        status.textContent = form.getAttribute('data-failed');
      });
    }

    input.addEventListener('input', update);
    input.addEventListener('focus', function () { loadIndex(form); if (input.value) update(); });
    input.addEventListener('keydown', function (event) {
      var count = shown.length;
      if (event.key === 'ArrowDown' && count > 0) {
        event.preventDefault();
        if (!onSearchPage) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
        setActive((active + 1) % count);
      } else if (event.key === 'ArrowUp' && count > 0) {
        event.preventDefault();
        setActive(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        location.href = list.querySelectorAll('[role=option]')[active].href;
      } else if (event.key === 'Escape') {
        close();
      }
    });
    if (!onSearchPage) {
      document.addEventListener('click', function (event) { if (!form.contains(event.target) && !list.contains(event.target)) close(); });
    }
    var initial = new URL(location.href).searchParams.get('q');
    if (onSearchPage && initial) {
      input.value = initial;
      update();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-search]'), setUp);
  });

})(typeof window !== 'undefined' ? window : globalThis);
