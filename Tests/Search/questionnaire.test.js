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
];

test('CSV cells that Excel would read as formulas start with an apostrophe, as the CLI writes them', () => {
  const cells = ['+81-3-1234-5678', '=HYPERLINK("http://x")', '=1+1', '-', '- none', '@SUM(1,2)', '\tx', '\rx', 'a-b', '１＋１', '－', ''];
  assert.equal(questionnaire.csv([cells]), '\uFEFF\'+81-3-1234-5678,"\'=HYPERLINK(""http://x"")",\'=1+1,\'-,\'- none,'
    + '"\'@SUM(1,2)",\'\tx,"\'\r\nx",a-b,１＋１,－,\r\n');
});

test('the header is the row of column names under a title; titles and headings are no questions', () => {
  for (const layout of layouts) {
    const rows = questionnaire.questions(questionnaire.textRows(layout.text, layout.name), 0).map((q) => q.row);
    assert.deepEqual(rows, layout.rows, layout.name);
  }
  assert.equal(questionnaire.columnKind('回答（はい／いいえ）'), 'answer');
  assert.equal(questionnaire.columnKind(' Ｎｏ． '), 'number');
  assert.equal(questionnaire.columnKind('Cloud vendor security questionnaire'), null);
  // The columns `checksheet answer` adds, so that an answered file read again finds its header, as the CLI does.
  assert.equal(questionnaire.columnKind('Item No.'), 'other');
  assert.equal(questionnaire.columnKind('一致の確度'), 'other');
  assert.equal(questionnaire.columnKind('No.'), 'number');
  assert.equal(questionnaire.columnKind('Item'), 'question');
});

test('a question column given by number finds the same header', () => {
  const rows = questionnaire.questions(questionnaire.textRows(layouts[0].text, 'titled.csv'), 2);
  assert.deepEqual(rows.map((q) => q.row), [5, 6, 8]);
  assert.equal(rows[0].text, 'How long are backups retained?');
});

test('a heading merged across the table is no question', () => {
  const rows = questionnaire.textRows('Question,Answer\nBackup policy,\nHow long are backups retained?,\n', 'q.csv');
  rows.merges = [{ top: 1, left: 0, bottom: 1, right: 1 }];
  assert.deepEqual(questionnaire.questions(rows, 0).map((q) => q.row), [3]);
});

test('the browser reads each layout as `checksheet answer` does', { skip: !binary && 'CHECKSHEET_BIN is not set' }, () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'questionnaire-layouts-'));
  for (const layout of layouts) {
    const file = path.join(folder, layout.name);
    fs.writeFileSync(file, layout.text);
    const cli = JSON.parse(execFileSync(binary, ['answer', file, '--lang', 'en', '--format', 'json', '--content', path.join(repository, 'Content')], { encoding: 'utf8' }));
    const browser = questionnaire.questions(questionnaire.textRows(layout.text, layout.name), 0);
    assert.deepEqual(browser.map((q) => [q.row, q.text]), cli.map((q) => [q.row, q.question]), layout.name);
  }
  fs.rmSync(folder, { recursive: true });
});
