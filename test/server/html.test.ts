/**
 * The pages as HTML: escaping of hostile record text, the Content-Security-Policy, no inline
 * script or style, JSON twins built from the same data, errors as pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { JSDOM } from 'jsdom';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security.ts';
import { sharedSkip } from '../helpers/shared.ts';
import { corpusServer, HOSTILE, hostileDocument, storeServer } from './helpers.ts';

const HTML = { accept: 'text/html' };

/**
 * Parses the page as a browser would and checks what the record text must never become:
 * elements (script, img, b) or attributes (event handlers, style). Escaped text that merely
 * reads "onerror=" is fine; an attribute named onerror is not.
 */
function assertNoInjectedMarkup(body: string): void {
  const { document } = new JSDOM(body).window;
  assert.equal(document.querySelectorAll('img, b').length, 0, 'an element from record text');
  for (const script of document.querySelectorAll('script')) {
    assert.match(script.getAttribute('src') ?? '', /^\/static\//, 'a script that is not ours');
    assert.equal(script.textContent, '', 'an inline script');
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      assert.doesNotMatch(attribute, /^on|^style$/, `<${element.tagName.toLowerCase()} ${attribute}>`);
    }
  }
  assert.equal(document.querySelectorAll('style').length, 0, 'a style element');
}

describe('pages with hostile record text', () => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await storeServer([hostileDocument()]));
  });
  after(() => app.close());

  test('every field of a hostile document is escaped on its page', async () => {
    const response = await app.inject({ url: '/documents/hostile-d1', headers: HTML });
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assertNoInjectedMarkup(body);
    // Escaped, the text is still there to read.
    assert.ok(body.includes('Title &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(body.includes('Label &lt;script&gt;'), 'speaker label shown, escaped');
    assert.ok(body.includes('Note &lt;script&gt;'), 'footnote shown, escaped');
  });

  test('a javascript: citation URL is never a link', async () => {
    const body = (await app.inject({ url: '/documents/hostile-d1', headers: HTML })).body;
    assert.doesNotMatch(body, /href="javascript:/i);
  });

  test('redactions, page numbers, footnote calls and speakers are marked in the text', async () => {
    const body = (await app.inject({ url: '/documents/hostile-d1', headers: HTML })).body;
    assert.match(body, /<span class="redaction" title="Withheld in the declassified release \(exemption \(b\)\(1\)\)">\[text not declassified\]<\/span>/);
    assert.match(body, /<span class="page-label" aria-label="page 12">p\. 12<\/span>/);
    assert.match(body, /<sup class="note-call"><a id="fn1-call" href="#fn1"/);
    assert.match(body, /<li id="fn1" value="1">/);
    assert.match(body, /<div class="passage kind-paragraph" id="p2">/);
    assert.match(body, /<div class="speaker"><a href="\/persons\/hostile-person">Label &lt;script&gt;/);
  });

  test('the citation box escapes hostile titles in every format', async () => {
    const body = (await app.inject({ url: '/documents/hostile-d1', headers: HTML })).body;
    assert.match(body, /<pre id="cite-bibtex" tabindex="0">@misc\{hostile-d1,/);
    assert.match(body, /<pre id="cite-csl-json" tabindex="0">\[/);
  });

  test('the JSON twin carries the same record, unescaped, as JSON', async () => {
    const response = await app.inject('/documents/hostile-d1.json');
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^application\/json/);
    const data = response.json();
    assert.equal(data.document.title, `Title ${HOSTILE}`);
    assert.deepEqual(data.citations.map((c: { format: string }) => c.format), ['chicago', 'bibtex', 'csl-json']);
    assert.equal(data.links.json, '/documents/hostile-d1.json');
  });

  test('pages send the strict Content-Security-Policy and link their JSON twin', async () => {
    for (const url of ['/', '/documents/hostile-d1', '/trace']) {
      const response = await app.inject({ url, headers: HTML });
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
      assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'/);
      assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval/);
      assert.equal(response.headers['x-frame-options'], 'DENY');
      const twin = url === '/' ? '/.json' : `${url}.json`;
      assert.ok(response.body.includes(`<link rel="alternate" type="application/json" href="${twin}">`), `${url} links ${twin}`);
      assertNoInjectedMarkup(response.body);
      assert.equal((await app.inject(twin)).statusCode, 200, twin);
    }
  });

  test('the home page shows counts and links collections to a search', async () => {
    const body = (await app.inject({ url: '/', headers: HTML })).body;
    assertNoInjectedMarkup(body);
    assert.match(body, /<strong>1<\/strong> documents/);
    assert.match(body, /href="\/search\?collection=hostile">Hostile &lt;script&gt;/);
  });

  test('a missing page is an HTML 404 for a browser and JSON for the twin', async () => {
    const page = await app.inject({ url: '/documents/<script>', headers: HTML });
    assert.equal(page.statusCode, 404);
    assert.match(page.headers['content-type'] as string, /^text\/html/);
    assert.ok(page.body.includes('document not found: &lt;script&gt;'));
    assertNoInjectedMarkup(page.body);
    const twin = await app.inject({ url: '/documents/nothing.json', headers: HTML });
    assert.equal(twin.statusCode, 404);
    assert.equal(twin.json().error.code, 'VBT_ERR_NOT_FOUND');
  });

  test('static files are served from the fixed list only, with a cache validator', async () => {
    const css = await app.inject('/static/style.css');
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['content-type'] as string, /^text\/css/);
    const again = await app.inject({ url: '/static/style.css', headers: { 'if-none-match': css.headers.etag as string } });
    assert.equal(again.statusCode, 304);
    assert.equal((await app.inject('/static/..%2fhtml.ts')).statusCode, 400);
    assert.equal((await app.inject('/static/nothing.js')).statusCode, 404);
  });

  test('a server started without search says so (503), never a crash', async () => {
    const { app: bare } = await storeServer([], { engines: {} });
    const response = await bare.inject('/api/search?q=geneva');
    await bare.close();
    assert.equal(response.statusCode, 503);
    assert.equal(response.json().error.code, 'VBT_ERR_UNAVAILABLE');
  });
});

describe('pages on the shared corpus', { skip: sharedSkip }, () => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await corpusServer());
  });
  after(() => app.close());

  test('shared: a FRUS memcon page has its metadata, speakers, pages, footnotes and citations', async () => {
    const response = await app.inject({ url: '/documents/frus1981-88v05-d151', headers: HTML });
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assertNoInjectedMarkup(body);
    assert.match(body, /<dt>Date<\/dt><dd>November 19, 1985, 11:27–12:15<\/dd>/);
    assert.match(body, /<dt>Place<\/dt><dd>Geneva<\/dd>/);
    assert.match(body, /<span class="classification level-secret">Secret<\/span>/);
    assert.match(body, /<a href="\/persons\/gorbachev-mikhail">/);
    assert.match(body, /<div class="speaker"><a href="\/persons\/reagan-ronald">The President<\/a><span class="reported"/);
    assert.match(body, /<span class="page-break" id="page-658" aria-label="page 658">658<\/span>/);
    assert.match(body, /<section class="footnotes"/);
    assert.match(body, /id="cite-chicago" tabindex="0">“Memorandum of Conversation \(First Plenary Meeting\),” Geneva, November 19, 1985/);
    assert.match(body, /<button type="button" class="copy" data-copy="cite-bibtex" hidden>Copy<\/button>/);
  });

  test('shared: every passage of the record is on the page with its permalink anchor', async () => {
    const data = (await app.inject('/documents/frus1981-88v05-d151.json')).json();
    const body = (await app.inject({ url: '/documents/frus1981-88v05-d151', headers: HTML })).body;
    for (const passage of data.document.passages) {
      assert.ok(body.includes(`id="p${passage.n}"`), `passage ${passage.n} has no anchor`);
    }
  });
});
