/* A board's title and question may be written in English and in Khmer: `title` and `prompt` are
 * the English (or only) words, `titleKm` and `promptKm` the Khmer ones. Each reader sees their
 * language's, and the other language's where theirs is missing. */

export type BoardLanguage = 'en' | 'km';

export interface BoardWords {
  title: string;
  prompt: string;
}

/** The board fields that carry words, as `Board` has them (a missing Khmer field is absent). */
export interface BilingualWords extends BoardWords {
  titleKm?: string;
  promptKm?: string;
}

const inKhmer = (board: BilingualWords): BoardWords => ({ title: board.titleKm ?? '', prompt: board.promptKm ?? '' });

/** Each field in `language` where it is written, else in the other language. */
export function boardWords(board: BilingualWords, language: BoardLanguage): BoardWords {
  const [mine, other] = language === 'km' ? [inKhmer(board), board] : [board, inKhmer(board)];
  return { title: mine.title || other.title, prompt: mine.prompt || other.prompt };
}

/** The other language's words when they say something `boardWords` does not already show (what
 *  a facilitator sees under the board's title); undefined when there is nothing to add. */
export function otherWords(board: BilingualWords, language: BoardLanguage): BoardWords | undefined {
  const shown = boardWords(board, language);
  const other = language === 'km' ? board : inKhmer(board);
  const words = { title: other.title === shown.title ? '' : other.title, prompt: other.prompt === shown.prompt ? '' : other.prompt };
  return words.title || words.prompt ? words : undefined;
}

/** What a reader of an export sees: one language, or both side by side. */
export type ExportLanguage = BoardLanguage | 'both';

/** The words of an export in `language`. */
export const exportWords = (board: BilingualWords, language: ExportLanguage): BoardWords =>
  language === 'both' ? bothWords(board) : boardWords(board, language);

/** Both languages at once (an export in English and Khmer): the titles side by side, the
 *  questions one under the other. */
export function bothWords(board: BilingualWords): BoardWords {
  const en = boardWords(board, 'en');
  const km = boardWords(board, 'km');
  const join = (a: string, b: string, separator: string) => (a === b ? a : [a, b].filter(Boolean).join(separator));
  return { title: join(en.title, km.title, ' · '), prompt: join(en.prompt, km.prompt, '\n') };
}
