import { defineConfig } from 'vite';

/** The hub as a Node program (build/hub/main.js): packages in `dependencies` stay imports, so the
 *  built hub runs without tsx or any devDependency. Same depth as src/hub, so `../../dist` finds
 *  the app from both. */
export default defineConfig({
  build: {
    ssr: 'src/hub/main.ts',
    outDir: 'build/hub',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'main.js' } },
  },
});
