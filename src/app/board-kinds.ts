import type { BoardType } from '../core/boards';

/** The kinds of board offered when adding a board, in the order the menu lists them. */
export const BOARD_KINDS = ['notes', 'swot', 'stakeholders', 'ground-rules'] as const satisfies readonly BoardType[];
export type BoardKind = (typeof BOARD_KINDS)[number];
