import type { Board } from '../core/boards';
import { t } from '../i18n/i18n';

/** The kinds of board offered when adding a board, in the order the menu lists them. */
export { BOARD_TYPES as BOARD_KINDS, type BoardType as BoardKind } from '../core/board-kinds';

/** "3 notes", "5 stakeholders", "2 proposals": what a board's `itemCount` counts, by its kind. */
export function countLabel(board: Board): string {
  return t(`board.count.${board.type}`, { count: board.itemCount });
}
