/** The stateless message a device sends through the relay every few seconds and the hub sends
 *  straight back: how a device learns, without waiting on TCP, that its link to the hub died. */
export const RELAY_PING = 'cg-ping';
