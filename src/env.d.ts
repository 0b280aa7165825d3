/// <reference types="vite-plugin-pwa/vanillajs" />

/** Which build this is (vite.config.ts `define`), shown on the settings screen. */
declare const __BUILD_ID__: string;
