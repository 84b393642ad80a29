// First load of the web UI in headless Chromium against an amity serving benchmark data: bytes
// on the wire (compressed) for the app itself and for its API calls, and the time from
// navigation until the dashboard has rendered (its figures and partnership list, named, on screen).
//
//   node bench/ui_load.mjs [DB] [ROUNDS]     (DB default build/bench/amity-scale1000.db, 5 rounds)
//
// Uses playwright-core and Debian's chromium, as the browser tests do (tests/ui/node_modules).
import { execFileSync, spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { chromium } = createRequire(join(root, 'tests/ui/package.json'))('playwright-core')
const amity = process.env.AMITY ?? join(root, 'build/release/src/cli/amity')
const source = resolve(process.argv[2] ?? join(root, 'build/bench/amity-scale1000.db'))
const rounds = Number(process.argv[3] ?? 5)

const port = await new Promise((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => done(port))
  })
})
const work = mkdtempSync(join(tmpdir(), 'amity-ui-load-'))
copyFileSync(source, join(work, 'amity.db'))
// The UI needs a signed-in user: an admin made for the run, signed in before each round.
const added = execFileSync(amity, ['user', 'add', '--db', join(work, 'amity.db'), '--email', 'bench@amity.test',
  '--role', 'admin'], { encoding: 'utf8' })
const password = /^password: (.+)$/m.exec(added)[1]
const server = spawn(amity, ['serve', '--db', join(work, 'amity.db'), '--listen', `127.0.0.1:${port}`], {
  stdio: 'ignore',
})
const base = `http://127.0.0.1:${port}`
for (let i = 0; i < 400; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break
  } catch {}
  await new Promise((r) => setTimeout(r, 50))
}

const browser = await chromium.launch({
  executablePath: process.env.AMITY_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const results = []
try {
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext({ locale: 'tr-TR' }) // empty cache every round
    const login = await context.request.post(`${base}/api/v1/session`, {
      data: { email: 'bench@amity.test', password },
    })
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    const bytes = { app: 0, api: 0, requests: 0 }
    const urls = new Map()
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url))
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId) ?? ''
      bytes[url.includes('/api/') ? 'api' : 'app'] += e.encodedDataLength
      bytes.requests++
    })
    const start = performance.now()
    await page.goto(`${base}/`, { waitUntil: 'commit' })
    await page.waitForFunction(
      // The figures, and the first partnership row named by its two cities ("İzmir ↔ Harbin").
      () => document.querySelector('[data-stat="partnerships"]')?.textContent?.trim() &&
        /\S\s*↔\s*\S/.test(document.querySelector('.partnership-row a')?.textContent ?? ''),
      null, { timeout: 120000 })
    const rendered = performance.now() - start
    await page.waitForLoadState('networkidle')
    results.push({ rendered, ...bytes })
    await context.close()
  }
} finally {
  await browser.close()
  server.kill('SIGTERM')
  rmSync(work, { recursive: true, force: true })
}
console.log(`| round | dashboard rendered (ms) | app bytes (compressed) | API bytes | requests |`)
console.log(`|---:|---:|---:|---:|---:|`)
results.forEach((r, i) => console.log(`| ${i + 1} | ${r.rendered.toFixed(0)} | ${r.app} | ${r.api} | ${r.requests} |`))
console.log(`\nmedian: dashboard rendered in ${median(results.map((r) => r.rendered)).toFixed(0)} ms; ` +
  `first load ${median(results.map((r) => r.app))} bytes of app (HTML, JS, CSS) and ` +
  `${median(results.map((r) => r.api))} bytes of API answers; data ${source}`)
