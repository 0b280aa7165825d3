import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumPath, launch } from './harness';

/** A private network of test hosts, made with network namespaces: headless Chromium gathers no
 *  WebRTC candidates without a default route, and tests must never use this machine's own
 *  addresses. One namespace holds a bridge and the hub (10.77.0.1); each device gets its own
 *  namespace with a veth into the bridge and a default route via the hub. Needs root. */
export interface TestNet {
  hubAddress: string;
  /** Launches Chromium inside a new device namespace. */
  device(extraArgs?: string[]): Promise<Browser>;
  /** Launches Chromium in the hub's own namespace: the facilitator's laptop that runs the hub,
   *  which the hub lets register a workshop's room without the pairing code. */
  hubDevice(extraArgs?: string[]): Promise<Browser>;
  /** Starts the hub (from dist/) inside the hub namespace; resolves when it answers, with what it
   *  printed so far (its banner, with the pairing code). */
  startHub(port: number, dataDir: string): Promise<ChildProcess & { output(): string }>;
  /** Serves `dir` as plain static files at the hub's address (a public deployment's web host,
   *  which knows nothing of /healthz, /sync or /signal); resolves when it answers. */
  startStaticHost(port: number, dir: string): Promise<ChildProcess>;
  /** Starts y-webrtc's own signaling server (its bin/server.js) at the hub's address: a public
   *  deployment's third-party signaling, which knows nothing of the hub's channel. */
  startSignalingServer(port: number): Promise<ChildProcess>;
  /** Takes device `index`'s link (in the order `device` made them) down or up, as a phone whose
   *  Wi-Fi dies does: nothing is closed, nothing says goodbye; packets just stop. */
  setLink(index: number, up: boolean): void;
  /** Client isolation, as on many venues' Wi-Fi: devices reach the hub's namespace, not each other. */
  isolateDevices(): void;
  destroy(): Promise<void>;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

/** A namespace without IPv6. Otherwise each link gets its IPv6 link-local address a second or two
 *  after it comes up (duplicate address detection), Chromium sees the network change and fails
 *  its requests in flight with ERR_NETWORK_CHANGED: a page load, a lazy chunk. Links moved in
 *  later take the namespace's default. */
function addNamespace(ns: string): void {
  ip('netns', 'add', ns);
  execFileSync('ip', ['netns', 'exec', ns, 'sh', '-c',
    'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6 && echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6'], { stdio: 'pipe' });
  ip('-n', ns, 'link', 'set', 'lo', 'up');
}
const tag = `${process.pid % 10000}`;

/** The pairing code a hub started with `startHub` printed in its banner. */
export async function printedPairingCode(hub: { output(): string }): Promise<string> {
  const deadline = Date.now() + 10_000;
  let code: string | undefined;
  while (!(code = /Pairing code:\s+(\S+)/.exec(hub.output())?.[1])) {
    if (Date.now() > deadline) throw new Error(`the hub printed no pairing code:\n${hub.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return code;
}

export function canMakeNetns(): string | null {
  if (process.getuid?.() !== 0) return 'network namespaces need root (CI runs as root)';
  try {
    execFileSync('ip', ['-V'], { stdio: 'pipe' });
  } catch {
    return 'the `ip` command is missing: apt-get install -y iproute2';
  }
  return null;
}

export function createTestNet(): TestNet {
  const hubNs = `cg${tag}hub`;
  const devices: string[] = [];
  const browsers: Browser[] = [];
  const hubs: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'cg-netns-'));
  addNamespace(hubNs);
  ip('-n', hubNs, 'link', 'add', 'br0', 'type', 'bridge');
  ip('-n', hubNs, 'addr', 'add', '10.77.0.1/24', 'dev', 'br0');
  ip('-n', hubNs, 'link', 'set', 'br0', 'up');

  /** A Node process in the hub namespace, ready once `probe` on `port` answers 200. */
  async function startInHub(nodeArgs: string[], port: number, probe: string): Promise<ChildProcess & { output(): string }> {
    const root = resolve(import.meta.dirname, '../..');
    const child = spawn('ip', ['netns', 'exec', hubNs, process.execPath, ...nodeArgs], { cwd: root, stdio: 'pipe' });
    hubs.push(child);
    let output = '';
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        execFileSync('ip', ['netns', 'exec', hubNs, process.execPath, '-e',
          `fetch('http://10.77.0.1:${port}${probe}').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`], { stdio: 'pipe' });
        return Object.assign(child, { output: () => output });
      } catch {
        if (child.exitCode !== null) throw new Error(`process in the test network exited: ${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    throw new Error(`process did not start in the test network: ${output}`);
  }

  /** Chromium in namespace `ns`. Playwright drives it over a pipe, which crosses into the
   *  namespace unharmed. */
  async function launchIn(ns: string, extraArgs: string[]): Promise<Browser> {
    const wrapper = join(dir, `chromium-${ns}.sh`);
    writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${ns} ${chromiumPath()} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const browser = await launch(extraArgs, { executablePath: wrapper });
    browsers.push(browser);
    return browser;
  }

  return {
    hubAddress: '10.77.0.1',
    async device(extraArgs = []) {
      const n = devices.length + 2;
      const ns = `cg${tag}d${n}`;
      devices.push(ns);
      addNamespace(ns);
      ip('link', 'add', `cg${tag}v${n}`, 'type', 'veth', 'peer', 'name', `cg${tag}p${n}`);
      ip('link', 'set', `cg${tag}v${n}`, 'netns', hubNs);
      ip('link', 'set', `cg${tag}p${n}`, 'netns', ns);
      ip('-n', hubNs, 'link', 'set', `cg${tag}v${n}`, 'master', 'br0');
      ip('-n', hubNs, 'link', 'set', `cg${tag}v${n}`, 'up');
      ip('-n', ns, 'addr', 'add', `10.77.0.${n + 8}/24`, 'dev', `cg${tag}p${n}`);
      ip('-n', ns, 'link', 'set', `cg${tag}p${n}`, 'up');
      ip('-n', ns, 'route', 'add', 'default', 'via', '10.77.0.1');
      return launchIn(ns, extraArgs);
    },
    hubDevice(extraArgs = []) {
      // Without a default route Chromium gathers no WebRTC candidates; on the bridge, every
      // device is on the link anyway.
      ip('-n', hubNs, 'route', 'replace', 'default', 'dev', 'br0');
      return launchIn(hubNs, extraArgs);
    },
    startHub(port, dataDir) {
      return startInHub(['--import', 'tsx', 'src/hub/main.ts', '--host', '10.77.0.1', '--port', String(port),
        '--root', 'dist', '--data', dataDir], port, '/healthz');
    },
    startStaticHost(port, dir) {
      const script = `const {createServer}=require('node:http');const {readFile}=require('node:fs/promises');` +
        `const {join,extname}=require('node:path');const types={'.html':'text/html','.js':'text/javascript','.css':'text/css',` +
        `'.webmanifest':'application/manifest+json','.svg':'image/svg+xml','.png':'image/png'};` +
        `createServer(async(q,r)=>{const p=new URL(q.url,'http://x').pathname;` +
        `try{const b=await readFile(join(${JSON.stringify(dir)},p==='/'?'index.html':p));` +
        `r.writeHead(200,{'Content-Type':types[extname(p)||'.html']||'application/octet-stream'}).end(b)}` +
        `catch{r.writeHead(404).end()}}).listen(${port},'10.77.0.1')`;
      return startInHub(['-e', script], port, '/index.html');
    },
    startSignalingServer(port) {
      const server = resolve(import.meta.dirname, '../../node_modules/y-webrtc/bin/server.js');
      return startInHub(['-e', `process.env.PORT='${port}';import(${JSON.stringify(server)})`], port, '/');
    },
    setLink(index, up) {
      ip('-n', hubNs, 'link', 'set', `cg${tag}v${index + 2}`, up ? 'up' : 'down');
    },
    isolateDevices() {
      devices.forEach((_, i) => ip('-n', hubNs, 'link', 'set', 'dev', `cg${tag}v${i + 2}`, 'type', 'bridge_slave', 'isolated', 'on'));
    },
    async destroy() {
      await Promise.all(browsers.map((b) => b.close().catch(() => {})));
      await Promise.all(hubs.map((hub) => new Promise<void>((done) => {
        if (hub.exitCode !== null) return done();
        hub.once('exit', () => done());
        hub.kill('SIGTERM');
        setTimeout(() => { hub.kill('SIGKILL'); done(); }, 5000);
      })));
      for (const ns of [...devices, hubNs]) {
        try { ip('netns', 'del', ns); } catch { /* already gone */ }
      }
    },
  };
}
