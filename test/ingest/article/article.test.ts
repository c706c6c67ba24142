/** News articles from plain text and HTML: clean text, metadata, boilerplate kept for audit. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isVerbatimError } from '../../../src/errors.ts';
import { findDeclaredSources, readArticleHtml, readArticleText } from '../../../src/ingest/article/index.ts';
import { REPO_ROOT, SEED_ARTICLE, sharedSkip } from '../../helpers/shared.ts';

const FIXTURE = join(REPO_ROOT, 'test/fixtures/article-html-news');

test('shared: the founding article loses its doubled title, related tail and ad, and keeps its sources', { skip: sharedSkip }, () => {
  const source = readFileSync(SEED_ARTICLE, 'utf8');
  const article = readArticleText(source, { origin: SEED_ARTICLE });
  const firstLine = source.split('\n')[0]!.trim();
  assert.equal(article.title, firstLine);
  assert.ok(!article.text.includes(firstLine), 'the doubled title is not in the text');
  assert.deepEqual(article.boilerplate.map((block) => block.reason), ['doubled-title', 'related-links', 'advertisement']);
  assert.match(article.boilerplate[1]!.text, /You may also like/);
  assert.ok(!article.text.includes('You may also like'));
  assert.ok(!article.text.includes(article.boilerplate[2]!.text), 'the ad line is not in the text');
  const names = article.declared_sources.map((s) => s.name);
  assert.ok(names.includes('Rosbalt'));
  assert.ok(names.some((name) => /National Security Archive/.test(name)));
  for (const declared of article.declared_sources) assert.equal(article.text.slice(declared.offset, declared.offset + declared.name.length), declared.name);
  assert.equal(article.language, 'en');
  assert.match(article.id, /^article-[0-9a-f]{16}$/);
  assert.deepEqual([article.quotations, article.claims], [[], []]);
  assert.equal(readArticleText(source).id, article.id, 'the id depends on content, not on where it was read');
});

test('readArticleText: byline and dateline under the title become metadata; URL gives id and outlet', () => {
  const text = 'Summit record released\n\nBy Jane Example\n\n15 January 2024\n\nThe archive released the record on Monday, reports RIA Novosti.\n\nShare on Facebook\n\nRead also:\n\nTen things about summit dinners you never knew';
  const article = readArticleText(text, { url: 'https://www.example.test/news/summit/?utm_source=tg' });
  assert.equal(article.byline, 'Jane Example');
  assert.equal(article.published, '2024-01-15');
  assert.equal(article.text, 'The archive released the record on Monday, reports RIA Novosti.');
  assert.deepEqual(article.boilerplate.map((b) => b.reason), ['byline', 'dateline', 'share-buttons', 'related-links', 'related-links']);
  assert.equal(article.outlet, 'example.test');
  assert.equal(article.url, 'https://www.example.test/news/summit');
  assert.equal(readArticleText('Other text\n\nBody.', { url: 'https://example.test/news/summit#x' }).id, readArticleText('T\n\nB.', { url: 'https://example.test/news/summit' }).id);
});

test('findDeclaredSources: outlet cues take any name, "according to" only organisations', () => {
  const text = 'Как сообщает РИА Новости, встреча прошла. According to Yeltsin, it went well. According to the State Department, it did not. It was published in April 2022.';
  assert.deepEqual(findDeclaredSources(text).map((s) => [s.name, s.cue]), [['РИА Новости', 'сообщает'], ['the State Department', 'According to']]);
});

test('readArticleHtml: the fixture page gives the expected metadata, text and audit trail', () => {
  const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8'));
  const article = readArticleHtml(readFileSync(join(FIXTURE, 'source.html'), 'utf8'), { origin: 'source.html' });
  for (const field of ['title', 'byline', 'outlet', 'published', 'language', 'url'] as const) assert.equal(article[field], expected[field], field);
  assert.deepEqual(article.declared_sources.map((s) => s.name), expected.declared_sources);
  assert.deepEqual([...new Set(article.boilerplate.map((b) => b.reason))].sort(), expected.boilerplate_reasons);
  assert.equal(article.text.split('\n\n').length, expected.paragraphs);
  assert.ok(!/injected by a script|Advertisement|You may also like|All rights reserved/.test(article.text));
  assert.ok(article.boilerplate.some((b) => b.reason === 'navigation' && b.text === 'Politics'));
});

test('readArticleHtml: scripts never run, frames and huge data URIs are listed, not loaded', () => {
  const huge = 'A'.repeat(5_000_000);
  const html = `<html><head><title>Quiet page</title><script>globalThis.PWNED = true; document.body.innerHTML = 'gone'</script></head>
<body><iframe src="https://evil.test/"></iframe><img src="data:image/png;base64,${huge}" onerror="globalThis.PWNED = true">
<article><h1>Quiet page</h1><p>${'The record was read in the reading room and nothing else happened. '.repeat(8)}</p></article></body></html>`;
  const article = readArticleHtml(html);
  assert.equal((globalThis as { PWNED?: boolean }).PWNED, undefined);
  assert.match(article.text, /nothing else happened/);
  const reasons = article.boilerplate.map((b) => b.reason);
  assert.ok(reasons.includes('script') && reasons.includes('embed') && reasons.includes('inline-data'));
  assert.ok(article.boilerplate.every((b) => b.text.length < 3_000), 'audit entries are capped');
});

test('readArticleHtml: pages with no text and oversized pages are per-file errors', () => {
  assert.throws(() => readArticleHtml('<html><body><img src="x.png"></body></html>', { origin: 'img.html' }), (e) => isVerbatimError(e, 'VBT_ERR_ARTICLE_EMPTY'));
  assert.throws(() => readArticleHtml('<p>'.repeat(8_000_000)), (e) => isVerbatimError(e, 'VBT_ERR_FILE_TOO_LARGE'));
});

test('pasted prose of one paragraph is all body, even when it ends inside a quotation', () => {
  const prose = 'In Geneva the general secretary said: “We regard this meeting as a positive event.”';
  const article = readArticleText(prose);
  assert.equal(article.text, prose);
  assert.match(article.title, /^In Geneva the general secretary said/);
  const headed = readArticleText(`A short headline\n\n${prose}`);
  assert.equal(headed.title, 'A short headline');
  assert.equal(headed.text, prose);
});
