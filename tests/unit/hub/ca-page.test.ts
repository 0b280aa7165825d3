import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { caRoutes } from '../../../src/hub/ca-page';
import { cleanUp, onCleanUp } from './helpers';

afterEach(cleanUp);

const CA = { der: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), name: 'Common Ground hub on laptop' };

/** caRoutes on a plain server: what it answers, and whether it left a path to the app. */
async function serve() {
  const routes = caRoutes(CA, () => 'https://192.168.1.20:8787/ca');
  const server = createServer((req, res) => {
    if (!routes(req, res)) res.writeHead(404).end('app');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  onCleanUp(() => new Promise((done) => server.close(done)));
  const { port } = server.address() as AddressInfo;
  return (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${path}`, { headers });
}

describe('the /ca page', () => {
  it('serves the authority as the file phones install, and leaves every other path to the app', async () => {
    const get = await serve();
    const file = await get('/ca.crt');
    expect(file.headers.get('content-type')).toBe('application/x-x509-ca-cert');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="common-ground-hub.crt"');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(CA.der);
    expect((await get('/')).status).toBe(404);
    expect((await get('/cab')).status).toBe(404);
  });

  it('shows a QR code of its LAN address, the download and both platforms\' steps naming the authority', async () => {
    const page = await (await (await serve())('/ca')).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('https://192.168.1.20:8787/ca');
    expect(page).toMatch(/<svg[^>]*>/);
    expect(page).toContain('href="/ca.crt"');
    expect(page).toContain('turn on “Common Ground hub on laptop”');
    expect(page).toContain('(common-ground-hub.crt)');
    expect(page).not.toContain('<script');
  });

  it('speaks Khmer when asked, or when the browser prefers it', async () => {
    const get = await serve();
    expect(await (await get('/ca?lang=km')).text()).toContain('<html lang="km">');
    expect(await (await get('/ca', { 'Accept-Language': 'km-KH,en;q=0.8' })).text()).toContain('ទាញយកវិញ្ញាបនបត្រ');
    expect(await (await get('/ca?lang=en', { 'Accept-Language': 'km' })).text()).toContain('<html lang="en">');
  });
});
