import { describeError, type Log } from './log';

/** A service an organisation's hub depends on. */
export type Service = 'redis' | 'database';

/** What `/healthz` says of each: 'off' when the hub was started without it. */
export type Reachability = 'up' | 'down' | 'off';

/** Whether Redis and Postgres answered last time, told on each change in one log line: an outage
 *  that makes every update fail must not print a line per update. */
export class Health {
  readonly #log: Log;
  readonly #state = new Map<Service, 'up' | 'down'>();

  constructor(log: Log, services: readonly Service[]) {
    this.#log = log;
    for (const service of services) this.#state.set(service, 'up');
  }

  of(service: Service): Reachability {
    return this.#state.get(service) ?? 'off';
  }

  /** A call to `service` succeeded. */
  up(service: Service): void {
    if (this.#state.get(service) !== 'down') return;
    this.#state.set(service, 'up');
    this.#log(`${service}-back`, 'reachable again; catching up');
  }

  /** `log`, without the per-room save failures of an outage already reported. */
  quiet(log: Log): Log {
    return (event, details) => {
      if (this.of('database') === 'down' && /^(save|load)-failed$/.test(event)) return;
      log(event, details);
    };
  }

  /** A call to `service` failed: the first failure is logged, the rest are the same outage. */
  down(service: Service, error: unknown): void {
    if (this.#state.get(service) !== 'up') return;
    this.#state.set(service, 'down');
    this.#log(`${service}-lost`, `${describeError(error) || 'no answer'}; serving the rooms held, catching up when it returns`);
  }
}
