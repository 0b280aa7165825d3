import { normalisePairingCode } from '../core/channel/handshake';
import { roomKeys } from '../core/channel/room-keys';
import { t } from '../i18n/i18n';
import { registerRoom, type Registration } from '../sync/register-room';

/** What the facilitator is told after trying to register a workshop with a hub. */
export interface PairingOutcome {
  ok: boolean;
  message: string;
}

/** Registers the workshop's room with its hub (an http(s) origin) with the pairing code the hub
 *  printed: for a facilitator's device on another computer than the hub's, which the hub does
 *  not let register a room without it. */
export async function pairWithHub(workshopId: string, secret: string, hub: string, rawCode: string): Promise<PairingOutcome> {
  if (!normalisePairingCode(rawCode)) return { ok: false, message: t('pairing.noCode') };
  let how: Registration;
  try {
    how = await registerRoom(hub, roomKeys(workshopId, secret), rawCode);
  } catch {
    how = 'unreachable';
  }
  if (how === 'registered') return { ok: true, message: t('pairing.registered', { hub }) };
  return { ok: false, message: how === 'refused' ? t('pairing.refused') : t('pairing.unreachable', { hub }) };
}
