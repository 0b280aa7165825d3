/** Every event the hub reports is one line, `hub: <event> <details>`: a facilitator can read the
 *  terminal at a glance, and tests can check what was reported. */
export type Log = (event: string, details?: string) => void;

/** Keeps a report on one line even when it quotes a client's text or an error message. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').slice(0, 300);

export const consoleLog: Log = (event, details) => {
  console.log(details ? `hub: ${event} ${oneLine(details)}` : `hub: ${event}`);
};

export const describeError = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
