import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IndexTokenizer, type TermIds } from '../../src/store/sqlite/index-tokenizer.ts';
import { fingerprints, fingerprintsOfStems } from '../../src/trace/fingerprint.ts';

const TOKENIZE = "'porter unicode61 remove_diacritics 2'";

test('tokens as FTS5 makes them: stems, folded diacritics, punctuation splitting a chunk, in order', () => {
  const tokenizer = new IndexTokenizer(TOKENIZE);
  assert.deepEqual(tokenizer.tokens('Négotiations, U.S.-Soviet talks resumed'), ['negoti', 'u', 's', 'soviet', 'talk', 'resum']);
  assert.deepEqual(tokenizer.tokens(''), []);
});

test('a cache too small for one batch still tokenizes every text as an unbounded one does', () => {
  const texts = ['the first alliance talks', 'second talks about the alliance', 'third: harvests, weather and talks'];
  const unbounded = new IndexTokenizer(TOKENIZE);
  const bounded = new IndexTokenizer(TOKENIZE, 3);
  const words = (tokenizer: IndexTokenizer, { ids: { values, starts, counts } }: TermIds) =>
    Array.from(starts, (start, text) => Array.from(values.subarray(start, start + (counts[text] as number)), (id) => tokenizer.terms[id]));
  assert.deepEqual(words(bounded, bounded.termIds(texts)), words(unbounded, unbounded.termIds(texts)));
  assert.deepEqual(words(bounded, bounded.termIds(texts.slice(1))), words(bounded, bounded.termIds(texts)).slice(1));
});

test('beside each text\'s terms come its fingerprint stems: the fingerprints made from them are the text\'s own', () => {
  const texts = ['The Secretary said the treaty would be signed in the spring.', '', 'Gromyko:', 'Négotiations, U.S.-Soviet talks resumed at Geneva on Tuesday.'];
  const tokenizer = new IndexTokenizer(TOKENIZE, 4);
  for (let round = 0; round < 2; round += 1) {
    const { values, starts, counts } = tokenizer.termIds(texts).stems;
    texts.forEach((text, index) => {
      const start = starts[index] as number;
      assert.deepEqual(fingerprintsOfStems(values.subarray(start, start + (counts[index] as number))), fingerprints(text), text);
    });
  }
});
