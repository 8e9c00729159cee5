// node --test Tests/Search: customers' questionnaire layouts read by the browser's code (Site/assets/questionnaire.js)
// as `checksheet answer` reads them: a title and blank rows above the header, section headings inside the table, a
// header of known names with a note in brackets. The rows are checked here, and against the CLI (CHECKSHEET_BIN).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const questionnaire = require('../../Site/assets/questionnaire.js');

const binary = process.env.CHECKSHEET_BIN;
const repository = path.join(__dirname, '..', '..');

const layouts = [
  { name: 'titled.csv', rows: [5, 6, 8], text: 'Cloud vendor security questionnaire,,,\r\n,,,\r\nNo.,Question,Answer,Remarks\r\n1. Data protection,,,\r\n'
    + '1,How long are backups retained?,,\r\n2,Is customer data encrypted at rest?,,Return by 30 June\r\n,Access control,,\r\n'
    + '3,Do you support single sign-on (SSO)?,,\r\n' },
  { name: 'japanese.tsv', rows: [4, 5], text: 'セキュリティチェックシート\t\t\t\n\t\t\t\n項番\t確認事項\t回答（はい／いいえでお答えのうえ、該当する場合は根拠となる資料の名称と版をご記入ください）\t備考\n'
    + '1\t保存データは暗号化されていますか？\t\t\n2\tバックアップの保管期間を記載してください。\t\t\n' },
  { name: 'unknown-names.csv', rows: [4, 5], text: 'Vendor assessment 2025,,\r\n,,\r\nRef#,Description,Vendor reply\r\n'
    + '1,How long are backups retained?,\r\n2,Is data encrypted at rest?,\r\n' },
  { name: 'headerless.tsv', rows: [1, 2], text: 'Q1\tDo you back up data daily?\nQ2\tIs TLS used?\n' },
  { name: 'first-row.csv', rows: [2], text: 'Foo,Bar\n1,How long are backups retained?\n' },
  { name: 'unnumbered.csv', rows: [2, 3], text: 'Question,Answer\nBackup policy\nHow long are backups retained?,\n' },
  // An instruction sentence of one cell above the header is a title; the header's `質問` is no question.
  { name: 'instruction.tsv', rows: [7, 8], text: 'クラウドサービス利用に関するセキュリティチェックシート\t\t\t\t\n貴社名：\t\t記入日：\t\t\n'
    + '※各質問について選択欄で「はい／いいえ」を選び、回答欄に具体的な内容を記載してください。\t\t\t\t\n\t\t\t\t\n'
    + 'No.\t質問\t選択（はい／いいえ）\t回答欄\t備考\n1. 組織\t\t\t\t\n1-1\t情報セキュリティ基本方針を策定し、全従業員に周知していますか。\t\t\t\n'
    + '1-2\t情報セキュリティの責任者（CISO等）を任命していますか。\t\t\t\n' },
  // CAIQ: `Control ID` numbers the questions (`EKM-01`), so a domain heading without one is no question.
  { name: 'caiq.csv', rows: [6, 7, 9], text: 'Vendor Security Questionnaire (CAIQ-Lite based),,,\r\n'
    + '"Please answer Yes, No or NA for each control and explain in Notes.",,,\r\n,,,\r\nControl ID,Question,Yes/No/NA,Notes\r\n'
    + ',Application & Interface Security,,\r\nAIS-01,Do you build security into your software development lifecycle?,,\r\n'
    + 'AIS-02,Is all customer data sent over public networks encrypted with TLS 1.2 or higher?,,\r\n,Encryption & Key Management,,\r\n'
    + 'EKM-01,Do you have documented key management policies and procedures?,,\r\n' },
  // A header named on two rows: the group `事業者記入欄` over `回答 | 補足`, which name no question.
  { name: 'group-header.csv', rows: [3, 4], text: '項番,チェック項目,事業者記入欄,,本市確認欄\r\n,,回答,補足,\r\n'
    + '1-1,保存データは暗号化されているか。,,,\r\n1-2,バックアップデータの保存期間を記載すること。,,,\r\n' },
  // The group's columns named on the row under it may be choices (`はい/いいえ`): that row is no question either.
  { name: 'group-choices.csv', rows: [3], text: '項番,チェック項目,事業者記入欄,,本市確認欄\r\n,,はい/いいえ,補足,\r\n1-1,保存データは暗号化されているか。,,,\r\n' },
  // Quotes that do not end their cell are text, as Excel reads them; a quoted cell keeps its line breaks.
  { name: 'quotes.csv', rows: [2, 3, 4], text: 'No.,Question,Answer\r\n1,"TLS" is used for every connection?,\r\n'
    + '2,"Is data encrypted ""at rest""?\r\n(storage and backups)",\r\n3,"SSO" (SAML) supported?,\r\n' },
  // A question column under a name of the customer's own (`Assessment Question`), right of a long domain column.
  { name: 'assessment.csv', rows: [5, 6, 7], first: 'Is there a documented business continuity plan, and is it tested at least annually?', text: 'Third-Party Security Assessment (Lite) - v2.3,,,,\r\n'
    + '"Please answer Yes, No or N/A for each question and give details in the comments column.",,,,\r\n,,,,\r\n'
    + 'Ref,Domain,Assessment Question,Yes/No/N.A.,Vendor Comments\r\n'
    + 'BCR-01,Business Continuity Management,"Is there a documented business continuity plan, and is it tested at least annually?",,\r\n'
    + 'BCR-02,Business Continuity Management,State the recovery time objective (RTO) for the production service.,,\r\n'
    + 'DSP-01,Data Security & Privacy,How long are backups retained?,,\r\n' },
  // No column named for questions: the one whose cells ask, not the first long one.
  { name: 'unnamed.tsv', rows: [2, 3], first: '保存データは暗号化されていますか', text: '項番\t分野\t内容\n1\t事業継続・災害対策の管理体制\t保存データは暗号化されていますか\n'
    + '2\t事業継続・災害対策の管理体制\tバックアップの保管期間を教えてください\n' },
  // Enumerated sub-questions under a numbered question are asked; a heading without a number, and a lone enumerated one, are not.
  { name: 'sub-questions.tsv', rows: [3, 4, 5, 6, 7, 8, 10, 12, 13], text: 'No.\t大項目\t質問\t回答欄\n1\t可用性\t\t\n'
    + '1-1\t\tサービスの稼働率の目標値を記載してください。\t\n1-2\t\t計画停止の事前通知の方法を記載してください。\t\n1-3\t\t以下の暗号化を実施していますか。\t\n'
    + '\t\t(a) 保存データの暗号化\t\n\t\t(b) 通信経路の暗号化（TLSのバージョン）\t\n\t\t(c) バックアップ媒体の暗号化\t\n\t\tデータ管理\t\n'
    + '2-1\tバックアップ\t保存期間\t\n\t\t(1) アクセス管理\t\n2-2\t\t多要素認証に対応していますか？\t\n2-3\t\tSSOに対応していますか？\t\n' },
  // Pasted text: a title over a blank line, bracketed labels, lines without the questions' numbers are headings.
  { name: 'pasted.txt', rows: [4, 5, 7, 8], text: 'Security questions for your SaaS (reply by 31 May, please)\n\n【可用性 / Availability】\n'
    + '1. 稼働率のSLAは何％ですか？\n2. What are your RTO and RPO?\n【セキュリティ / Security】\n3. Is our data encrypted at rest and in transit?\n'
    + '4. サポート窓口の営業時間を教えてください。\n' },
  { name: 'headings.txt', rows: [2, 3, 5], text: 'Backups\nHow long are backups retained?\nDo you back up daily?\n■ Access\nDo you support single sign-on (SSO)?\n' },
  { name: 'sub-lines.txt', rows: [1, 2, 3, 4], text: '1. Which of these do you encrypt:\n(a) data at rest\n(b) backups\n2. Do you support SSO?\n' },
  // An e-mail pasted whole: where the questions are numbered or bulleted, greeting, signature, separator, name and
  // telephone lines are no questions; a line that carries on the question above it, or asks in words, still is one.
  { name: 'email.txt', rows: [6, 7, 8, 9, 12, 13, 14, 15, 16, 17], text: 'お世話になっております。株式会社サンプルの山田です。\n'
    + '弊社の情報システム部門より、以下の点について確認したいとの依頼がありましたので、\nお手数ですがご回答をお願いいたします。\n\n【可用性 / Availability】\n'
    + '1) 御社サービスの稼働率（SLA）を教えてください。\n2) How much advance notice is given before planned maintenance?\nQ3. 障害発生時の連絡体制を教えてください。\n'
    + 'Q4. What is your RPO?\n\n【セキュリティ / Security】\n・データセンターの所在地は国内ですか。\n・Do you encrypt backups?\n・多要素認証（MFA）には対応していますか。\n'
    + '・Is there a public status page?\n5) Can we get the access logs of our users?\n6) SOC2レポートは提供可能でしょうか？\n\n以上、よろしくお願いいたします。\n--\n'
    + '山田 太郎\n株式会社サンプル 情報システム部\nTEL: 03-1234-5678\n' },
  { name: 'wrapped.txt', rows: [3, 4, 5, 6, 7], text: 'Hi team,\n\n1. Please describe how customer data is\nencrypted at rest and in transit\n'
    + '2. Do you support SSO?\nAre backups encrypted?\n- Is there a status page?\n\nThanks,\nJohn Smith\n=SUM(1,2)\n' },
];

// Excel's exports in other encodings, read as the CLI reads them: "Unicode text" (UTF-16LE with and without its byte
// order mark) and CSV on Japanese Windows (Shift_JIS, ① included).
const unicodeText = 'Question\tResponse\r\nIs customer data encrypted at rest?\t\r\nHow long are backups retained?\t\r\n';
const encoded = [
  { name: 'unicode.txt', rows: [2, 3], bytes: Buffer.concat([Buffer.from([0xFF, 0xFE]), Buffer.from(unicodeText, 'utf16le')]) },
  { name: 'unicode-no-bom.txt', rows: [2, 3], bytes: Buffer.from(unicodeText, 'utf16le') },
  { name: 'excel.csv', rows: [2, 3], bytes: Buffer.from('4e6f2e2c8ebf96e22c89f1939a97930d0a312c95db91b68366815b835e82cd88c38d8689bb82b382ea82c482a282dc82b782a981482c0d0a'
    + '322c836f8362834e83418362837682cc95db8ac78afa8ad4874082f08b4c8dda82b582c482ad82be82b382a281422c0d0a', 'hex') },
];

test('text in UTF-16 or Shift_JIS is decoded as the CLI decodes it; binary is refused', () => {
  const texts = encoded.map((e) => questionnaire.decodeText(new Uint8Array(e.bytes)));
  assert.equal(texts[0].replace(/^\uFEFF/, ''), unicodeText);
  assert.equal(texts[1], unicodeText);
  assert.equal(texts[2], 'No.,質問,回答欄\r\n1,保存データは暗号化されていますか？,\r\n2,バックアップの保管期間①を記載してください。,\r\n');
  assert.equal(questionnaire.decodeText(new Uint8Array([0x41, 0x00, 0x42, 0x43, 0x44])), null);
  for (const e of encoded) {
    const rows = questionnaire.questions(questionnaire.textRows(questionnaire.decodeText(new Uint8Array(e.bytes)), e.name), 0);
    assert.deepEqual(rows.map((q) => q.row), e.rows, e.name);
  }
});

test('CSV cells that Excel would read as formulas start with an apostrophe, as the CLI writes them', () => {
  const cells = ['+81-3-1234-5678', '=HYPERLINK("http://x")', '=1+1', '-', '- none', '@SUM(1,2)', '\tx', '\rx', 'a-b', '１＋１', '－', ''];
  assert.equal(questionnaire.csv([cells]), '\uFEFF\'+81-3-1234-5678,"\'=HYPERLINK(""http://x"")",\'=1+1,\'-,\'- none,'
    + '"\'@SUM(1,2)",\'\tx,"\'\r\nx",a-b,１＋１,－,\r\n');
});

test('the header is the row of column names under a title; titles and headings are no questions', () => {
  for (const layout of layouts) {
    const found = questionnaire.questions(questionnaire.textRows(layout.text, layout.name), 0);
    assert.deepEqual(found.map((q) => q.row), layout.rows, layout.name);
    if (layout.first) assert.equal(found[0].text, layout.first, layout.name);
  }
  assert.equal(questionnaire.columnKind('回答（はい／いいえ）'), 'answer');
  assert.equal(questionnaire.columnKind(' Ｎｏ． '), 'number');
  assert.equal(questionnaire.columnKind('Cloud vendor security questionnaire'), null);
  // The columns `checksheet answer` adds, so that an answered file read again finds its header, as the CLI does.
  assert.equal(questionnaire.columnKind('Item No.'), 'other');
  assert.equal(questionnaire.columnKind('一致の確度'), 'other');
  assert.equal(questionnaire.columnKind('No.'), 'number');
  assert.equal(questionnaire.columnKind('Item'), 'question');
  // Headers not listed name their column by their last word, as QuestionnaireColumn.loosely reads them.
  const loose = { 'Assessment Question': 'question', 'ご質問事項': 'question', 'Vendor Response': 'answer', '質問への回答': 'answer',
    'Control Domain': 'other', 'Requirement Ref': 'number', '質問No.': 'number', 'Yes/No/N.A.': null, 'はい／いいえ': null,
    'Security questions for your SaaS': null, 'Do you answer every question?': null, 'Questionnaire': null };
  for (const [header, kind] of Object.entries(loose)) assert.equal(questionnaire.columnKind(header), kind, header);
});

test('a question column given by number finds the same header', () => {
  const rows = questionnaire.questions(questionnaire.textRows(layouts[0].text, 'titled.csv'), 2);
  assert.deepEqual(rows.map((q) => q.row), [5, 6, 8]);
  assert.equal(rows[0].text, 'How long are backups retained?');
});

test('quotes that do not end their cell are part of the text, as DelimitedText reads them', () => {
  assert.deepEqual(questionnaire.textRows('a,"b" c,"d ""e""\r\nf","g"\n"h"i', 'q.csv'), [['a', '"b" c', 'd "e"\nf', 'g'], ['"h"i']]);
});

test('a heading merged across the table is no question', () => {
  const rows = questionnaire.textRows('Question,Answer\nBackup policy,\nHow long are backups retained?,\n', 'q.csv');
  rows.merges = [{ top: 1, left: 0, bottom: 1, right: 1 }];
  assert.deepEqual(questionnaire.questions(rows, 0).map((q) => q.row), [3]);
});

test('the browser reads each layout as `checksheet answer` does', { skip: !binary && 'CHECKSHEET_BIN is not set' }, () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'questionnaire-layouts-'));
  for (const layout of layouts.concat(encoded)) {
    const file = path.join(folder, layout.name);
    const bytes = layout.bytes || Buffer.from(layout.text);
    fs.writeFileSync(file, bytes);
    const cli = JSON.parse(execFileSync(binary, ['answer', file, '--lang', 'en', '--format', 'json', '--content', path.join(repository, 'Content')], { encoding: 'utf8' }));
    const browser = questionnaire.questions(questionnaire.textRows(questionnaire.decodeText(new Uint8Array(bytes)), layout.name), 0);
    assert.deepEqual(browser.map((q) => [q.row, q.text]), cli.map((q) => [q.row, q.question]), layout.name);
  }
  fs.rmSync(folder, { recursive: true });
});

test('the row under a header that names a group\'s columns is found as the CLI finds it', () => {
  const rows = questionnaire.textRows(layouts.find((l) => l.name === 'group-header.csv').text, 'group-header.csv');
  assert.equal(questionnaire.namesRow(rows, 0, []), 1);
  // In a workbook the group is a cell merged across columns; a row of questions or a heading names nothing.
  const merged = [['項番', 'チェック項目', '事業者記入欄', '', '本市確認欄'], ['', '', '回答', '補足', '']];
  assert.equal(questionnaire.namesRow(merged, 0, [{ top: 0, left: 2, bottom: 0, right: 3 }]), 1);
  assert.equal(questionnaire.namesRow(merged, 0, [{ top: 0, left: 0, bottom: 1, right: 0 }]), -1);
  assert.equal(questionnaire.namesRow([['No.', 'Question', 'Answer', ''], ['1', 'Is data encrypted?', '', '']], 0, []), -1);
  assert.equal(questionnaire.namesRow([['No.', 'Question', 'Answer', ''], ['Backup', '', '', '']], 0, []), -1);
});

const otherFormats = path.join(repository, 'Tests', 'ChecksheetKitTests', 'Fixtures', 'questionnaires', 'other-formats');
const otherFiles = [['encrypted.xlsx', 'customer.xlsx', 'encrypted'], ['encrypted.xlsx', 'customer', 'encrypted'], ['legacy.xls', 'customer.xls', 'legacyExcel'],
  ['questionnaire.numbers', 'customer.numbers', 'numbers'], ['word-document.xlsx', 'customer.xlsx', 'word'], ['damaged.xlsx', 'customer.xlsx', 'damaged']];

test('files of other kinds are told apart by their bytes, as the CLI tells them', () => {
  for (const [fixture, name, kind] of otherFiles) {
    assert.equal(questionnaire.otherFormat(new Uint8Array(fs.readFileSync(path.join(otherFormats, fixture))), name), kind, fixture);
  }
  assert.equal(questionnaire.otherFormat(new Uint8Array(Buffer.from('No.\tQuestion\n1\tHow long are backups retained?\n')), 'export.xls'), null);
  assert.equal(questionnaire.otherFormat(new Uint8Array(Buffer.from('<html><table></table></html>')), 'export.xls'), 'legacyExcel');
  assert.equal(questionnaire.otherFormatText('encrypted', 'en'), 'The workbook is encrypted (password-protected). Open it in Excel with its password, '
    + 'save an unprotected copy (File > Info > Protect Workbook > Encrypt with Password, cleared) and answer that copy.');
  assert.equal(questionnaire.otherFormatText('numbers', 'ja'), 'Apple Numbers の書類は読み込めません。Numbersで書き出し（ファイル > 書き出す > Excel… か CSV…）、書き出したファイルを開いてください。');
});

test('the page says of each such file what the CLI says', { skip: !binary && 'CHECKSHEET_BIN is not set' }, () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'questionnaire-other-'));
  for (const [fixture, name, kind] of otherFiles) {
    const file = path.join(folder, name);
    fs.copyFileSync(path.join(otherFormats, fixture), file);
    let errors = '';
    try { execFileSync(binary, ['answer', file, '--content', path.join(repository, 'Content')], { encoding: 'utf8', stdio: 'pipe' }); } catch (e) { errors = e.stderr; }
    const [message, hint] = questionnaire.otherFormatProblem(kind, 'en');
    assert.equal(errors, `${file}: error: ${message}\n  hint: ${hint}\n1 error\n`, fixture);
    fs.rmSync(file);
  }
  fs.rmSync(folder, { recursive: true });
});

test('an answer to review names the item to check in the status column, as the CLI writes it', { skip: !binary && 'CHECKSHEET_BIN is not set' }, () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'questionnaire-review-'));
  for (const lang of ['ja', 'en']) {
    const lines = fs.readFileSync(path.join(__dirname, 'questions.tsv'), 'utf8').split('\n')
      .filter((line) => line && !line.startsWith('#') && line.split('\t')[0] === lang).map((line) => line.split('\t')[2]);
    const file = path.join(folder, `questions-${lang}.txt`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const run = (format) => execFileSync(binary, ['answer', file, '--lang', lang, '--format', format, '--content', path.join(repository, 'Content')], { encoding: 'utf8' });
    const json = JSON.parse(run('json'));
    const table = questionnaire.delimitedRows(run('csv').replace(/^\uFEFF/, ''), ',');
    const reviews = json.filter((q) => q.status === 'review');
    assert.ok(reviews.length > 0, lang);
    for (const q of json) {
      const status = table[q.row][1];
      assert.equal(status, questionnaire.statusText(q.status, q.matches.length > 0 ? q.matches[0].no : '', lang), q.question);
    }
    assert.equal(questionnaire.statusText('review', 30, lang), lang === 'ja' ? '要確認: 候補の項目 No. 30' : 'Review: candidate item No. 30');
  }
  fs.rmSync(folder, { recursive: true });
});
