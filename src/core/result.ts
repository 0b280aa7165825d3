/** Expected failures are values, not exceptions: the caller must look at `ok`.
 *  Error codes double as i18n keys, so every failure has a message a participant can read. */
export type Result<T, E extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: E; detail?: string };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E extends string>(error: E, detail?: string): Result<never, E> => ({ ok: false, error, detail });
