// Accounts in real Chromium against a real `amity serve` with the demo data: signing in (a wrong
// password, the lockout after five failures, coming back to the screen asked for), the admin
// inviting an officer and a partner user (the first password shown once, with a copy button),
// the partner user seeing only what the home city shared (and a 404 for a private record),
// screens and buttons by role (partner, viewer), disabling the partner (its next navigation
// lands on the login screen), the Audit screen (security events and record changes), a
// commitment's history of changes with who and before → after, API tokens and the password on
// the Account screen, and signing out. The account screens are checked with axe-core and
// photographed in all three languages.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { addUser, api, openSession, screenshot, seriousViolations, settle, signIn, SCREENSHOTS } from './harness.mjs'

const RAW_KEY = /\b(?:app|nav|lang|common|fields|enum|errors|problem|auth|account|users|audit|history|visibility|secret|pager)\.[a-zA-Z_]+\b/

describe('Amity web UI: accounts, roles, sharing and the audit trail', () => {
  let session, server, browser, page, problems
  const ids = {}
  const people = {}
  const pages = []

  before(async () => {
    session = await openSession()
    ;({ server, browser, page, problems } = session)
    ids.partnership = (await api(server, 'GET', 'partnerships')).json.items[0].id
    const base = {
      partnership_id: ids.partnership,
      area: 'culture_arts',
      proposed_by_side: 'home',
      due_date: '2027-06-30',
    }
    const privateOne = await api(server, 'POST', 'commitments', { ...base, visibility: 'private', text: { original: 'en', en: 'Private plan: budget talks inside İzmir only' } })
    const sharedOne = await api(server, 'POST', 'commitments', { ...base, visibility: 'shared', text: { original: 'en', en: 'Shared plan: joint youth orchestra tour with Harbin' } })
    assert.equal(privateOne.status, 201, JSON.stringify(privateOne.json))
    assert.equal(sharedOne.status, 201, JSON.stringify(sharedOne.json))
    ids.private = privateOne.json.id
    ids.shared = sharedOne.json.id
  })

  after(async () => {
    await session?.close()
  })

  /** A page in a new browser context (signed out), whose script and console errors count too. */
  async function newPage(options = {}) {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 }, ...options })
    const p = await context.newPage()
    p.setDefaultTimeout(15000)
    p.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    p.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`)
    })
    pages.push(p)
    return p
  }
  async function go(p, path) {
    await p.goto(`${server.base}${path}`)
    await settle(p)
  }
  async function login(p, email, password) {
    await p.fill('#login-email', email)
    await p.fill('#login-password', password)
    await p.click('form.login-form button[type=submit]')
  }
  async function navTexts(p) {
    return (await p.locator('.mainnav a').allTextContents()).map((s) => s.trim())
  }

  test('a wrong password is refused with a clear message; the right one opens the screen asked for', async () => {
    const p = await newPage()
    await p.goto(`${server.base}/commitments?view=table`)
    await p.waitForURL((url) => url.pathname === '/login')
    assert.equal(new URL(p.url()).searchParams.get('next'), '/commitments?view=table', 'the login screen remembers where to go')
    assert.equal(await p.locator('.mainnav').count(), 0, 'no navigation before signing in')
    await login(p, server.admin.email, 'not-the-password')
    const error = p.locator('[data-login-error=credentials]')
    await error.waitFor()
    assert.match(await error.textContent(), /Wrong e-mail address or password/)
    assert.equal(await p.getAttribute('#login-password', 'aria-invalid'), 'true')
    assert.equal(await p.inputValue('#login-password'), '', 'the wrong password is cleared')
    assert.equal(new URL(p.url()).pathname, '/login')

    await login(p, server.admin.email, server.admin.password)
    await p.waitForURL((url) => url.pathname === '/commitments' && url.searchParams.get('view') === 'table')
    await p.locator('[data-user-menu]').waitFor()
    assert.match(await p.textContent('[data-user-menu] [data-user]'), /Administrator/)
    assert.equal((await p.textContent('[data-user-menu] [data-role]')).trim(), 'Administrator')
    assert.deepEqual(await navTexts(p), ['Dashboard', 'Partnerships', 'Commitments', 'Calendar', 'Case library', 'Catalogue', 'Directory', 'Translations', 'Glossary', 'Users', 'Audit', 'E-mail', 'Federation'])
    // The CSRF token lives in memory only.
    const stored = await p.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)
    assert.doesNotMatch(stored, /csrf|amity_session/i)
    await p.context().close()
  })

  test('the admin invites an officer and a partner user; each first password is shown once and works', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base })
    await go(page, '/users')
    await page.click('[data-action=invite]')
    await page.waitForURL(/\/users\/new$/)
    await settle(page)
    // The server's field messages: an address that is not one.
    await page.fill('#f-email', 'not an address')
    await page.check('#f-role-officer')
    await page.click('button[type=submit]')
    await page.locator('.field:has(#f-email) .field-error').waitFor()
    assert.match(await page.textContent('.field:has(#f-email) .field-error'), /Not a valid e-mail address/)

    await page.fill('#f-email', 'ayse.officer@izmir.example')
    await page.fill('#f-display_name', 'Ayşe Kaya')
    await page.click('button[type=submit]')
    await page.locator('[data-secret-once]').waitFor()
    assert.match(await page.textContent('[data-secret-once]'), /Shown only now/)
    people.officer = { email: 'ayse.officer@izmir.example', password: (await page.textContent('[data-secret]')).trim() }
    assert.ok(people.officer.password.length >= 12, `a real password: ${people.officer.password}`)
    await page.click('[data-secret-once] [data-action=copy]')
    await page.locator('[data-secret-once] [role=status]', { hasText: 'Copied' }).waitFor()
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), people.officer.password, 'the copy button copies the password')
    const officer = await signIn(server, people.officer.email, people.officer.password)
    assert.equal(officer.user.role, 'officer')
    assert.equal(officer.user.display_name, 'Ayşe Kaya')

    // The same address again: the server's "taken" in words.
    await page.click('[data-action=invite-another]')
    await page.fill('#f-email', people.officer.email)
    await page.check('#f-role-viewer')
    await page.click('button[type=submit]')
    await page.locator('.field:has(#f-email) .field-error').waitFor()
    assert.match(await page.textContent('.field:has(#f-email) .field-error'), /An account with this e-mail address exists/)

    await page.fill('#f-email', 'li.partner@harbin.example')
    await page.check('#f-role-partner')
    await page.locator('[data-partnership-picker]').waitFor()
    await page.check(`[data-partnership="${ids.partnership}"]`)
    await page.click('button[type=submit]')
    await page.locator('[data-secret-once]').waitFor()
    people.partner = { email: 'li.partner@harbin.example', password: (await page.textContent('[data-secret]')).trim() }
    const partner = await signIn(server, people.partner.email, people.partner.password)
    assert.equal(partner.user.role, 'partner')
    assert.deepEqual(partner.user.partnerships, [ids.partnership])

    await go(page, '/users')
    const row = page.locator(`tr[data-user="${people.partner.email}"]`)
    assert.equal((await row.locator('[data-user-role]').textContent()).trim(), 'Partner city')
    assert.match(await row.locator('[data-user-partnerships]').textContent(), /İzmir ↔ Harbin/)
    assert.equal((await row.locator('[data-user-state]').textContent()).trim(), 'Active')
    await screenshot(page, 'en', 'users')
  })

  test('the partner user sees only shared records; a private one is a 404; no Users, Audit or Translations', async () => {
    const p = await newPage()
    await go(p, '/commitments')
    await login(p, people.partner.email, people.partner.password)
    await p.waitForURL((url) => url.pathname === '/commitments')
    await settle(p)
    ids.partnerPage = p
    assert.equal((await p.textContent('[data-user-menu] [data-role]')).trim(), 'Partner city')
    await p.locator(`[data-commitment="${ids.shared}"]`).waitFor()
    assert.equal(await p.locator(`[data-commitment="${ids.shared}"]`).count(), 1, 'the shared commitment is on the board')
    assert.equal(await p.locator(`[data-commitment="${ids.private}"]`).count(), 0, 'the private commitment is not')
    // Every card the partner sees is one the home city shared (or made public).
    const visible = (await api(server, 'GET', 'commitments?limit=200')).json.items.filter((c) => c.visibility !== 'private').length
    assert.equal(await p.locator('[data-commitment]').count(), visible)

    await go(p, `/commitments/${ids.private}`)
    await p.locator('.alert-error', { hasText: 'This record does not exist or has been archived.' }).waitFor()
    assert.doesNotMatch(await p.innerText('main'), /budget talks/)

    await go(p, `/commitments/${ids.shared}`)
    assert.match(await p.textContent('main h1'), /joint youth orchestra tour/)
    assert.match(await p.textContent('[data-visibility]'), /Shared with partner/)
    assert.equal(await p.locator('[data-action=edit]').count(), 1, 'a partner works on shared commitments')
    assert.equal(await p.locator('[data-action=archive]').count(), 0, 'but never archives')

    assert.deepEqual(await navTexts(p), ['Dashboard', 'Partnerships', 'Commitments', 'Calendar', 'Case library', 'Catalogue', 'Directory', 'Glossary'])
    for (const path of ['/users', '/audit', '/translations']) {
      await go(p, path)
      await p.locator('[data-no-access]').waitFor()
      assert.match(await p.textContent('[data-no-access]'), /Your role \(Partner city\) does not use this screen/)
    }
    // The server agrees.
    const auth = await signIn(server, people.partner.email, people.partner.password)
    assert.equal((await api(server, 'GET', 'users', undefined, {}, { as: auth })).status, 403)
    assert.equal((await api(server, 'GET', `commitments/${ids.private}`, undefined, {}, { as: auth })).status, 404)

    // The partner's form: visibility is fixed (and explained).
    await go(p, `/commitments/${ids.shared}/edit`)
    assert.equal(await p.isDisabled('#f-visibility-private'), true)
    assert.equal(await p.isChecked('#f-visibility-shared'), true)
    assert.match(await p.textContent('#f-visibility'), /only the home city changes who sees a record/)

    // A new organization: only the partner city is offered (the server refuses any other).
    const partnerCity = (await api(server, 'GET', `partnerships/${ids.partnership}`)).json.partner_city_id
    await go(p, '/organizations/new')
    await p.locator(`#f-city_id option[value="${partnerCity}"]`).waitFor({ state: 'attached' })
    const offered = await p.$$eval('#f-city_id option', (options) => options.map((o) => o.value).filter(Boolean))
    assert.deepEqual(offered, [partnerCity])
  })

  test('the partner moves the shared commitment; its history names who and shows before → after', async () => {
    const p = ids.partnerPage
    await go(p, `/commitments/${ids.shared}`)
    await p.click('[data-action=next]')
    await p.fill('#note-dialog-text', 'Harbin confirmed the tour dates.')
    await p.click('dialog button[type=submit]')
    await p.locator('[data-testid=status]', { hasText: 'Agreed' }).waitFor()

    // The admin edits the due date in the form.
    await go(page, `/commitments/${ids.shared}/edit`)
    await page.fill('#f-due_date', '2027-09-15')
    await page.click('button[type=submit]')
    await page.waitForURL(new RegExp(`/commitments/${ids.shared}$`))
    await settle(page)
    const history = page.locator('[data-change-history]')
    await history.locator('[data-change-op=transition]').waitFor()
    const entries = history.locator('.change-entry')
    // Newest first: the admin's edit, the partner's move, the creation.
    assert.equal(await entries.count(), 3)
    const edit = entries.nth(0)
    assert.equal(await edit.getAttribute('data-change-op'), 'update')
    assert.equal((await edit.locator('[data-actor]').textContent()).trim(), server.admin.email)
    const due = edit.locator('[data-change-field=due_date]')
    const day = (y, m, d) => page.evaluate(([y, m, d]) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d)), [y, m, d])
    assert.equal((await due.locator('.change-before').textContent()).trim(), await day(2027, 6, 30))
    assert.equal((await due.locator('.change-after').textContent()).trim(), await day(2027, 9, 15))
    const move = entries.nth(1)
    assert.equal(await move.getAttribute('data-change-op'), 'transition')
    assert.equal((await move.locator('[data-actor]').textContent()).trim(), people.partner.email)
    assert.match(await move.innerText(), /Status changed/)
    assert.equal((await move.locator('[data-change-field=status] .change-before').textContent()).trim(), 'Proposed')
    assert.equal((await move.locator('[data-change-field=status] .change-after').textContent()).trim(), 'Agreed')
    assert.equal(await entries.nth(2).getAttribute('data-change-op'), 'create')
    assert.doesNotMatch(await history.innerText(), /[{}"]|\b[0-9a-f]{8}-[0-9a-f]{4}-/, 'no JSON or raw ids')
    await screenshot(page, 'en', 'commitment-history')
  })

  test('a viewer sees every record but no button that changes one', async () => {
    const viewer = addUser(server, 'viewer@izmir.example', 'viewer')
    const p = await newPage()
    await go(p, '/login')
    await login(p, viewer.email, viewer.password)
    await p.waitForURL((url) => url.pathname === '/')
    await settle(p)
    const checks = [
      [`/commitments/${ids.shared}`, ['[data-action=edit]', '[data-action=archive]', '[data-action=next]', '[data-action=move]', '#progress-note']],
      [`/commitments/${ids.private}`, ['[data-action=edit]', '[data-action=archive]']],
      ['/commitments', ['a[href="/commitments/new"]', '[data-commitment] [data-action=next]', '[data-commitment][draggable=true]']],
      [`/partnerships/${ids.partnership}`, ['a[href$="/edit"]', '[data-action=archive]', 'a[href^="/meetings/new"]', 'a[href^="/commitments/new"]', 'a[href^="/events/new"]']],
      ['/directory', ['a[href$="/edit"]', 'a[href="/people/new"]']],
      ['/glossary', ['a[href$="/edit"]', 'a[href="/glossary/new"]']],
      ['/calendar', ['a[href^="/meetings/new"]', 'a[href^="/events/new"]']],
      ['/partnerships', ['a[href="/partnerships/new"]']],
    ]
    for (const [path, selectors] of checks) {
      await go(p, path)
      await go(page, path)
      for (const selector of selectors) {
        assert.equal(await p.locator(selector).count(), 0, `the viewer sees ${selector} on ${path}`)
        assert.ok((await page.locator(selector).count()) > 0, `the admin sees ${selector} on ${path} (the check can fail)`)
      }
    }
    assert.match(await p.textContent(`main`), /.+/)
    assert.deepEqual(await navTexts(p), ['Dashboard', 'Partnerships', 'Commitments', 'Calendar', 'Case library', 'Catalogue', 'Directory', 'Translations', 'Glossary'])
    // A form opened by its address says why it cannot be saved.
    await go(p, `/commitments/${ids.shared}/edit`)
    await p.locator('[data-read-only]').waitFor()
    assert.equal(await p.isDisabled('form.form button[type=submit]'), true)
    await p.context().close()
  })

  test('the admin disables the partner: its next navigation lands on the login screen', async () => {
    const p = ids.partnerPage
    await go(p, `/commitments/${ids.shared}`)
    await go(page, '/users')
    const row = page.locator(`tr[data-user="${people.partner.email}"]`)
    page.once('dialog', (dialog) => dialog.accept())
    await row.locator('[data-action=disable]').click()
    await row.locator('[data-user-state]', { hasText: 'Disabled' }).waitFor()
    const stored = (await api(server, 'GET', 'users')).json.items.find((u) => u.email === people.partner.email)
    assert.equal(stored.disabled, true)

    await p.click('.mainnav a[href="/partnerships"]')
    await p.waitForURL((url) => url.pathname === '/login')
    assert.equal(new URL(p.url()).searchParams.get('next'), '/partnerships')
    await p.locator('[data-session-ended]').waitFor()
    assert.equal(await p.locator('.mainnav').count(), 0)
    // A disabled account cannot sign in again.
    await login(p, people.partner.email, people.partner.password)
    await p.locator('[data-login-error=credentials]').waitFor()
    await p.reload()
    await p.locator('#login-email').waitFor()
    assert.equal(new URL(p.url()).pathname, '/login')

    // Enabled again, the old password works.
    await go(page, '/users')
    await page.locator(`tr[data-user="${people.partner.email}"] [data-action=enable]`).click()
    await page.locator(`tr[data-user="${people.partner.email}"] [data-user-state]`, { hasText: 'Active' }).waitFor()
    await signIn(server, people.partner.email, people.partner.password)
    await p.context().close()
  })

  test('five failed sign-ins lock the account: the screen says how long to wait', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await api(server, 'POST', 'session', { email: people.officer.email, password: `wrong-${i}` }, {}, { as: null })
      assert.equal(res.status, 401)
    }
    const p = await newPage()
    await go(p, '/login')
    await login(p, people.officer.email, people.officer.password)
    const error = p.locator('[data-login-error=locked]')
    await error.waitFor()
    assert.match(await error.textContent(), /Too many failed sign-in attempts\. Try again in 15 minutes\./)
    assert.equal(new URL(p.url()).pathname, '/login')
    await p.click('button[data-lang=tr]')
    await login(p, people.officer.email, people.officer.password)
    await p.locator('[data-login-error=locked]', { hasText: '15 dakika sonra' }).waitFor()
    await p.context().close()
  })

  test('the Audit screen lists the sign-ins, the failed sign-in and the record changes', async () => {
    await go(page, '/audit')
    await page.locator(`[data-audit-kind=login][data-email="${server.admin.email}"]`).first().waitFor()
    assert.ok((await page.locator(`[data-audit-kind=login_failed][data-email="${server.admin.email}"]`).count()) >= 1, 'the failed sign-in is listed')
    assert.ok((await page.locator(`[data-audit-kind=user_disabled][data-email="${people.partner.email}"]`).count()) === 1)
    assert.match(await page.textContent(`[data-audit-kind=login_locked][data-email="${people.officer.email}"]`), /Too many failures for this account/)
    await screenshot(page, 'en', 'audit-security')

    await page.selectOption('#af-kind', 'login_failed')
    await page.waitForFunction(() => document.querySelector('main [data-key]')?.dataset.key.startsWith('security|login_failed|'))
    const kinds = await page.$$eval('[data-audit-kind]', (rows) => rows.map((r) => r.getAttribute('data-audit-kind')))
    assert.ok(kinds.length >= 6, `${kinds.length} failed sign-ins`)
    assert.deepEqual([...new Set(kinds)], ['login_failed'])
    assert.equal(new URL(page.url()).searchParams.get('kind'), 'login_failed', 'the filter is in the address')

    await page.click('[data-tab=changes]')
    await page.selectOption('#af-entity', 'commitments')
    await page.fill('#af-actor', people.partner.email)
    await page.press('#af-actor', 'Tab')
    await page.waitForFunction((who) => document.querySelector('main [data-key]')?.dataset.key === `changes|commitments|${who}||||0`, people.partner.email)
    const changes = page.locator('[data-audit-changes] .change-entry')
    assert.equal(await changes.count(), 1)
    assert.match(await changes.first().innerText(), /Status changed[\s\S]*Commitment #/)
    await changes.first().locator('[data-change-record]').click()
    await page.waitForURL(new RegExp(`/commitments/${ids.shared}$`))
  })

  test('Account: a token is shown once, works, and is revoked; a short new password is refused', async () => {
    await go(page, '/account')
    assert.equal((await page.textContent('[data-account-email]')).trim(), server.admin.email)
    await page.fill('#f-current_password', server.admin.password)
    await page.fill('#f-new_password', 'short')
    await page.fill('#f-repeat_password', 'short')
    await page.click('[data-action=change-password]')
    await page.locator('.field:has(#f-new_password) .field-error').waitFor()
    assert.match(await page.textContent('.field:has(#f-new_password) .field-error'), /at least 12 characters/)

    await page.fill('#f-token_name', 'monthly report')
    await page.click('[data-action=create-token]')
    await page.locator('[data-secret-once]').waitFor()
    const token = (await page.textContent('[data-secret]')).trim()
    const withToken = await fetch(`${server.api}/session`, { headers: { Authorization: `Bearer ${token}` } })
    assert.equal(withToken.status, 200, 'the token signs a program in')
    assert.equal((await page.locator('tr[data-token="monthly report"][data-state=active]').count()), 1)
    await screenshot(page, 'en', 'account')
    page.once('dialog', (dialog) => dialog.accept())
    await page.click('tr[data-token="monthly report"] [data-action=revoke]')
    await page.locator('tr[data-token="monthly report"][data-state=revoked]').waitFor()
    assert.equal(await page.locator('[data-secret-once]').count(), 0, 'the revoked token is no longer shown')
    const revoked = await fetch(`${server.api}/session`, { headers: { Authorization: `Bearer ${token}` } })
    assert.equal(revoked.status, 401)
  })

  test('account screens: no serious accessibility violation, screenshots in three languages', async (t) => {
    const found = []
    const guest = await newPage()
    for (const lang of ['en', 'tr', 'zh']) {
      await go(guest, '/login')
      await guest.click(`button[data-lang=${lang}]`)
      await guest.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang)
      await screenshot(guest, lang, 'login')
      await login(guest, 'nobody@example.org', 'wrong password here')
      await guest.locator('[data-login-error]').waitFor()
      await screenshot(guest, lang, 'login-error')
      for (const v of await seriousViolations(guest)) found.push(`${lang} login: ${v.impact} ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`)
      assert.doesNotMatch(await guest.innerText('body'), RAW_KEY, `${lang} login shows a message key`)

      await go(page, '/')
      await page.click(`button[data-lang=${lang}]`)
      for (const [name, path] of [
        ['account', '/account'],
        ['users', '/users'],
        ['user-invite', '/users/new'],
        ['user-edit', `/users/${(await api(server, 'GET', 'users')).json.items.find((u) => u.role === 'partner').id}`],
        ['audit-security', '/audit'],
        ['audit-changes', '/audit?tab=changes'],
        ['commitment-history', `/commitments/${ids.shared}`],
      ]) {
        await go(page, path)
        await screenshot(page, lang, name)
        const text = await page.innerText('body')
        assert.doesNotMatch(text, RAW_KEY, `${lang} ${path} shows a message key`)
        if (lang !== 'en') assert.doesNotMatch(text, /\b(Sign out|History of changes|Invite a user|Security events|Record changes|Shown only now)\b/, `${lang} ${path} shows English`)
        for (const v of await seriousViolations(page)) found.push(`${lang} ${name}: ${v.impact} ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`)
      }
    }
    await go(page, '/')
    await page.click('button[data-lang=en]')
    t.diagnostic(`screenshots in ${SCREENSHOTS}/{en,tr,zh}`)
    assert.deepEqual(found, [], `axe-core found serious or critical violations:\n${found.join('\n')}`)
  })

  test('sign out ends the session', async () => {
    await go(page, '/')
    await page.click('[data-action=sign-out]')
    await page.waitForURL((url) => url.pathname === '/login')
    assert.equal(await page.locator('[data-user-menu]').count(), 0)
    await page.goto(`${server.base}/commitments`)
    await page.waitForURL((url) => url.pathname === '/login')
    const res = await page.request.get(`${server.api}/session`)
    assert.equal(res.status(), 401, 'the server ended the session too')
    await page.goBack()
    await page.locator('#login-email').waitFor()
    assert.equal(new URL(page.url()).pathname, '/login', 'going back does not show a signed-in screen')
  })

  test('no script error or console error during the run', () => {
    assert.deepEqual(problems, [])
  })
})
