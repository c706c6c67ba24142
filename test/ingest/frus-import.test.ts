/**
 * `verbatim import frus` against a local HTTP server standing in for the FRUS repository:
 * the real network is never touched.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { downloadVolume } from '../../src/ingest/frus-import.ts';
import { runCliJson } from '../helpers/cli.ts';
import { REPO_ROOT, tempDir } from '../helpers/shared.ts';

const VOLUME = readFileSync(join(REPO_ROOT, 'test/fixtures/tei/small-volume.xml'));
const ETAG = '"v1"';

/** Serves /volumes/frus9999-99v01.xml with Range support; can cut the first response short. */
async function fakeRepository(options: { cutFirstResponseAt?: number } = {}) {
  const requests: { url: string; range?: string }[] = [];
  let cut = options.cutFirstResponseAt;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests.push({ url: request.url ?? '', range: request.headers.range });
    if (request.url !== '/volumes/frus9999-99v01.xml') {
      response.writeHead(404).end('not found');
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = range && request.headers['if-range'] === ETAG ? Number(range[1]) : 0;
    const body = VOLUME.subarray(start);
    response.writeHead(start > 0 ? 206 : 200, {
      'content-length': String(body.length),
      etag: ETAG,
      ...(start > 0 ? { 'content-range': `bytes ${start}-${VOLUME.length - 1}/${VOLUME.length}` } : {}),
    });
    if (cut !== undefined) {
      response.write(body.subarray(0, cut));
      cut = undefined;
      setTimeout(() => response.destroy(), 20);
      return;
    }
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

test('an interrupted download resumes with a Range request and then ingests', async () => {
  const repo = await fakeRepository({ cutFirstResponseAt: 1500 });
  const archive = tempDir();
  try {
    const first = await runCliJson<{ failed: { error: string }[]; downloads: unknown[] }>([
      'import', 'frus', 'frus9999-99v01', '--db', archive, '--source', repo.url,
    ]);
    assert.equal(first.status, 1);
    assert.match(first.json.failed[0]?.error ?? '', /interrupted after \d+ .*run again to resume/);
    const part = join(archive, 'downloads/frus9999-99v01.xml.part');
    assert.ok(existsSync(part));
    const kept = statSync(part).size;
    // How much of the cut response arrived before the socket closed depends on timing; some did, not all.
    assert.ok(kept > 0 && kept < VOLUME.length);

    const second = await runCliJson<{ ingested: number; documents: number; downloads: { how: string; bytes: number }[] }>([
      'import', 'frus', 'frus9999-99v01', '--db', archive, '--source', repo.url,
    ]);
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual(second.json.downloads.map((d) => [d.how, d.bytes]), [['resumed', VOLUME.length]]);
    assert.equal(second.json.ingested, 3);
    assert.equal(repo.requests.at(-1)?.range, `bytes=${kept}-`);
    assert.deepEqual(readFileSync(join(archive, 'downloads/frus9999-99v01.xml')), VOLUME);
  } finally {
    await repo.close();
  }
});

test('a complete copy is reused, and --refresh downloads again', async () => {
  const repo = await fakeRepository();
  const dir = tempDir();
  try {
    assert.equal((await downloadVolume('frus9999-99v01', dir, { source: repo.url })).how, 'downloaded');
    assert.equal((await downloadVolume('frus9999-99v01', dir, { source: repo.url })).how, 'cached');
    assert.equal(repo.requests.length, 1);
    assert.equal((await downloadVolume('frus9999-99v01', dir, { source: repo.url, refresh: true })).how, 'downloaded');
  } finally {
    await repo.close();
  }
});

test('an unknown volume and a malformed id are clear errors', async () => {
  const repo = await fakeRepository();
  try {
    await assert.rejects(downloadVolume('frus0000v99', tempDir(), { source: repo.url }), /not found \(is the volume id right\?\)/);
    await assert.rejects(downloadVolume('../../etc/passwd', tempDir(), { source: repo.url }), /not a FRUS volume id/);
    await assert.rejects(downloadVolume('frus9999-99v01', tempDir(), { source: 'http://127.0.0.1:9' }), /download of .* failed/);
  } finally {
    await repo.close();
  }
});
