import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { afterLoadDocumentPayload, onAwarenessUpdatePayload, onChangePayload } from '@hocuspocus/server';
import { Redis as RedisClient } from 'ioredis';
import type { Health } from './health';

/** Hocuspocus's Redis extension, which passes every change and presence update of a room to the
 *  other hub processes holding it, made to ride out Redis going away: rooms already held carry on
 *  alone, a room opened meanwhile opens without waiting for Redis, and when Redis answers again
 *  each room held tells the others what it has (a sync step 1), so both sides catch up. */
class SharedRooms extends RedisExtension {
  readonly #health: Health;

  constructor(url: string, health: Health) {
    const clients: RedisClient[] = [];
    super({
      prefix: 'cg',
      // Commands wait while Redis is away and go out when it returns, never failing in between: the
      // extension does not catch a failed publish everywhere, and Node ends on an uncaught one.
      createClient: () => {
        const client = new RedisClient(url, { maxRetriesPerRequest: null });
        clients.push(client);
        return client;
      },
    });
    this.#health = health;
    for (const client of clients) {
      client.on('error', (error: Error) => health.down('redis', error));
      client.on('close', () => health.down('redis', new Error('connection closed')));
      client.on('ready', () => health.up('redis'));
    }
    // The subscriber (created second) decides: rooms are shared again once it listens.
    clients[1]!.on('ready', () => this.#catchUp());
  }

  /** A room opened while Redis is away is subscribed to when it returns (#catchUp). */
  override async afterLoadDocument(payload: afterLoadDocumentPayload): Promise<unknown> {
    if (this.sub.status !== 'ready') return undefined;
    return super.afterLoadDocument(payload);
  }

  /** Saves need no lock between processes: PgStore folds concurrent saves safely, and a process
   *  that cannot get a lock would skip its save and print an error. */
  override async onStoreDocument(): Promise<void> {}

  override async onChange(data: onChangePayload): Promise<unknown> {
    return this.sub.status === 'ready' ? super.onChange(data) : undefined;
  }

  override async onAwarenessUpdate(data: onAwarenessUpdatePayload): Promise<number | undefined> {
    return this.sub.status === 'ready' ? super.onAwarenessUpdate(data) : undefined;
  }

  /** Subscribes to every room held and publishes its state vector: the other processes answer
   *  with what this one lacks, and ask in turn for what they lack. */
  #catchUp(): void {
    for (const [documentName, document] of this.instance?.documents ?? []) {
      super.afterLoadDocument({ documentName, document } as afterLoadDocumentPayload).catch((error: unknown) => this.#health.down('redis', error));
    }
  }
}

export function sharedRooms(url: string, health: Health): RedisExtension {
  return new SharedRooms(url, health);
}
