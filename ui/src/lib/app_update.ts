// The service worker (src/sw.js, built as /sw.js) and new releases. The worker is registered
// after the page has loaded, so it never competes with the first screen. A new release installs
// in the background and waits; `appUpdate.ready` then shows a prompt, and only the user's
// "Update now" lets it take over (this window reloads; other windows keep their screen and show
// the prompt). Until then the app runs the release it started with — never replaced mid-edit.
import { reactive } from 'vue'

export const appUpdate = reactive({ ready: false })

let registration: ServiceWorkerRegistration | undefined
let accepted = false

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const workers = navigator.serviceWorker
  const hadController = !!workers.controller
  workers.addEventListener('controllerchange', () => {
    if (accepted) location.reload()
    else if (hadController) appUpdate.ready = true // another window took the new release
  })
  window.addEventListener('load', async () => {
    try {
      registration = await workers.register('/sw.js', { scope: '/' })
    } catch {
      return // no worker: the app still works online
    }
    const waiting = () => {
      if (registration?.waiting && workers.controller) appUpdate.ready = true
    }
    waiting()
    registration.addEventListener('updatefound', () => {
      const worker = registration?.installing
      worker?.addEventListener('statechange', waiting)
    })
    workers.controller?.postMessage('tidy')
    // A window left open for days still hears of a release.
    setInterval(() => void registration?.update().catch(() => undefined), 60 * 60 * 1000)
  })
}

/** The user accepted the prompt: the waiting release takes over and this window reloads. */
export function applyUpdate(): void {
  accepted = true
  if (registration?.waiting) registration.waiting.postMessage('skip-waiting')
  else location.reload()
}
