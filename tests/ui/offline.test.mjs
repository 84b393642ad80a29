// The installable app without a network, on a phone (390×844, touch) against one real
// `amity serve` with the demo data: signed in and the agenda loaded, the network cut and the page
// reloaded, the agenda, a meeting's guests, a person and a commitment still open, with the time of
// the copy; a progress note written offline is sent once when the network returns, also when the
// server dies mid-send (its answer lost) and comes back; a meeting's minutes edited offline while
// someone changed them on the server become a conflict, not an overwrite; signing out leaves no
// record in IndexedDB or Cache Storage, and another user's sign-in wipes the first one's copy.
// Last, a new release (the server's sw.js changed, through a small proxy) waits for the user's
// "Update now" instead of reloading a screen being edited.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, request as httpRequest } from 'node:http'
import { addUser, api, launchBrowser, screenshot, seriousViolations, startServer } from './harness.mjs'

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, locale: 'en-GB' }

/** What the device holds: IndexedDB "amity" (count per store, record keys) and Cache Storage. */
function deviceContents() {
  return new Promise((resolve) => {
    const open = indexedDB.open('amity')
    open.onupgradeneeded = () => open.transaction.abort() // no database: report it empty
    open.onerror = () => resolve({ stores: {}, recordKeys: [], answers: [] })
    open.onsuccess = async () => {
      const db = open.result
      const stores = {}
      let recordKeys = []
      let answers = []
      const names = [...db.objectStoreNames]
      for (const name of names) {
        stores[name] = await new Promise((r) => {
          const req = db.transaction(name).objectStore(name).count()
          req.onsuccess = () => r(req.result)
        })
      }
      if (names.includes('records')) {
        recordKeys = await new Promise((r) => {
          const req = db.transaction('records').objectStore('records').getAllKeys()
          req.onsuccess = () => r(req.result)
        })
        answers = await new Promise((r) => {
          const req = db.transaction('answers').objectStore('answers').getAllKeys()
          req.onsuccess = () => r(req.result)
        })
      }
      db.close()
      const caches_ = {}
      for (const key of await caches.keys()) {
        const cache = await caches.open(key)
        caches_[key] = (await cache.keys()).map((request) => new URL(request.url).pathname)
      }
      resolve({ stores, recordKeys, answers, caches: caches_ })
    }
  })
}

/** Signs in through the login screen (on a phone the user menu sits in the closed drawer). */
async function signInOnPhone(page, server, email, password, next) {
  await page.goto(`${server.base}/login?next=${encodeURIComponent(next)}`)
  await page.fill('#login-email', email)
  await page.fill('#login-password', password)
  await page.click('form.login-form button[type=submit]')
  await page.waitForURL((url) => url.pathname === next)
}

/** Polls `check` until it answers truthy; `diagnose` adds what was seen to the failure. */
async function waitFor(what, check, timeout = 20000, diagnose = async () => '') {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${await diagnose()}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * A proxy in front of `target` on a free loopback port. While `release.next` is set, /sw.js is
 * answered with its version changed: what the browser sees when the server has a new release.
 */
async function releaseProxy(target) {
  const release = { next: '' }
  const proxy = createServer((req, res) => {
    const newRelease = release.next && req.url === '/sw.js'
    const headers = { ...req.headers }
    if (newRelease) delete headers['accept-encoding'] // the body is rewritten: plain text
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers }, (answer) => {
      if (!newRelease) {
        res.writeHead(answer.statusCode, answer.headers)
        answer.pipe(res)
        return
      }
      const chunks = []
      answer.on('data', (c) => chunks.push(c))
      answer.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8').replace(/const VERSION = "([^"]*)"/, `const VERSION = "$1-${release.next}"`)
        const out = { ...answer.headers, 'content-length': Buffer.byteLength(body) }
        delete out.etag
        res.writeHead(answer.statusCode, out)
        res.end(body)
      })
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r))
  return { base: `http://127.0.0.1:${proxy.address().port}`, release, close: () => new Promise((r) => proxy.close(r)) }
}

async function notes(server, commitmentId, text) {
  const history = await api(server, 'GET', `commitments/${commitmentId}/history`)
  assert.equal(history.status, 200)
  return history.json.items.filter((h) => h.kind === 'note' && h.note === text)
}

describe('offline', { concurrency: false }, () => {
  let server
  let browser
  let context
  let page
  let meeting
  let guest
  let commitment
  const problems = []

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    // A visit starting in a few minutes, with a guest from the partner city: on today's agenda
    // whatever the day the test runs.
    const partnership = (await api(server, 'GET', 'partnerships')).json.items[0]
    const people = (await api(server, 'GET', 'people', undefined)).json.items
    guest = people.find((p) => /[\u3400-\u9fff]/.test(p.native_name)) ?? people[0]
    const startsAt = new Date(Date.now() + 5 * 60000)
    const endsAt = new Date(startsAt.getTime() + 3600000)
    const created = await api(server, 'POST', 'meetings', {
      kind: 'incoming_delegation',
      partnership_id: partnership.id,
      title: { original: 'en', en: 'Offline test visit' },
      starts_at: startsAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ends_at: endsAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      time_zone: 'Europe/Istanbul',
      participants: [{ person_id: guest.id, side: 'partner', role: 'guest' }],
      minutes: { original: 'en', en: 'Welcome at the city hall.' },
    })
    assert.equal(created.status, 201, JSON.stringify(created.json))
    meeting = created.json
    commitment = (await api(server, 'GET', 'commitments', undefined)).json.items.find((c) => ['agreed', 'planned', 'in_progress'].includes(c.status))
    assert.ok(commitment, 'the demo has an open commitment')

    context = await browser.newContext(PHONE)
    page = await context.newPage()
    page.setDefaultTimeout(15000)
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    await signInOnPhone(page, server, server.admin.email, server.admin.password, '/calendar')
    // The service worker takes this page over once it has kept the app shell.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20000 })
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('the agenda, a meeting with its guests, a person and a commitment open without a network', async () => {
    await page.locator('main').getByText('Offline test visit').first().waitFor()
    // The device's copy is made in the background once the screen is up.
    await waitFor('the device copy', async () => {
      const { recordKeys } = await page.evaluate(deviceContents)
      return recordKeys.includes(`commitments/${commitment.id}`) && recordKeys.includes(`people/${guest.id}`) && recordKeys.includes(`meetings/${meeting.id}`)
    })
    const shell = await page.evaluate(deviceContents)
    const shellCaches = Object.keys(shell.caches)
    assert.equal(shellCaches.length, 1, `one release cached: ${shellCaches}`)
    assert.match(shellCaches[0], /^amity-shell-/)
    assert.ok(shell.caches[shellCaches[0]].some((path) => path.startsWith('/assets/')), 'the built scripts are kept')
    assert.ok(!Object.values(shell.caches).flat().some((path) => path.startsWith('/api/')), 'no API answer in Cache Storage')

    await context.setOffline(true)
    await page.reload()
    await page.locator('main').getByText('Offline test visit').first().waitFor()
    const bar = page.locator('[data-offline-bar]')
    await bar.waitFor()
    assert.match(await bar.locator('[data-copy-time]').innerText(), /Offline copy from \d{2}:\d{2} UTC/)
    assert.ok(await bar.locator('[data-no-network]').isVisible())
    await screenshot(page, 'en', 'offline-agenda')

    await page.goto(`${server.base}/meetings/${meeting.id}`)
    await page.locator('h1', { hasText: 'Offline test visit' }).waitFor()
    await page.locator('[data-fold=m-participants]').getByText(guest.native_name).first().waitFor()

    await page.goto(`${server.base}/people/${guest.id}/edit`)
    await page.waitForFunction((name) => [...document.querySelectorAll('main input')].some((i) => i.value === name), guest.native_name)

    await page.goto(`${server.base}/commitments/${commitment.id}`)
    await page.locator('h1').filter({ hasText: commitment.text.en ?? commitment.text[commitment.text.original] }).first().waitFor()
    assert.match(await page.locator('[data-copy-time]').innerText(), /Offline copy from/)
    // What the copy does not hold (the change trail) says so, not "try again".
    await page.locator('main').getByText("Not in this device's offline copy.").first().waitFor()
  })

  test('a note written offline is sent exactly once when the network returns', async () => {
    const text = `Offline note ${Date.now()}`
    await page.goto(`${server.base}/commitments/${commitment.id}`) // still offline
    await page.fill('#progress-note', text)
    await page.locator('form:has(#progress-note) button[type=submit]').click()
    await page.locator('[data-kind=waiting]', { hasText: text }).waitFor()
    await page.locator('[data-outbox-link]', { hasText: '1 waiting to send' }).waitFor()
    assert.equal((await notes(server, commitment.id, text)).length, 0, 'nothing reached the server offline')
    const kept = await page.evaluate(deviceContents)
    assert.equal(kept.stores.outbox, 1)

    await context.setOffline(false)
    await waitFor('the note on the server', async () => (await notes(server, commitment.id, text)).length > 0)
    await page.locator('[data-outbox-link]').waitFor({ state: 'detached' })
    await new Promise((r) => setTimeout(r, 1000)) // a second send would have landed by now
    assert.equal((await notes(server, commitment.id, text)).length, 1)
    assert.equal((await page.evaluate(deviceContents)).stores.outbox, 0)
  })

  test('a note whose answer is lost when the server dies is sent again with its key and stored once', async () => {
    const text = `Note across a crash ${Date.now()}`
    await context.setOffline(true)
    await page.goto(`${server.base}/commitments/${commitment.id}`)
    await page.fill('#progress-note', text)
    await page.locator('form:has(#progress-note) button[type=submit]').click()
    await page.locator('[data-kind=waiting]', { hasText: text }).waitFor()

    // The first send reaches the server, which stores the note and dies before the answer
    // reaches the phone.
    const keys = []
    let firstStatus = 0
    let routeError = ''
    await page.route('**/api/v1/commitments/*/notes', async (route) => {
      keys.push(route.request().headers()['idempotency-key'])
      if (keys.length > 1) return route.continue()
      try {
        const response = await route.fetch()
        firstStatus = response.status()
      } catch (error) {
        routeError = String(error)
      }
      await server.kill()
      await route.abort('connectionreset')
    })
    const seen = []
    page.on('console', (message) => seen.push(`${message.type()}: ${message.text()}`))
    await context.setOffline(false)
    await waitFor('the first send', async () => firstStatus !== 0, 30000, async () =>
      JSON.stringify({ sends: keys.length, routeError, onLine: await page.evaluate(() => navigator.onLine), outbox: (await page.evaluate(deviceContents)).stores.outbox, console: seen.slice(-30) }),
    )
    assert.equal(firstStatus, 201, 'the server stored the note before it died')
    assert.ok(await page.locator('[data-outbox-link]', { hasText: '1 waiting to send' }).isVisible(), 'the phone still waits: it never saw the answer')

    await server.restart()
    await waitFor('the outbox to empty', async () => (await page.evaluate(deviceContents)).stores.outbox === 0, 45000)
    await page.unroute('**/api/v1/commitments/*/notes')
    assert.ok(keys.length >= 2, `sent again after the restart (${keys.length} sends)`)
    assert.ok(keys[0] && keys.every((key) => key === keys[0]), `every send carried the first key: ${keys}`)
    assert.equal((await notes(server, commitment.id, text)).length, 1, 'stored once')
  })

  test('minutes edited offline while the server changed them become a conflict, not an overwrite', async () => {
    await page.goto(`${server.base}/meetings/${meeting.id}/edit`)
    await page.locator('#f-minutes-en').waitFor()
    await context.setOffline(true)
    await page.fill('#f-minutes-en', 'Minutes written on the bus.')
    await page.locator('form.form button[type=submit]').click()
    await page.locator('[data-saved-on-device]').waitFor()
    await page.locator('[data-outbox-entry=waiting]').waitFor()

    // Meanwhile someone else edits the same meeting's minutes.
    const current = await api(server, 'GET', `meetings/${meeting.id}`)
    const theirs = await api(server, 'PATCH', `meetings/${meeting.id}`, { minutes: { original: 'en', en: 'Minutes agreed at the office.' } }, { 'If-Match': `"${current.json.version}"` })
    assert.equal(theirs.status, 200, JSON.stringify(theirs.json))

    await context.setOffline(false)
    const conflict = page.locator('[data-outbox-entry=conflict]')
    await conflict.waitFor()
    assert.match(await conflict.locator('[data-mine]').innerText(), /Minutes written on the bus\./)
    assert.match(await conflict.locator('[data-theirs]').innerText(), /Minutes agreed at the office\./)
    await screenshot(page, 'en', 'offline-conflict')
    assert.deepEqual(await seriousViolations(page), [], 'the conflict screen is axe clean')
    const kept = await api(server, 'GET', `meetings/${meeting.id}`)
    assert.equal(kept.json.minutes.en, 'Minutes agreed at the office.', 'not overwritten')
    assert.equal(kept.json.version, theirs.json.version)

    // The user decides: theirs goes over the version now on the server.
    await conflict.locator('[data-action=send-mine]').click()
    await page.locator('[data-outbox-empty]').waitFor()
    const settled = await api(server, 'GET', `meetings/${meeting.id}`)
    assert.equal(settled.json.minutes.en, 'Minutes written on the bus.')
  })

  test('another user signing in wipes the first one\'s copy; signing out leaves no record', async () => {
    // A private record the administrator's copy holds and a partner user may not see.
    const before = await page.evaluate(deviceContents)
    const privateKeys = []
    for (const key of before.recordKeys) {
      const [resource, id] = key.split('/')
      if (!['commitments', 'meetings', 'events'].includes(resource)) continue
      const record = await api(server, 'GET', `${resource}/${id}`)
      if (record.json?.visibility === 'private') privateKeys.push(key)
    }
    assert.ok(privateKeys.length > 0, 'the copy holds private records')

    // The session ends behind the app's back; a partner user signs in on the same phone.
    const partnership = (await api(server, 'GET', 'partnerships')).json.items[0]
    const partner = addUser(server, `partner-${Date.now()}@harbin.test`, 'partner', [partnership.id])
    await context.clearCookies()
    await signInOnPhone(page, server, partner.email, partner.password, '/calendar')
    const partnerCopy = await waitFor('the partner\'s copy', async () => {
      const contents = await page.evaluate(deviceContents)
      return contents.recordKeys.some((key) => key.startsWith('commitments/')) && contents
    })
    const leaked = privateKeys.filter((key) => partnerCopy.recordKeys.includes(key))
    assert.deepEqual(leaked, [], 'none of the administrator\'s private records')

    // Signing out (on the phone: the menu) wipes the device.
    await page.locator('[data-action=menu]').click()
    await page.locator('#app-drawer [data-action=sign-out]').click()
    await page.waitForURL((url) => url.pathname === '/login')
    const after_ = await page.evaluate(deviceContents)
    for (const [store, count] of Object.entries(after_.stores)) assert.equal(count, 0, `IndexedDB store ${store} is empty`)
    for (const [cache, paths] of Object.entries(after_.caches)) {
      assert.match(cache, /^amity-shell-/, 'only the app shell is cached')
      assert.ok(!paths.some((path) => path.startsWith('/api/')), `no API answer in ${cache}`)
    }
    // And offline, the app opens the login screen, not the last user's screens.
    await context.setOffline(true)
    await page.goto(`${server.base}/calendar`)
    await page.waitForURL((url) => url.pathname === '/login')
    await context.setOffline(false)
    assert.deepEqual(problems, [])
  })

  test('a new release waits for "Update now", never reloading a screen being edited', async () => {
    const proxy = await releaseProxy(server.base)
    const updating = await browser.newContext(PHONE)
    try {
      const tab = await updating.newPage()
      tab.setDefaultTimeout(15000)
      await signInOnPhone(tab, { base: proxy.base }, server.admin.email, server.admin.password, `/commitments/${commitment.id}`)
      await tab.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20000 })
      const shellBefore = Object.keys((await tab.evaluate(deviceContents)).caches)

      // Half-way through a note, the server gets a new release.
      await tab.fill('#progress-note', 'Half-written note')
      proxy.release.next = 'r2'
      await tab.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()))
      await tab.locator('[data-update-ready]').waitFor()
      await tab.waitForTimeout(1500)
      assert.equal(await tab.inputValue('#progress-note'), 'Half-written note', 'the screen was not reloaded under the user')
      assert.equal(await tab.evaluate(() => navigator.serviceWorker.controller.state), 'activated')

      // The user chooses the moment: the new release takes over and the window reloads.
      await Promise.all([tab.waitForEvent('load'), tab.locator('[data-action=update]').click()])
      await tab.locator('h1').first().waitFor()
      assert.equal(await tab.locator('[data-update-ready]').count(), 0)
      const shellAfter = Object.keys((await tab.evaluate(deviceContents)).caches)
      assert.equal(shellAfter.length, 1, `one release kept: ${shellAfter}`)
      assert.notDeepEqual(shellAfter, shellBefore, 'the new release\'s cache replaced the old one')
      assert.match(shellAfter[0], /-r2$/)
    } finally {
      await updating.close()
      await proxy.close()
    }
  })
})
