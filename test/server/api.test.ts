/** The HTTP API over the real corpus: shapes, schemas, errors and limits. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/index.ts';
import { sharedSkip } from '../helpers/shared.ts';
import { corpusServer } from './helpers.ts';

const DOC = 'frus1981-88v05-d151';

describe('HTTP API on the shared corpus', { skip: sharedSkip }, () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    ({ app, store } = await corpusServer());
  });
  after(() => app.close());

  test('shared: GET /api/stats counts what the archive holds', async () => {
    const response = await app.inject('/api/stats');
    assert.equal(response.statusCode, 200);
    const stats = response.json();
    const direct = await store.stats();
    assert.equal(stats.documents, direct.documents);
    assert.ok(stats.documents >= 30, `expected the FRUS excerpts, got ${stats.documents} documents`);
    assert.deepEqual(stats.by_year, direct.by_year);
  });

  test('shared: GET /api/documents/:id returns the whole document', async () => {
    const response = await app.inject(`/api/documents/${DOC}`);
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^application\/json/);
    assert.deepEqual(response.json(), await store.getDocument(DOC), 'the API must not drop or alter fields');
    assert.equal(response.json().place, 'Geneva');
  });

  test('shared: an unknown document is a 404 with a VBT code and the id in the message', async () => {
    const response = await app.inject('/api/documents/frus-no-such-doc');
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), {
      error: { code: 'VBT_ERR_NOT_FOUND', status: 404, message: 'document not found: frus-no-such-doc' },
    });
  });

  test('shared: citations in the three formats', async () => {
    const chicago = (await app.inject(`/api/documents/${DOC}/citation?format=chicago`)).json();
    assert.equal(chicago.format, 'chicago');
    assert.match(chicago.text, /^“Memorandum of Conversation \(First Plenary Meeting\),” Geneva, November 19, 1985, Foreign Relations of the United States, 1981–1988/);
    assert.match(chicago.text, /doc\. 151, https:\/\/history\.state\.gov\/historicaldocuments\/frus1981-88v05\/d151\.$/);

    const bibtex = (await app.inject(`/api/documents/${DOC}/citation?format=bibtex`)).json();
    assert.equal(bibtex.media_type, 'application/x-bibtex');
    assert.match(bibtex.text, /^@misc\{frus1981-88v05-d151,\n/);
    assert.match(bibtex.text, /\n {2}year = \{1985\},\n {2}month = nov,\n/);

    const csl = (await app.inject(`/api/documents/${DOC}/citation?format=csl-json`)).json();
    const [item] = JSON.parse(csl.text);
    assert.deepEqual(item.issued, { 'date-parts': [[1985, 11, 19]] });
    assert.equal(item.number, '151');
    assert.equal(item.URL, 'https://history.state.gov/historicaldocuments/frus1981-88v05/d151');
  });

  test('shared: a bad citation format says which formats exist', async () => {
    const response = await app.inject(`/api/documents/${DOC}/citation?format=apa`);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().error, {
      code: 'VBT_ERR_REQUEST_INVALID',
      status: 400,
      message: 'invalid request: querystring.format must be one of: chicago, bibtex, csl-json',
    });
  });

  test('shared: GET /api/persons/:id returns the authority record', async () => {
    const response = await app.inject('/api/persons/gorbachev-mikhail');
    assert.equal(response.statusCode, 200);
    const person = response.json();
    assert.equal(person.id, 'gorbachev-mikhail');
    assert.match(person.name, /Gorbachev/);
    assert.ok(Array.isArray(person.aliases));
    assert.equal((await app.inject('/api/persons/nobody-at-all')).statusCode, 404);
  });

  test('shared: unknown routes answer JSON naming the OpenAPI document', async () => {
    const response = await app.inject('/api/nothing-here');
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'VBT_ERR_ROUTE_NOT_FOUND');
    assert.match(response.json().error.message, /\/api\/openapi\.json/);
  });

  test('shared: the OpenAPI document describes every API route from its schemas', async () => {
    const spec = (await app.inject('/api/openapi.json')).json();
    assert.equal(spec.openapi, '3.1.0');
    for (const [path, method] of [
      ['/api/search', 'get'], ['/api/documents/{id}', 'get'], ['/api/documents/{id}/citation', 'get'],
      ['/api/persons/{id}', 'get'], ['/api/trace', 'post'], ['/api/traces/{id}', 'get'], ['/api/stats', 'get'],
      ['/documents/{id}', 'get'], ['/documents/{id}.json', 'get'],
    ] as const) {
      const operation = spec.paths[path]?.[method];
      assert.ok(operation, `${method.toUpperCase()} ${path} missing from the OpenAPI document`);
      assert.ok(operation.summary, `${path} has no summary`);
      assert.ok(operation.responses['200'], `${path} has no 200 response`);
      assert.ok(operation.responses['404'], `${path} has no error response`);
    }
    const citation = spec.paths['/api/documents/{id}/citation'].get;
    assert.deepEqual(citation.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`), ['path:id', 'query:format']);
    assert.deepEqual(citation.parameters[1].schema.enum, ['chicago', 'bibtex', 'csl-json']);
    assert.deepEqual(Object.keys(spec.paths['/api/trace'].post.requestBody.content), ['application/json', 'text/plain', 'text/html']);
    assert.ok(!spec.paths['/static/{file}'], 'static files are not API');
  });

  test('shared: request bodies over the limit are refused with 413 before any work', async () => {
    const { app: small } = await corpusServer({ bodyLimit: 1024 });
    try {
      const response = await small.inject({ method: 'POST', url: '/api/trace', payload: { text: 'x'.repeat(4096) } });
      assert.equal(response.statusCode, 413);
      assert.equal(response.json().error.code, 'VBT_ERR_BODY_TOO_LARGE');
      assert.match(response.json().error.message, /1024-byte limit/);
    } finally {
      await small.close();
    }
  });

  test('shared: trace bodies of another media type are refused with 415', async () => {
    const response = await app.inject({
      method: 'POST', url: '/api/trace', payload: '<x/>', headers: { 'content-type': 'application/xml' },
    });
    assert.equal(response.statusCode, 415);
    assert.equal(response.json().error.code, 'VBT_ERR_MEDIA_TYPE');
  });

  test('shared: malformed JSON is a 400 saying so', async () => {
    const response = await app.inject({
      method: 'POST', url: '/api/trace', payload: '{"text": ', headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().error.message, /not valid JSON/);
  });

  test('shared: a JSON trace body needs text or html', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/trace', payload: { url: 'https://example.org/a' } });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.message, 'invalid request: body needs exactly one of the fields "text" or "html"');
  });

  test('shared: every API response carries the security headers', async () => {
    const response = await app.inject('/api/stats');
    assert.match(response.headers['content-security-policy'] as string, /default-src 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });
});
