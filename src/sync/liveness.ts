/** How a device tells a link that works from one that died without a goodbye, for the hub and for
 *  each peer alike: it pings every HEARTBEAT_MS, and a link silent for SILENT_MS is gone. Checked
 *  every HEARTBEAT_MS, a dead link is noticed within 8 s. */
export const HEARTBEAT_MS = 2_000;
export const SILENT_MS = 6_000;
