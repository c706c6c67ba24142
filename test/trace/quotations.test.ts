import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuotations } from '../../src/trace/quotations.ts';

const speech = (text: string) => extractQuotations(text).filter((q) => q.kind === 'speech');

test('every quotation convention is paired, with its offset inside the marks', () => {
  const cases: [string, string][] = [
    ['Reagan said: “We must talk.”', '“'],
    ['Reagan said: "We must talk."', '"'],
    ['Ельцин сказал: «Мы должны говорить».', '«'],
    ['Jelzin sagte: „Wir müssen reden.“', '„'],
    ['Reagan said: ‘We must talk.’', '‘'],
    ['Jelzin sagte: ‚Wir müssen reden.‘', '‚'],
  ];
  for (const [text, mark] of cases) {
    const [quote] = extractQuotations(text);
    assert.ok(quote, text);
    assert.equal(quote.mark, mark);
    assert.equal(text.slice(quote.offset, quote.offset + quote.length), quote.text);
  }
});

test('apostrophes are not single quotes', () => {
  const quotes = extractQuotations('Russia’s entry and the Soviets’ view were discussed. It’s late.');
  assert.deepEqual(quotes, []);
});

test('nested quotes are found and marked, and classified apart from the outer quote', () => {
  const quotes = extractQuotations('Gorbachev wrote: “They read like the ‘No. 1 Communist’ and the ‘No. 1 Imperialist’ arguing with each other.”');
  const outer = quotes.find((q) => !q.nested);
  assert.equal(outer?.speaker, 'Gorbachev');
  assert.deepEqual(quotes.filter((q) => q.nested).map((q) => q.text), ['No. 1 Communist', 'No. 1 Imperialist']);
});

test('a quote continuing into a new paragraph is one quotation without the reopening mark', () => {
  const [quote] = speech('Reagan said: “The first part.\n\n“The second part,” he added.');
  assert.equal(quote?.text, 'The first part. The second part,');
});

test('an unclosed mark does not swallow the article', () => {
  assert.deepEqual(extractQuotations('He said “this is never closed.\n\nAnother paragraph here.'), []);
});

test('speakers from English cues, before and after the quote, keeping the cue', () => {
  const cases: [string, string, string][] = [
    ['“We will not be first,” said Gorbachev.', 'Gorbachev', 'said'],
    ['“We will not be first,” Gorbachev told reporters.', 'Gorbachev', 'told'],
    ['According to Kissinger, “the Chinese side has agreed to the visit.”', 'Kissinger', 'According to'],
    ['Yeltsin called the alliance “a kind of cartel” that would unite Europe.', 'Yeltsin', 'called'],
    ['In response, the American president “very carefully” noted that Russia has a history.', 'the American president', 'noted'],
    ['Shultz: “We are ready to proceed with the reductions now.”', 'Shultz', ':'],
  ];
  for (const [text, speaker, cue] of cases) {
    const [quote] = speech(text);
    assert.equal(quote?.speaker, speaker, text);
    assert.equal(quote?.cue, cue, text);
  }
});

test('speakers from Russian cues', () => {
  const quotes = speech('«Россия должна быть первой», — сказал Ельцин. По словам Клинтона, «это век мира».');
  assert.deepEqual(quotes.map((q) => [q.speaker, q.cue]), [['Ельцин', 'сказал'], ['Клинтона', 'По словам']]);
});

test('a quote opening a sentence without a cue continues the previous speaker', () => {
  const quotes = speech('“We must act,” said Reagan. “There is no time left for us.”');
  assert.equal(quotes[1]?.speaker, 'Reagan');
  assert.equal(quotes[1]?.cue, '(continues)');
});

test('descriptions resolve to the person the article introduced with that role', () => {
  const text = 'US President Bill Clinton met The first President of Russia, Boris Yeltsin, at dinner. ' +
    'Later the American president said that “a century of peace” was possible.';
  const [quote] = speech(text);
  assert.equal(quote?.speaker, 'the American president');
  assert.equal(quote?.speaker_name, 'Bill Clinton');
});

test('scare quotes and titles are classified, not attributed', () => {
  const quotes = extractQuotations('He doubted the so-called “peace dividend”. Clinton wrote an article titled “Why I Opened the Door”. The “reset” failed.');
  assert.deepEqual(quotes.map((q) => q.kind), ['scare', 'title', 'scare']);
  assert.ok(quotes.every((q) => q.speaker === undefined));
});
