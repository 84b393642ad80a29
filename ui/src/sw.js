// Amity's service worker (served as /sw.js; ui/scripts/pwa.mjs fills in VERSION and SHELL).
//
// It keeps the app shell — index.html, the built scripts and styles (all but the screens that
// need the server anyway, kept once opened), nothing else — in one cache per release, and answers the app's own files from it, so the app opens
// without a network. It never touches /api/, /public, /healthz or /metrics: the signed-in user's
// data is kept by the page in IndexedDB (src/api/device_copy.ts), which signing out wipes, so no
// per-user answer ever lands in Cache Storage.
//
// A new release is installed in the background and then waits: the page shows a prompt, and the
// new version takes over only when the user accepts it (message "skip-waiting") or when every
// window of the app has been closed — never in the middle of an edit.
const VERSION = '__VERSION__'
const SHELL = ['__SHELL__']
const CACHE = `amity-shell-${VERSION}`
const NOT_OURS = /^\/(api|public|healthz|metrics)(\/|$)/

self.addEventListener('install', (event) => {
  // Where the browser can (Chromium's static routing), requests that are not ours go straight to
  // the network without starting this worker: API answers arrive a worker's start-up sooner.
  // Refused routes only cost that start-up: the fetch handler below leaves these paths alone too.
  if (event.addRoutes) {
    const routes = ['/api/*', '/public', '/public/*', '/healthz', '/metrics'].map((urlPattern) => ({ condition: { urlPattern }, source: 'network' }))
    event.waitUntil(Promise.resolve().then(() => event.addRoutes(routes)).catch(() => undefined))
  }
  // Through the HTTP cache: the hashed files the first screen just loaded are not downloaded
  // twice (their names change with their content), and index.html is revalidated (no-cache).
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)))
})

// Old releases' caches are deleted once no other window may still run an old release and load a
// screen's code from them.
async function tidy() {
  const windows = await self.clients.matchAll({ type: 'window' })
  if (windows.length > 1) return
  for (const key of await caches.keys()) {
    if (key !== CACHE) await caches.delete(key)
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(tidy().then(() => self.clients.claim()))
})

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting()
  else if (event.data === 'tidy') event.waitUntil(tidy())
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || NOT_OURS.test(url.pathname)) return
  if (request.mode === 'navigate') {
    // Every screen of the app starts from index.html (the router takes it from there).
    event.respondWith(caches.open(CACHE).then((cache) => cache.match('/')).then((hit) => hit || fetch(request)))
    return
  }
  // This release's files first, then an older release's (a window not yet updated), then the
  // net; a hashed file fetched (a screen left out of the first download) is kept from then on.
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE)
      const hit = (await cache.match(request)) || (await caches.match(request))
      if (hit) return hit
      const response = await fetch(request)
      if (response.ok && url.pathname.startsWith('/assets/')) event.waitUntil(cache.put(request, response.clone()))
      return response
    })(),
  )
})
