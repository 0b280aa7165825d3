/** After moving a row up or down, puts focus back on the button that moved it (or its twin when
 *  that one is now disabled, at the top or bottom), so pressing again keeps moving the same row.
 *  The buttons' ids are `<prefix>-<id>-up` and `<prefix>-<id>-down`. Runs after the list has
 *  re-rendered. */
export function keepFocusAfterMove(prefix: string, id: string, direction: 'up' | 'down'): void {
  setTimeout(() => {
    const same = document.getElementById(`${prefix}-${id}-${direction}`) as HTMLButtonElement | null;
    const other = document.getElementById(`${prefix}-${id}-${direction === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  });
}
