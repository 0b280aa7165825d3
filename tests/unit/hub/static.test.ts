import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, startTestHub, STUB_PAGE } from './helpers';

afterEach(cleanUp);

function get(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((done, fail) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

describe('the app as the hub serves it', () => {
  it('is gzipped for a browser that accepts it, and plain for one that does not', async () => {
    const hub = await startTestHub();
    const zipped = await get(hub.url('/'), { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(gunzipSync(zipped.body).toString()).toBe(STUB_PAGE);

    const plain = await get(hub.url('/'), {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(STUB_PAGE);
  });
});
