// Search over the precomputed index, in the browser. The analysis and the ranking follow
// Sources/ChecksheetKit/Search/SearchText.swift and SearchEngine.swift step by step, with the same
// arithmetic in the same order, so that the site and `checksheet search` rank identically.
(function (root) {
  'use strict';

  var K1 = 1.2;
  var B = 0.75;
  var EXACT_BONUS = 100;
  // Added to the item a query names by number (SearchEngine.numberBonus).
  var NUMBER_BONUS = 1000;
  // When no item holds every word: the share of the query, weighted by idf, an item must hold (SearchEngine.minimumCoverage).
  var MINIMUM_COVERAGE = 0.25;
  // An item holding this share of what the best item holds ranks beside it (SearchEngine.nearlyAll).
  var NEARLY_ALL = 0.6;
  // A word no item holds weighs this share of the rarest word (SearchEngine.unknownWordShare).
  var UNKNOWN_WORD_SHARE = 0.5;
  // A completion of the last word as typed, against the word itself (SearchEngine.completionWeight).
  var COMPLETION_WEIGHT = 0.5;
  // The share of the items a lone kanji of a query may be in and still be searched for (SearchEngine.loneKanjiShare).
  var LONE_KANJI_SHARE = 0.1;

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
    return variantsFolded(out);
  }

  // NFKC and lower case alone, hiragana kept (SearchText.widthFolded).
  function widthFolded(text) { return String(text).normalize('NFKC').toLowerCase().normalize('NFC'); }

  // 稼動 → 稼働, 改竄 → 改ザン, 1か月/1カ月/1ヵ月/1ケ月 → 1ヶ月 (SearchText.variantsFolded).
  function variantsFolded(text) {
    if (!/[動竄月]/.test(text)) return text;
    var points = Array.from(text, function (c) { return c.codePointAt(0); });
    var out = '';
    for (var i = 0; i < points.length; i++) {
      var v = points[i];
      var previous = i > 0 ? points[i - 1] : 0;
      if (v === 0x52D5 && previous === 0x7A3C) out += '\u50CD';
      else if (v === 0x7AC4 && previous === 0x6539) out += 'ザン';
      else if ((v === 0x304B || v === 0x30AB || v === 0x30F5 || v === 0x30B1) && i > 0 && isDigit(previous) && i + 1 < points.length && points[i + 1] === 0x6708) out += '\u30F6';
      else out += String.fromCodePoint(v);
    }
    return out;
  }

  function isKanji(v) {
    return v === 0x3005 || v === 0x3006 || v === 0x3007 || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) ||
      (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x2FFFF);
  }

  // SearchText.particles and SearchText.functionKana.
  var PARTICLES = new Set(['の', 'は', 'が', 'を', 'に', 'へ', 'と', 'で', 'や', 'も', 'か', 'な', 'ね', 'よ']);
  var FUNCTION_KANA = new Set([
    'の', 'は', 'が', 'を', 'に', 'へ', 'と', 'で', 'や', 'も', 'か', 'な', 'ね', 'よ', 'て', 'た', 'だ', 'る', 'い', 'う', 'ば', 'ず', 'し',
    'から', 'まで', 'より', 'など', 'ので', 'のに', 'けど', 'ため', 'こと', 'もの', 'とき', 'ところ', 'ほど', 'くらい', 'ぐらい',
    'について', 'における', 'において', 'に対して', 'に関する', 'に関して', 'による', 'によって', 'として', 'および', 'ならびに', 'または', 'もしくは',
    'です', 'でした', 'でしょう', 'ですか', 'ます', 'ました', 'ません', 'ましょう', 'ますか', 'ください', 'どの', 'どれ', 'どこ', 'いつ', 'どう',
    'どのよう', 'よう', 'ような', 'ように', 'ある', 'あり', 'あります', 'あれば', 'ない', 'なく', 'なし', 'なかった', 'いる', 'います', 'いた',
    'いて', 'おり', 'おります', 'する', 'した', 'して', 'します', 'され', 'される', 'された', 'されて', 'させ', 'れる', 'られる', 'れ', 'られ',
    'せる', 'いただけますか', 'いただく', 'いただき', 'いたします', 'ございます', 'でき', 'できる', 'できます', 'ている', 'ています', 'てい'
  ]);
  var LONGEST_FUNCTION_KANA = Math.max.apply(null, Array.from(FUNCTION_KANA, function (k) { return Array.from(k).length; }));

  // A run of hiragana (code points) without the function kana at its end (SearchText.withoutFunctionEnding).
  function withoutFunctionEnding(run) {
    var rest = run.slice();
    while (rest.length > 0) {
      var taken = 0;
      for (var length = Math.min(LONGEST_FUNCTION_KANA, rest.length); length >= 1; length--) {
        if (FUNCTION_KANA.has(String.fromCodePoint.apply(null, rest.slice(rest.length - length)))) { taken = length; break; }
      }
      if (taken === 0) break;
      rest = rest.slice(0, rest.length - taken);
    }
    return rest;
  }

  // Hiragana read run by run, for an item's text and a query alike (SearchText.withoutFunctionKana).
  function withoutFunctionKana(text) {
    var points = Array.from(text, function (c) { return c.codePointAt(0); });
    if (!points.some(isHiragana)) return text;
    var out = '';
    var i = 0;
    while (i < points.length) {
      if (!isHiragana(points[i])) {
        out += String.fromCodePoint(points[i]);
        i += 1;
        continue;
      }
      var end = i + 1;
      while (end < points.length && (isHiragana(points[end]) || points[end] === 0x30FC)) end += 1;
      var run = points.slice(i, end);
      var before = i > 0 ? points[i - 1] : 0;
      var after = end < points.length ? points[end] : 0;
      var word = String.fromCodePoint.apply(null, run);
      i = end;
      if (run.length === 1 && isKanji(before) && isKanji(after) && !PARTICLES.has(word)) continue;
      var rest = withoutFunctionEnding(run);
      var touches = isJapanese(before) || isJapanese(after);
      if (rest.length === 0 || (run.length === 1 && touches)) {
        out += ' ';
      } else if (touches) {
        out += String.fromCodePoint.apply(null, rest);
        if (rest.length < run.length) out += ' ';
      } else {
        out += word;
      }
    }
    return out;
  }

  // `phrase` replaced where it stands as a whole word (SearchText.replacingWhole).
  function replacingWhole(phrase, replacement, text, prefix, suffix) {
    if (text.indexOf(phrase) < 0) return text;
    var points = Array.from(text, function (c) { return c.codePointAt(0); });
    var target = Array.from(phrase, function (c) { return c.codePointAt(0); });
    function joins(edge, neighbour) { return isJapanese(edge) ? isJapanese(neighbour) : isWord(edge) && isWord(neighbour); }
    var out = '';
    var i = 0;
    while (i < points.length) {
      var end = i + target.length;
      var matches = end <= points.length && target.every(function (p, k) { return points[i + k] === p; });
      if (matches && (suffix || i === 0 || !joins(target[0], points[i - 1])) &&
          (prefix || end === points.length || !joins(target[target.length - 1], points[end]))) {
        out += replacement;
        i = end;
      } else {
        out += String.fromCodePoint(points[i]);
        i += 1;
      }
    }
    return out;
  }

  // The text an item's words are taken from (SearchText.analysed).
  function analysed(text) { return qualifiersApart(normalize(withoutFunctionKana(variantsFolded(widthFolded(acronymsRead(text)))))); }

  // Japanese that qualifies a number or a time, as `within` and `about` do in English (SearchText.qualifiers).
  var QUALIFIERS = ['以内', '以上', '以下', '未満', '以降', '程度', '前後'];

  // Each qualifier set apart by spaces, so that it forms no bigram with the word before it (SearchText.qualifiersApart).
  function qualifiersApart(text) {
    if (!/[以未程前]/.test(text)) return text;
    var result = text;
    QUALIFIERS.forEach(function (q) { if (result.indexOf(q) >= 0) result = replacingWhole(q, ' ' + q + ' ', result, true, true); });
    return result;
  }

  // Upper-case acronyms that are also English words, read as words of their own (SearchText.acronymWords).
  var ACRONYM_WORDS = [['REST', 'restful']];

  // Each acronym as a whole word (no ASCII letter or digit beside it) put as its word (SearchText.acronymsRead).
  function acronymsRead(text) {
    var result = String(text);
    ACRONYM_WORDS.forEach(function (pair) {
      if (result.indexOf(pair[0]) < 0) return;
      var points = Array.from(result, function (c) { return c.codePointAt(0); });
      var target = Array.from(pair[0], function (c) { return c.codePointAt(0); });
      function letterOrDigit(i) {
        if (i < 0 || i >= points.length) return false;
        var v = points[i];
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A);
      }
      var read = '';
      var i = 0;
      while (i < points.length) {
        var end = i + target.length;
        if (end <= points.length && target.every(function (p, k) { return points[i + k] === p; }) && !letterOrDigit(i - 1) && !letterOrDigit(end)) {
          read += pair[1];
          i = end;
        } else {
          read += String.fromCodePoint(points[i]);
          i += 1;
        }
      }
      result = read;
    });
    return result;
  }

  // What the index stores for a text (SearchText.indexTokens).
  function indexTokens(text) { return tokens(analysed(text), true).map(function (t) { return t.text; }); }

  // SearchText.compounds and SearchText.hourWords.
  var COMPOUNDS = {
    datacenter: ['data', 'center'], datacentre: ['data', 'center'], datacenters: ['data', 'centers'],
    datacentres: ['data', 'centers'], centre: ['center'], centres: ['centers'], antimalware: ['anti', 'malware'],
    antivirus: ['anti', 'virus'], email: ['e', 'mail'], emails: ['e', 'mails']
  };
  var HOUR_WORDS = new Set(['h', 'hr', 'hrs']);

  // ---- Questions (see SearchText.swift) ----

  var STOP_WORDS = new Set([
    'a', 'able', 'about', 'after', 'before', 'between', 'during', 'within', 'all', 'also', 'am', 'an', 'and', 'any', 'currently', 'e', 'ensure', 'exist', 'exists', 'get', 'make', 'offer', 'possible', 'regarding', 'take', 'taken', 'typical', 'typically', 'are', 'as', 'at', 'be', 'been', 'being', 'but', 'by', 'can', 'carried',
    'carry', 'conduct', 'conducted', 'could', 'describe', 'detail', 'details', 'did', 'do', 'does', 'doing', 'done', 'each', 'eg', 'etc',
    'explain', 'for', 'from', 'give', 'had', 'has', 'have', 'having', 'here', 'how', 'i', 'ie', 'if', 'in', 'include', 'including',
    'indicate', 'into', 'is', 'it', 'its', 'kindly', 'let', 'list', 'long', 'many', 'may', 'me', 'might', 'much', 'must', 'my', 'of', 'on',
    'or', 'our', 'ours', 'out', 'perform', 'performed', 'please', 'provide', 'share', 'shall', 'should', 'so', 'some', 'specify', 'such',
    'tell', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'to', 'us', 'use', 'used', 'uses',
    'using', 'was', 'we', 'were', 'what', 'whats', 'when', 'where', 'whether', 'which', 'who', 'whom', 'whose', 'why', 'will', 'with',
    'would', 'you', 'your', 'yours'
  ]);

  // SearchText.questionWords and SearchText.prefixPhrases.
  var QUESTION_WORDS = [
    ['how often', 'frequency'], ['how long', 'period'], ['how many hours', 'hours'], ['how many days', 'period days'],
    ['how many weeks', 'period weeks'], ['how many months', 'period months'], ['how many years', 'period years'],
    ['how many', 'number'], ['where', 'location'],
    ['どのくらいの期間', '期間'], ['何日', '期間'], ['何年', '期間'], ['何か月', '期間'], ['何ヶ月', '期間'], ['何カ月', '期間'],
    ['何件', '件数'], ['何回', '回数'], ['どこ', '場所']
  ];
  var PREFIX_PHRASES = new Set(['何', '貴社', '御社', '当社', '弊社', '使用']);
  var SUFFIX_PHRASES = new Set(['方式', '有無', '状況', '詳細']);

  var STOP_PHRASES = [
    '記載してください', '教えてください', 'どのくらい', 'どれくらい', 'どの程度', 'でしょうか', 'ですか', 'ますか', 'ください', 'について',
    'くらい', 'ぐらい', '教えて', '記載', '記入', '回答', '説明', '貴社', '御社', '当社', '弊社', '具体的', '有無',
    '提示', '明記', '実施', '対応', '導入', '提供', '可能', '使用', '詳細', '状況', '場合', '方式', 'お聞かせ', '聞かせ', '何', 'いかが', 'どのよう', 'どの', 'どれ', 'いつ'
  ];

  // Endings the stemmer strips: a typed word is its stem plus the start of one of these (SearchEngine.typedEndings).
  var TYPED_ENDINGS = ['ability', 'ibility', 'ication', 'ization', 'isation', 'ation', 'ition', 'icate', 'ment', 'ness', 'able', 'ible',
    'ance', 'ence', 'ancy', 'ency', 'ant', 'ent', 'ion', 'ize', 'ity', 'ing', 'ies', 'ied', 'ed', 'es', 'ly', 's', 'y'];

  var SUFFIXES = ['abilit', 'ibilit', 'ication', 'ization', 'isation', 'ation', 'ition', 'icat', 'ment', 'ness', 'abl', 'ibl',
    'anc', 'enc', 'ant', 'ent', 'ion', 'iz', 'it', 'at', 'iv'];
  var CONSONANT_SUFFIXES = new Set(['at', 'iv']);
  var ABLE_SUFFIXES = new Set(['abilit', 'ibilit', 'abl', 'ibl']);

  function isHiragana(v) { return (v >= 0x3041 && v <= 0x3096) || v === 0x309D || v === 0x309E; }

  // Unicode's White_Space, listed as SearchText.isSpace lists it. U+0085 (NEL) is one; U+FEFF is not: it is a
  // zero-width no-break character, and JavaScript's \s and trim() count it while missing U+0085, so neither is used here.
  // A U+FEFF between words still separates them, as any character that is not a letter or digit does (Tests/Search/vectors.json).
  function isSpace(v) {
    return (v >= 0x09 && v <= 0x0D) || v === 0x20 || v === 0x85 || v === 0xA0 || v === 0x1680 ||
      (v >= 0x2000 && v <= 0x200A) || v === 0x2028 || v === 0x2029 || v === 0x202F || v === 0x205F || v === 0x3000;
  }

  // Words whose stems the rules get wrong, with their stems (SearchText.stemExceptions).
  var STEM_EXCEPTIONS = new Map([
    ['certificate', 'certificat'], ['certificates', 'certificat'],
    ['destroy', 'destr'], ['destroys', 'destr'], ['destroyed', 'destr'], ['destroying', 'destr'], ['destruction', 'destr'],
    ['storage', 'stor'], ['storages', 'stor']
  ]);

  // The suffix stripper of SearchText.stem, step by step.
  function stem(word) {
    if (STEM_EXCEPTIONS.has(word)) return STEM_EXCEPTIONS.get(word);
    if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
    var w = word;
    function ends(suffix) { return w.length >= suffix.length && w.slice(w.length - suffix.length) === suffix; }
    function hasVowel(count) { return /[aeiouy]/.test(w.slice(0, count)); }
    if ((ends('ies') || ends('ied')) && w.length - 3 >= 3) {
      w = w.slice(0, -3);
    } else {
      if (ends('sses')) {
        w = w.slice(0, -2);
      } else if (ends('s') && !ends('ss') && !ends('us') && !ends('is') && w.length - 1 >= 3) {
        w = w.slice(0, -1);
      }
      var inflected = false;
      if (ends('ed') && w.length - 2 >= 3 && hasVowel(w.length - 2)) {
        w = w.slice(0, -2);
        inflected = true;
      } else if (ends('ing') && w.length - 3 >= 3 && hasVowel(w.length - 3)) {
        w = w.slice(0, -3);
        inflected = true;
      }
      if (inflected && w.length >= 4 && w[w.length - 1] === w[w.length - 2] && 'aeiouylsz'.indexOf(w[w.length - 1]) < 0) {
        w = w.slice(0, -1);
      }
    }
    if (ends('ly') && w.length - 2 >= 3) w = w.slice(0, -2);
    if ((ends('e') || ends('y')) && w.length - 1 >= 3) w = w.slice(0, -1);
    var removed = '';
    for (var i = 0; i < SUFFIXES.length; i++) {
      if (ends(SUFFIXES[i]) && w.length - SUFFIXES[i].length >= 3) {
        if (CONSONANT_SUFFIXES.has(SUFFIXES[i]) && 'aeiou'.indexOf(w[w.length - SUFFIXES[i].length - 1]) >= 0) continue;
        w = w.slice(0, w.length - SUFFIXES[i].length);
        if (ends('e') && w.length - 1 >= 3) w = w.slice(0, -1);
        removed = SUFFIXES[i];
        break;
      }
    }
    if (w.length >= 6 && ends('ns') && !ABLE_SUFFIXES.has(removed)) w = w.slice(0, -1) + 'd';
    return w;
  }

  // A question without the enumerator a form puts before it (`Q8.`, `⑪`, `(34)`, `1)`, `問3`), as
  // SearchText.withoutEnumerator strips it; a number that belongs to it (`24時間`, `1.2以上`) stays.
  var ENUMERATOR = /^\s*(?:[QqＱｑ][0-9０-９]+[.:：．)）、]?|問[0-9０-９]+[.:：．)）、]?|[(（\[［][0-9０-９]+[)）\]］]|[①-⑳㉑-㉟㊱-㊿]|[0-9０-９]+(?:[\-.－．][0-9０-９]+)*[.)）:：、．](?![0-9０-９]))\s*/u;
  function withoutEnumerator(text) {
    var match = ENUMERATOR.exec(text);
    return match && match[0].length < text.length ? text.slice(match[0].length) : text;
  }

  // The enumerator gone, question words put as what they ask for, stop phrases gone as whole words, hiragana read as
  // an item's text is (SearchText.questionText).
  function questionText(text) {
    // Before folding: NFKC turns ⑪ into 11, a number like any other.
    var folded = collapsed(variantsFolded(widthFolded(acronymsRead(withoutEnumerator(String(text))))));
    QUESTION_WORDS.forEach(function (pair) { folded = replacingWhole(pair[0], ' ' + pair[1] + ' ', folded, isJapanese(pair[0].codePointAt(0))); });
    STOP_PHRASES.forEach(function (phrase) { folded = replacingWhole(phrase, ' ', folded, PREFIX_PHRASES.has(phrase), SUFFIX_PHRASES.has(phrase)); });
    QUALIFIERS.forEach(function (q) { folded = replacingWhole(q, ' ', folded, true, true); });
    return withoutFunctionKana(folded);
  }

  // The tokens a query searches for: its meaningful words, or all of them when every one is a stop word.
  // The lone Japanese characters right before or after a digit (SearchText.numberAffixes).
  function numberAffixes(text) {
    var points = Array.from(text, function (c) { return c.codePointAt(0); });
    var found = [];
    points.forEach(function (v, i) {
      var before = i > 0 ? points[i - 1] : 0;
      var after = i + 1 < points.length ? points[i + 1] : 0;
      if (isJapanese(v) && !isJapanese(before) && !isJapanese(after) && (isDigit(before) || isDigit(after))) found.push(String.fromCodePoint(v));
    });
    return found;
  }

  // keepsKanji(kanji) says which lone kanji are words of the index (SearchText.queryTokens).
  function queryTokens(query, keepsKanji) {
    var meaningful = tokens(normalize(questionText(query)), false, true);
    // A kanji left alone between particles (対 of に対して) weighs nothing in a question with other words, unless few items hold it.
    // A kanji beside a number is its counter or affix (第47項, 3回), never the word asked about.
    var counters = numberAffixes(normalize(questionText(query)));
    var lone = function (t) {
      return t.japanese && codePoints(t.text).length === 1 && (counters.indexOf(t.text) >= 0 || !(keepsKanji && keepsKanji(t.text)));
    };
    if (meaningful.some(function (t) { return !lone(t); })) meaningful = meaningful.filter(function (t) { return !lone(t); });
    if (meaningful.length > 0) return meaningful;
    // Only stop words: what the index would hold of the query, or else every piece of it.
    var words = tokens(analysed(query), false);
    return words.length > 0 ? words : tokens(normalize(query), false);
  }

  // Tokens of normalized text: {text, japanese, part, word}.
  function tokens(text, parts, dropStopWords) {
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
        var afterDigits = i > 0 && isDigit(points[i - 1]);
        i = end;
        if (!digits) {
          // TLSv1.2 is TLS 1.2; 24h and 24hrs are hours (SearchText.tokens).
          if (end < points.length && isDigit(points[end]) && word[word.length - 1] === 'v') {
            if (word === 'v') continue;
            if (word.length >= 4) word = word.slice(0, -1);
          }
          if (afterDigits && HOUR_WORDS.has(word)) word = 'hours';
        }
        var pieces = digits ? [word] : (Object.prototype.hasOwnProperty.call(COMPOUNDS, word) ? COMPOUNDS[word] : [word]);
        pieces.forEach(function (piece) {
          if (!(dropStopWords && STOP_WORDS.has(piece))) result.push({ text: digits ? piece : stem(piece), japanese: false, part: false, word: piece });
        });
        if (parts && joiner) {
          word.split(/[.:]/).forEach(function (p) { if (p) result.push({ text: p, japanese: false, part: true, word: p }); });
        }
      } else if (isJapanese(v)) {
        var stop = i;
        while (stop < points.length && isJapanese(points[stop])) stop += 1;
        if (stop - i === 1) {
          result.push({ text: String.fromCodePoint(v), japanese: true, part: false, word: String.fromCodePoint(v) });
        } else {
          for (var s = i; s < stop - 1; s++) {
            var pair = String.fromCodePoint(points[s], points[s + 1]);
            result.push({ text: pair, japanese: true, part: false, word: pair });
          }
        }
        i = stop;
      } else {
        i += 1;
      }
    }
    return result;
  }

  // SearchText.wordEndings.
  var WORD_ENDINGS = ['', 's', 'e', 'es', 'ed', 'ing', 'y', 'ly', 'ies', 'ion', 'ation', 'ication', 'ity', 'ability', 'ibility', 'ment',
    'ness', 'ence', 'ance', 'ent', 'ant', 'ate', 'ated', 'ive', 'able', 'ible'];

  // Index terms a token matching none stands for: a version's parts, or the terms a misspelt word is nearest
  // (SearchText.nearTerms, step by step).
  function nearTerms(token, terms) {
    var word = token.word;
    if (token.japanese || !word) return [];
    var found = [];
    if (/^[0-9.:]+$/.test(word)) {
      if (!/[.:]/.test(word)) return [];
      var parts = word.split(/[.:]/).filter(function (p) { return p; });
      terms.forEach(function (term, n) { if (parts.indexOf(term) >= 0) found.push(n); });
      return found;
    }
    if (word.length < 5 || !/^[a-z]+$/.test(word)) return [];
    var limit = word.length >= 10 ? 2 : 1;
    var best = limit + 1;
    for (var n = 0; n < terms.length; n++) {
      var stem = terms[n];
      if (stem.length < 5 || stem.length > word.length + limit || !/^[a-z]+$/.test(stem)) continue;
      var nearest = Math.min(best, limit) + 1;
      for (var e = 0; e < WORD_ENDINGS.length; e++) {
        if (Math.abs(stem.length + WORD_ENDINGS[e].length - word.length) < nearest) {
          nearest = Math.min(nearest, editDistance(word, stem + WORD_ENDINGS[e], nearest));
        }
      }
      if (nearest < best) {
        best = nearest;
        found = [n];
      } else if (nearest === best && nearest <= limit) {
        found.push(n);
      }
    }
    return best <= limit ? found : [];
  }

  // Optimal string alignment distance, or `bound` when it is `bound` or more (SearchText.editDistance).
  function editDistance(a, b, bound) {
    if (Math.abs(a.length - b.length) >= bound) return bound;
    var previous2 = new Array(b.length + 1).fill(0);
    var previous = [];
    for (var k = 0; k <= b.length; k++) previous.push(k);
    var current = new Array(b.length + 1).fill(0);
    for (var i = 1; i <= a.length; i++) {
      current[0] = i;
      var rowMinimum = i;
      for (var j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
        current[j] = value;
        rowMinimum = Math.min(rowMinimum, value);
      }
      if (rowMinimum >= bound) return bound;
      var spare = previous2;
      previous2 = previous;
      previous = current;
      current = spare;
    }
    return Math.min(previous[b.length], bound);
  }

  function collapsed(text) {
    var words = [];
    var current = '';
    for (var ch of text) {
      if (isSpace(ch.codePointAt(0))) {
        if (current) { words.push(current); current = ''; }
      } else {
        current += ch;
      }
    }
    if (current) words.push(current);
    return words.join(' ');
  }

  function codePoints(text) { return Array.from(text); }

  // ---- Item numbers (see SearchText+ItemNumber.swift) ----

  var NUMBER_PREFIXES = ['item number', 'item no', 'item #', 'item', 'number', 'no', '#', '項目番号', '項番', '番号', '項目', '第'];
  var NUMBER_SEPARATORS = [' ', '.', ':'];
  var NUMBER_SUFFIXES = ['番', '項'];

  // The item number a query is as a whole (47, No. 47, #47, 項番47, 47番, Ｎｏ．４７), or null; read code point by code point.
  function itemNumber(query) {
    var points = codePoints(collapsed(normalize(query)));
    var prefix = NUMBER_PREFIXES.find(function (word) {
      var letters = codePoints(word);
      return letters.length <= points.length && letters.every(function (letter, n) { return points[n] === letter; });
    });
    if (prefix !== undefined) {
      points = points.slice(codePoints(prefix).length);
      while (points.length > 0 && NUMBER_SEPARATORS.indexOf(points[0]) >= 0) points.shift();
    }
    if (points[points.length - 1] === '.') points.pop();
    if (points.length > 0 && NUMBER_SUFFIXES.indexOf(points[points.length - 1]) >= 0) points.pop();
    if (points[points.length - 1] === ' ') points.pop();
    // Six digits at most, as in Swift: a long figure neither overflows there nor loses digits here.
    if (points.length < 1 || points.length > 6 || !points.every(function (p) { return isDigit(p.codePointAt(0)); })) return null;
    return parseInt(points.join(''), 10);
  }

  // ---- Ranking (see SearchEngine.swift) ----

  var FORMAT_VERSION = 4;
  // The field an item's section and category are in (SearchIndex.categoryField): it scores, but holds no part of a query.
  var CATEGORY_FIELD = 4;

  // The index as the engine uses it, or an Error saying why the file cannot be used: another format version, a
  // missing table, numbers pointing outside the index. Postings arrive as gaps and are summed back here.
  function checkedIndex(index) {
    function fail(reason) { throw new Error('search index: ' + reason); }
    if (!index || typeof index !== 'object') fail('not an object');
    if (index.v !== FORMAT_VERSION) fail('format ' + index.v + ', expected ' + FORMAT_VERSION);
    ['docs', 'terms', 'post', 'avg', 'idf', 'w'].forEach(function (key) { if (!Array.isArray(index[key])) fail('no ' + key + ' table'); });
    var fields = index.w.length;
    if (!fields || index.avg.length !== fields) fail('field tables disagree');
    if (!index.docs.length || !index.terms.length || index.post.length !== index.terms.length || !index.idf.length) fail('tables empty or of different lengths');
    index.docs.forEach(function (doc, d) {
      if (!Array.isArray(doc) || doc.length !== 10 || !Array.isArray(doc[8]) || doc[8].length !== fields || !Array.isArray(doc[9])) fail('document ' + (d + 1) + ' is malformed');
    });
    var post = index.post.map(function (gaps, t) {
      if (!Array.isArray(gaps)) fail('postings of term ' + t + ' are not a list');
      var value = 0, seen = new Set();
      return gaps.map(function (gap, p) {
        if (typeof gap !== 'number' || !Number.isInteger(gap) || (p > 0 && gap < 0)) fail('postings of term ' + t + ' are not in order');
        value += gap;
        var document = Math.floor(value / (8 * fields));
        if (value < 0 || document >= index.docs.length) fail('term ' + t + ' points outside the documents');
        seen.add(document);
        if (seen.size >= index.idf.length) fail('term ' + t + ' occurs in more documents than its idf table covers');
        return value;
      });
    });
    return Object.assign({}, index, { post: post });
  }

  function Engine(index) {
    index = checkedIndex(index);
    this.index = index;
    this.numbers = new Map();
    for (var n = 0; n < index.terms.length; n++) this.numbers.set(index.terms[n], n);
    this.normalizedCache = new Map();
  }

  // Terms a token matches (SearchEngine.directTerms).
  Engine.prototype.directTerms = function (token, prefix) {
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
      // A stem is a prefix of its word, so a typed word longer than the stem (`encrypti`) still meets `encrypt`.
      for (var m = 0; m < terms.length; m++) {
        if (terms[m].startsWith(token.text)) { found.push(m); continue; }
        if (codePoints(terms[m]).length < 4 || !token.word.startsWith(terms[m])) continue;
        var rest = token.word.slice(terms[m].length);
        if (TYPED_ENDINGS.some(function (ending) { return ending.startsWith(rest); })) found.push(m);
      }
      return found;
    }
    var exact = this.numbers.get(token.text);
    return exact === undefined ? found : [exact];
  };

  // The terms a token matches, or else, when `near` (the search box), those it is near: a misspelt word, a version's
  // parts (SearchEngine.matchingTerms).
  Engine.prototype.matchingTerms = function (token, prefix, near) {
    var terms = this.directTerms(token, prefix);
    return terms.length > 0 || !near ? terms : nearTerms(token, this.index.terms);
  };

  // Whether a lone kanji is a word of this index: held by one item or more, and by no more than LONE_KANJI_SHARE of
  // them (SearchEngine.keepsKanji).
  Engine.prototype.keepsKanji = function (kanji) {
    var index = this.index;
    var documents = new Set();
    this.directTerms({ text: kanji, japanese: true, part: false, word: kanji }, false).forEach(function (term) {
      index.post[term].forEach(function (entry) { documents.add(Math.floor(Math.floor(entry / 8) / index.w.length)); });
    });
    return documents.size > 0 && documents.size <= index.docs.length * LONE_KANJI_SHARE;
  };

  // The tokens a query searches this index for, keeping the lone kanji that are its words (SearchEngine.queryTokens).
  Engine.prototype.queryTokens = function (query) {
    var self = this;
    return queryTokens(query, function (kanji) { return self.keepsKanji(kanji); });
  };

  // BM25F of one index term per document; `df`, when given, is the document count its idf is taken from (a typed prefix
  // weighs as the set of items holding any of its completions, SearchEngine.scores(ofTerm:documentFrequency:)).
  Engine.prototype.scoresOfTerm = function (number, df) {
    var index = this.index;
    var postings = index.post[number];
    var fieldCount = index.w.length;
    var weighted = new Map();
    for (var p = 0; p < postings.length; p++) {
      var entry = postings[p];
      var frequency = entry % 8;
      var document = Math.floor(Math.floor(entry / 8) / fieldCount);
      var field = Math.floor(entry / 8) % fieldCount;
      var average = index.avg[field] / 10000;
      var length = index.docs[document][8][field];
      var norm = 1 - B + B * (length / average);
      if (!weighted.has(document)) weighted.set(document, 0);
      weighted.set(document, weighted.get(document) + index.w[field] / 10 * frequency / norm);
    }
    var idf = index.idf[Math.min(df === undefined ? weighted.size : df, index.idf.length - 1)] / 10000;
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

  // The words of a query's tokens (SearchEngine.words): lists of token positions. A Latin word, a number and a lone
  // character are one word each. A Japanese run's bigrams form words by script: a katakana word's bigrams are one word
  // (アクセス), so that a long loanword counts no more than a short kanji word; a kanji stretch is one word per stretch of
  // bigrams the index holds (暗号化) or does not hold (the 限管 between 権限 and 管理); a bigram across the two scripts
  // (時ア of 同時アクセス) belongs to no word. Only when that leaves no word is every token one.
  function queryWords(list, known, together) {
    var words = [];
    var current = null;
    var kind = null;
    list.forEach(function (token, position) {
      var characters = codePoints(token.text);
      if (!token.japanese || characters.length !== 2) {
        words.push([position]);
        current = null;
        return;
      }
      var kana = isKana(characters[0].codePointAt(0));
      if (kana !== isKana(characters[1].codePointAt(0))) {
        current = null;
        return;
      }
      var previous = position > 0 ? list[position - 1] : null;
      var chained = previous && previous.japanese && codePoints(previous.text).length === 2 && codePoints(previous.text)[1] === characters[0];
      var tokenKind = kana ? 'kana' : known(position) ? 'known' : 'unknown';
      if (chained && current && kind === tokenKind) {
        current.push(position);
      } else {
        current = [position];
        kind = tokenKind;
        words.push(current);
      }
    });
    if (together) words = [].concat.apply([], words.map(function (word) { return splitKana(list, word, together); }));
    return words.length > 0 ? words : list.map(function (_, position) { return [position]; });
  }

  // A katakana word no item holds whole, split on the katakana words items hold (SearchEngine.splitKana): レスポンスタイム is
  // レスポンス and タイム. From its start, the longest stretch of two bigrams or more that an item holds together is a word; a
  // lone bigram left between or after such words (the スタ seam of レスポンスタイム) belongs to no word; longer leftovers stay
  // a word of their own. A word nothing splits stays whole.
  function splitKana(list, word, together) {
    if (word.length < 3 || !isKana(codePoints(list[word[0]].text)[0].codePointAt(0)) || !list[word[0]].japanese || together(word)) return [word];
    var parts = [], rest = [], found = false;
    function flush(beforeWord) {
      if (rest.length > 1 || (rest.length === 1 && !found && !beforeWord)) parts.push(rest);
      rest = [];
    }
    var i = 0;
    while (i < word.length) {
      var j = word.length - 1;
      while (j > i && !together(word.slice(i, j + 1))) j -= 1;
      if (j > i) {
        flush(true);
        parts.push(word.slice(i, j + 1));
        found = true;
        i = j + 1;
      } else {
        rest.push(word[i]);
        i += 1;
      }
    }
    flush(false);
    return found ? parts : [word];
  }

  // A query's words over its unique tokens, and per word its weight (SearchEngine.weighedWords): the idf of the number
  // of items holding the whole word, or, for a word no item holds, UNKNOWN_WORD_SHARE of the rarest word's. Per token of a
  // word, its share of the word: its idf (a token no item holds weighing as the rarest), so that a common piece of a
  // loanword (ショ, ョン of ペネトレーション) holds little of it.
  function weighedWords(list, unique, holders, idf, unknownShare) {
    var keys = unique.map(function (t) { return (t.japanese ? 'j' : 'l') + t.text; });
    var rarest = idf[Math.min(1, idf.length - 1)] / 10000;
    var seen = new Set();
    var words = [];
    var number = function (t) { return keys.indexOf((t.japanese ? 'j' : 'l') + t.text); };
    var together = function (positions) {
      var held = null;
      positions.forEach(function (position) {
        var documents = holders[number(list[position])];
        held = held === null ? new Set(documents) : new Set(Array.from(held).filter(function (d) { return documents.has(d); }));
      });
      return held.size > 0;
    };
    queryWords(list, function (position) { return holders[number(list[position])].size > 0; }, together).forEach(function (word) {
      var tokens = [];
      word.forEach(function (position) {
        var t = number(list[position]);
        if (tokens.indexOf(t) < 0) tokens.push(t);
      });
      var key = tokens.join(',');
      if (seen.has(key)) return;
      seen.add(key);
      var held = null;
      tokens.forEach(function (t) {
        var documents = holders[t];
        held = held === null ? new Set(documents) : new Set(Array.from(held).filter(function (d) { return documents.has(d); }));
      });
      var df = held.size;
      // A kanji stretch holds a word per two characters or so (脆弱性診断 is two): it counts as many.
      var first = codePoints(unique[tokens[0]].text);
      var count = unique[tokens[0]].japanese && first.length === 2 && !isKana(first[0].codePointAt(0)) ? (tokens.length + 1) / 2 : 1;
      var weight = (df > 0 ? idf[Math.min(df, idf.length - 1)] / 10000 : rarest * unknownShare) * count;
      var parts = tokens.map(function (t) { return holders[t].size > 0 ? idf[Math.min(holders[t].size, idf.length - 1)] / 10000 : rarest; });
      var whole = parts.reduce(function (sum, part) { return sum + part; }, 0);
      var head = unique[tokens[0]];
      var script = !head.japanese ? (isDigit(head.text.codePointAt(0)) ? 'number' : 'latin') : first.length === 1 ? 'character' : isKana(first[0].codePointAt(0)) ? 'kana' : 'kanji';
      var text = head.japanese ? head.text + tokens.slice(1).map(function (t) { return codePoints(unique[t].text).slice(1).join(''); }).join('') : head.word;
      words.push({ tokens: tokens, weight: weight, count: count, size: df > 0 ? count : count * unknownShare, shares: parts.map(function (part) { return part / whole; }),
        script: script, text: text, known: df > 0 });
    });
    return words;
  }

  // The share of a word an item holds, by its tokens' shares (SearchEngine.heldShare).
  function heldShare(word, has) {
    var share = 0;
    word.tokens.forEach(function (t, n) { if (has(t)) share += word.shares[n]; });
    return share;
  }

  // Ranked results for a query: [{slug, no, title, score, document}], best first. A query that is only an item's
  // number puts that item first, NUMBER_BONUS added to its score (see SearchEngine.search).
  Engine.prototype.search = function (query, limit) {
    var results = this.rank(query, true).results;
    var number = itemNumber(query);
    var docs = this.index.docs;
    var position = number === null ? -1 : docs.findIndex(function (doc) { return doc[0] === number; });
    if (position >= 0) {
      var own = results.find(function (r) { return r.position === position; });
      var doc = docs[position];
      results = results.filter(function (r) { return r.position !== position; });
      results.unshift({ slug: doc[1], no: doc[0], title: doc[2], score: NUMBER_BONUS + (own ? own.score : 0), document: doc, position: position });
    }
    return results.slice(0, limit === undefined ? 10 : limit);
  };

  // Every candidate with the evidence (see SearchEngine.rank): {tokens, terms, words, coverage, results}.
  Engine.prototype.rank = function (query, allowsPrefix) {
    var self = this;
    var index = self.index;
    var normalized = normalize(query);
    var all = self.queryTokens(query);
    var list = [];
    all.forEach(function (t) {
      if (!list.some(function (o) { return o.text === t.text && o.japanese === t.japanese; })) list.push(t);
    });
    if (list.length === 0) return { tokens: [], terms: [], words: [], coverage: new Map(), results: [] };
    var points = codePoints(normalized);
    var endsInWord = points.length > 0 && isWord(points[points.length - 1].codePointAt(0));
    var fieldCount = index.w.length;

    var termsPerToken = [];
    var perToken = list.map(function (token, position) {
      var prefix = allowsPrefix && position === list.length - 1 && !token.japanese && endsInWord;
      var best = new Map();
      var terms = self.matchingTerms(token, prefix, allowsPrefix);
      termsPerToken.push(terms);
      var df;
      var exact = function () { return true; };
      if (prefix) {
        // A prefix weighs as the set of items holding any of its completions; a completion counts COMPLETION_WEIGHT of the
        // word as typed when that word is a term too, so that `data` prefers data to databases.
        var documents = new Set();
        terms.forEach(function (term) { index.post[term].forEach(function (entry) { documents.add(Math.floor(Math.floor(entry / 8) / fieldCount)); }); });
        df = documents.size;
        var isExact = function (term) { return index.terms[term] === token.text || !index.terms[term].startsWith(token.text); };
        if (terms.some(isExact)) exact = isExact;
      }
      terms.forEach(function (term) {
        var factor = exact(term) ? 1 : COMPLETION_WEIGHT;
        self.scoresOfTerm(term, df).forEach(function (score, document) {
          var weighted = score * factor;
          var current = best.has(document) ? best.get(document) : -1;
          if (weighted > current) best.set(document, weighted);
        });
      });
      return best;
    });
    // A word held only in the category scores but is no part of the query an item holds (SearchEngine.rank).
    var holders = termsPerToken.map(function (terms) {
      var documents = new Set();
      terms.forEach(function (term) {
        index.post[term].forEach(function (entry) {
          if (Math.floor(entry / 8) % fieldCount !== CATEGORY_FIELD) documents.add(Math.floor(Math.floor(entry / 8) / fieldCount));
        });
      });
      return documents;
    });
    var words = weighedWords(all, list, holders, index.idf, UNKNOWN_WORD_SHARE);
    var total = words.reduce(function (sum, word) { return sum + word.weight; }, 0);
    var coverage = new Map();
    var scores = new Map();
    perToken.forEach(function (tokenScores) {
      tokenScores.forEach(function (_, d) {
        if (coverage.has(d)) return;
        var held = 0, score = 0;
        words.forEach(function (word) {
          var share = heldShare(word, function (t) { return holders[t].has(d); });
          if (share === 0) return;
          held += word.weight * share;
          var sum = 0;
          word.tokens.forEach(function (t) { sum += perToken[t].has(d) ? perToken[t].get(d) : 0; });
          score += sum / word.tokens.length * word.count;
        });
        coverage.set(d, held / total);
        scores.set(d, score);
      });
    });
    // Items holding nearly all of the query rank beside those holding all of it; below MINIMUM_COVERAGE nothing does.
    var best = 0;
    coverage.forEach(function (c) { if (c > best) best = c; });
    var floor = Math.max(MINIMUM_COVERAGE, best * NEARLY_ALL);

    var phrase = collapsed(normalized);
    var results = [];
    coverage.forEach(function (c, d) {
      if (c < floor || c === 0) return;
      // Half of what an item holds counts by the share of the query it is: one missing a word ranks below one holding all.
      var score = scores.get(d) * (1 + c) / 2;
      var doc = index.docs[d];
      if (list.length > 1) {
        var fields = [[doc[2], doc[5], 0], [doc[3], doc[6], 1], [doc[4], doc[7], 2]];
        for (var f = 0; f < fields.length; f++) {
          if (self.normalizedText(fields[f][0]).indexOf(phrase) >= 0 || self.normalizedText(fields[f][1]).indexOf(phrase) >= 0) {
            score += index.w[fields[f][2]] / 10;
            break;
          }
        }
      }
      if (doc[9].indexOf(phrase) >= 0) score += EXACT_BONUS;
      results.push({ slug: doc[1], no: doc[0], title: doc[2], score: score, document: doc, position: d });
    });
    results.sort(function (a, b) { return a.score !== b.score ? b.score - a.score : a.no - b.no; });
    return { tokens: list, terms: termsPerToken, words: words, coverage: coverage, results: results };
  };

  // ---- Questionnaire answers (see QuestionAnswer.swift and SearchEngine+Questions.swift) ----

  var ANSWERED_COVERAGE = 0.7;
  var ANSWERED_LEAD = 0.2;
  var ANSWERED_MARGIN = 0.1;
  var REVIEW_COVERAGE = 0.45;
  var COMPOUND_SHARE = 0.25;
  // QuestionAnswer.ordinaryShare, weakWords, commonLoanwords, conjunctions: see there.
  var ORDINARY_SHARE = 0.35;
  var WEAK_WORDS = ['provide', 'provided', 'provides', 'support', 'supported', 'supports', 'feature', 'features', 'function', 'functions',
    'functionality', 'capability', 'capabilities', 'method', 'methods', 'mechanism', 'mechanisms', 'measure', 'measures',
    '機能', '方法', '手段', '対策', '導入', '仕組'];
  var COMMON_LOANWORDS = ['サーバ', 'サーバー', 'ソフト', 'ソフトウェア', 'ツール', 'アプリ', 'アプリケーション', 'プラットフォーム', 'プログラム'];
  var CONJUNCTIONS = ['及び', 'および', '並びに', 'ならびに', 'かつ', '・'];

  // The words of a question written as names: acronyms (MFA, SAML) anywhere, capitalised words (Chief Officer) past a
  // sentence's first word; as the index's terms (QuestionAnswer.namedTerms).
  function namedTerms(question) {
    var named = new Set();
    var points = Array.from(withoutEnumerator(String(question)), function (c) { return c.codePointAt(0); });
    var sentenceStart = true;
    var i = 0;
    while (i < points.length) {
      var v = points[i];
      var letter = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A);
      if (!letter) {
        if (v === 0x2E || v === 0x3F || v === 0x21 || v === 0x3002 || v === 0xFF1F || v === 0xFF01 || v === 0x0A) sentenceStart = true;
        i += 1;
        continue;
      }
      var end = i;
      while (end < points.length && ((points[end] >= 0x41 && points[end] <= 0x5A) || (points[end] >= 0x61 && points[end] <= 0x7A))) end += 1;
      var run = points.slice(i, end);
      var capital = run[0] <= 0x5A;
      var acronym = run.length >= 2 && run.every(function (c) { return c <= 0x5A; });
      if (acronym || (capital && !sentenceStart)) {
        tokens(normalize(String.fromCodePoint.apply(null, run)), false).forEach(function (t) { named.add(t.text); });
      }
      sentenceStart = false;
      i = end;
    }
    return named;
  }

  // The parts of a question its conjunctions join (`RTO and RPO`, 保存データ及び通信), each as its query tokens' texts.
  function questionParts(question) {
    var text = String(question);
    var pieces = [''];
    var points = Array.from(text);
    for (var i = 0; i < points.length; i++) {
      var rest = points.slice(i).join('');
      var conjunction = CONJUNCTIONS.find(function (c) { return rest.startsWith(c); });
      var before = i > 0 ? points[i - 1].codePointAt(0) : 0, after = i + 3 < points.length ? points[i + 3].codePointAt(0) : 0;
      var isAnd = /^and$/i.test(points.slice(i, i + 3).join('')) && !isAsciiLetter(before) && !isAsciiLetter(after);
      if (conjunction || isAnd) {
        pieces.push('');
        i += (isAnd ? 3 : Array.from(conjunction).length) - 1;
      } else {
        pieces[pieces.length - 1] += points[i];
      }
    }
    return pieces;
  }

  var WEAK = new Set(WEAK_WORDS.map(normalize));
  var LOANWORDS = new Set(COMMON_LOANWORDS.map(normalize));

  // The share of its weight a word of a question keeps (QuestionAnswer.topicality): none for a weak word (機能, provide);
  // for a word the sheet uses, all, or ORDINARY_SHARE when no candidate holds it; for one it does not use, all when it
  // may be a topic (a name, a noun, a katakana or kanji word) and ORDINARY_SHARE when it reads as wording (a verb form
  // such as deployed or exercising, a number, a common loanword such as サーバ).
  function topicality(word, named, heldByCandidate, unique) {
    if (WEAK.has(word.text)) return 0;
    if (word.known) return word.tokens.some(heldByCandidate) ? 1 : ORDINARY_SHARE;
    switch (word.script) {
      case 'latin': return !named.has(unique[word.tokens[0]].text) && /.{3}(ed|ing)$/.test(word.text) ? ORDINARY_SHARE : 1;
      case 'number': return ORDINARY_SHARE;
      case 'kana': return LOANWORDS.has(word.text) ? ORDINARY_SHARE : 1;
      default: return 1;
    }
  }

  function isAsciiLetter(v) { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A); }

  // The status of a question whose best candidates are `matches` (QuestionAnswer.status): {score, coverage, complement}.
  function answerStatus(matches) {
    if (matches.length === 0) return 'none';
    var top = matches[0];
    if (top.coverage < REVIEW_COVERAGE) return 'none';
    // Another item holds a large part of the question the top one does not: two items answer it together.
    if (matches.slice(1).some(function (m) { return (m.complement || 0) >= COMPOUND_SHARE && m.coverage >= REVIEW_COVERAGE; })) return 'review';
    var next = matches.length > 1 ? matches[1] : null;
    var lead = next ? (top.score > 0 ? (top.score - next.score) / top.score : 0) : 1;
    var margin = next ? top.coverage - next.coverage : 1;
    if (top.coverage >= ANSWERED_COVERAGE && (lead >= ANSWERED_LEAD || margin >= ANSWERED_MARGIN)) return 'answered';
    return 'review';
  }

  // The sheet's answer to a questionnaire question (SearchEngine.answer): {status, matches: [{slug, no, title, score,
  // coverage, complement, document}]}, ordered by score times coverage.
  Engine.prototype.answer = function (question, limit) {
    var index = this.index;
    var ranking = this.rank(question, false);
    if (ranking.tokens.length === 0) return { status: 'none', matches: [] };
    var fieldCount = index.w.length;
    var holders = ranking.tokens.map(function (token, t) {
      var documents = new Set();
      ranking.terms[t].forEach(function (term) {
        index.post[term].forEach(function (entry) {
          if (Math.floor(entry / 8) % fieldCount !== CATEGORY_FIELD) documents.add(Math.floor(Math.floor(entry / 8) / fieldCount));
        });
      });
      return documents;
    });
    var words = weighedWords(this.queryTokens(question), ranking.tokens, holders, index.idf, 1);
    // How much each word says what the question is about (QuestionAnswer.topicality).
    var candidateDocuments = new Set(ranking.results.map(function (result) { return result.position; }));
    var named = namedTerms(question);
    words.forEach(function (word) {
      var share = topicality(word, named, function (t) { return Array.from(holders[t]).some(function (d) { return candidateDocuments.has(d); }); }, ranking.tokens);
      word.weight *= share;
      word.size *= share;
    });
    // The words of each part its conjunctions join, when it has two parts of two words or more.
    var self = this;
    var keyOf = function (t) { return (t.japanese ? 'j' : 'l') + t.text; };
    var parts = questionParts(question).map(function (piece) {
      var keys = new Set(self.queryTokens(piece).map(keyOf));
      return words.map(function (_, w) { return w; }).filter(function (w) {
        return words[w].weight > 0 && words[w].tokens.every(function (t) { return keys.has(keyOf(ranking.tokens[t])); });
      });
    }).filter(function (part) { return part.length >= 2; });
    if (parts.length < 2) parts = [];
    var total = 0, size = 0;
    words.forEach(function (word) { total += word.weight; size += word.size; });
    var candidates = ranking.results.map(function (result) {
      var shares = words.map(function (word) { return heldShare(word, function (t) { return holders[t].has(result.position); }); });
      var held = 0, heldWeight = 0;
      words.forEach(function (word, w) { held += word.size * shares[w]; heldWeight += word.weight * shares[w]; });
      var coverage = ((size > 0 ? held / size : 0) + (total > 0 ? heldWeight / total : 0)) / 2;
      return { result: result, shares: shares, coverage: coverage };
    });
    // By the score times the coverage: an item answering most of the question beats one scoring higher on part of it.
    candidates.sort(function (a, b) {
      var weighedA = a.coverage * a.result.score, weighedB = b.coverage * b.result.score;
      if (weighedA !== weighedB) return weighedB - weighedA;
      if (a.coverage !== b.coverage) return b.coverage - a.coverage;
      if (a.result.score !== b.result.score) return b.result.score - a.result.score;
      return a.result.no - b.result.no;
    });
    // Per candidate, the share of the question it holds that the top one does not; the one holding most of it comes second.
    var complements = candidates.map(function (candidate, n) {
      if (n === 0 || total === 0) return 0;
      var added = 0;
      words.forEach(function (word, w) { added += word.weight * Math.max(0, candidate.shares[w] - candidates[0].shares[w]); });
      var complement = added / total;
      // A part of the question: the share of it this item holds that the top one does not.
      parts.forEach(function (part) {
        var partAdded = 0, partTotal = 0;
        part.forEach(function (w) {
          partTotal += words[w].weight;
          partAdded += words[w].weight * Math.max(0, candidate.shares[w] - candidates[0].shares[w]);
        });
        if (partTotal > 0 && partAdded / partTotal > complement) complement = partAdded / partTotal;
      });
      return complement;
    });
    var order = candidates.map(function (_, n) { return n; });
    var second = -1;
    complements.forEach(function (complement, n) {
      if (complement >= COMPOUND_SHARE && candidates[n].coverage >= REVIEW_COVERAGE && (second < 0 || complement > complements[second])) second = n;
    });
    if (second > 1) order = [0, second].concat(order.filter(function (n) { return n !== 0 && n !== second; }));
    var matches = order.slice(0, limit === undefined ? 3 : limit).map(function (n) {
      var result = candidates[n].result;
      return { slug: result.slug, no: result.no, title: result.title, score: result.score, coverage: candidates[n].coverage, complement: complements[n], document: result.document };
    });
    return { status: answerStatus(matches), matches: matches };
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


  var api = {
    normalize: normalize, tokens: tokens, stem: stem, analysed: analysed, indexTokens: indexTokens, questionText: questionText, withoutEnumerator: withoutEnumerator, queryTokens: queryTokens, collapsed: collapsed,
    itemNumber: itemNumber,
    answerStatus: answerStatus, Engine: Engine, matchRanges: matchRanges
  };
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
  // The questionnaire page loads the same index through this, once for both forms.
  api.loadEngine = loadIndex;

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
    // On the search page the link to the other language carries the query, so the reader lands on the same search there.
    var languageLink = onSearchPage ? document.querySelector('.language-switch a[hreflang]') : null;
    var languageHref = languageLink ? languageLink.getAttribute('href') : null;
    // The tab names the query, so results kept in a tab or a bookmark say what was searched.
    var pageTitle = document.title;
    var queryTitle = onSearchPage ? list.getAttribute('data-query-title') : null;
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
      var blank = collapsed(normalize(query)) === '';
      shown = blank ? [] : engine.search(query, limit);
      list.textContent = '';
      shown.forEach(function (result, position) { list.appendChild(option(result, position, query)); });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (blank) {
        status.textContent = '';
        close();
        return;
      }
      status.textContent = shown.length === 0 ? form.getAttribute('data-none') : form.getAttribute(shown.length === 1 ? 'data-count-one' : 'data-count').replace('{n}', String(shown.length));
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
        if (languageLink) languageLink.setAttribute('href', query ? languageHref + '?' + new URLSearchParams({ q: query }).toString() : languageHref);
        if (queryTitle) document.title = collapsed(query) === '' ? pageTitle : queryTitle.split('{q}').join(collapsed(query));
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
      // Keyboard focus leaving the form closes the pop-up as Escape does, or at narrow widths it covers the element that
      // has focus (WCAG 2.4.11). Focus going nowhere (another window, a click on a result that takes no focus) is left to
      // the click handler, so a click on a result still opens it.
      form.addEventListener('focusout', function (event) {
        if (event.relatedTarget && !form.contains(event.relatedTarget)) close();
      });
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
