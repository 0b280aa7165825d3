import { execFileSync } from 'node:child_process';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

/** Shown on the settings screen, so a person can tell which version a device runs. A deployment
 *  can set CG_BUILD_ID; otherwise the version and commit (a build from a tarball has no git). */
function buildId(): string {
  if (process.env.CG_BUILD_ID) return process.env.CG_BUILD_ID;
  try {
    return `${pkg.version}+${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}`;
  } catch {
    return pkg.version;
  }
}

/** The hub's Content-Security-Policy lets the page reach only the hub and the signaling servers
 *  built in (VITE_SIGNALING): it reads them from this file (src/hub/headers.ts). */
function signalingForHub(): Plugin {
  let signaling = '';
  return {
    name: 'signaling-for-hub',
    configResolved(config) { signaling = String(config.env.VITE_SIGNALING ?? ''); },
    generateBundle() {
      const origins = signaling.split(',').map((s) => s.trim()).filter(Boolean).map((url) => new URL(url).origin);
      this.emitFile({ type: 'asset', fileName: 'connect-src.json', source: JSON.stringify(origins) });
    },
  };
}

/** src/main.ts starts the app (src/start.ts) only after the static shell has painted; these links
 *  fetch the app's code with the page all the same, so waiting for the paint costs no round trip. */
function preloadStart(): Plugin {
  return {
    name: 'preload-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const start = Object.values(bundle).find((file) => file.type === 'chunk' && file.facadeModuleId?.endsWith('/src/start.ts'));
        if (!start) throw new Error('preload-start: no chunk for src/start.ts');
        const files = new Set<string>();
        const visit = (name: string): void => {
          const file = bundle[name];
          if (files.has(name) || file?.type !== 'chunk') return;
          files.add(name);
          file.imports.forEach(visit);
        };
        visit(start.fileName);
        return [...files].filter((name) => !html.includes(`/${name}"`)).map((name) => ({
          tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${name}` }, injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    signalingForHub(),
    preloadStart(),
    VitePWA({
      // The person chooses when to reload (src/app/pwa.svelte.ts registers and prompts).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Common Ground',
        short_name: 'Common Ground',
        description: pkg.description,
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1d4e5f',
        background_color: '#f6f7f8',
        lang: 'en',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: 'maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The glob below already has them; the plugin adds manifest.webmanifest itself.
      includeManifestIcons: false,
      workbox: {
        // Every chunk, lazy ones too: a workshop opened offline needs the sync chunk. No maps.
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        navigateFallback: 'index.html',
        // The hub answers /healthz itself; a person opening it must reach the hub, not the app.
        navigateFallbackDenylist: [/^\/healthz/],
        cleanupOutdatedCaches: true,
        // Takes the page on the very first visit, so a network lost during that visit already
        // finds lazy chunks in the cache. Updates still wait for the person (no skipWaiting).
        clientsClaim: true,
      },
    }),
  ],
  define: { __BUILD_ID__: JSON.stringify(buildId()) },
  // Runes code under vitest must compile for the browser, or `$effect` never runs.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  build: { target: 'es2022', sourcemap: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/unit/setup.ts'] },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
