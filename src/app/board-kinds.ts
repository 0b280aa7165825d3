import { boardWords, otherWords, type BoardWords } from '../core/board-words';
import type { Board } from '../core/boards';
import { locale, t } from '../i18n/i18n';

/** The kinds of board offered when adding a board, in the order the menu lists them. */
export { BOARD_TYPES as BOARD_KINDS, type BoardType as BoardKind } from '../core/board-kinds';

/** "3 notes", "5 stakeholders", "2 proposals": what a board's `itemCount` counts, by its kind. */
export function countLabel(board: Board): string {
  return t(`board.count.${board.type}`, { count: board.itemCount });
}

/** The board's title and question in this person's language (the other's where it has none). */
export const shownWords = (board: Board): BoardWords => boardWords(board, locale());

/** The board as this person reads it, for lists and menus that show only its title. */
export const localized = (board: Board): Board => ({ ...board, ...shownWords(board) });

/** What the other language says beyond `shownWords`: a facilitator sees both. */
export const otherLanguageWords = (board: Board): BoardWords | undefined => otherWords(board, locale());

/** The language `otherLanguageWords` is in, for the `lang` of its text. */
export const otherLanguage = (): 'en' | 'km' => (locale() === 'km' ? 'en' : 'km');
