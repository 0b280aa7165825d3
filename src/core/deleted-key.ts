/** A deleted entry's key on this device: its board and id. Apart from deleted-entries.ts, so the
 *  store that keys rows by it does not bring the witness into the first load. */
export const deletedKey = (entry: { board: string; id: string }) => `${entry.board}|${entry.id}`;
