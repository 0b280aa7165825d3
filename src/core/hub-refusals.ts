/** Why the hub's relay turned a device away: the reason it sends when it closes the device's
 *  socket, which the device shows in words. Shared by the hub and the app so the two cannot
 *  drift apart. */
export const HUB_REFUSALS = ['update-too-large', 'room-full', 'hub-full', 'not-invited'] as const;
export type HubRefusal = (typeof HUB_REFUSALS)[number];

/** The close code of a refusal (4000–4999 are left to applications); the reason is the refusal. */
export const REFUSAL_CLOSE_CODE = 4413;

export const isHubRefusal = (reason: unknown): reason is HubRefusal =>
  (HUB_REFUSALS as readonly unknown[]).includes(reason);
