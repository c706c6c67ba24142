/** The trace form's multipart reader: fields, files, and malformed bodies refused. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isVerbatimError } from '../../src/errors.ts';
import { boundaryOf, parseMultipart } from '../../src/server/multipart.ts';

const body = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));

test('fields and a file are read with their names, file names and types', () => {
  const parts = parseMultipart(body(`--XX
Content-Disposition: form-data; name="text"

two
lines
--XX
Content-Disposition: form-data; name="file"; filename="a.html"
Content-Type: text/html

<p>Ельцин “said”</p>
--XX--
`), 'XX');
  assert.deepEqual(parts, [
    { name: 'text', filename: undefined, contentType: undefined, value: 'two\r\nlines' },
    { name: 'file', filename: 'a.html', contentType: 'text/html', value: '<p>Ельцин “said”</p>' },
  ]);
});

test('the boundary is read from the content type, quoted or not', () => {
  assert.equal(boundaryOf('multipart/form-data; boundary=abc'), 'abc');
  assert.equal(boundaryOf('multipart/form-data; boundary="a b"'), 'a b');
  assert.throws(() => boundaryOf('multipart/form-data'), (e) => isVerbatimError(e, 'VBT_ERR_REQUEST_INVALID'));
});

test('a truncated body is refused, not half-read', () => {
  assert.throws(
    () => parseMultipart(body('--XX\nContent-Disposition: form-data; name="text"\n\nno end'), 'XX'),
    (e) => isVerbatimError(e, 'VBT_ERR_REQUEST_INVALID') && /truncated/.test(e.message),
  );
  assert.throws(() => parseMultipart(body('nothing here'), 'XX'), (e) => isVerbatimError(e, 'VBT_ERR_REQUEST_INVALID'));
});
