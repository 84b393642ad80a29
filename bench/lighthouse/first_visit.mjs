// Every byte a first visit of the dashboard costs, the service worker's download of the whole app
// included: Chromium (playwright-core from tests/ui, as bench/ui_load.mjs) opens BASE signed in
// with COOKIE in an empty profile, waits until the service worker controls the page and two more
// seconds, then the server's JSON log (LOG, `serve --log-format json`) is summed: app files and
// API answers apart, bytes as sent (gzip where accepted).
//
//   node first_visit.mjs BASE COOKIE LOG
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { CHROMIUM_ARGS } from '../../tests/ui/chromium_args.mjs'

const [base, cookie, log] = process.argv.slice(2)
const { chromium } = createRequire(new URL('../../tests/ui/package.json', import.meta.url))('playwright-core')
const before = readFileSync(log, 'utf8').split('\n').length
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS })
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true })
  const [name, value] = cookie.split('=')
  await context.addCookies([{ name, value, url: base }])
  const page = await context.newPage()
  await page.goto(`${base}/`)
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30000 })
  await page.waitForTimeout(2000)
} finally {
  await browser.close()
}
let app = 0, appRequests = 0, api = 0, apiRequests = 0
for (const line of readFileSync(log, 'utf8').split('\n').slice(before - 1)) {
  if (!line.startsWith('{')) continue
  const entry = JSON.parse(line)
  if (entry.msg !== 'request') continue
  if (entry.path.startsWith('/api/')) {
    api += entry.bytes
    apiRequests++
  } else {
    app += entry.bytes
    appRequests++
  }
}
console.log(`first visit of the dashboard, the whole app kept by the service worker: app ${app} bytes in ${appRequests} requests; API ${api} bytes in ${apiRequests} requests`)
