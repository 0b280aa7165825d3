import { normalise } from './similarity';

/** A board's find box: the words of a query, matched case-folded and in any order against an
 *  entry's texts (a note's text, a stakeholder's name and details). Khmer, written without
 *  spaces, matches as a run of letters inside a word. */
export function findWords(query: string): string[] {
  return normalise(query).split(' ').filter(Boolean);
}

/** Whether every word of the query occurs in one of `texts`; no words match everything. */
export function matchesFind(words: readonly string[], ...texts: string[]): boolean {
  if (words.length === 0) return true;
  const haystack = normalise(texts.join(' '));
  return words.every((word) => haystack.includes(word));
}
