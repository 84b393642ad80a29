// Lighthouse 12.2.3 (mobile preset, its default simulated throttling) on Debian's Chromium
// against a running amity, signed in with a session cookie:
//
//   node run.mjs BASE COOKIE PARTNERSHIP_ID OUT_DIR [ROUNDS]
//
// For each page (dashboard, commitments, a partnership) ROUNDS first visits (empty storage), and
// their median scores. Then the dashboard's repeat visit: the same browser profile, storage kept
// (the service worker and its app shell in place), LCP reported. Also the first visit's bytes on
// the wire: the app shell (the document, scripts and styles the first screen loads) apart from
// the API answers, and what the service worker downloads afterwards to keep the whole app.
// Writes each report as JSON into OUT_DIR and a markdown table on stdout.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS } from '../../tests/ui/chromium_args.mjs'

const [base, cookie, partnershipId, outDir, roundsArg] = process.argv.slice(2)
if (!base || !cookie || !partnershipId || !outDir) {
  console.error('usage: node run.mjs BASE COOKIE PARTNERSHIP_ID OUT_DIR [ROUNDS]')
  process.exit(2)
}
const rounds = Number(roundsArg ?? 3)
mkdirSync(outDir, { recursive: true })

// The same flags as the browser tests' Chromium.
const CHROME_FLAGS = CHROMIUM_ARGS
const pages = [
  { name: 'dashboard', path: '/' },
  { name: 'commitments', path: '/commitments' },
  { name: 'partnership', path: `/partnerships/${partnershipId}` },
]
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function audit(chrome, url, name, keepStorage) {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    extraHeaders: { Cookie: cookie },
    disableStorageReset: keepStorage,
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  })
  writeFileSync(join(outDir, `${name}.json`), result.report)
  const lhr = result.lhr
  if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  const requests = lhr.audits['network-requests'].details.items
  const shell = requests.filter((r) => !new URL(r.url).pathname.startsWith('/api/') && ['Document', 'Script', 'Stylesheet'].includes(r.resourceType))
  const failing = (category) =>
    lhr.categories[category].auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => ref.id)
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
    lcp: lhr.audits['largest-contentful-paint'].numericValue,
    fcp: lhr.audits['first-contentful-paint'].numericValue,
    tbt: lhr.audits['total-blocking-time'].numericValue,
    cls: lhr.audits['cumulative-layout-shift'].numericValue,
    shellBytes: shell.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    shellFiles: shell.length,
    failing: { performance: failing('performance'), accessibility: failing('accessibility'), 'best-practices': failing('best-practices') },
  }
}

const rows = []
for (const page of pages) {
  const runs = []
  for (let round = 0; round < rounds; round++) {
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags: CHROME_FLAGS })
    try {
      runs.push(await audit(chrome, `${base}${page.path}`, `${page.name}-first-${round + 1}`, false))
    } finally {
      await chrome.kill()
    }
  }
  const pick = (key) => median(runs.map((r) => r[key]))
  rows.push({
    page: page.name,
    visit: 'first',
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    lcp: pick('lcp'),
    fcp: pick('fcp'),
    tbt: pick('tbt'),
    cls: pick('cls'),
    shellBytes: pick('shellBytes'),
    shellFiles: pick('shellFiles'),
    all: runs.map((r) => `${r.performance}/${r.accessibility}/${r.bestPractices}`).join(' '),
    failing: runs[0].failing,
  })
}

// Repeat visits of the dashboard: one profile, the first load installs the service worker (and
// the page waits for it to keep the shell), then Lighthouse loads the page again with storage kept.
const repeats = []
for (let round = 0; round < rounds; round++) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags: CHROME_FLAGS })
  try {
    await audit(chrome, `${base}/`, `dashboard-warmup-${round + 1}`, false)
    // The worker installs after the load event; give it time to keep the shell.
    await new Promise((r) => setTimeout(r, 3000))
    repeats.push(await audit(chrome, `${base}/`, `dashboard-repeat-${round + 1}`, true))
  } finally {
    await chrome.kill()
  }
}
const pickRepeat = (key) => median(repeats.map((r) => r[key]))
rows.push({
  page: 'dashboard',
  visit: 'repeat',
  performance: pickRepeat('performance'),
  accessibility: pickRepeat('accessibility'),
  bestPractices: pickRepeat('bestPractices'),
  lcp: pickRepeat('lcp'),
  fcp: pickRepeat('fcp'),
  tbt: pickRepeat('tbt'),
  cls: pickRepeat('cls'),
  shellBytes: pickRepeat('shellBytes'),
  shellFiles: pickRepeat('shellFiles'),
  all: repeats.map((r) => `${r.performance}/${r.accessibility}/${r.bestPractices} LCP ${Math.round(r.lcp)}`).join(' '),
  failing: repeats[0].failing,
})

console.log(`| page | visit | performance | accessibility | best practices | LCP ms | FCP ms | TBT ms | CLS | shell bytes (files) | runs (perf/a11y/bp) |`)
console.log(`|---|---|---|---|---|---|---|---|---|---|---|`)
for (const r of rows) {
  console.log(
    `| ${r.page} | ${r.visit} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${Math.round(r.lcp)} | ${Math.round(r.fcp)} | ${Math.round(r.tbt)} | ${r.cls.toFixed(3)} | ${r.shellBytes} (${r.shellFiles}) | ${r.all} |`,
  )
}
console.log('')
for (const r of rows) {
  const failing = Object.entries(r.failing).filter(([, ids]) => ids.length).map(([category, ids]) => `${category}: ${ids.join(', ')}`)
  if (failing.length) console.log(`- ${r.page} (${r.visit}), audits below 1: ${failing.join('; ')}`)
}
