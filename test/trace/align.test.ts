import assert from 'node:assert/strict';
import { test } from 'node:test';
import { align } from '../../src/trace/align.ts';
import { judgeWording } from '../../src/trace/verdict.ts';

const RECORD = 'Gorbachev said that the Soviet Union would reduce its missiles by 50 percent, and that he did not want an arms race in space.';
const verdictOf = (quote: string) => judgeWording(align(quote, RECORD)).verdict;

test('the same words are verbatim whatever the case, punctuation and spacing', () => {
  assert.equal(verdictOf('the Soviet Union would REDUCE its missiles,  by 50 percent'), 'verbatim');
  const alignment = align('would reduce its missiles', RECORD);
  assert.equal(RECORD.slice(alignment?.span.start, alignment?.span.end), 'would reduce its missiles');
});

test('elision, brackets, word forms and grammatical words are minor', () => {
  assert.equal(verdictOf('the Soviet Union would reduce … by 50 percent'), 'minor');
  assert.equal(verdictOf('[the General Secretary] did not want an arms race in space'), 'minor');
  assert.equal(verdictOf('the Soviet Union would reduced its missiles by 50 percent'), 'minor');
  assert.equal(verdictOf('a Soviet Union would reduce its missiles by 50 percent'), 'minor');
});

test('negation, numbers, names and content words make it altered, never verbatim', () => {
  for (const quote of [
    'he did want an arms race in space',
    'would reduce its missiles by 40 percent',
    'the American Union would reduce its missiles by 50 percent',
    'the Soviet Union would eliminate its missiles by 50 percent',
    'the Soviet Union would reduce its nuclear missiles by 50 percent',
  ]) {
    const { verdict, differences } = judgeWording(align(quote, RECORD));
    assert.equal(verdict, 'altered', quote);
    assert.ok(differences.length > 0);
  }
  assert.deepEqual(judgeWording(align('he did want an arms race in space', RECORD)).differences, ['negation', 'content-word']);
});

test('the diff marks what changed, with the record words as written', () => {
  const alignment = align('would reduce its rockets by fifty percent', RECORD);
  assert.deepEqual(alignment?.diff, [
    { op: 'same', quote: 'would reduce its', record: 'would reduce its' },
    { op: 'changed', quote: 'rockets', record: 'missiles' },
    { op: 'same', quote: 'by fifty percent', record: 'by 50 percent' },
  ]);
});

test('a word moved within the sentence is minor, not a change', () => {
  const { verdict, differences } = judgeWording(align('the Soviet Union would reduce by 50 percent its missiles', RECORD));
  assert.deepEqual([verdict, differences], ['minor', ['moved']]);
});

test('unrelated words are unsupported', () => {
  assert.equal(verdictOf('the weather in Geneva was cold and grey all week'), 'unsupported');
  assert.equal(judgeWording(undefined).verdict, 'unsupported');
});
