// The questionnaire page: questions pasted or opened (CSV, TSV, text, XLSX) are answered in the browser with
// search.js's Engine.answer, the same ranking and statuses as `checksheet answer`. Nothing leaves the page.
(function (root) {
  'use strict';

  // ---- Reading questionnaires ----

  // RFC 4180 rows of CSV or TSV text: quoted cells, doubled quotes, line breaks inside quotes, CRLF or LF. As
  // DelimitedText.Parser reads them: a cell is quoted only when its closing quote ends the cell; text after it
  // (`"有"。…`) makes the quotes part of the text, as Excel reads it.
  function delimitedRows(text, delimiter) {
    var rows = [];
    var cells = [];
    var value = '';
    var raw = '';
    var state = 'start';
    function endCell() { cells.push(value); value = ''; raw = ''; state = 'start'; }
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      var newline = c === '\r' || c === '\n';
      if (newline && c === '\r' && text[i + 1] === '\n') { c = '\r\n'; i += 1; }
      if (state === 'quoted') {
        raw += c;
        if (c === '"') state = 'quoteInQuoted'; else value += newline ? '\n' : c;
      } else if (state === 'quoteInQuoted') {
        if (c === '"') { value += '"'; raw += '"'; state = 'quoted'; }
        else if (c === delimiter) endCell();
        else if (newline) { endCell(); rows.push(cells); cells = []; }
        else { value = raw + c; state = 'unquoted'; }
      } else if (c === '"' && state === 'start') {
        state = 'quoted'; raw = '"';
      } else if (c === delimiter) {
        endCell();
      } else if (newline) {
        endCell(); rows.push(cells); cells = [];
      } else {
        value += c; state = 'unquoted';
      }
    }
    if (state !== 'start' || value !== '' || cells.length > 0) { endCell(); rows.push(cells); }
    return rows;
  }

  // Rows of text: tab-separated (cells copied from Excel, .tsv), comma-separated (.csv) or one question a line.
  function textRows(text, name) {
    text = text.replace(/^\uFEFF/, '');
    if (/\.csv$/i.test(name || '')) return delimitedRows(text, ',');
    if (/\.tsv$/i.test(name || '') || text.indexOf('\t') >= 0) return delimitedRows(text, '\t');
    var lines = text.split(/\r\n|\r|\n/).map(function (line) { return [line]; });
    // Lines of text have no header but one of known names (Questionnaire.headerRow's isPlainText).
    lines.plain = true;
    return lines;
  }

  // The text of a file's bytes as SheetEncoding.decoding finds it, or null: a byte order mark (UTF-8, UTF-16); UTF-16
  // without one by its zero bytes (Excel's "Unicode text"), every ASCII character's other byte; else UTF-8 when the
  // bytes are valid UTF-8, else Shift_JIS (Excel's CSV on Japanese Windows). Text never holds NUL.
  function decodeText(bytes) {
    function decode(label, part) {
      try { var text = new TextDecoder(label, { fatal: true }).decode(part); return text.indexOf('\0') >= 0 ? null : text; } catch (e) { return null; }
    }
    if (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) return decode('utf-8', bytes);
    if (bytes[0] === 0xFF && bytes[1] === 0xFE) return decode('utf-16le', bytes);
    if (bytes[0] === 0xFE && bytes[1] === 0xFF) return decode('utf-16be', bytes);
    var even = 0;
    var odd = 0;
    for (var i = 0; i < bytes.length; i++) if (bytes[i] === 0) { if (i % 2 === 0) even += 1; else odd += 1; }
    if (even + odd > 0) {
      var pairs = Math.max(1, Math.floor(bytes.length / 2));
      if (odd >= Math.max(2, Math.floor(pairs / 64)) && even <= Math.floor(odd / 4)) return bytes.length % 2 === 0 ? decode('utf-16le', bytes) : null;
      if (even >= Math.max(2, Math.floor(pairs / 64)) && odd <= Math.floor(even / 4)) return bytes.length % 2 === 0 ? decode('utf-16be', bytes) : null;
      return null;
    }
    var utf8 = decode('utf-8', bytes);
    return utf8 !== null ? utf8 : decode('shift_jis', bytes);
  }

  function hasText(cell) { return /\p{L}/u.test(cell); }

  // A full stop ends a question only in a sentence: `No.` is a header. `か` and `ください` end Japanese questions too.
  function isQuestionLike(cell) {
    var text = cell.trim();
    return /(?:[?？。か]|ください|下さい)$/.test(text) || (/\.$/.test(text) && text.indexOf(' ') >= 0);
  }

  // Circled numbers and letters (`①`, `⑴`, `⒜`, `㋐`), which NFKC turns into plain digits (Questionnaire.startsCircled).
  function startsCircled(text) { return /^[\u2460-\u24B5\u24EA\u3251-\u325F\u32B1-\u32BF\u32D0-\u32FE]/.test(text); }
  function compatible(text) { return text.normalize('NFKC').toLowerCase(); }
  // An enumerator of sub-items: `(a)`, `（ｂ）`, `(iv)`, `(1)`, `a)`, `1)`, `a. `, `・`, `①` (Questionnaire.enumerates).
  function enumerates(cell) {
    var text = cell.trim();
    return startsCircled(text) || /^(\((?:[a-z]|[ivx]{1,4}|[0-9]{1,3}|[ア-ン])\)|(?:[a-z]|[0-9]{1,2})\)|[a-z]\.\s|[・•])/.test(compatible(text));
  }
  // A line's own number: `1.`, `1-1`, `Q3`, `問3`, `No.4`, `(2)`, `①` (Questionnaire.isNumberedLine).
  function isNumberedLine(cell) {
    var text = cell.trim();
    return startsCircled(text) || /^((?:q|問|no\.?|#)?\s*[0-9]+(?:[-.):、]|\s)|\([0-9]+\))/.test(compatible(text));
  }
  // A line of text that begins with a number or a bullet: `1)`, `Q3.`, `①`, `(a)`, `・`, `- ` (Questionnaire.isListedLine).
  function isListedLine(cell) { return isNumberedLine(cell) || enumerates(cell) || /^[-*+]\s/.test(cell.trim().normalize('NFKC')); }
  var askingWords = ['do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might',
    'must', 'have', 'has', 'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'describe', 'explain', 'list',
    'provide', 'state', 'specify', 'indicate', 'confirm', 'outline', 'detail', 'share', 'give', 'tell', 'attach'];
  // A line that asks in words, whatever its punctuation: `?`, or `か`, `ください`, `下さい`, `こと` at its end (a full stop
  // after them allowed), or a question or request word first (`Do`, `What`, `Describe`, `Please list`) (Questionnaire.asks).
  function asks(cell) {
    var text = compatible(cell.trim());
    if (/\?$/.test(text)) return true;
    text = text.replace(/[。.]+$/, '');
    if (/(?:か|ください|下さい|こと)$/.test(text)) return true;
    var words = text.split(/[^\p{L}]+/u).filter(Boolean).slice(0, 2);
    if (words.length === 0) return false;
    return askingWords.indexOf(words[0] === 'please' && words.length > 1 ? words[1] : words[0]) >= 0;
  }
  // A line that ends its sentence, so that the next line does not carry it on (Questionnaire.endsSentence).
  function endsSentence(cell) {
    var text = Array.from(cell.trim().normalize('NFKC'));
    return text.length === 0 || '?。.!'.indexOf(text[text.length - 1]) >= 0;
  }
  // A label set apart by brackets or a mark: `【可用性 / Availability】`, `[Security]`, `■ 運用` (Questionnaire.isLabel).
  function isLabel(cell) {
    var text = Array.from(cell.trim().normalize('NFKC'));
    if (text.length < 2) return false;
    var pairs = { '【': '】', '[': ']', '〔': '〕', '〈': '〉', '《': '》', '<': '>', '(': ')' };
    if (Object.prototype.hasOwnProperty.call(pairs, text[0])) return text[text.length - 1] === pairs[text[0]];
    return '■□◆◇●○▼▽▶►#'.indexOf(text[0]) >= 0;
  }

  // What a header cell names, as QuestionnaireColumn.swift recognises it: NFKC, lower case, no spaces, no final
  // `.`/`:`, a note in brackets left out (`回答（はい／いいえ）` is an answer column).
  var columnNames = {
    number: ['No.', 'No', '#', '番号', '項番', '通番', '管理番号', '質問番号', 'Number', 'ID', 'Q#', 'Q No.', 'Ref', 'Ref No.',
      'Control ID', 'Question ID', 'Control No.', 'Question No.'],
    question: ['質問', '質問事項', '質問内容', 'ご質問', '確認事項', '確認内容', '確認項目', '設問', '項目', 'チェック項目', '要求事項',
      'Question', 'Questions', 'Question text', 'Requirement', 'Control', 'Item'],
    answer: ['回答', 'ご回答', '回答欄', '回答内容', '貴社回答', 'Answer', 'Answers', 'Response', 'Vendor response', 'Your answer'],
    other: ['区分', '分類', 'カテゴリ', 'カテゴリー', '大項目', '中項目', '小項目', '種別', '備考', 'コメント', '補足', '根拠', '評価',
      '対応状況', 'Category', 'Section', 'Area', 'Domain', 'Remarks', 'Comment', 'Comments', 'Notes', 'Evidence', 'Status']
  };

  function normalizedName(header) {
    function plain(text) { return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/[.:]+$/, ''); }
    var text = plain(header);
    var open = text.search(/[(\[【]/);
    return open > 0 ? plain(text.slice(0, open)) : text;
  }

  // The columns `checksheet answer` adds, in order, each plain or qualified (QuestionnaireAnswers.swift); the fourth,
  // the answer, only when the customer keeps no answer column.
  var addedColumns = [
    [['ステータス', '回答ステータス'], ['No.', '項目No.'], ['サービスレベル項目', 'チェックシートの項目'], ['回答', 'チェックシートの回答'],
      ['版', 'チェックシートの版'], ['URL', '項目のURL'], ['確度', '一致の確度']],
    [['Status', 'Answer status'], ['No.', 'Item No.'], ['Item', 'Checksheet item'], ['Answer', 'Checksheet answer'],
      ['Revision', 'Checksheet revision'], ['URL', 'Item URL'], ['Confidence', 'Match confidence']]
  ];

  var kindByName = {};
  Object.keys(columnNames).forEach(function (kind) { columnNames[kind].forEach(function (name) { kindByName[normalizedName(name)] = kind; }); });
  // They name a header too (`Item No.` reads like a sentence), so that an answered file read again finds its header;
  // a name listed above keeps its kind.
  addedColumns.forEach(function (names) {
    names.forEach(function (pair) { pair.forEach(function (name) { if (!kindByName[normalizedName(name)]) kindByName[normalizedName(name)] = 'other'; }); });
  });

  // The columns an earlier answer added at the end of a header row, as [first, end), or null: its `Item` column holds
  // item names, not questions, and its `No.` is not the table's.
  function answeredColumns(header) {
    var last = -1;
    header.forEach(function (c, k) { if (c.trim() !== '') last = k; });
    for (var l = 0; l < addedColumns.length; l++) {
      var sets = [addedColumns[l], addedColumns[l].filter(function (_, k) { return k !== 3; })];
      for (var s = 0; s < sets.length; s++) {
        var start = last + 1 - sets[s].length;
        if (start < 0) continue;
        var matches = sets[s].every(function (pair, k) {
          var cell = normalizedName(header[start + k]);
          return cell === normalizedName(pair[0]) || cell === normalizedName(pair[1]);
        });
        if (matches) return [start, last + 1];
      }
    }
    return null;
  }

  // Words that tell what a column holds in a header not listed (QuestionnaireColumn.words): English whole words,
  // Japanese anywhere in the header.
  var columnWords = {
    number: ['no', 'id', 'number', 'ref', '#', '番号', '項番'],
    question: ['question', 'questions', 'requirement', 'requirements', 'control', 'controls',
      '質問', '設問', '確認事項', '確認項目', '確認内容', '要求事項', 'チェック項目'],
    answer: ['answer', 'answers', 'response', 'responses', 'reply', '回答'],
    other: ['domain', 'category', 'section', 'area', 'owner', 'ownership', 'status', 'type', 'remarks', 'comment', 'comments',
      'note', 'notes', 'evidence', 'guidance', '分類', '区分', 'カテゴリ', '備考', '種別', '状況', '根拠', '補足', '評価']
  };

  // The kind a header not listed names by its words, as QuestionnaireColumn.loosely reads it: the last word decides; a
  // header of more than four words or forty characters, one that asks, or one that lists short choices names none.
  function looseKind(header) {
    var text = compatible(header).trim();
    var open = text.search(/[(\[【]/);
    if (open > 0) text = text.slice(0, open).trim();
    var latin = [];
    var pattern = /[a-z0-9#]+/g;
    var match;
    while ((match = pattern.exec(text)) !== null) latin.push({ word: match[0], position: match.index });
    if (text === '' || Array.from(text).length > 40 || latin.length > 4 || isQuestionLike(text)) return null;
    var parts = text.split(/[/／|・]/);
    if (parts.length > 1 && parts.every(function (p) { return Array.from(p.trim()).length <= 4; })) return null;
    var last = null;
    ['number', 'question', 'answer', 'other'].forEach(function (kind) {
      function found(position) { if (last === null || position >= last.position) last = { position: position, kind: kind }; }
      latin.forEach(function (w) { if (columnWords[kind].indexOf(w.word) >= 0) found(w.position); });
      columnWords[kind].forEach(function (word) {
        if (/^[\x00-\x7F]*$/.test(word)) return;
        for (var at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) found(at);
      });
    });
    return last ? last.kind : null;
  }

  function isListed(header) { return Object.prototype.hasOwnProperty.call(kindByName, normalizedName(header)); }
  function columnKind(header) { return kindByName[normalizedName(header)] || looseKind(header); }

  // Names of the column where a form wants the written answer beside a dropdown (QuestionnaireColumn+Remarks.swift).
  var remarksNames = ['補足', '補足説明', '補足事項', '備考', '備考欄', 'コメント', 'コメント欄', '説明', '詳細', '具体的な内容', '回答内容', '回答欄',
    '記入欄', '記述欄', '根拠', 'Comment', 'Comments', 'Notes', 'Note', 'Remarks', 'Remark', 'Explanation', 'Details', 'Justification',
    'Additional information', 'Vendor comments', 'Vendor comment', 'Response', 'Evidence'].map(normalizedName);
  function namesRemarks(header) { return remarksNames.indexOf(normalizedName(header)) >= 0; }
  // A header that is itself a list of short choices (`Yes/No/NA`, `はい／いいえ`, `○/×/－`) (QuestionnaireColumn.namesChoices).
  function namesChoices(header) {
    var text = header.normalize('NFKC').trim();
    var open = text.search(/[(\[【]/);
    if (open > 0) text = text.slice(0, open).trim();
    var parts = text.split(/[/|・]/).map(function (p) { return p.trim(); });
    return parts.length > 1 && parts.every(function (p) { return p !== '' && Array.from(p).length <= 4; });
  }

  // The row under the header when it names the columns of the header's groups (`事業者記入欄` merged over `回答 | 補足`),
  // or -1, as Questionnaire.namesRow finds it: its filled cells are all column names, each under a cell of the header
  // merged across columns or, in a text file, under a name followed by blank cells.
  function namesRow(rows, header, merges) {
    var below = header + 1;
    if (header < 0 || below >= rows.length) return -1;
    var filled = [];
    rows[below].forEach(function (c, k) { if (c.trim() !== '') filled.push(k); });
    if (filled.length === 0 || !filled.every(function (k) {
      return columnKind(rows[below][k]) !== null || namesRemarks(rows[below][k]) || namesChoices(rows[below][k]);
    })) return -1;
    var groups = merges.filter(function (m) { return m.top === header && m.right > m.left; }).map(function (m) { return [m.left, m.right]; });
    if (merges.length === 0) {
      var cells = rows[header];
      for (var start = 0; start < cells.length; start++) {
        if (cells[start].trim() === '') continue;
        var end = start;
        while (end + 1 < cells.length && cells[end + 1].trim() === '') end += 1;
        if (end > start) groups.push([start, end]);
      }
    }
    return filled.every(function (k) { return groups.some(function (g) { return k >= g[0] && k <= g[1]; }); }) ? below : -1;
  }

  function filledCells(row) { return row.filter(function (c) { return c.trim() !== ''; }); }
  // A known name may carry a long note in brackets (`Answer (attach evidence where you can)`).
  function namesOnly(row) {
    return row.every(function (c) { return columnKind(c) !== null || (Array.from(c.trim()).length <= 40 && !isQuestionLike(c)); });
  }
  // A title is one cell, however long; a row that asks, or holds long texts side by side, is a question.
  function isTitle(row) { return filledCells(row).length <= 1 && !row.some(isQuestionLike); }

  // Rows searched for the header (Questionnaire.headerSearchDepth): a title block and instructions, never pages.
  var headerSearchDepth = 60;

  // The header row (or -1) and the first row that may hold a question, as Questionnaire.headerRow finds them: a row of
  // known column names above any question; else a first row of short names that ask nothing (in one column only when
  // questions follow it), or such a row with only titles and blank rows above it.
  function headerRow(rows, width, column, plain) {
    var top = rows.slice(0, headerSearchDepth);
    var asking = top.findIndex(function (r) { return !isTitle(r) && !namesOnly(r); });
    if (asking < 0) asking = top.length;
    // A title of one cell holding a column's word (`セキュリティ確認事項`) names no column; a listed name alone does.
    function isNamed(r) {
      var filled = filledCells(r);
      return namesOnly(r) && filled.some(function (c) { return isListed(c) || (filled.length > 1 && columnKind(c) !== null); });
    }
    for (var n = 0; n < asking; n++) {
      if (n + 1 < rows.length && isNamed(top[n])) return { header: n, first: n + 1 };
    }
    // An instruction above the table (`※回答欄に記載してください。`) is one cell that reads like a question: above a row
    // of column names side by side it is a title, and only cells side by side that ask end the search.
    var asksSideBySide = top.findIndex(function (r) { return filledCells(r).length > 1 && !namesOnly(r); });
    if (asksSideBySide < 0) asksSideBySide = top.length;
    for (var m = 0; m < asksSideBySide; m++) {
      if (m + 1 < rows.length && filledCells(top[m]).length > 1 && isNamed(top[m])) return { header: m, first: m + 1 };
    }
    if (plain || rows.length < 2) return { header: -1, first: 0 };
    if (width > 1) {
      var titles = 0;
      while (titles < top.length && isTitle(top[titles])) titles += 1;
      if (titles > 0 && titles + 1 < rows.length && filledCells(rows[titles]).length > 1 && namesOnly(rows[titles])) return { header: titles, first: titles + 1 };
    }
    var header = column !== undefined
      ? width > 1 && !isQuestionLike(rows[0][column]) && Array.from(rows[0][column].trim()).length <= 40
      : namesOnly(rows[0]) && (width > 1 || rows.slice(1).some(function (r) { return isQuestionLike(r[0]); }));
    return header ? { header: 0, first: 1 } : { header: -1, first: 0 };
  }

  // The questions, as Questionnaire.read and Questionnaire.questions choose them: below the header, in the question
  // column (the given one, else one the header names as such, else the one whose cells read most like questions),
  // section headings left out, sub-questions kept. `rows.merges` (from xlsxRows) are the workbook's merged cells;
  // `rows.plain` (from textRows) says the rows are lines of text.
  function questions(rows, column) {
    var merges = rows.merges || [];
    var plain = rows.plain === true;
    while (rows.length > 0 && rows[rows.length - 1].every(function (c) { return c.trim() === ''; })) rows.pop();
    var width = rows.reduce(function (w, r) { return Math.max(w, r.length); }, 1);
    merges.forEach(function (m) { if (m.top < rows.length) width = Math.max(width, m.right + 1); });
    rows = rows.map(function (r) { while (r.length < width) r = r.concat(['']); return r; });
    if (rows.length === 0) return [];
    var layout;
    var chosen;
    if (column) {
      chosen = Math.min(column, width) - 1;
      layout = headerRow(rows, width, chosen, plain);
    } else {
      layout = headerRow(rows, width, undefined, plain);
      var body = rows.slice(layout.first);
      var answered = layout.header < 0 ? null : answeredColumns(rows[layout.header]);
      var candidates = [];
      for (var n = 0; n < width; n++) {
        if (answered && n >= answered[0] && n < answered[1]) continue;
        if (body.some(function (r) { return hasText(r[n]); })) candidates.push(n);
      }
      function averageLength(k) {
        var cells = body.map(function (r) { return r[k].trim(); }).filter(Boolean);
        return cells.reduce(function (s, c) { return s + Array.from(c).length; }, 0) / Math.max(cells.length, 1);
      }
      // How much a column's cells read like questions: long texts, the more so the more of them ask.
      function askingScore(k) {
        var cells = body.map(function (r) { return r[k]; }).filter(function (c) { return c.trim() !== ''; });
        return averageLength(k) * (1 + cells.filter(isQuestionLike).length / Math.max(cells.length, 1));
      }
      // A header may name two question-like columns (`項目`, `質問`): the questions are the longer texts; the leftmost wins a tie.
      var named = layout.header < 0 ? [] : candidates.filter(function (k) { return columnKind(rows[layout.header][k]) === 'question'; });
      chosen = named.reduce(function (best, k) { return best === undefined || averageLength(k) > averageLength(best) ? k : best; }, undefined);
      if (chosen === undefined) chosen = candidates.reduce(function (best, k) { return best === undefined || askingScore(k) > askingScore(best) ? k : best; }, undefined);
      if (chosen === undefined) chosen = 0;
    }
    var names = namesRow(rows, layout.header, merges);
    if (names >= 0) layout.first = Math.max(layout.first, names + 1);
    var indices = [];
    rows.forEach(function (r, i) { if (i >= layout.first && r[chosen].trim()) indices.push(i); });
    var own = layout.header < 0 ? null : answeredColumns(rows[layout.header]);
    var numberColumn = layout.header < 0 ? -1 : rows[layout.header].findIndex(function (c, k) {
      return !(own && k >= own[0] && k < own[1]) && columnKind(c) === 'number';
    });
    // A heading has no number only in a table whose questions are numbered.
    var numbered = numberColumn >= 0 && indices.filter(function (i) { return rows[i][numberColumn].trim() !== ''; }).length * 2 >= indices.length;
    function isSectionHeading(i) {
      var cells = rows[i];
      if (!cells.every(function (c, k) { return k === chosen || c.trim() === ''; })) return false;
      var merged = layout.header >= 0 && merges.some(function (m) {
        if (i < m.top || i > m.bottom || chosen < m.left || chosen > m.right) return false;
        for (var k = m.left; k <= m.right; k++) if (k !== chosen && k < width && rows[layout.header][k].trim() !== '') return true;
        return false;
      });
      return merged || (numbered && !isQuestionLike(cells[chosen]));
    }
    var asked = {};
    indices.forEach(function (i) { if (!isSectionHeading(i)) asked[i] = true; });
    // Lines of a one-column questionnaire that head rather than ask (Questionnaire.lineHeadings).
    if (width === 1) {
      var lines = indices.map(function (i) { return rows[i][chosen]; });
      var numberedLines = lines.filter(isNumberedLine).length * 2 >= lines.length;
      var askingLines = lines.filter(isQuestionLike).length * 2 > lines.length;
      // Numbered or bulleted questions (an e-mail's): a line with no number, no bullet and no question in words is a
      // greeting, a signature or a note, unless it carries on the question right above it.
      var listed = lines.filter(isListedLine).length;
      var listsQuestions = listed >= 2 && listed >= lines.filter(function (l) { return !isListedLine(l) && asks(l); }).length;
      var headings = {};
      indices.forEach(function (i, n) {
        if (listsQuestions && !isListedLine(lines[n]) && !asks(lines[n])) {
          // A question wrapped over two lines: its sentence is not over, and no blank line stands between.
          var continues = n > 0 && indices[n - 1] === i - 1 && !headings[i - 1] && !endsSentence(lines[n - 1]);
          if (!continues) { headings[i] = true; delete asked[i]; }
          return;
        }
        if (isQuestionLike(lines[n])) return;
        var title = n === 0 && i + 1 < rows.length && rows[i + 1][chosen].trim() === '';
        var short = Array.from(lines[n].trim()).length <= 30 && askingLines && n + 1 < indices.length && isQuestionLike(rows[indices[n + 1]][chosen]);
        if (isLabel(lines[n]) || title || (numberedLines && !isNumberedLine(lines[n])) || short) { headings[i] = true; delete asked[i]; }
      });
    }
    // Sub-questions: two or more enumerated rows in a row, blank rows aside, right under a question (Questionnaire.subQuestions).
    function adjacent(upper, lower) {
      for (var k = upper + 1; k < lower; k++) if (rows[k].some(function (c) { return c.trim() !== ''; })) return false;
      return true;
    }
    var sub = [];
    for (var n = 0; n < indices.length;) {
      if (!enumerates(rows[indices[n]][chosen])) { n += 1; continue; }
      var end = n + 1;
      while (end < indices.length && enumerates(rows[indices[end]][chosen]) && adjacent(indices[end - 1], indices[end])) end += 1;
      if (end - n >= 2 && n > 0 && asked[indices[n - 1]] && adjacent(indices[n - 1], indices[n])) sub = sub.concat(indices.slice(n, end));
      n = end;
    }
    sub.forEach(function (i) { asked[i] = true; });
    return indices.filter(function (i) { return asked[i]; }).map(function (i) { return { row: i + 1, text: rows[i][chosen].trim() }; });
  }

  // ---- XLSX: a ZIP of SpreadsheetML, unpacked with DecompressionStream and read with DOMParser ----

  function zipEntries(bytes) {
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var end = -1;
    for (var i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
    }
    if (end < 0) throw new Error('not a ZIP file');
    var count = view.getUint16(end + 10, true);
    var offset = view.getUint32(end + 16, true);
    var entries = {};
    for (var n = 0; n < count; n++) {
      if (view.getUint32(offset, true) !== 0x02014b50) throw new Error('bad ZIP directory');
      var method = view.getUint16(offset + 10, true);
      var size = view.getUint32(offset + 20, true);
      var nameLength = view.getUint16(offset + 28, true);
      var extra = view.getUint16(offset + 30, true);
      var comment = view.getUint16(offset + 32, true);
      var local = view.getUint32(offset + 42, true);
      var name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
      var start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      entries[name] = { method: method, data: bytes.subarray(start, start + size) };
      offset += 46 + nameLength + extra + comment;
    }
    return entries;
  }

  function zipText(entries, name) {
    var entry = entries[name];
    if (!entry) return Promise.resolve(null);
    if (entry.method === 0) return Promise.resolve(new TextDecoder().decode(entry.data));
    var stream = new Blob([entry.data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text();
  }

  function xml(text) { return new DOMParser().parseFromString(text, 'application/xml'); }

  function columnIndex(reference) {
    var letters = reference.replace(/[0-9]/g, '');
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
    return n - 1;
  }

  // `B4` → { row: 3, column: 1 }, 0-based.
  function cellPlace(reference) {
    var match = /^([A-Z]+)([0-9]+)$/.exec(reference || '');
    return match ? { row: parseInt(match[2], 10) - 1, column: columnIndex(match[1]) } : null;
  }

  // Text of an element's own runs, phonetic guides (rPh) left out.
  function runText(element) {
    var text = '';
    Array.prototype.forEach.call(element.getElementsByTagName('t'), function (t) {
      if (!t.parentNode || t.parentNode.localName !== 'rPh') text += t.textContent;
    });
    return text;
  }

  // The cells of a worksheet's XML, rows in order, with its merged cells as `merges`.
  function sheetRows(text, shared) {
    var rows = [];
    var nextRow = 1;
    var sheetXML = xml(text);
    Array.prototype.forEach.call(sheetXML.getElementsByTagName('row'), function (row) {
      var r = parseInt(row.getAttribute('r'), 10) || nextRow;
      nextRow = r + 1;
      var cells = [];
      var nextColumn = 0;
      Array.prototype.forEach.call(row.getElementsByTagName('c'), function (c) {
        var column = c.getAttribute('r') ? columnIndex(c.getAttribute('r')) : nextColumn;
        nextColumn = column + 1;
        var type = c.getAttribute('t');
        var v = c.getElementsByTagName('v')[0];
        var value = type === 's' ? (shared[parseInt(v ? v.textContent : '', 10)] || '') : type === 'inlineStr' ? runText(c) : (v ? v.textContent : '');
        while (cells.length < column) cells.push('');
        cells[column] = value;
      });
      while (rows.length < r - 1) rows.push([]);
      rows[r - 1] = cells;
    });
    var result = rows.map(function (r) { return Array.from(r, function (c) { return c === undefined ? '' : c; }); });
    // Merged cells tell a heading across the table from a question (see questions()).
    result.merges = [];
    Array.prototype.forEach.call(sheetXML.getElementsByTagName('mergeCell'), function (m) {
      var ends = (m.getAttribute('ref') || '').split(':');
      var first = cellPlace(ends[0]);
      var last = cellPlace(ends[ends.length - 1]);
      if (first && last) result.merges.push({ top: first.row, left: first.column, bottom: last.row, right: last.column });
    });
    return result;
  }

  // The filled cells under the first cell near the top that names a question column, or -1 when none names one
  // (Questionnaire.questionCount).
  function questionCount(rows) {
    function names(c, r) { return columnKind(c) === 'question' && (isListed(c) || filledCells(r).length > 1); }
    var header = rows.slice(0, headerSearchDepth).findIndex(function (r) { return r.some(function (c) { return names(c, r); }); });
    if (header < 0) return -1;
    var column = rows[header].findIndex(function (c) { return names(c, rows[header]); });
    return rows.slice(header + 1).filter(function (r) { return column < r.length && String(r[column]).trim() !== ''; }).length;
  }

  // The sheet the questions are on, as Questionnaire.questionSheet finds it: of the sheets whose top rows name a
  // question column (a cover, instructions or a change log is passed over), the one with the most filled cells under
  // that name, the first in tab order on a tie; else the first.
  function xlsxRows(buffer) {
    var entries = zipEntries(new Uint8Array(buffer));
    return Promise.all([zipText(entries, 'xl/workbook.xml'), zipText(entries, 'xl/_rels/workbook.xml.rels'), zipText(entries, 'xl/sharedStrings.xml')])
      .then(function (parts) {
        if (!parts[0]) throw new Error('no workbook');
        var targets = {};
        if (parts[1]) {
          Array.prototype.forEach.call(xml(parts[1]).getElementsByTagName('Relationship'), function (r) {
            var t = r.getAttribute('Target') || '';
            targets[r.getAttribute('Id')] = t[0] === '/' ? t.slice(1) : 'xl/' + t;
          });
        }
        var paths = [];
        Array.prototype.forEach.call(xml(parts[0]).getElementsByTagName('sheet'), function (sheet) {
          var id = sheet.getAttribute('r:id') || sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
          if (id && Object.prototype.hasOwnProperty.call(targets, id)) paths.push(targets[id]);
        });
        if (paths.length === 0) paths = ['xl/worksheets/sheet1.xml'];
        var shared = parts[2] ? Array.prototype.map.call(xml(parts[2]).getElementsByTagName('si'), runText) : [];
        var first = null;
        var best = null;
        var most = -1;
        function from(index) {
          if (index >= paths.length) { if (best || first) return best || first; throw new Error('no sheet'); }
          return zipText(entries, paths[index]).then(function (text) {
            if (!text) {
              if (first === null) throw new Error('no sheet');
              return from(index + 1);
            }
            var rows = sheetRows(text, shared);
            var count = questionCount(rows);
            if (count > most) { best = rows; most = count; }
            if (first === null) first = rows;
            return from(index + 1);
          });
        }
        return from(0);
      });
  }

  // ---- Files that are no questionnaire: what they are and what to do, as Questionnaire.OtherFormat says it ----

  var otherFormats = {
    encrypted: {
      en: ['the workbook is encrypted (password-protected)',
        'open it in Excel with its password, save an unprotected copy (File > Info > Protect Workbook > Encrypt with Password, cleared) and answer that copy'],
      ja: ['このブックは暗号化（パスワードで保護）されています。', 'Excelでパスワードを入れて開き、保護を解除したコピー（ファイル > 情報 > ブックの保護 > パスワードを使用して暗号化 を空に）を保存して、そのコピーを開いてください。']
    },
    legacyExcel: {
      en: ['the file is an Excel 97-2003 workbook (.xls), which is not read',
        'open it in Excel and save it as an Excel Workbook (.xlsx) or CSV UTF-8 (.csv), then answer that file'],
      ja: ['Excel 97-2003 ブック（.xls）は読み込めません。', 'Excelで開いて Excel ブック（.xlsx）か CSV UTF-8（.csv）で保存し、そのファイルを開いてください。']
    },
    legacyWord: {
      en: ['the file is a Word 97-2003 document, not a workbook', "copy the questionnaire's table into Excel and save it as .xlsx or CSV UTF-8 (.csv)"],
      ja: ['このファイルは Word 97-2003 文書で、ブックではありません。', '質問の表をExcelに貼り付け、.xlsx か CSV UTF-8（.csv）で保存してください。']
    },
    word: {
      en: ['the file is a Word document (.docx), not an Excel workbook, whatever its name says',
        "copy the questionnaire's table into Excel and save it as .xlsx or CSV UTF-8 (.csv)"],
      ja: ['このファイルは名前に関わらず Word 文書（.docx）で、Excelのブックではありません。', '質問の表をExcelに貼り付け、.xlsx か CSV UTF-8（.csv）で保存してください。']
    },
    numbers: {
      en: ['the file is an Apple Numbers document, which is not read', 'export it from Numbers (File > Export To > Excel… or CSV…) and answer the exported file'],
      ja: ['Apple Numbers の書類は読み込めません。', 'Numbersで書き出し（ファイル > 書き出す > Excel… か CSV…）、書き出したファイルを開いてください。']
    },
    openDocument: {
      en: ['the file is an OpenDocument spreadsheet (.ods), which is not read', 'save it as Excel 2007-365 (.xlsx) or CSV (UTF-8) and answer that file'],
      ja: ['OpenDocument スプレッドシート（.ods）は読み込めません。', 'Excel 2007-365（.xlsx）か CSV（UTF-8）で保存し、そのファイルを開いてください。']
    },
    damaged: {
      en: ['the workbook is damaged: its ZIP package cannot be read', 'open it in Excel (which offers to repair it) and save it again as .xlsx, or ask for a fresh copy'],
      ja: ['このブックは壊れています（ZIPパッケージを読めません）。', 'Excelで開いて修復し .xlsx で保存し直すか、新しいコピーを受け取ってください。']
    }
  };

  function containsStream(bytes, name) {
    var pattern = [];
    for (var i = 0; i < name.length; i++) pattern.push(name.charCodeAt(i) & 0xFF, name.charCodeAt(i) >> 8);
    outer: for (var at = 0; at + pattern.length <= bytes.length; at++) {
      for (var k = 0; k < pattern.length; k++) if (bytes[at + k] !== pattern[k]) continue outer;
      return true;
    }
    return false;
  }

  function startsWith(bytes, prefix) { return prefix.every(function (b, k) { return bytes[k] === b; }); }

  // The kind of a file that cannot be read as a questionnaire, or null (Questionnaire.otherFormat): Office 97-2003 and
  // encrypted Office files are OLE compound files told apart by their streams; a ZIP by its parts; an `.xls` that is
  // no text is Excel's.
  function otherFormat(bytes, name) {
    if (startsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) {
      if (containsStream(bytes, 'EncryptedPackage')) return 'encrypted';
      if (containsStream(bytes, 'WordDocument')) return 'legacyWord';
      return 'legacyExcel';
    }
    if (startsWith(bytes, [0x50, 0x4B, 0x03, 0x04])) {
      var entries;
      try { entries = zipEntries(bytes); } catch (e) { return 'damaged'; }
      var paths = Object.keys(entries);
      if (entries['xl/workbook.xml']) return null;
      if (entries['word/document.xml']) return 'word';
      if (paths.some(function (p) { return p.indexOf('Index/') === 0; })) return 'numbers';
      if (entries['content.xml']) return 'openDocument';
      return null;
    }
    if (/\.xls$/i.test(name || '') && (decodeText(bytes) === null || bytes[0] === 0x3C)) return 'legacyExcel';
    return null;
  }

  // The problem with such a file and what to do, in the page's language: [message, hint], in English the CLI's words.
  function otherFormatProblem(kind, lang) { return otherFormats[kind][lang === 'ja' ? 'ja' : 'en']; }

  // The two as the page's status says them: sentences in English, as written in Japanese.
  function otherFormatText(kind, lang) {
    var problem = otherFormatProblem(kind, lang);
    if (lang === 'ja') return problem[0] + problem[1];
    function sentence(text) { return text.charAt(0).toUpperCase() + text.slice(1) + '.'; }
    return sentence(problem[0]) + ' ' + sentence(problem[1]);
  }

  // What the status column says of an answer to review (QuestionnaireAnswers.statusText): the item to check.
  function statusText(status, no, lang) {
    if (status !== 'review') return status;
    return (lang === 'ja' ? '要確認: 候補の項目 No. ' : 'Review: candidate item No. ') + no;
  }

  // ---- CSV out: UTF-8 with a byte order mark and CRLF, as Japanese Excel opens it ----

  // A cell that begins with = + - @, a tab or a carriage return starts with ' (CSV.startsLikeAFormula): Excel would
  // read it as a formula.
  function csvField(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    text = text.replace(/\r\n|\r|\n/g, '\r\n');
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csv(records) {
    return '\uFEFF' + records.map(function (r) { return r.map(csvField).join(','); }).join('\r\n') + '\r\n';
  }

  var api = { decodeText: decodeText, delimitedRows: delimitedRows, textRows: textRows, questions: questions, columnKind: columnKind, xlsxRows: xlsxRows, csv: csv,
    namesRow: namesRow, otherFormat: otherFormat, otherFormatProblem: otherFormatProblem, otherFormatText: otherFormatText, statusText: statusText };
  root.checksheetQuestionnaire = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;

  // ---- The page ----

  if (typeof document === 'undefined') return;

  function setUp(form) {
    var lang = form.getAttribute('data-lang');
    var table = document.getElementById('questionnaire-rows');
    var body = table.querySelector('tbody');
    var status = document.getElementById('questionnaire-status');
    var copyButton = document.getElementById('questionnaire-copy');
    var downloadButton = document.getElementById('questionnaire-download');
    var fileInput = document.getElementById('questionnaire-file');
    var labels = { answered: form.getAttribute('data-answered'), review: form.getAttribute('data-review'), none: form.getAttribute('data-none') };
    var answered = [];
    var engine = null;

    function loadEngine() {
      if (!engine) engine = root.checksheetSearch.loadEngine(form);
      return engine;
    }

    // What a row says now: the chosen candidate (or none) and the status, as the reader set them.
    function current(entry) {
      var match = entry.choice >= 0 ? entry.result.matches[entry.choice] : null;
      return { match: match, status: entry.status, filled: match && entry.status !== 'none' };
    }

    function renderAnswer(entry) {
      var now = current(entry);
      entry.answerCell.textContent = '';
      if (now.filled) {
        var link = document.createElement('a');
        link.href = form.getAttribute('data-items') + now.match.slug + '/index.html';
        link.textContent = now.match.no + '. ' + now.match.title;
        entry.answerCell.appendChild(link);
        var answer = document.createElement('p');
        answer.className = 'questionnaire-answer';
        answer.textContent = now.match.document[3];
        entry.answerCell.appendChild(answer);
      } else {
        var none = document.createElement('p');
        none.className = 'questionnaire-answer';
        none.textContent = form.getAttribute('data-no-answer');
        entry.answerCell.appendChild(none);
      }
      entry.confidenceCell.textContent = now.match ? Math.round(now.match.coverage * 100) + '%' : '';
      entry.row.setAttribute('data-status', entry.status);
    }

    function select(id, label, options, value) {
      var wrapper = document.createElement('div');
      var labelElement = document.createElement('label');
      labelElement.className = 'visually-hidden';
      labelElement.htmlFor = id;
      labelElement.textContent = label;
      var element = document.createElement('select');
      element.id = id;
      options.forEach(function (o) {
        var option = document.createElement('option');
        option.value = o[0];
        option.textContent = o[1];
        element.appendChild(option);
      });
      element.value = value;
      wrapper.appendChild(labelElement);
      wrapper.appendChild(element);
      return { wrapper: wrapper, element: element };
    }

    function show(list) {
      body.textContent = '';
      answered = [];
      var counts = { answered: 0, review: 0, none: 0 };
      list.forEach(function (question, n) {
        var result = question.result;
        counts[result.status] += 1;
        var entry = { question: question, result: result, status: result.status, choice: result.matches.length > 0 ? 0 : -1 };
        var tr = document.createElement('tr');
        var number = document.createElement('td');
        number.textContent = String(question.row);
        var text = document.createElement('th');
        text.scope = 'row';
        text.textContent = question.text;
        var statusCell = document.createElement('td');
        var statusSelect = select('questionnaire-status-' + n, form.getAttribute('data-h-status') + ' ' + question.row,
          [['answered', labels.answered], ['review', labels.review], ['none', labels.none]], entry.status);
        statusSelect.element.addEventListener('change', function () { entry.status = statusSelect.element.value; renderAnswer(entry); });
        statusCell.appendChild(statusSelect.wrapper);
        var itemCell = document.createElement('td');
        var choices = result.matches.map(function (m, k) { return [String(k), m.no + '. ' + m.title]; });
        var itemSelect = select('questionnaire-item-' + n, form.getAttribute('data-h-item') + ' ' + question.row, choices, '0');
        itemSelect.element.className = 'questionnaire-choice';
        itemSelect.element.addEventListener('change', function () {
          entry.choice = parseInt(itemSelect.element.value, 10);
          // Choosing an item is a person's decision: a row marked "not covered" now has an answer to review.
          if (entry.status === 'none') { entry.status = 'review'; statusSelect.element.value = 'review'; }
          renderAnswer(entry);
        });
        if (choices.length > 0) itemCell.appendChild(itemSelect.wrapper);
        var answerCell = document.createElement('div');
        itemCell.appendChild(answerCell);
        var confidenceCell = document.createElement('td');
        [number, text, statusCell, itemCell, confidenceCell].forEach(function (c) { tr.appendChild(c); });
        body.appendChild(tr);
        entry.row = tr;
        entry.answerCell = answerCell;
        entry.confidenceCell = confidenceCell;
        renderAnswer(entry);
        answered.push(entry);
      });
      table.hidden = list.length === 0;
      copyButton.disabled = downloadButton.disabled = list.length === 0;
      status.textContent = form.getAttribute('data-count').replace('{n}', String(list.length))
        .replace('{answered}', String(counts.answered)).replace('{review}', String(counts.review)).replace('{none}', String(counts.none));
    }

    function records() {
      var header = [form.getAttribute('data-h-question'), form.getAttribute('data-h-status'), 'No.', form.getAttribute('data-h-item'),
        lang === 'ja' ? '回答' : 'Answer', lang === 'ja' ? '版' : 'Revision', 'URL'];
      return [header].concat(answered.map(function (entry) {
        var now = current(entry);
        if (!now.filled) return [entry.question.text, entry.status, '', '', '', '', ''];
        return [entry.question.text, statusText(entry.status, now.match.no, lang), String(now.match.no), now.match.title, now.match.document[3],
          form.getAttribute('data-revision'), form.getAttribute('data-items-url') + now.match.slug + '/'];
      }));
    }

    function answer(rows) {
      var column = parseInt(document.getElementById('questionnaire-column').value, 10) || 0;
      var list = questions(rows, column);
      loadEngine().then(function (e) {
        list.forEach(function (q) { q.result = e.answer(q.text); });
        show(list);
      }, function () { status.textContent = form.getAttribute('data-failed'); });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      answer(textRows(document.getElementById('questionnaire-text').value, ''));
    });

    fileInput.addEventListener('change', function () {
      var file = fileInput.files[0];
      if (!file) return;
      var problem = null;
      var reading = file.arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        var kind = otherFormat(bytes, file.name);
        if (kind) { problem = otherFormatText(kind, lang); throw new Error(kind); }
        if (startsWith(bytes, [0x50, 0x4B, 0x03, 0x04]) || /\.xlsx$/i.test(file.name)) return xlsxRows(buffer);
        var text = decodeText(bytes);
        if (text === null) throw new Error('binary');
        return textRows(text, file.name);
      });
      // A file of another kind says what it is and what to do, as the CLI does; anything else unreadable, which kinds are.
      reading.then(answer, function () { status.textContent = problem || form.getAttribute('data-file-error'); });
    });

    copyButton.addEventListener('click', function () {
      var text = records().map(function (r) { return r.map(function (c) { return c.replace(/[\t\r\n]+/g, ' '); }).join('\t'); }).join('\n') + '\n';
      navigator.clipboard.writeText(text).then(function () { status.textContent = form.getAttribute('data-copied'); });
    });

    downloadButton.addEventListener('click', function () {
      var blob = new Blob([csv(records())], { type: 'text/csv;charset=utf-8' });
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'questionnaire-' + lang + '.csv';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('questionnaire');
    if (form) setUp(form);
  });
})(typeof window !== 'undefined' ? window : globalThis);
