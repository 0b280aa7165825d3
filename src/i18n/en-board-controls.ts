/** A board's facilitator controls: lock, silent brainstorm and dot voting. */
export const boardControlMessages = {
} as const;
