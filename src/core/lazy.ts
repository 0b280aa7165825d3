/* The app's code beyond the first screen comes in chunks fetched on first use. On a room's
 * patchy Wi-Fi (or when the browser sees its network change) such a fetch can fail once and work
 * a second later, so every lazy load goes through here: tried again a few times, and when it still
 * fails, the app says so and offers a reload instead of waiting forever on a spinner. Browsers do
 * not remember a failed module fetch (checked in Chromium), so trying the same import again
 * fetches it again. */

/** Pauses between attempts: about six seconds in all before the app gives up. */
export const RETRY_PAUSES_MS: readonly number[] = [300, 1500, 4000];

type Listener = (error: unknown) => void;
const listeners = new Set<Listener>();

/** Calls `listener` each time a lazy load fails for good. Returns the function that stops it. */
export function onLoadFailure(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `load` (a dynamic import) until it succeeds or the pauses run out. */
export async function lazy<T>(load: () => Promise<T>, pauses: readonly number[] = RETRY_PAUSES_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      const wait = pauses[attempt];
      if (wait === undefined) {
        console.error(error);
        for (const listener of listeners) listener(error);
        throw error;
      }
      await pause(wait);
    }
  }
}
