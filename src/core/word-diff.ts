/** One run of a comparison of two texts: words both share, or only the older or newer has. */
export interface DiffPart {
  text: string;
  change: 'same' | 'removed' | 'added';
}

/** Splits a text into words and the spaces and punctuation between them. Khmer writes no spaces
 *  between words, so the browser's word segmenter (ICU dictionaries) finds them where it exists. */
function tokens(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    return [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)].map((s) => s.segment);
  }
  return text.split(/(\s+)/).filter((t) => t !== '');
}

/** Word-level comparison of `before` and `after` (longest common subsequence), merged into runs,
 *  for a side-by-side of two versions. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // lengths[i][j]: longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (text: string, change: DiffPart['change']) => {
    const last = parts[parts.length - 1];
    if (last?.change === change) last.text += text;
    else parts.push({ text, change });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { push(a[i++]!, 'same'); j++; }
    else if (j < b.length && (i === a.length || lengths[i]![j + 1]! >= lengths[i + 1]![j]!)) push(b[j++]!, 'added');
    else push(a[i++]!, 'removed');
  }
  return parts;
}
