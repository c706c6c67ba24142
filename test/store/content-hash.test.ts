import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serializeRecord } from '../../src/store/content-hash.ts';

test('a record is stored whole, and its hash ignores only where it was read from', () => {
  const record = { id: 'x', text: 'Gorbachev said "no".', source: { origin: '/a/volume.xml', format: 'tei' } };
  const stored = serializeRecord(record);
  assert.deepEqual(JSON.parse(stored.body), record);
  assert.equal(serializeRecord({ ...record, source: { origin: '/elsewhere.xml', format: 'tei' } }).hash, stored.hash);
  assert.notEqual(serializeRecord({ ...record, text: 'Gorbachev said "yes".' }).hash, stored.hash);
  assert.deepEqual(JSON.parse(serializeRecord({ source: 1 }).body), { source: 1 });
});
