/** The stateless message apps sent through the relay as their heartbeat before the channel had
 *  its own (./channel/frames.ts); the hub still answers it for apps cached on phones. */
export const RELAY_PING = 'cg-ping';
