// Vite build of the Amity web workspace. The output (content-hashed file names under assets/)
// is gzipped and embedded into the amity binary by scripts/embed.mjs, driven by
// src/web/CMakeLists.txt. `npm run dev` proxies the API to a running `amity serve`
// (AMITY_API, default http://127.0.0.1:8080).
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import vueI18n from '@intlify/unplugin-vue-i18n/vite'
import { pwa } from './scripts/pwa.mjs'
import { resolve } from 'node:path'

const api = process.env.AMITY_API ?? 'http://127.0.0.1:8080'

export default defineConfig({
  // pwa(): the icons, the manifests and the service worker (scripts/pwa.mjs).
  // vueI18n(): the locale files' messages are compiled at build time, so the bundle carries
  // vue-i18n's runtime only, not its message compiler, and no message is compiled in the browser.
  plugins: [
    vue(),
    vueI18n({
      include: [resolve(import.meta.dirname, 'src/locales/**')],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: false,
      escapeHtml: false,
    }),
    pwa(import.meta.dirname),
  ],
  define: {
    // vue-i18n: drop the legacy API and devtools hooks from the bundle.
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_OPTIONS_API__: false,
  },
  build: {
    target: 'es2022',
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
    },
  },
})
