/**
 * Queries people type at the desk, misspellings included, and where a right answer lives (a
 * link prefix): at least one of the top three results must match. Used by the search content
 * test (tests/content/search.test.ts) and by `npm run bench` (its top-three share).
 */
export const SEARCH_FIXTURE: [string, string[]][] = [
  ['warm hand-off', ['modules/orientation/warm-hand-off-and-limits/', 'modules/duty-06-linking-to-resources/what-makes-a-hand-off-warm/', 'glossary/#warm-hand-off']],
  ['warm handof', ['modules/orientation/warm-hand-off-and-limits/', 'modules/duty-06-linking-to-resources/what-makes-a-hand-off-warm/', 'glossary/#warm-hand-off']],
  ['confidentiallity', ['modules/rights-library-bill-of-rights/privacy-and-confidentiality/', 'glossary/#confidentiality']],
  ['what can I say about a patron', ['modules/rights-library-bill-of-rights/privacy-and-confidentiality/#what-you-may-and-may-not-say-about-a-patron']],
  ['library jargon', ['modules/value-09-shared-power/language-that-shares-power/#catching-your-own-jargon', 'modules/duty-09-respectful-communication/words-that-respect/#clear-words-not-library-jargon', 'glossary/#library-jargon']],
  ['empathy or sympathy', ['modules/value-04-empathetic/feeling-with-not-for/#feeling-with-not-just-for', 'glossary/#empathy']],
  ['active listning', ['modules/value-04-empathetic/listening-at-any-desk/', 'glossary/#active-listening']],
  ['working alone', ['modules/value-01-voluntary/when-you-cannot-serve-someone-well/#working-alone-plan-it-before-the-shift', 'modules/duty-06-linking-to-resources/inside-the-library-and-beyond/#when-you-work-alone', 'modules/duty-08-crises/when-it-is-more/#plan-ahead-especially-if-you-work-alone']],
  ['suicide crisis lifeline', ['resources/', 'modules/duty-08-crises/']],
  ['roaming refrence', ['glossary/#roaming-reference', 'modules/duty-04-personalizing/']],
  ['cold send-off', ['modules/orientation/warm-hand-off-and-limits/#warm-hand-off-not-cold-send-off', 'glossary/#cold-send-off']],
  ['person driven', ['modules/value-12-person-driven/', 'glossary/#person-driven']],
  ['988', ['resources/#lifeline-988', 'modules/duty-08-crises/']],
  ['legal advice', ['modules/duty-11-advocacy/where-advocacy-stops/', 'modules/value-11-transparent/the-limits-of-your-role/']],
  ['someone in danger', ['modules/orientation/warm-hand-off-and-limits/#when-someone-may-be-in-danger', 'modules/duty-08-crises/when-it-is-more/', 'resources/#emergency-911']],
  ['reference interview', ['glossary/#reference-interview', 'modules/value-04-empathetic/listening-at-any-desk/']],
  ['decline to work with someone', ['modules/value-01-voluntary/when-you-cannot-serve-someone-well/']],
];
