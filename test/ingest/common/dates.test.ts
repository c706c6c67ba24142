import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDate, isoFromValue, usNumericDate } from '../../../src/ingest/common/dates.ts';
import { detectLanguage } from '../../../src/ingest/common/language.ts';
import { decodeText } from '../../../src/ingest/common/decode.ts';
import { canonicalUrl } from '../../../src/ingest/common/ids.ts';
import { isVerbatimError } from '../../../src/errors.ts';

test('findDate reads the shapes records and articles print, earliest first', () => {
  assert.deepEqual(findDate('met on January 13–14, 1994 at Novo-Ogaryovo'), {
    start: '1994-01-13', end: '1994-01-14', precision: 'range', text: 'January 13–14, 1994',
  });
  assert.equal(findDate('Jan. 14, 1994')?.start, '1994-01-14');
  assert.equal(findDate('14 января 1994 г.')?.start, '1994-01-14');
  assert.equal(findDate('опубликовано 14.01.2024')?.start, '2024-01-14');
  assert.deepEqual(findDate('in April 2022, Clinton wrote'), { start: '2022-04', precision: 'month', text: 'April 2022' });
  assert.equal(findDate('February 30, 1994'), undefined, 'an impossible day is no date');
  assert.equal(findDate('in 1994, during a conversation'), undefined, 'a bare year is too vague for a dateline');
});

test('isoFromValue keeps ISO date-times and reads anything else as a date', () => {
  assert.equal(isoFromValue('2024-01-15T09:30:00+03:00'), '2024-01-15T09:30:00+03:00');
  assert.equal(isoFromValue('Mon, 15 Jan 2024 09:30:00 GMT'), '2024-01-15');
  assert.equal(usNumericDate('6/28/2018'), '2018-06-28');
  assert.equal(usNumericDate('06/28/18'), '2018-06-28');
});

test('detectLanguage tells the archive\'s news languages apart by script and function words', () => {
  assert.equal(detectLanguage('The President said that the treaty was in the interest of both sides.'), 'en');
  assert.equal(detectLanguage('Ельцин предложил Клинтону принять Россию в НАТО первой из европейских стран.'), 'ru');
  assert.equal(detectLanguage('Der Präsident sagte, dass die Verhandlungen nicht mit dem Vertrag zu tun haben.'), 'de');
  assert.equal(detectLanguage('12345 --- 678'), 'und');
});

test('decodeText: UTF-8, BOMs, Windows-1251 by its letters, and binary refused', () => {
  assert.deepEqual(decodeText(Buffer.from('Ельцин', 'utf8'), 'a'), { text: 'Ельцин', encoding: 'utf-8' });
  const cp1251 = Buffer.from([0xc5, 0xeb, 0xfc, 0xf6, 0xe8, 0xed, 0x20, 0xe8, 0x20, 0xca, 0xeb, 0xe8, 0xed, 0xf2, 0xee, 0xed]);
  assert.deepEqual(decodeText(cp1251, 'a'), { text: 'Ельцин и Клинтон', encoding: 'windows-1251' });
  assert.equal(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'a').text, 'café');
  assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'a').text, 'A');
  assert.throws(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff]), 'x.txt'), (error) => isVerbatimError(error, 'VBT_ERR_TEXT_ENCODING'));
  assert.throws(() => decodeText(Buffer.from([0xe9]), 'x.html', 'x-no-such-charset'), /unknown charset/);
});

test('canonicalUrl drops fragments, tracking parameters and trailing slashes', () => {
  assert.equal(canonicalUrl('https://WWW.Example.test/a/b/?utm_source=x&id=3#top'), 'https://www.example.test/a/b?id=3');
  assert.equal(canonicalUrl('/relative/path'), undefined);
  assert.equal(canonicalUrl('javascript:alert(1)'), undefined);
});
