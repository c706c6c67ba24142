/**
 * Tracing over HTTP on the real corpus: the founding article through every way in (JSON,
 * raw text, raw HTML, the form), saved traces and their permalinks, the rate limit.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/index.ts';
import { SEED_ARTICLE, sharedSkip } from '../helpers/shared.ts';
import { corpusServer } from './helpers.ts';

const BOUNDARY = '----verbatim-test-boundary';

function multipart(fields: { name: string; value: string; filename?: string; type?: string }[]): string {
  return fields
    .map((f) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${f.name}"${f.filename !== undefined ? `; filename="${f.filename}"` : ''}\r\n${f.type ? `Content-Type: ${f.type}\r\n` : ''}\r\n${f.value}\r\n`)
    .join('') + `--${BOUNDARY}--\r\n`;
}

describe('tracing over HTTP on the shared corpus', { skip: sharedSkip }, () => {
  let app: FastifyInstance;
  let store: Store;
  let article: string;
  before(async () => {
    ({ app, store } = await corpusServer());
    article = readFileSync(SEED_ARTICLE, 'utf8');
  });
  after(() => app.close());

  test('shared: the founding article traces honestly: its quotes found, no record claimed', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/trace', payload: { text: article } });
    assert.equal(response.statusCode, 200);
    const result = response.json();
    assert.equal(result.in_archive, false);
    assert.equal(result.message, 'no matching document in the archive');
    assert.deepEqual(result.quotes.map((q: { text: string }) => q.text).slice(0, 2), ['a kind of cartel', 'very carefully']);
    assert.ok(result.quotes.every((q: { verdict: string }) => q.verdict === 'unsupported'), 'no quote may be pinned on an unrelated record');
    assert.match(result.id, /^[0-9a-f]{16}$/);
    assert.equal(result.permalink, `/traces/${result.id}`);
    const nullOk = result.claims.find((c: { field: string }) => c.field === 'date');
    assert.equal(nullOk.ok, null, 'a claim with nothing to check against stays null, not false');
  });

  test('shared: the same article twice has one permalink; the saved trace is served', async () => {
    const first = (await app.inject({ method: 'POST', url: '/api/trace', payload: article, headers: { 'content-type': 'text/plain' } })).json();
    const second = (await app.inject({ method: 'POST', url: '/api/trace', payload: { text: article } })).json();
    assert.equal(first.id, second.id);
    const saved = await app.inject(`/api/traces/${first.id}`);
    assert.equal(saved.statusCode, 200);
    const body = saved.json();
    assert.equal(body.version, 1);
    assert.equal(body.input.format, 'text');
    assert.equal(body.input.content, article);
    assert.deepEqual(body.result.quotes, first.quotes);
    assert.ok(await store.getTrace(first.id));
  });

  test('shared: a raw text/html body is read as a web page', async () => {
    const page = `<html><head><title>Test page</title></head><body><article><h1>Reagan at Geneva</h1>
      <p>Gorbachev told Reagan that “the Soviet Union would not be the first to use nuclear weapons,” according to the record.</p>
      <script>document.write("ad")</script></article></body></html>`;
    const response = await app.inject({ method: 'POST', url: '/api/trace', payload: page, headers: { 'content-type': 'text/html' } });
    assert.equal(response.statusCode, 200);
    const saved = (await app.inject(`/api/traces/${response.json().id}`)).json();
    assert.equal(saved.input.format, 'html');
  });

  test('shared: the trace form (multipart, no JavaScript) saves and redirects to the permalink', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/trace',
      payload: multipart([{ name: 'text', value: '' }, { name: 'url', value: 'https://example.org/story' }, { name: 'file', filename: 'story.txt', type: 'text/plain', value: article }]),
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, accept: 'text/html' },
    });
    assert.equal(response.statusCode, 303);
    const location = response.headers.location as string;
    assert.match(location, /^\/traces\/[0-9a-f]{16}$/);
    const page = await app.inject({ url: location, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /No matching document in the archive/);
    assert.match(page.body, /<span class="verdict v-unsupported"[^>]*>Unsupported<\/span>/);
    assert.ok(page.body.includes('href="https://example.org/story"'));
    const twin = (await app.inject(`${location}.json`)).json();
    assert.equal(twin.trace.input.url, 'https://example.org/story');
    assert.equal(twin.links.permalink, location);
  });

  test('shared: an empty form is sent back to the person with a message, as a page', async () => {
    const response = await app.inject({
      method: 'POST', url: '/trace', payload: 'text=&url=',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.headers['content-type'] as string, /^text\/html/);
    assert.match(response.body, /the article is empty: paste its text or choose an HTML file/);
  });

  test('shared: a quotation found in the record is aligned with its passage', async () => {
    const passage = (await store.getPassages(['frus1981-88v05-d151-p28']))[0];
    assert.ok(passage, 'the corpus passage used by this test is missing');
    const words = passage.text.split(/\s+/).slice(3, 17).join(' ');
    const text = `Geneva, 1985. According to the declassified memorandum, Gorbachev said “${words}” at the first plenary meeting.`;
    const result = (await app.inject({ method: 'POST', url: '/api/trace', payload: { text } })).json();
    const [quote] = result.quotes;
    assert.equal(quote.match.passage_id, 'frus1981-88v05-d151-p28');
    assert.ok(['verbatim', 'minor'].includes(quote.verdict), `verdict ${quote.verdict}`);
    const page = await app.inject({ url: result.permalink, headers: { accept: 'text/html' } });
    assert.ok(page.body.includes('href="/documents/frus1981-88v05-d151#p28"'), 'the quote links to its passage');
  });

  test('shared: an unknown trace id is a 404; a malformed one is refused', async () => {
    assert.equal((await app.inject('/api/traces/0000000000000000')).json().error.code, 'VBT_ERR_NOT_FOUND');
    assert.equal((await app.inject(`/api/traces/${'x'.repeat(300)}`)).statusCode, 400);
  });

  test('shared: tracing is rate-limited per address with a JSON 429 that says when to retry', async () => {
    const { app: limited } = await corpusServer({ traceRateLimit: { max: 2, windowMs: 60_000 } });
    try {
      const post = () => limited.inject({ method: 'POST', url: '/api/trace', payload: { text: 'Reagan said “hello”.' } });
      assert.equal((await post()).statusCode, 200);
      assert.equal((await post()).statusCode, 200);
      const refused = await post();
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().error.code, 'VBT_ERR_RATE_LIMITED');
      assert.match(refused.json().error.message, /at most 2 per 1 minute/);
      assert.ok(refused.headers['retry-after']);
      assert.equal((await limited.inject('/api/stats')).statusCode, 200, 'other routes are not limited');
    } finally {
      await limited.close();
    }
  });
});
