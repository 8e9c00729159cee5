// node --test Tests/Search: the browser's analysis and ranking (Site/assets/search.js) against the
// shared vectors, and against `checksheet search` over a built site (SITE_DIR, CHECKSHEET_BIN).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const search = require('../../Site/assets/search.js');

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, 'vectors.json'), 'utf8'));

test('the vectors are many', () => {
  assert.ok(vectors.length >= 30);
});

for (const vector of vectors) {
  test(`analysis of ${JSON.stringify(vector.input)}`, () => {
    const normalized = search.normalize(vector.input);
    assert.equal(normalized, vector.normalized);
    assert.deepEqual(search.tokens(normalized, true).map((t) => t.text), vector.index);
    assert.deepEqual(search.tokens(normalized, false).map((t) => t.text), vector.query);
    assert.deepEqual(search.queryTokens(vector.input).map((t) => t.text), vector.question);
    assert.equal(search.collapsed(normalized), vector.collapsed);
    // What the index holds of the same text: hiragana read run by run, as a query reads it.
    assert.deepEqual(search.indexTokens(vector.input), vector.indexed);
    // Only a query that is an item number has `number`.
    assert.equal(search.itemNumber(vector.input), vector.number === undefined ? null : vector.number);
  });
}

const site = process.env.SITE_DIR;
const binary = process.env.CHECKSHEET_BIN;
const queries = fs.readFileSync(path.join(__dirname, 'queries.tsv'), 'utf8').split('\n')
  .filter((line) => line && !line.startsWith('#')).map((line) => line.split('\t'));

test('JavaScript finds what every query of the set expects and ranks it exactly as the CLI does', { skip: !(site && binary) && 'SITE_DIR and CHECKSHEET_BIN not set' }, () => {
  const engines = {};
  for (const lang of ['ja', 'en']) {
    engines[lang] = new search.Engine(JSON.parse(fs.readFileSync(path.join(site, lang, 'search-index.json'), 'utf8')));
  }
  for (const [lang, query, expected] of queries) {
    const top = engines[lang].search(query, 3).map((r) => r.slug);
    if (expected === '-') assert.deepEqual(top, [], `${lang}: ${query} finds nothing`);
    else if (expected.startsWith('=')) assert.ok(expected.slice(1).split(',').includes(top[0]), `${lang}: ${query} first: ${top}`);
    else assert.ok(top.some((slug) => expected.split(',').includes(slug)), `${lang}: ${query} top 3: ${top}`);
    const cli = JSON.parse(execFileSync(binary, ['search', query, '--lang', lang, '--json', '--limit', '49', '--output', site], { encoding: 'utf8' }));
    const js = engines[lang].search(query, 49);
    assert.deepEqual(js.map((r) => r.slug), cli.map((r) => r.slug), `${lang}: ${query}`);
    assert.deepEqual(js.map((r) => Math.round(r.score * 10000) / 10000), cli.map((r) => r.score), `${lang}: ${query} scores`);
  }
});

test('JavaScript ranks by the field weights the index carries, not by weights of its own', { skip: !site && 'SITE_DIR not set' }, () => {
  const index = JSON.parse(fs.readFileSync(path.join(site, 'en', 'search-index.json'), 'utf8'));
  const ranking = (weights) => new search.Engine({ ...index, w: weights }).search('backup', 49).map((r) => [r.slug, r.score]);
  const given = ranking(index.w);
  assert.ok(given.length > 1);
  assert.notDeepEqual(ranking(index.w.map(() => 10)), given);
  assert.notDeepEqual(ranking(index.w.map((w) => w * 2)), given);
});

test('highlight ranges map back to the original text', () => {
  assert.deepEqual(search.matchRanges('バックアップデータを取得するタイミング(RPO)', 'ばっくあっぷ rp'), [[0, 6], [20, 23]]);
  assert.deepEqual(search.matchRanges('ＴＬＳ 1.2', 'tls'), [[0, 3]]);
  assert.deepEqual(search.matchRanges('Encryption requirements', 'encry'), [[0, 10]]);
});

// `Tests/Search/statuses.json`: the status rule, the same in QuestionAnswer.swift.
for (const vector of JSON.parse(fs.readFileSync(path.join(__dirname, 'statuses.json'), 'utf8'))) {
  test(`status: ${vector.why}`, () => {
    assert.equal(search.answerStatus(vector.matches), vector.status);
  });
}

// `Tests/Search/corrupt-indexes.json`: a corrupt or foreign index is refused with a reason, never used; the same
// vectors in SearchTests.swift.
for (const vector of JSON.parse(fs.readFileSync(path.join(__dirname, 'corrupt-indexes.json'), 'utf8'))) {
  test(`index: ${vector.why}`, () => {
    if (vector.valid) {
      assert.equal(new search.Engine(vector.index).search('t', 5).length, 2);
    } else {
      assert.throws(() => new search.Engine(vector.index), /^Error: search index: /);
    }
  });
}
