/** Plain text and Markdown: record or article, decided by content and by --article. */
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isVerbatimError } from '../../../src/errors.ts';
import type { ReadContext, ReadItem } from '../../../src/ingest/reader.ts';
import { chooseReader, probeFile } from '../../../src/ingest/registry.ts';
import { textReader } from '../../../src/ingest/text/index.ts';
import { REPO_ROOT, SEED_ARTICLE, sharedSkip, tempDir } from '../../helpers/shared.ts';

const dir = tempDir('verbatim-text-');

async function readAll(path: string, context: ReadContext = {}): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of textReader.read(path, context)) items.push(item);
  return items;
}

test('a memcon in a .txt file is a primary document with its structure', async () => {
  const path = join(dir, 'telcon.txt');
  copyFileSync(join(REPO_ROOT, 'test/fixtures/memcon-telcon/source.txt'), path);
  assert.equal(chooseReader(await probeFile(path)).name, 'text');
  const [item] = await readAll(path);
  assert.equal(item?.kind, 'document');
  if (item?.kind === 'document') {
    assert.equal(item.document.type, 'telcon');
    assert.equal(item.document.source.format, 'text');
  }
});

test('shared: the founding article in a .txt file is an article, by its news signs', { skip: sharedSkip }, async () => {
  const path = join(dir, 'seed.txt');
  copyFileSync(SEED_ARTICLE, path);
  const [item] = await readAll(path);
  assert.equal(item?.kind, 'article');
});

test('--article makes any text an article; plain notes are otherwise a document of type other', async () => {
  const path = join(dir, 'notes.md');
  writeFileSync(path, '# Notes on the dinner\n\nThe *guests* arrived at eight. See [the archive](https://example.test).\n\nThey left at ten.\n');
  const [asDocument] = await readAll(path);
  assert.equal(asDocument?.kind, 'document');
  if (asDocument?.kind === 'document') {
    assert.equal(asDocument.document.type, 'other');
    assert.equal(asDocument.document.title, 'Notes on the dinner');
    assert.equal(asDocument.document.source.format, 'markdown');
    assert.ok(!/[*#\]]|https/.test(asDocument.document.text));
  }
  const [asArticle] = await readAll(path, { asArticle: true });
  assert.equal(asArticle?.kind, 'article');
  if (asArticle?.kind === 'article') assert.equal(asArticle.article.title, 'Notes on the dinner');
});

test('legacy encodings are read and recorded; binary data is refused', async () => {
  const cp1251 = join(dir, 'cp1251.txt');
  // "Ельцин сказал" in Windows-1251.
  writeFileSync(cp1251, Buffer.from([0xc5, 0xeb, 0xfc, 0xf6, 0xe8, 0xed, 0x20, 0xf1, 0xea, 0xe0, 0xe7, 0xe0, 0xeb, 0x2e]));
  const [item] = await readAll(cp1251);
  assert.ok(item?.kind === 'document' && item.document.text === 'Ельцин сказал.' && item.document.source.format === 'text; charset=windows-1251');
  const binary = join(dir, 'binary.txt');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xde, 0xad]));
  await assert.rejects(readAll(binary), (error) => isVerbatimError(error, 'VBT_ERR_TEXT_ENCODING'));
});
