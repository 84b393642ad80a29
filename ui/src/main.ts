import { createApp } from 'vue'
import App from './App.vue'
import { applyDocumentLanguage, currentLang, i18n, loadLanguage } from './i18n'
import { configureSession } from './api/client'
import { router } from './router'
import { ensureSession, recheckSession, sessionEnded } from './lib/session'
import './style.css'
import './phone.css'
import { watchCardTables } from './lib/card_tables'
import { newScreen, watchNetwork } from './lib/offline'
import { registerServiceWorker } from './lib/app_update'

applyDocumentLanguage(currentLang())
// The language's messages come with the session and the first screen's code, not after them.
const messages = loadLanguage(currentLang())
// The session and the first screen's code are fetched at once, not one after the other (the
// router would ask for the code only once the session has answered).
void ensureSession()
for (const record of router.resolve(location.pathname + location.search).matched) {
  const component = record.components?.default
  if (typeof component === 'function') void (component as () => Promise<unknown>)().catch(() => undefined)
}
// A 401 from any screen: the session ended; sign in again and come back here.
function backToLogin(): void {
  sessionEnded()
  const current = router.currentRoute.value
  if (current.meta.public) return
  router.push({ name: 'login', query: { next: current.fullPath } })
}
configureSession({ unauthorized: backToLogin })
// A new screen says afresh whether it was shown from the device's copy.
router.beforeEach(() => {
  newScreen()
})
// Every later navigation checks the session too (roles changed, account disabled, signed out elsewhere).
let firstNavigation = true
router.afterEach((to) => {
  if (firstNavigation || to.meta.public) {
    firstNavigation = false
    return
  }
  recheckSession().then((alive) => {
    if (!alive) backToLogin()
  })
})
const app = createApp(App).use(i18n).use(router)
messages
  .catch(() => undefined) // without them the screen shows keys; still better than nothing
  .finally(() => {
    app.mount('#app')
    watchCardTables(document.getElementById('app')!)
    watchNetwork()
  })
registerServiceWorker()
