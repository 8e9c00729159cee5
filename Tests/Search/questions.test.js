// node --test Tests/Search: questionnaire questions (Tests/Search/questions.tsv) answered by the browser's code
// (Site/assets/search.js) over a built site (SITE_DIR): the targets of the question set, and the very same
// statuses and items as `checksheet answer --format json` (CHECKSHEET_BIN).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const search = require('../../Site/assets/search.js');

const questions = fs.readFileSync(path.join(__dirname, 'questions.tsv'), 'utf8').split('\n')
  .filter((line) => line && !line.startsWith('#')).map((line) => {
    const [lang, expected, text] = line.split('\t');
    return { lang, expected: expected === '-' ? [] : expected.split(','), text };
  });
const site = process.env.SITE_DIR;
const binary = process.env.CHECKSHEET_BIN;
const repository = path.join(__dirname, '..', '..');

// The measures the issue sets targets for; the Swift suite computes the same from the same file.
function measure(answers) {
  const answerable = answers.filter((a) => a.question.expected.length > 0);
  const uncovered = answers.filter((a) => a.question.expected.length === 0);
  const right = (a, n) => a.result.matches.slice(0, n).some((m) => a.question.expected.includes(m.slug));
  const rightTop = answerable.filter((a) => right(a, 1));
  return {
    top1: answerable.filter((a) => right(a, 1)).length / answerable.length,
    top3: answerable.filter((a) => right(a, 3)).length / answerable.length,
    uncoveredNone: uncovered.filter((a) => a.result.status === 'none').length / uncovered.length,
    rightTopKept: rightTop.filter((a) => a.result.status !== 'none').length / rightTop.length,
    wrongTopAnswered: answerable.filter((a) => !right(a, 1) && a.result.status === 'answered').length / answerable.length,
  };
}

test('the question set is large, in both languages', () => {
  const answerable = questions.filter((q) => q.expected.length > 0);
  const uncovered = questions.filter((q) => q.expected.length === 0);
  assert.ok(answerable.length >= 80 && uncovered.length >= 40);
  for (const lang of ['ja', 'en']) {
    assert.ok(answerable.filter((q) => q.lang === lang).length >= 30, lang);
    assert.ok(uncovered.filter((q) => q.lang === lang).length >= 20, lang);
  }
});

test('search.js meets the targets on the question set', { skip: !site && 'SITE_DIR not set' }, () => {
  const engines = {};
  for (const lang of ['ja', 'en']) engines[lang] = new search.Engine(JSON.parse(fs.readFileSync(path.join(site, lang, 'search-index.json'), 'utf8')));
  const answers = questions.map((question) => ({ question, result: engines[question.lang].answer(question.text) }));
  const figures = measure(answers);
  if (process.env.SHOW_MISSES) {
    for (const a of answers) {
      const top = a.result.matches[0];
      const right = top && a.question.expected.includes(top.slug);
      if (a.question.expected.length ? (!right || a.result.status === 'none') : a.result.status !== 'none') {
        console.log(a.question.lang, a.result.status, (a.question.expected.join(',') || '-'), '→', a.result.matches.map((m) => `${m.slug}:${m.coverage.toFixed(2)}:${m.score.toFixed(1)}`).join(' '), '|', a.question.text);
      }
    }
    console.log(figures);
  }
  assert.ok(figures.top1 >= 0.9, `top-1 ${figures.top1}`);
  assert.ok(figures.top3 >= 0.98, `top-3 ${figures.top3}`);
  assert.ok(figures.uncoveredNone >= 0.9, `uncovered marked none ${figures.uncoveredNone}`);
  assert.ok(figures.rightTopKept >= 0.95, `right top kept ${figures.rightTopKept}`);
  assert.ok(figures.wrongTopAnswered <= 0.05, `wrong top answered ${figures.wrongTopAnswered}`);
});

test('search.js answers every question exactly as `checksheet answer` does', { skip: !(site && binary) && 'SITE_DIR and CHECKSHEET_BIN not set' }, () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'questions-'));
  try {
    for (const lang of ['ja', 'en']) {
      const engine = new search.Engine(JSON.parse(fs.readFileSync(path.join(site, lang, 'search-index.json'), 'utf8')));
      const file = path.join(folder, `questions-${lang}.txt`);
      fs.writeFileSync(file, questions.map((q) => q.text).join('\n') + '\n');
      const cli = JSON.parse(execFileSync(binary, ['answer', file, '--lang', lang, '--format', 'json', '--content', path.join(repository, 'Content')], { encoding: 'utf8' }));
      assert.equal(cli.length, questions.length);
      questions.forEach((question, n) => {
        const js = engine.answer(question.text);
        assert.equal(cli[n].question, question.text);
        assert.equal(js.status, cli[n].status, `${lang}: ${question.text}`);
        assert.deepEqual(js.matches.map((m) => m.slug), cli[n].matches.map((m) => m.slug), `${lang}: ${question.text}`);
        assert.deepEqual(js.matches.map((m) => Math.round(m.score * 10000) / 10000), cli[n].matches.map((m) => m.score), `${lang}: ${question.text}`);
      });
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
