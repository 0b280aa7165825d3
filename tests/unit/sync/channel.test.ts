import { describe, expect, it } from 'vitest';
import { FrameCipher } from '../../../src/core/channel/frames';
import {
  channelCiphers, decodeChallenge, decodeHello, decodeRegister, deviceProven, encodeChallenge, encodeFinish, encodeHello,
  encodeRegister, ephemeral, helloFor, hubProven, sharedSecret,
} from '../../../src/core/channel/handshake';
import { roomKeys } from '../../../src/core/channel/room-keys';

const text = (s: string) => new TextEncoder().encode(s);
const keys = roomKeys('w0rkshop0id00001', 's'.repeat(32));
const stranger = roomKeys('w0rkshop0id00001', 't'.repeat(32));

/** Both ends of one handshake, the hub knowing `hubAuth` (or not knowing the room). */
function handshake(deviceAuth: Uint8Array, hubAuth: Uint8Array | null) {
  const device = ephemeral();
  const hub = ephemeral();
  const hello = decodeHello(encodeHello(device, deviceAuth))!;
  const challenge = decodeChallenge(encodeChallenge(hub, hello, hubAuth))!;
  return { device, hub, hello, challenge };
}

describe('the channel\'s frames', () => {
  it('open in order, and a replayed, reordered or altered frame fails', () => {
    const key = new Uint8Array(32).fill(7);
    const sender = new FrameCipher(key);
    const frames = ['one', 'two', 'three'].map((s) => sender.seal(text(s)));

    const inOrder = new FrameCipher(key);
    expect(frames.map((f) => new TextDecoder().decode(inOrder.open(f)!))).toEqual(['one', 'two', 'three']);

    const replayed = new FrameCipher(key);
    expect(replayed.open(frames[0]!)).not.toBeNull();
    expect(replayed.open(frames[0]!)).toBeNull();

    expect(new FrameCipher(key).open(frames[1]!)).toBeNull();

    const altered = frames[0]!.slice();
    altered[0]! ^= 1;
    expect(new FrameCipher(key).open(altered)).toBeNull();
  });

  it('carry no plaintext', () => {
    const sealed = new FrameCipher(new Uint8Array(32)).seal(text('a note nobody on the Wi-Fi may read'));
    expect(Buffer.from(sealed).includes(Buffer.from('note'))).toBe(false);
  });
});

describe('the handshake', () => {
  it('lets a device that holds the key in, both ends agreeing on the channel keys', () => {
    const { device, hub, hello, challenge } = handshake(keys.auth, keys.auth);
    expect(helloFor(hello, keys.auth)).toBe(true);
    expect(hubProven(keys.auth, hello, challenge)).toBe(true);
    expect(deviceProven(encodeFinish(keys.auth, hello, challenge), keys.auth, hello, hub)).toBe(true);
    const deviceSide = channelCiphers(sharedSecret(device, challenge.key)!, keys.auth, hello, challenge);
    const hubSide = channelCiphers(sharedSecret(hub, hello.key)!, keys.auth, hello, hub);
    expect(new TextDecoder().decode(hubSide.toHub.open(deviceSide.toHub.seal(text('to the hub')))!)).toBe('to the hub');
    expect(new TextDecoder().decode(deviceSide.toDevice.open(hubSide.toDevice.seal(text('to the device')))!)).toBe('to the device');
  });

  it('names no room, and a hello changes with every connection', () => {
    const a = encodeHello(ephemeral(), keys.auth);
    const b = encodeHello(ephemeral(), keys.auth);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(a).includes(Buffer.from(keys.room))).toBe(false);
    expect(Buffer.from(a).includes(Buffer.from(keys.auth))).toBe(false);
  });

  it('refuses a device with another key, and a device refuses a hub that cannot prove the key (a man in the middle)', () => {
    const { hub, hello } = handshake(stranger.auth, keys.auth);
    expect(helloFor(hello, keys.auth)).toBe(false);
    expect(deviceProven(encodeFinish(stranger.auth, hello, hub), keys.auth, hello, hub)).toBe(false);

    const mitm = handshake(keys.auth, stranger.auth);
    expect(hubProven(keys.auth, mitm.hello, mitm.challenge)).toBe(false);
    const unproven = handshake(keys.auth, null);
    expect(hubProven(keys.auth, unproven.hello, unproven.challenge)).toBe(false);
  });

  it('refuses a replayed finish: it proves only the connection it was made for', () => {
    const first = handshake(keys.auth, keys.auth);
    const finish = encodeFinish(keys.auth, first.hello, first.challenge);
    const again = ephemeral();
    expect(deviceProven(finish, keys.auth, first.hello, again)).toBe(false);
  });

  it('hands the room\'s key only to a hub that holds the pairing code', () => {
    const { device, hub, hello, challenge } = handshake(keys.auth, null);
    const register = encodeRegister(sharedSecret(device, challenge.key)!, 'ab12-cd34', hello, challenge, keys);
    expect(Buffer.from(register).includes(Buffer.from(keys.auth))).toBe(false);
    const shared = sharedSecret(hub, hello.key)!;
    expect(decodeRegister(register, shared, 'AB12CD34', hello, hub)).toEqual(keys);
    expect(decodeRegister(register, shared, 'AB12CD35', hello, hub)).toBeNull();
    expect(decodeRegister(register, shared, '', hello, hub)).toBeNull();
  });
});
