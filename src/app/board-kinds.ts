import type { Board, BoardType } from '../core/boards';
import { t } from '../i18n/i18n';

/** The kinds of board offered when adding a board, in the order the menu lists them. */
export const BOARD_KINDS = ['notes', 'swot', 'stakeholders', 'ground-rules'] as const satisfies readonly BoardType[];
export type BoardKind = (typeof BOARD_KINDS)[number];

/** "3 notes", "5 stakeholders", "2 proposals": what a board's `itemCount` counts, by its kind. */
export function countLabel(board: Board): string {
  const kind = (BOARD_KINDS as readonly string[]).includes(board.type) ? (board.type as BoardKind) : 'notes';
  return t(`board.count.${kind}`, { count: board.itemCount });
}
