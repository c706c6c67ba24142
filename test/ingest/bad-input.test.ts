/**
 * Hostile and broken inputs: each gets a one-line error naming the file and the reason, the
 * other files are ingested, the exit code says some failed, and nothing stored changes.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { openStore } from '../../src/store/index.ts';
import { runCliJson } from '../helpers/cli.ts';
import { REPO_ROOT, tempDir } from '../helpers/shared.ts';

const GOOD = join(REPO_ROOT, 'test/fixtures/tei/small-volume.xml');
const good = readFileSync(GOOD, 'utf8');
const afterDeclaration = (insert: string) => good.replace('?>', `?>\n${insert}`);

/** Each broken variant, with the error code and a phrase its message must carry. */
const BROKEN: { name: string; content: string | Buffer; code: string; reason: RegExp }[] = [
  { name: 'truncated.xml', content: good.slice(0, Math.floor(good.length * 0.6)), code: 'VBT_ERR_XML_MALFORMED', reason: /malformed XML/ },
  {
    name: 'internal-entity.xml',
    content: afterDeclaration('<!DOCTYPE TEI [<!ENTITY boom "KABOOM">]>').replace('garden room', 'garden &boom; room'),
    code: 'VBT_ERR_XML_DOCTYPE',
    reason: /DOCTYPE/,
  },
  {
    name: 'external-entity.xml',
    content: afterDeclaration('<!DOCTYPE TEI [<!ENTITY ext SYSTEM "file:///etc/hostname">]>').replace('garden room', '&ext;'),
    code: 'VBT_ERR_XML_DOCTYPE',
    reason: /never expanded or fetched/,
  },
  {
    name: 'billion-laughs.xml',
    content: afterDeclaration(
      '<!DOCTYPE TEI [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    ).replace('garden room', '&c;'),
    code: 'VBT_ERR_XML_DOCTYPE',
    reason: /DOCTYPE/,
  },
  {
    name: 'invalid-utf8.xml',
    content: Buffer.concat([Buffer.from(good.slice(0, 2000)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(good.slice(2000))]),
    code: 'VBT_ERR_INVALID_UTF8',
    reason: /invalid UTF-8 at byte \d+/,
  },
  { name: 'empty.xml', content: '', code: 'VBT_ERR_EMPTY_FILE', reason: /file is empty/ },
  { name: 'not-tei.xml', content: '<?xml version="1.0"?><html><body><p>hello</p></body></html>', code: 'VBT_ERR_NOT_TEI', reason: /not a TEI file \(root element <html>\)/ },
  {
    name: 'no-documents.xml',
    content: good.replace(/<body>[\s\S]*<\/body>/, '<body><p>nothing here</p></body>'),
    code: 'VBT_ERR_NO_DOCUMENTS',
    reason: /no documents found/,
  },
  { name: 'garbage.xml', content: Buffer.from([0x00, 0x01, 0x02, 0x50, 0x4b, 0x03, 0x04]), code: 'VBT_ERR_FORMAT_UNSUPPORTED', reason: /format not supported/ },
];

function writeBrokenFiles(dir: string): void {
  for (const { name, content } of BROKEN) writeFileSync(join(dir, name), content);
}

test('each broken file fails alone with a one-line reason, and stored documents do not change', async () => {
  const archive = tempDir();
  const inputs = tempDir();
  const store = openStore(archive);
  await ingestPaths(store, [GOOD]);
  const before = await store.stats();
  const documentBefore = JSON.stringify(await store.getDocument('frus9999-99v01-d1'));

  writeBrokenFiles(inputs);
  copyFileSync(GOOD, join(inputs, 'zz-good-copy.xml'));
  const summary = await ingestPaths(store, [inputs]);

  assert.equal(summary.failed.length, BROKEN.length);
  for (const { name, code, reason } of BROKEN) {
    const failure = summary.failed.find((f) => f.path.endsWith(name));
    assert.ok(failure, `${name} is reported`);
    assert.equal(failure.code, code, name);
    assert.match(failure.error, reason, name);
    assert.ok(failure.error.includes(name), `the message names the file: ${failure.error}`);
    assert.ok(!failure.error.includes('\n'), 'one line');
  }
  assert.equal(summary.skipped, 3, 'the good copy is read, and found unchanged');
  assert.deepEqual(await store.stats(), before);
  const documentAfter = JSON.stringify(await store.getDocument('frus9999-99v01-d1'));
  assert.equal(documentAfter, documentBefore);
  assert.ok(!documentAfter.includes('KABOOM') && !documentAfter.includes('lollol'));
  await store.close();
});

test('the CLI reports failures in the JSON summary and exits 1 when some files failed', async () => {
  const archive = tempDir();
  const inputs = tempDir();
  writeBrokenFiles(inputs);
  copyFileSync(GOOD, join(inputs, 'good.xml'));
  const { status, json, stderr } = await runCliJson<{ ingested: number; failed: { path: string; error: string }[]; documents: number }>(
    ['ingest', inputs, '--db', archive],
  );
  assert.equal(status, 1);
  assert.equal(json.ingested, 3);
  assert.equal(json.documents, 3);
  assert.equal(json.failed.length, BROKEN.length);
  assert.match(stderr, /failed: .*truncated\.xml: malformed XML/);
});

test('a path that does not exist is a failure of its own, not a crash', async () => {
  const store = openStore(tempDir());
  const summary = await ingestPaths(store, ['/nonexistent/volume.xml', GOOD]);
  assert.equal(summary.failed.length, 1);
  assert.match(summary.failed[0]?.error ?? '', /no such file/);
  assert.equal(summary.documents, 3);
  await store.close();
});
