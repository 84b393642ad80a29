// Every screen on a phone (390×844, touch, 2×) and on a laptop (1366×768), in Turkish, Chinese and
// English, against one real `amity serve` with the demo data and one Chromium: the page is never
// wider than the screen, the top bar covers at most 64 px after scrolling down, on touch no
// control is under 44 px tall nor overlaps another (links inside running text aside), no Chinese
// text stands one character a line, and axe-core finds no serious
// or critical violation. Then the phone's menu drawer by touch and by keyboard, the board's one
// column at a time, and one instant read the same, with its zone, on every screen.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, screenshot, seriousViolations, settle, signedInContext, startServer, tinyPdf, tinyPng, uploadFile } from './harness.mjs'

const PHONE = { name: 'phone', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }
const LAPTOP = { name: 'laptop', viewport: { width: 1366, height: 768 } }
const LOCALES = { tr: 'tr-TR', zh: 'zh-CN', en: 'en-GB' }
const MAX_BAR = 64
const MIN_TARGET = 44

/** Measures the screen in the page: its width, the bar after scrolling, the smallest controls. */
function measure(touch) {
  const width = document.documentElement.scrollWidth
  // Links in running text (a sentence around them) are exempt from the target size (WCAG 2.5.5).
  const inRunningText = (a) =>
    [...a.parentElement.childNodes].some((n) => n !== a && n.nodeType === Node.TEXT_NODE && n.textContent.trim().length > 1)
  const small = []
  const boxes = []
  const overlaps = []
  let smallest = Infinity
  if (touch) {
    const controls = document.querySelectorAll(
      'button, select, textarea, input:not([type=hidden]), a[href], summary, [role=button], [role=tab]',
    )
    for (const el of controls) {
      if (!el.getClientRects().length || el.closest('.visually-hidden, .skip-link')) continue
      if (getComputedStyle(el).visibility === 'hidden') continue
      if (el.tagName === 'A' && inRunningText(el)) continue
      // A checkbox or radio is reached through its label, which is then the target.
      const target = el.matches('input[type=checkbox], input[type=radio]') ? (el.closest('label') ?? el) : el
      const box = target.getBoundingClientRect()
      // Neighbours keep apart: no two targets overlap (one inside the other is one target).
      for (const [other, otherBox] of boxes) {
        if (other.contains(target) || target.contains(other)) continue
        const x = Math.min(box.right, otherBox.right) - Math.max(box.left, otherBox.left)
        const y = Math.min(box.bottom, otherBox.bottom) - Math.max(box.top, otherBox.top)
        if (x > 1 && y > 1) overlaps.push(`"${(target.textContent || target.tagName).trim().slice(0, 20)}" / "${(other.textContent || other.tagName).trim().slice(0, 20)}"`)
      }
      boxes.push([target, box])
      smallest = Math.min(smallest, box.height)
      if (box.height < 43.5) {
        const name = (target.getAttribute('aria-label') || target.textContent || target.id || target.tagName).trim().slice(0, 40)
        small.push(`${target.tagName.toLowerCase()}${target.className ? '.' + String(target.className).split(' ')[0] : ''} "${name}" ${Math.round(box.height)} px`)
      }
    }
  }
  // Chinese text never stands one character a line (a column squeezed to one glyph's width).
  const squeezed = []
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Each run of three or more Chinese characters: squeezed when every one sits on its own line.
    for (const run of node.textContent.matchAll(/[\u3400-\u9fff]{3,}/g)) {
      const tops = new Set()
      for (let k = run.index; k < run.index + run[0].length; k++) {
        const range = document.createRange()
        range.setStart(node, k)
        range.setEnd(node, k + 1)
        const box = range.getBoundingClientRect()
        if (box.width) tops.add(Math.round(box.top))
      }
      if (tops.size === run[0].length) squeezed.push(`"${run[0].slice(0, 10)}" one a line`)
    }
  }
  const barAtTop = document.querySelector('header.topbar').getBoundingClientRect().height
  window.scrollTo(0, document.documentElement.scrollHeight)
  const bar = document.querySelector('header.topbar').getBoundingClientRect()
  const barCovers = Math.max(0, Math.min(bar.bottom, innerHeight) - Math.max(bar.top, 0))
  // A page too short to scroll the bar's upper part away hides nothing under it: judged only
  // when the page scrolls at least as far as the bar is taller than the limit.
  const judged = scrollY >= barAtTop - 64
  return { width, screen: innerWidth, barCovers, judged, small, overlaps, squeezed, smallest }
}

describe('Phone and laptop layouts', () => {
  let server, browser
  const ids = {}
  const figures = []

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    const first = async (path) => (await api(server, 'GET', path)).json.items[0].id
    ids.partnership = await first('partnerships')
    ids.meeting = await first('meetings')
    const commitments = (await api(server, 'GET', `commitments?partnership_id=${ids.partnership}`)).json.items
    ids.commitment = commitments.find((c) => !['done', 'dropped'].includes(c.status)).id
    ids.event = await first('events')
    ids.person = await first('people')
    ids.city = await first('cities')
    ids.user = (await api(server, 'GET', 'users')).json.items[0].id
    ids.case = await first('cases')
    ids.organization = await first('organizations')
    ids.agreement = (await api(server, 'GET', 'exchange-agreements')).json.items[0].id
    ids.call = (await api(server, 'GET', `exchange-agreements/${ids.agreement}/calls`)).json.items[0].id
    ids.application = (await api(server, 'GET', `exchange-calls/${ids.call}/applications`)).json.items[0].id
    ids.product = await first('products')
    ids.fair = (await api(server, 'GET', 'events?kind=fair')).json.items[0].id
    ids.exhibitor = (await api(server, 'GET', `exhibitors?event_id=${ids.fair}`)).json.items[0].id
    ids.lead = (await api(server, 'GET', 'leads?status=negotiating')).json.items[0].id
    // Files on every kind of record that keeps them, so their lists (cards on a phone) are measured.
    for (const [holder, id] of [
      ['partnerships', ids.partnership],
      ['meetings', ids.meeting],
      ['commitments', ids.commitment],
      ['events', ids.event],
      ['organizations', ids.organization],
      ['cases', ids.case],
      ['products', ids.product],
    ]) {
      await uploadFile(server, holder, id, `Fotoğraf ${holder} 照片.png`, tinyPng())
      await uploadFile(server, holder, id, `Rapor — ${holder} — 报告.pdf`, tinyPdf(holder))
    }
    // The demo meeting's minutes revised twice, so that its minutes history has a comparison.
    const meeting = (await api(server, 'GET', `meetings/${ids.meeting}`)).json
    let { version } = meeting
    let minutes = meeting.minutes ?? { original: 'tr' }
    for (const [tr, zh, en] of [[' Ek not.', '补充说明。', ' A note added.'], [' Bir not daha.', '再次补充。', ' Another note.']]) {
      minutes = { ...minutes, tr: `${minutes.tr ?? ''}${tr}`, zh: `${minutes.zh ?? ''}${zh}`, en: `${minutes.en ?? ''}${en}` }
      const edited = await api(server, 'PATCH', `meetings/${ids.meeting}`, { minutes }, { 'If-Match': `"${version}"` })
      assert.equal(edited.status, 200, JSON.stringify(edited.json))
      version = edited.json.version
    }
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
    if (figures.length) console.log(figures.join('\n'))
  })

  function screens() {
    return [
      '/',
      '/partnerships',
      `/partnerships/${ids.partnership}`,
      `/meetings/${ids.meeting}`,
      { path: `/meetings/${ids.meeting}`, label: 'minutes history, a comparison open', open: openMinutesComparison },
      '/commitments',
      '/commitments?view=table',
      `/commitments/${ids.commitment}`,
      '/calendar',
      `/events/${ids.event}`,
      '/cases',
      '/cases?area=heritage&lang=zh',
      `/cases/${ids.case}`,
      `/agreements/${ids.agreement}`,
      `/calls/${ids.call}`,
      `/exchange-applications/${ids.application}`,
      '/products',
      '/products?chapter=08',
      `/products/${ids.product}`,
      `/events/${ids.fair}`,
      `/events/${ids.fair}/meetings`,
      '/leads',
      '/leads?status=won',
      `/leads/${ids.lead}`,
      '/directory',
      '/directory?tab=organizations',
      '/directory?tab=cities',
      '/search?q=Harbin',
      '/translations',
      '/glossary',
      '/users',
      '/audit',
      '/account',
      '/notices',
      '/mail',
      '/outbox',
      '/commitments/new',
      `/commitments/${ids.commitment}/edit`,
      '/meetings/new',
      `/meetings/${ids.meeting}/edit`,
      '/events/new',
      `/events/${ids.event}/edit`,
      '/cases/new',
      `/cases/${ids.case}/edit`,
      '/products/new',
      `/products/${ids.product}/edit`,
      `/exhibitors/new?event_id=${ids.fair}`,
      `/exhibitors/${ids.exhibitor}/edit`,
      '/leads/new',
      `/leads/${ids.lead}/edit`,
      '/partnerships/new',
      `/partnerships/${ids.partnership}/edit`,
      '/people/new',
      `/people/${ids.person}/edit`,
      '/organizations/new',
      `/organizations/${ids.organization}/edit`,
      `/cities/${ids.city}/edit`,
      `/reports/council?partnership_id=${ids.partnership}&year=${new Date().getFullYear()}`,
      '/glossary/new',
      '/users/new',
      `/users/${ids.user}`,
      '/no-such-screen',
    ]
  }

  /** Unfolds the meeting's minutes history (folded on a phone) and compares its newest revision. */
  async function openMinutesComparison(page) {
    const section = page.locator('[data-fold="m-minutes-history"]')
    if ((await section.getAttribute('data-folded')) === '') await section.locator('[data-action=fold]').click()
    await section.locator('[data-action=compare-revision]').first().click()
    await page.locator('[data-revision-view] [data-diff-side=after]').waitFor()
    // Opening moved focus (and the page) to the comparison; every screen is measured from the top.
    await page.evaluate(() => window.scrollTo(0, 0))
  }

  async function newPage(size, lang, signedIn = true) {
    const options = { ...size, locale: LOCALES[lang] }
    delete options.name
    const context = signedIn ? await signedInContext(browser, server, options) : await browser.newContext(options)
    await context.addInitScript((l) => localStorage.setItem('amity.lang', l), lang)
    const page = await context.newPage()
    page.setDefaultTimeout(15000)
    return { context, page }
  }

  /** `screen`: a path, or `{ path, label, open(page) }` for a state reached on that page. */
  async function check(page, size, lang, screen, failures, summary) {
    const { path: url, label, open } = typeof screen === 'string' ? { path: screen } : screen
    const path = label ? `${url} (${label})` : url
    await page.goto(`${server.base}${url}`)
    await settle(page)
    if (open) {
      await open(page)
      await settle(page)
    }
    const touch = size === PHONE
    const m = await page.evaluate(measure, touch)
    if (m.width > m.screen) failures.push(`${path}: page ${m.width} px wide for a ${m.screen} px screen`)
    if (m.judged && m.barCovers > MAX_BAR) failures.push(`${path}: the top bar covers ${m.barCovers} px after scrolling`)
    if (m.squeezed.length) failures.push(`${path}: Chinese one character a line: ${m.squeezed.slice(0, 4).join('; ')}`)
    if (m.overlaps.length) failures.push(`${path}: touch targets overlap: ${m.overlaps.slice(0, 6).join('; ')}`)
    if (m.small.length) failures.push(`${path}: controls under ${MIN_TARGET} px: ${m.small.slice(0, 6).join('; ')}`)
    await page.evaluate(() => window.scrollTo(0, 0))
    const violations = await seriousViolations(page)
    if (violations.length) failures.push(`${path}: axe: ${JSON.stringify(violations, null, 1)}`)
    summary.widest = Math.max(summary.widest, m.width)
    if (m.judged) summary.bar = Math.max(summary.bar, m.barCovers)
    if (touch) summary.smallest = Math.min(summary.smallest, m.smallest)
  }

  for (const lang of Object.keys(LOCALES)) {
    for (const size of [PHONE, LAPTOP]) {
      test(`${lang}, ${size.name} ${size.viewport.width}×${size.viewport.height}: every screen fits, bar ≤ 64 px, targets ≥ 44 px, axe clean`, async () => {
        const failures = []
        const summary = { widest: 0, bar: 0, smallest: Infinity }
        const { context, page } = await newPage(size, lang)
        for (const path of screens()) await check(page, size, lang, path, failures, summary)
        await page.goto(`${server.base}/commitments?view=table`)
        await settle(page)
        await screenshot(page, lang, `${size.name}-commitments-table`)
        await page.goto(`${server.base}/partnerships/${ids.partnership}`)
        await settle(page)
        await screenshot(page, lang, `${size.name}-partnership`)
        await context.close()
        // The login screen, signed out.
        const out = await newPage(size, lang, false)
        await check(out.page, size, lang, '/login', failures, summary)
        await out.context.close()
        figures.push(`${lang} ${size.name}: widest page ${summary.widest} px (screen ${size.viewport.width}), bar after scrolling ≤ ${summary.bar} px${size === PHONE ? `, smallest target ${summary.smallest.toFixed(1)} px` : ''}`)
        assert.deepEqual(failures, [])
      })
    }
  }

  test('phone: the menu opens and closes by touch and by keyboard, focus stays inside', async () => {
    const { context, page } = await newPage(PHONE, 'en')
    await page.goto(`${server.base}/`)
    await settle(page)
    const bar = await page.locator('header.topbar').boundingBox()
    assert.ok(bar.height <= MAX_BAR, `top bar ${bar.height} px`)
    assert.equal(await page.locator('nav.mainnav').count(), 0, 'no row of links on a phone')
    const menu = page.locator('button[data-action=menu]')
    const drawer = page.locator('dialog[data-drawer]')
    assert.equal(await menu.getAttribute('aria-expanded'), 'false')
    assert.equal(await drawer.isVisible(), false)

    // Touch: open, then a tap outside the drawer closes it.
    await menu.tap()
    await drawer.waitFor({ state: 'visible' })
    assert.equal(await menu.getAttribute('aria-expanded'), 'true')
    for (const lang of ['Türkçe', '中文', 'English']) assert.ok(await drawer.getByRole('button', { name: lang }).isVisible())
    assert.ok(await drawer.locator('[data-action=sign-out]').isVisible(), 'the account is in the menu')
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden', 'the page behind does not scroll')
    await page.touchscreen.tap(380, 600)
    await drawer.waitFor({ state: 'hidden' })
    assert.equal(await menu.getAttribute('aria-expanded'), 'false')

    // Keyboard: Enter opens; Tab and Shift+Tab stay inside; Esc closes and focus goes back.
    await menu.focus()
    await page.keyboard.press('Enter')
    await drawer.waitFor({ state: 'visible' })
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab')
      const inside = await page.evaluate(() => !!document.activeElement?.closest('dialog[data-drawer]'))
      assert.ok(inside, `focus left the drawer after ${i + 1} presses`)
    }
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'menu', 'focus returns to the menu button')

    // A link in the drawer goes there and closes the drawer; the language switch works inside.
    await menu.tap()
    await drawer.getByRole('link', { name: 'Commitments' }).tap()
    await page.waitForURL(/\/commitments$/)
    await drawer.waitFor({ state: 'hidden' })
    await menu.tap()
    await drawer.locator('button[data-lang=zh]').tap()
    await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), 'zh')
    assert.equal(await page.textContent('main h1'), '承诺事项')
    await page.keyboard.press('Escape')

    // Search is behind an icon.
    await page.locator('[data-action=open-search]').tap()
    await page.waitForURL(/\/search/)
    await page.waitForFunction(() => document.activeElement?.id === 'search-q')
    await context.close()
  })

  test('phone: the done dialog (evidence, link, upload) fits the screen with 44 px targets', async () => {
    for (const lang of ['tr', 'zh', 'en']) {
      const { context, page } = await newPage(PHONE, lang)
      const open = (await api(server, 'GET', `commitments?partnership_id=${ids.partnership}&limit=200`)).json.items.find((c) => !['done', 'dropped'].includes(c.status))
      await page.goto(`${server.base}/commitments/${open.id}`)
      await settle(page)
      await page.locator('[data-action=move]').tap()
      await page.selectOption('#move-target', 'done')
      const dialog = page.locator('dialog[open]')
      await dialog.locator('[data-move-evidence] [data-has-evidence]').waitFor()
      // An upload in progress shows its row too: held until measured.
      let release
      const gate = new Promise((resolve) => (release = resolve))
      await page.route('**/api/v1/uploads/**', async (route) => {
        if (route.request().method() === 'PATCH') await gate
        await route.continue()
      })
      await dialog.locator('[data-file-input]').setInputFiles({ name: 'Katılımcılar 参加者.pdf', mimeType: 'application/pdf', buffer: tinyPdf('phone') })
      await dialog.locator('[data-upload] [role=progressbar]').waitFor()
      const m = await page.evaluate(() => {
        const box = document.querySelector('dialog[open]')
        const outer = box.getBoundingClientRect()
        const small = []
        for (const el of box.querySelectorAll('button, select, textarea, input:not([type=hidden]), a[href]')) {
          if (!el.getClientRects().length || el.closest('.visually-hidden')) continue
          const target = el.matches('input[type=checkbox]') ? (el.closest('label') ?? el) : el
          const height = target.getBoundingClientRect().height
          if (height < 43.5) small.push(`${target.tagName.toLowerCase()} "${(target.textContent || target.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(height)} px`)
        }
        return { left: outer.left, right: outer.right, overflow: box.scrollWidth - box.clientWidth, small, page: document.documentElement.scrollWidth }
      })
      assert.ok(m.left >= 0 && m.right <= 390, `${lang}: the dialog spans ${m.left}–${m.right} px`)
      assert.ok(m.overflow <= 0, `${lang}: the dialog's content is ${m.overflow} px wider than the dialog`)
      assert.ok(m.page <= 390, `${lang}: the page is ${m.page} px wide`)
      assert.deepEqual(m.small, [], `${lang}: controls under 44 px in the dialog`)
      const violations = await seriousViolations(page)
      assert.deepEqual(violations, [], `${lang}: axe: ${JSON.stringify(violations, null, 1)}`)
      await screenshot(page, lang, 'phone-done-dialog')
      release()
      await dialog.locator('[data-upload][data-state=done]').waitFor()
      await context.close()
    }
  })

  test('phone: the board shows one status column at a time, chosen with tabs', async () => {
    const { context, page } = await newPage(PHONE, 'en')
    await page.goto(`${server.base}/commitments`)
    await settle(page)
    const tabs = page.getByRole('tab')
    assert.equal(await tabs.count(), 6)
    const visibleColumns = () => page.locator('.board-column:visible').count()
    assert.equal(await visibleColumns(), 1)
    await page.getByRole('tab', { name: /Done/ }).tap()
    assert.equal(await page.getByRole('tab', { name: /Done/ }).getAttribute('aria-selected'), 'true')
    assert.equal(await page.locator('.board-column:visible').getAttribute('data-status'), 'done')
    await page.keyboard.press('ArrowLeft')
    assert.equal(await page.locator('.board-column:visible').getAttribute('data-status'), 'in_progress')
    assert.equal(await visibleColumns(), 1)
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390)
    await context.close()
  })

  test('calendar: the agenda by default on a phone; month cells keep their items inside', async () => {
    const event = (await api(server, 'GET', `events/${ids.event}`)).json
    const month = event.starts_at.slice(0, 7)
    for (const size of [PHONE, LAPTOP]) {
      const { context, page } = await newPage(size, 'tr')
      await page.goto(`${server.base}/calendar?month=${month}`)
      await settle(page)
      const agenda = await page.locator('.agenda-list').count()
      const grid = await page.locator('table.month-grid').count()
      assert.deepEqual([agenda, grid], size === PHONE ? [1, 0] : [0, 1], `${size.name}: agenda ${agenda}, month grid ${grid}`)
      await page.goto(`${server.base}/calendar?month=${month}&view=month`)
      await settle(page)
      const spills = await page.evaluate(() => {
        const out = []
        const items = document.querySelectorAll('.month-grid .day-items > li')
        for (const item of items) {
          const cell = item.closest('td').getBoundingClientRect()
          const box = item.getBoundingClientRect()
          // The item lies inside its day; what is wider than the item is cut off by it, not drawn
          // over the next day.
          const clipped = getComputedStyle(item).overflowX !== 'visible'
          if (box.left < cell.left - 0.5 || box.right > cell.right + 0.5 || (!clipped && item.scrollWidth > item.clientWidth + 1)) {
            out.push(`${item.textContent.trim().slice(0, 30)}: ${Math.round(box.right - cell.right)} px past the day`)
          }
        }
        return { items: items.length, out }
      })
      assert.ok(spills.items > 0, `${size.name}: the month ${month} shows items`)
      assert.deepEqual(spills.out, [], `${size.name}: items spill into the next day`)
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= size.viewport.width)
      await context.close()
    }
  })

  test('an instant reads the same, with its zone, on every screen; activity keeps text and status apart', async () => {
    // Move a commitment so it has a fresh transition, then read that instant on three screens.
    const before = (await api(server, 'GET', `commitments/${ids.commitment}`)).json
    const to = { proposed: 'agreed', agreed: 'planned', planned: 'in_progress', in_progress: 'done' }[before.status] ?? 'dropped'
    const body = { to, note: 'Moved by the phone test.' }
    if (to === 'done') body.evidence_link = { url: 'https://example.org/phone-test', title: 'Phone test' }
    const moved = await api(server, 'POST', `commitments/${ids.commitment}/transitions`, body)
    assert.ok(moved.status < 300, `transition: ${moved.status} ${JSON.stringify(moved.json)}`)
    const { context, page } = await newPage(LAPTOP, 'en')
    await page.goto(`${server.base}/commitments/${ids.commitment}`)
    await settle(page)
    const entry = page.locator('[data-kind=transition]', { hasText: 'Moved by the phone test.' })
    const onCommitment = (await entry.locator('.tl-date').textContent()).trim()
    assert.match(onCommitment, / UTC(\+|-)?\d*/, `"${onCommitment}" says its zone`)
    await page.goto(`${server.base}/partnerships/${ids.partnership}`)
    await settle(page)
    // The transition just made (the timeline section is open on a laptop).
    const statusLabel = { agreed: 'Agreed', planned: 'Planned', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' }[to]
    const item = page.locator('.timeline li.tl-transition', { hasText: (before.text.en ?? before.text[before.text.original]).slice(0, 24) }).filter({ hasText: `→ ${statusLabel}` }).first()
    const onPartnership = (await item.locator('.tl-date').textContent()).trim()
    assert.equal(onPartnership, onCommitment, 'the same wall time and zone on both screens')
    // The record's text and its status change are separate elements, the change on its own line.
    const title = await item.locator('.tl-title').boundingBox()
    const change = await item.locator('[data-tl-change]').boundingBox()
    assert.ok(change.y >= title.y + title.height - 1, 'the status change starts below the text')
    // The user's own zone, chosen under Account, applies everywhere.
    await page.goto(`${server.base}/account`)
    await settle(page)
    await page.selectOption('#account-zone', 'Asia/Shanghai')
    await page.goto(`${server.base}/commitments/${ids.commitment}`)
    await settle(page)
    const inShanghai = (await entry.locator('.tl-date').textContent()).trim()
    assert.match(inShanghai, /UTC\+8$/)
    await page.goto(`${server.base}/partnerships/${ids.partnership}`)
    await settle(page)
    assert.equal((await item.locator('.tl-date').textContent()).trim(), inShanghai)
    // Meetings: their own zone and the other city's, each with its offset.
    await page.goto(`${server.base}/meetings/${ids.meeting}`)
    await settle(page)
    assert.match(await page.locator('time.dual-time').first().textContent(), /\(UTC\+\d+\).*·.*\(UTC\+\d+\)/s)
    await context.close()
  })
})
