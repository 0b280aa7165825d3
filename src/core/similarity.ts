/** Near-duplicate detection for notes, so a comparison can show that two groups wrote the same
 *  thing in different words or spellings. Pure functions over texts; no Yjs. */

/** Two notes at or above this similarity count as the same theme. Tuned on short workshop notes:
 *  word-order changes and small spelling differences pass, notes sharing one word do not. */
export const NEAR_DUPLICATE = 0.6;

// Punctuation, symbols and format characters (Khmer writes zero-width spaces between words and
// ends sentences with ។, a punctuation mark) all separate words; marks (\p{M}) stay, since Khmer
// vowel signs and subscripts are part of its letters.
const SEPARATORS = /[\p{P}\p{S}\p{Cf}\p{Z}\s]+/gu;

/** Case-folded, compatibility-normalised words separated by single spaces. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('und').replace(SEPARATORS, ' ').trim();
}

interface Fingerprint {
  normalised: string;
  words: Set<string>;
  trigrams: Set<string>;
}

/** Character trigrams catch near-identical spellings and scripts written without spaces between
 *  words (Khmer); word sets catch reordered phrases. Both are taken on code points. */
function fingerprint(text: string): Fingerprint {
  const normalised = normalise(text);
  const words = new Set(normalised.split(' ').filter(Boolean));
  const chars = [...` ${normalised} `];
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(chars.slice(i, i + 3).join(''));
  return { normalised, words, trigrams };
}

function overlap(a: Set<string>, b: Set<string>): { shared: number; union: number } {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return { shared, union: a.size + b.size - shared };
}

function compare(a: Fingerprint, b: Fingerprint): number {
  if (!a.normalised || !b.normalised) return 0;
  if (a.normalised === b.normalised) return 1;
  const words = overlap(a.words, b.words);
  const grams = overlap(a.trigrams, b.trigrams);
  const jaccard = words.union ? words.shared / words.union : 0;
  const dice = grams.union ? (2 * grams.shared) / (grams.union + grams.shared) : 0;
  return Math.max(jaccard, dice);
}

/** 1 for texts identical after `normalise`, 0 when nothing is shared (or either is empty): the
 *  larger of the word Jaccard index and the character-trigram Dice coefficient. */
export function similarity(a: string, b: string): number {
  return compare(fingerprint(a), fingerprint(b));
}

export const isNearDuplicate = (a: string, b: string, threshold = NEAR_DUPLICATE): boolean =>
  similarity(a, b) >= threshold;

/** Every pair of indexes `[i, j]` (i < j) of `texts` that are near-duplicates; each text is
 *  fingerprinted once, so a board of a few hundred notes compares in milliseconds. */
export function similarPairs(texts: readonly string[], threshold = NEAR_DUPLICATE): [number, number][] {
  const prints = texts.map(fingerprint);
  const pairs: [number, number][] = [];
  for (let i = 0; i < prints.length; i++) {
    for (let j = i + 1; j < prints.length; j++) {
      if (compare(prints[i]!, prints[j]!) >= threshold) pairs.push([i, j]);
    }
  }
  return pairs;
}
