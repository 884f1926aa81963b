/**
 * Ranking rules of src/lib/site/search.ts on small made-up courses, so each rule can be seen to
 * decide an order on its own (the real course's share is held in tests/content/search.test.ts).
 */
import { expect, test } from 'vitest';
import { buildSearchIndex, Searcher, stem, type SearchSource } from '../../src/lib/site/search';

const section = (title: string, body: string, lesson = 'l'): SearchSource => ({ kind: 'section', title, context: `L · M`, href: `modules/m/${lesson}/#${title.toLowerCase().replace(/\W+/g, '-')}`, body, topic: 'L M' });
const filler = (n: number): SearchSource[] => Array.from({ length: n }, (_, i) => ({ kind: 'glossary', title: `Term ${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${i}`, context: 'Glossary', href: `glossary/#t${i}`, body: `unrelated wording number ${i}` }));
const top = (sources: SearchSource[], query: string, synonyms: string[][] = []) => new Searcher(JSON.parse(JSON.stringify(buildSearchIndex(sources, synonyms)))).search(query, 3).map((hit) => hit.doc.t);

test('of titles holding every query word, the one the query covers whole ranks first', () => {
  const sources: SearchSource[] = [
    { kind: 'glossary', title: 'Certified peer specialist', context: 'Glossary', href: 'glossary/#certified', body: 'a credential' },
    { kind: 'glossary', title: 'Peer specialist', context: 'Glossary', href: 'glossary/#peer', body: 'a role' },
    ...filler(10),
  ];
  expect(top(sources, 'what is a peer specialist')[0]).toBe('Peer specialist');
});

test('a word most documents hold counts for little against a rare one', () => {
  const common = Array.from({ length: 7 }, (_, i) => section(`Patron moment ${'abcdefgh'[i]}`, 'at the desk', `l${i}`));
  const sources = [...common, section('Patron honesty', 'say what you will promise'), section('Promise only what you can deliver', 'keeping your word'), ...filler(12)];
  // Counted at full weight, "patron" in a heading plus "promise" in the body beats "promise" in a heading.
  expect(top(sources, 'how much should I promise a patron')[0]).toBe('Promise only what you can deliver');
});

test("a section inherits part of its lesson's score", () => {
  const sources: SearchSource[] = [
    { kind: 'lesson', title: 'When they choose differently', context: 'M', href: 'modules/m/a/', body: 'respecting a decision' },
    { kind: 'section', title: 'Where it stops', context: 'When they choose differently · M', href: 'modules/m/a/#where-it-stops', body: 'safety limits', topic: 'x' },
    { kind: 'lesson', title: 'Other lesson', context: 'M', href: 'modules/m/b/', body: 'other things' },
    { kind: 'section', title: 'Where it ends', context: 'Other lesson · M', href: 'modules/m/b/#where-it-ends', body: 'safety limits', topic: 'x' },
    ...filler(10),
  ];
  const hits = top(sources, 'choose safety');
  expect(hits.indexOf('Where it stops')).toBeLessThan(hits.indexOf('Where it ends'));
  expect(hits).toContain('Where it ends');
});

test('irregular past forms meet their verbs', () => {
  expect(stem('told')).toBe(stem('tell'));
  expect(stem('chose')).toBe(stem('choose'));
  expect(stem('felt')).toBe(stem('feel'));
  expect(stem('telling')).toBe(stem('tell'));
});

test('"need" and "out" are topic words: a phrase with "out" is a synonym of its own', () => {
  const sources = [section('Noticing barriers', 'a barrier to access'), section('Keeping notes', 'keep notes short'), ...filler(10)];
  expect(top(sources, 'a rule keeps people out', [['barrier', 'keeps people out']])[0]).toBe('Noticing barriers');
  expect(top([section('Finding the need', 'what they need'), ...filler(10)], 'what does the patron need')[0]).toBe('Finding the need');
});

test('a synonym phrase is matched word for word, common words included: "open up" is not "open questions"', () => {
  const sources = [section('Open questions', 'questions that start a conversation'), section('When a patron shares', 'something personal is disclosed'), ...filler(10)];
  const synonyms = [['disclose', 'open up']];
  // Without the gap, "open" alone would pull the disclosure section into a question about open questions.
  expect(top(sources, 'good open questions', synonyms)).toEqual(['Open questions']);
  expect(top(sources, 'the patron wants to open up', synonyms)[0]).toBe('When a patron shares');
});

test('"reference" and "refer" are kept apart, and so are "officer" and "office"', () => {
  expect(stem('reference')).not.toBe(stem('refer'));
  expect(stem('references')).toBe(stem('reference'));
  expect(stem('referred')).toBe(stem('refer'));
  expect(stem('officer')).not.toBe(stem('office'));
  const sources = [section('The reference interview', 'asking what they need'), section('Referring on', 'refer the patron to a service'), ...filler(10)];
  // The last word typed also finds words it begins ("refer…" → "reference"), so it goes first here.
  expect(top(sources, 'how do I refer someone to a service')).toEqual(['Referring on']);
});
