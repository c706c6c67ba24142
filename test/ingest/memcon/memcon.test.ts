/** US record structure from plain text: header, participants, turns, furniture, redactions. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BOX_MARK, looksLikeRecord, pagesOfText, parseRecord } from '../../../src/ingest/memcon/index.ts';
import { readFrusRecords } from '../../helpers/frus-record.ts';
import { layOutMemcon } from '../../helpers/memcon-layout.ts';
import { FRUS_V05, FRUS_VE13, REPO_ROOT, sharedSkip } from '../../helpers/shared.ts';

const TELCON = join(REPO_ROOT, 'test/fixtures/memcon-telcon');

test('a typed telcon: header fields, participants, turns, banners, stamp and redactions', () => {
  const expected = JSON.parse(readFileSync(join(TELCON, 'expected.json'), 'utf8'));
  const document = parseRecord(pagesOfText(readFileSync(join(TELCON, 'source.txt'), 'utf8')), { origin: 'source.txt' });
  assert.equal(document.type, expected.type);
  assert.equal(document.title, expected.title);
  assert.equal(document.date?.start, expected.date);
  assert.deepEqual([document.time?.start, document.time?.end], [expected.time.start, expected.time.end]);
  assert.equal(document.place, expected.place);
  assert.deepEqual(document.classification, expected.classification);
  const { text: _stampText, ...declassification } = document.declassification!;
  assert.deepEqual(declassification, expected.declassification);
  assert.deepEqual(document.participants.map((p) => [p.name, p.role]), expected.participants);
  assert.equal(document.style, expected.style);
  assert.deepEqual(document.turns.map((t) => [t.label, t.speaker.name]), expected.turns);
  assert.deepEqual(document.redactions.map((r) => [r.marked, r.exemptions]), expected.redactions);
  // Furniture is out of the running text; offsets point at what they describe.
  assert.ok(!/CONFIDENTIAL|DECLASSIFIED|KBH|- 2 -/.test(document.text));
  for (const r of document.redactions) assert.equal(document.text.slice(r.offset, r.offset + r.length), r.marked);
  for (const p of document.passages) {
    assert.equal(document.text.slice(p.start, p.end), p.text);
    assert.equal(p.id, `${document.id}-p${p.n}`);
  }
  assert.match(document.id, /^doc-[0-9a-f]{16}$/);
});

test('black boxes in OCR text become one redaction with the exemption printed beside them', () => {
  const document = parseRecord(['The President: We agreed on ███████ (b)(1) and on the rest.\n\nYeltsin: Yes.'], { origin: 'x' });
  assert.equal(document.redactions.length, 1);
  assert.equal(document.redactions[0]!.marked, `${BOX_MARK} (b)(1)`);
  assert.deepEqual(document.redactions[0]!.exemptions, ['(b)(1)']);
});

test('paragraphs run across page breaks; page breaks keep their offsets', () => {
  const pages = ['SECRET\n\n     The President said that the talks had gone well and that\n\n- 1 -\nSECRET', 'SECRET\n\nthe ministers would meet again in March.\n\n     Gorbachev agreed.\n\nSECRET'];
  const document = parseRecord(pages, { origin: 'x' });
  assert.equal(document.passages.length, 2);
  assert.match(document.passages[0]!.text, /that the ministers would meet/);
  assert.deepEqual(document.pages.map((p) => p.page), ['1', '2']);
  assert.equal(document.text.slice(document.pages[1]!.offset).startsWith('the ministers'), true);
});

test('looksLikeRecord: memcon heads yes, news and notes no', () => {
  assert.ok(looksLikeRecord(readFileSync(join(TELCON, 'source.txt'), 'utf8')));
  assert.ok(looksLikeRecord('SUBJECT: Dinner\nPARTICIPANTS: The President\n\nThe President: Welcome.'));
  assert.ok(!looksLikeRecord('Yeltsin asked Clinton to admit Russia to NATO\n\nThe first President of Russia said…'));
});

for (const [file, label] of [[FRUS_VE13, 'E-13 (dialogue)'], [FRUS_V05, 'V (narrative)']] as const) {
  test(`shared: FRUS ${label} memcons laid out as typed records are read back field by field`, { skip: sharedSkip }, () => {
    const memcons = readFrusRecords(file).filter((r) => /Memorandum of Conversation/.test(r.heading) && r.sides.length > 0);
    assert.ok(memcons.length >= 3);
    for (const record of memcons) {
      const { pages, expected } = layOutMemcon(record);
      const document = parseRecord(pages.map((lines) => lines.join('\n')), { origin: `${record.id}.txt` });
      const where = `${record.id}`;
      assert.equal(document.type, 'memcon', where);
      assert.equal(document.title, `Memorandum of Conversation: ${expected.subject}`, where);
      assert.equal(document.date?.start, expected.date, where);
      assert.equal(document.place, expected.place, where);
      assert.equal(document.participants.length, expected.participants, where);
      const sides = new Set(document.participants.map((p) => p.side).filter(Boolean));
      assert.equal(sides.size, expected.sides.length, where);
      assert.equal(document.classification?.marked, expected.classification, where);
      assert.equal(document.declassification?.case_number, expected.case_number, where);
      assert.equal(document.declassification?.authority, expected.authority, where);
      assert.equal(document.declassification?.date, expected.declassified, where);
      assert.equal(document.redactions.length, expected.redactions, where);
      assert.deepEqual(document.redactions[0]!.exemptions, ['(b)(1)'], where);
      if (expected.labelledParagraphs > 0) {
        assert.equal(document.style, 'dialogue', where);
        assert.equal(document.turns.length, expected.labelledParagraphs, where);
      }
      assert.ok(!document.text.includes(expected.classification), `${where}: banners out of the text`);
      assert.equal(document.pages.length, pages.length, where);
    }
  });
}
