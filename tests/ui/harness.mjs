// What the browser tests stand on: a real `amity` server on a free loopback port with the demo
// database, Debian's chromium driven by playwright-core, axe-core, and screenshots. The first
// start of `amity serve` creates the admin account and prints its random password on stderr;
// the harness reads it there, signs the browser in through the real login screen, and signs its
// own API calls in with a session cookie and the CSRF token like the UI does.
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from './chromium_args.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

export const AMITY_BIN = process.env.AMITY_BIN ?? resolve(here, '../../build/release/src/cli/amity')
export const SCREENSHOTS = process.env.AMITY_SCREENSHOTS ?? resolve(here, '../../build/release/screenshots')
export const CHROMIUM = process.env.AMITY_CHROMIUM || '/usr/bin/chromium'
export { CHROMIUM_ARGS }

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolvePort(port))
    })
  })
}

/** A raw HTTP GET (no automatic decompression), for checking headers and byte counts. */
export function rawGet(url, headers = {}) {
  return new Promise((resolveGet, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolveGet({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

export const ADMIN_EMAIL = 'admin@localhost'

/**
 * With AMITY_WIRE_CAPTURE set (the federation_wire fixture), writes what the stopped server of
 * database `db` must never send its peers, for the suite's scan of what was sent
 * (tests/wire_forbidden.h); `secrets` are values only the test knows (the admin's password).
 */
function listForbidden(db, ...secrets) {
  if (!process.env.AMITY_WIRE_CAPTURE) return
  const tool = process.env.AMITY_WIRE_FORBIDDEN ?? resolve(here, '../../build/release/tests/wire_forbidden')
  execFileSync(tool, [db, ...secrets], { stdio: ['ignore', 'ignore', 'inherit'] })
}

/**
 * Starts `amity demo` then `amity serve` on a free port; resolves once /healthz answers 200 and
 * serve has printed the first admin's password (`server.admin`).
 */
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'amity-ui-test-'))
  const db = join(dir, 'amity.db')
  execFileSync(AMITY_BIN, ['demo', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] })
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let child
  let log = ''
  // Starts `amity serve` on the port; resolves once /healthz answers 200 (and, at the first
  // start, serve has printed the first admin's password).
  async function serve(first) {
    child = spawn(AMITY_BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    child.stderr.on('data', (chunk) => {
      log = (log + chunk).slice(-20000)
    })
    const deadline = Date.now() + 30000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`amity serve exited early (${child.exitCode}):\n${log}`)
      try {
        const res = await rawGet(`${base}/healthz`)
        if (res.status === 200 && (!first || /^ {2}password: (\S+)$/m.test(log))) break
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL')
        throw new Error(`amity serve did not become healthy in 30 s:\n${log}`)
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  await serve(true)
  const password = /^ {2}password: (\S+)$/m.exec(log)[1]
  return {
    base,
    api: `${base}/api/v1`,
    db,
    /** the first admin, created by serve's first start */
    admin: { email: ADMIN_EMAIL, password },
    /** the harness's own signed-in API session (see `api`) */
    auth: null,
    log: () => log,
    /** Kills the server at once (SIGKILL, as a crash would); the database stays for `restart`. */
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGKILL')
      await exited
      listForbidden(db, password)
    },
    /** Starts the server again on the same port and database. */
    async restart() {
      await serve(false)
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 8000)
        await exited
        clearTimeout(timer)
        listForbidden(db, password)
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
}

/**
 * Signs in through the API: `{ cookie, csrf, user }` for `api(..., { as })`. Throws unless the
 * server answers 200.
 */
export async function signIn(server, email, password) {
  const res = await fetch(`${server.api}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = await res.json()
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${JSON.stringify(body)}`)
  const cookie = /amity_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0]
  if (!cookie) throw new Error('sign-in set no amity_session cookie')
  return { cookie, csrf: body.csrf_token, user: body.user }
}

/**
 * JSON API call from the test itself (to set up or to change records behind the UI's back),
 * signed in as the first admin (or as `options.as`, a `signIn` answer; `options.as: null` sends
 * no credentials). Changes carry the CSRF token as the UI's do.
 */
export async function api(server, method, path, body, headers = {}, options = {}) {
  let auth = options.as
  if (auth === undefined) {
    server.auth ??= await signIn(server, server.admin.email, server.admin.password)
    auth = server.auth
  }
  const sent = { 'Content-Type': 'application/json', ...headers }
  if (auth) {
    sent.Cookie = auth.cookie
    if (method !== 'GET') sent['X-CSRF-Token'] = auth.csrf
  }
  const res = await fetch(`${server.api}/${path}`, {
    method,
    headers: sent,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined }
}

/**
 * Uploads `bytes` (a Buffer) as a file of record `holder`/`holderId` through the tus API, the way
 * the UI does (one creation, one PATCH), as the first admin or `options.as`. Returns the new
 * file's id; throws unless the server answers 201 then 204.
 */
export async function uploadFile(server, holder, holderId, name, bytes, options = {}) {
  let auth = options.as
  if (auth === undefined) {
    server.auth ??= await signIn(server, server.admin.email, server.admin.password)
    auth = server.auth
  }
  const b64 = (text) => Buffer.from(text, 'utf8').toString('base64')
  const metadata = [`filename ${b64(name)}`, `holder ${b64(holder)}`, `holder_id ${b64(holderId)}`]
  if (options.milestone) metadata.push(`milestone ${b64(options.milestone)}`)
  const common = { 'Tus-Resumable': '1.0.0', Cookie: auth.cookie, 'X-CSRF-Token': auth.csrf }
  const created = await fetch(`${server.api}/uploads`, {
    method: 'POST',
    headers: { ...common, 'Upload-Length': String(bytes.length), 'Upload-Metadata': metadata.join(',') },
  })
  if (created.status !== 201) throw new Error(`upload of ${name}: ${created.status} ${await created.text()}`)
  const sent = await fetch(new URL(created.headers.get('location'), server.base), {
    method: 'PATCH',
    headers: { ...common, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' },
    body: bytes,
  })
  if (sent.status !== 204) throw new Error(`upload of ${name}: PATCH ${sent.status} ${await sent.text()}`)
  return sent.headers.get('amity-file-id')
}

/** A small but real PDF (libmagic: application/pdf) saying `text`, made here, not copied. */
export function tinyPdf(text = 'Amity test document') {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Title (${text}) >>\nendobj\n%${'x'.repeat(200)}\ntrailer\n<< >>\n%%EOF\n`, 'latin1')
}

/** A PNG of `width` × `height` pixels of one colour (`rgb`: [r, g, b]), encoded here. */
export function tinyPng(width = 48, height = 32, rgb = [29, 107, 52]) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits per channel, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())])
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))])
}

/** `amity user add` on the server's database: `{ id, email, password }` of the new account. */
export function addUser(server, email, role, partnerships = []) {
  const args = ['user', 'add', '--db', server.db, '--email', email, '--role', role]
  for (const id of partnerships) args.push('--partnership', id)
  const out = execFileSync(AMITY_BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const id = /^id: (\S+)$/m.exec(out)?.[1]
  const password = /^password: (\S+)$/m.exec(out)?.[1]
  if (!id || !password) throw new Error(`amity user add printed no id/password:\n${out}`)
  return { id, email, password }
}

/**
 * A new browser context already signed in (the session cookie of an API sign-in as `who`,
 * default the first admin), e.g. for a first visit in another language.
 */
export async function signedInContext(browser, server, options = {}, who = server.admin) {
  const auth = await signIn(server, who.email, who.password)
  const context = await browser.newContext(options)
  const [name, value] = auth.cookie.split('=')
  await context.addCookies([{ name, value, url: server.base, httpOnly: true, sameSite: 'Lax' }])
  return context
}

/**
 * Signs `page` in through the real login screen; resolves once the screen asked for (`next`, or
 * the dashboard) has opened.
 */
export async function signInThroughPage(page, server, email, password, next = '/') {
  await page.goto(`${server.base}/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`)
  await page.fill('#login-email', email)
  await page.fill('#login-password', password)
  await page.click('form.login-form button[type=submit]')
  await page.waitForURL((url) => url.pathname === next.split('?')[0])
  await page.locator('[data-user-menu]').waitFor()
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core (WCAG 2 A/AA rules) in the page; returns the serious and critical violations. */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(axeSource)
  }
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
  })
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + n.failureSummary) }))
}

export async function screenshot(page, lang, name) {
  const folder = join(SCREENSHOTS, lang)
  mkdirSync(folder, { recursive: true })
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true })
}

/** Selects the option whose visible text contains `text`. */
export async function selectContaining(page, selector, text) {
  const value = await page.$eval(
    selector,
    (select, wanted) => [...select.options].find((o) => o.textContent.includes(wanted))?.value,
    text,
  )
  if (value === undefined) throw new Error(`no option containing "${text}" in ${selector}`)
  await page.selectOption(selector, value)
  return value
}

/** Waits until the app has no request in flight and the loading indicators are gone. */
export async function settle(page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => !document.querySelector('.loading'))
}

/** Opens `path` of `server` in `page` and waits until it has settled. */
export async function visit(page, server, path) {
  await page.goto(`${server.base}${path}`)
  await settle(page)
}

/** Switches the UI to `lang` with the header's language buttons (from the dashboard). */
export async function useLanguage(page, server, lang) {
  await visit(page, server, '/')
  await page.click(`button[data-lang=${lang}]`)
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang)
}

/**
 * One browser session against a fresh server, signed in as the first admin through the login
 * screen: an English page (1360×900, 15 s timeouts) whose page errors and console errors are
 * collected in `problems` (the browser's own "Failed to load resource" lines are left out: the
 * tests cause some 4xx answers on purpose). Close with `session.close()`.
 */
export async function openSession() {
  const server = await startServer()
  const browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  const problems = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`)
    }
  })
  await signInThroughPage(page, server, server.admin.email, server.admin.password)
  return {
    server,
    browser,
    context,
    page,
    problems,
    async close() {
      await browser.close()
      await server.stop()
    },
  }
}

/** The UI's languages a parametric test runs in: AMITY_UI_LANGS ("tr,zh"), else all three. */
export const UI_LANGS = (process.env.AMITY_UI_LANGS ?? 'tr,zh,en').split(',').filter(Boolean)
/** The browser locale that goes with each UI language. */
export const BROWSER_LOCALE = { tr: 'tr-TR', zh: 'zh-CN', en: 'en-GB' }
const messageFiles = {}

/** The UI's message `key` in `lang` with `values` put in, as vue-i18n writes it ({name}, {'%'}). */
export function msg(lang, key, values = {}) {
  messageFiles[lang] ??= JSON.parse(readFileSync(resolve(here, '../../ui/src/locales', `${lang}.json`), 'utf8'))
  const text = key.split('.').reduce((node, part) => node?.[part], messageFiles[lang])
  if (typeof text !== 'string') throw new Error(`${lang}: no message ${key}`)
  return text.replace(/\{'([^']*)'\}|\{(\w+)\}/g, (_, literal, name) => (literal !== undefined ? literal : String(values[name] ?? `{${name}}`)))
}

/** A pattern for message `key` of `lang` in which each placeholder named in `wild` may be any text. */
export function msgPattern(lang, key, values = {}, wild = []) {
  const marks = Object.fromEntries(wild.map((name, i) => [name, `\u0000${i}\u0000`]))
  let source = msg(lang, key, { ...values, ...marks }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  for (const mark of Object.values(marks)) source = source.replace(mark, '.+?')
  return new RegExp(source)
}
