// The officer's journey through the web UI in real Chromium against a real `amity serve`:
// create a partnership, record a meeting with both sides, add three commitments from it, move one
// to done with a note and a link as evidence, see the dashboard change, read the screens in 中文 and Türkçe, find an event
// in the calendar in both time zones, get field messages from the server on an invalid form and a
// stale edit. Every main screen is checked with axe-core and photographed in all three languages.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  api,
  rawGet,
  screenshot,
  selectContaining,
  seriousViolations,
  settle,
  SCREENSHOTS,
  openSession,
  signedInContext,
} from './harness.mjs'

const DAY = 86400000
/** "YYYY-MM-DD" of today + n days (UTC calendar; the tests only need rough dates). */
function dayFromNow(n) {
  return new Date(Date.now() + n * DAY).toISOString().slice(0, 10)
}
const RAW_KEY = /\b(?:app|nav|lang|common|text|fields|enum|area|agenda|dashboard|partnerships?|meeting|commitments?|calendar|event|directory|person|organization|city|errors|problem|search|translations|glossary|recordKinds?|auth|account|users|audit|history|visibility)\.[a-zA-Z_]+\b/

describe('Amity web UI', () => {
  let session, server, browser, context, page, problems
  const ids = {}

  before(async () => {
    session = await openSession()
    ;({ server, browser, context, page, problems } = session)
    ids.izmir = (await api(server, 'GET', 'cities')).json.items.find((c) => c.country === 'TR').id
  })

  after(async () => {
    await session?.close()
  })

  async function go(path) {
    await page.goto(`${server.base}${path}`)
    await settle(page)
  }

  test('serves the UI embedded, cached and compressed; first load ≤ 300 KB', async (t) => {
    const index = await rawGet(`${server.base}/`, { 'accept-encoding': 'gzip, br' })
    assert.equal(index.status, 200)
    assert.equal(index.headers['cache-control'], 'no-cache')
    assert.equal(index.headers['content-encoding'], 'gzip')
    assert.match(index.headers['vary'], /Accept-Encoding/)
    const deep = await rawGet(`${server.base}/partnerships/does-not-exist`)
    assert.equal(deep.status, 200)
    assert.match(deep.headers['content-type'], /text\/html/)
    assert.match(deep.body.toString(), /<div id="app">/)
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(deep.body.toString())?.[1]
    assert.ok(script, 'index.html names its script')
    const asset = await rawGet(`${server.base}${script}`, { 'accept-encoding': 'gzip' })
    assert.equal(asset.status, 200)
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable')
    assert.equal(asset.headers['content-encoding'], 'gzip')
    const plain = await rawGet(`${server.base}${script}`, { 'accept-encoding': 'identity' })
    assert.equal(plain.headers['content-encoding'], undefined)
    assert.ok(plain.body.length > asset.body.length)
    const notModified = await rawGet(`${server.base}/`, { 'accept-encoding': 'gzip', 'if-none-match': index.headers.etag })
    assert.equal(notModified.status, 304)
    const apiMiss = await rawGet(`${server.base}/api/v1/nothing-here`)
    assert.equal(apiMiss.status, 404)
    assert.match(apiMiss.headers['content-type'], /json/)

    // What the browser really downloads on a first visit (compressed bytes on the wire): the
    // login screen of someone not signed in, and the dashboard of someone signed in.
    async function firstLoad(context, path, ready) {
      const first = await context.newPage()
      let bytes = 0
      const files = []
      first.on('response', async (response) => {
        const url = new URL(response.url())
        if (url.pathname.startsWith('/api/')) return
        const length = Number(response.headers()['content-length'] ?? (await response.body()).length)
        bytes += length
        files.push(`${url.pathname} ${length} ${response.headers()['content-encoding'] ?? ''}`)
      })
      await first.goto(`${server.base}${path}`)
      await first.locator(ready).waitFor()
      await first.waitForLoadState('networkidle')
      await context.close()
      return { bytes, files }
    }
    const login = await firstLoad(await browser.newContext({ locale: 'en-GB' }), '/', '#login-email')
    t.diagnostic(`first load of the login screen: ${login.bytes} bytes compressed in ${login.files.length} files\n${login.files.join('\n')}`)
    assert.ok(login.bytes > 0 && login.bytes <= 300 * 1024, `the login screen's first load is ${login.bytes} bytes`)
    const dashboard = await firstLoad(await signedInContext(browser, server, { locale: 'en-GB' }), '/', '[data-stat=overdue]')
    t.diagnostic(`first load of the dashboard, signed in: ${dashboard.bytes} bytes compressed in ${dashboard.files.length} files\n${dashboard.files.join('\n')}`)
    assert.ok(dashboard.bytes > 0 && dashboard.bytes <= 300 * 1024, `the dashboard's first load is ${dashboard.bytes} bytes`)
  })

  test('language follows the browser first, then the remembered choice', async () => {
    const turkish = await signedInContext(browser, server, { locale: 'tr-TR', viewport: { width: 1200, height: 800 } })
    const tr = await turkish.newPage()
    await tr.goto(`${server.base}/`)
    await tr.getByRole('navigation', { name: 'Ana menü' }).waitFor()
    assert.equal(await tr.getAttribute('html', 'lang'), 'tr-TR')
    assert.equal(await tr.textContent('main h1'), 'Gösterge paneli')
    await tr.click('button[data-lang=zh]')
    await tr.waitForFunction((l) => document.documentElement.lang.startsWith(l), 'zh')
    assert.equal(await tr.textContent('main h1'), '概览')
    await tr.reload()
    await tr.waitForSelector('main h1')
    assert.equal(await tr.textContent('main h1'), '概览', 'the choice survives a reload')
    assert.equal(await tr.evaluate(() => localStorage.getItem('amity.lang')), 'zh')
    await turkish.close()
  })

  test('create a partnership (with a new partner city)', async () => {
    await go('/')
    await page.click('button[data-lang=en]')
    await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), 'en')
    await go('/cities/new')
    await page.fill('#f-name-tr', 'Çingdao')
    await page.fill('#f-name-zh', '青岛')
    await page.fill('#f-name-en', 'Qingdao')
    await page.check('input[name="f-name-original"] >> nth=1') // Chinese is the original
    await page.fill('#f-country', 'CN')
    await page.fill('#f-time_zone', 'Asia/Shanghai')
    await page.fill('#f-latitude', '36.0671')
    await page.fill('#f-longitude', '120.3826')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/directory\?tab=cities/)
    await page.getByRole('rowheader', { name: 'Qingdao' }).waitFor()

    await go('/partnerships/new')
    await page.selectOption('#f-home_city_id', ids.izmir)
    ids.qingdao = await selectContaining(page, '#f-partner_city_id', 'Qingdao')
    await page.selectOption('#f-tier', 'letter_of_intent')
    // A young link: quiet after two months without contact, dormant after four.
    await page.fill('#f-quiet_after_months', '2')
    await page.fill('#f-dormant_after_months', '4')
    await page.click('text=+ Add a milestone')
    await page.selectOption('#f-milestones-0-kind', 'letter_of_intent_signed')
    await page.fill('#f-milestones-0-date', dayFromNow(-10))
    await page.fill('#f-milestones-0-reference', 'QD-IZ-2026/1')
    await page.click('text=+ Add a focal point (Home side)')
    await selectContaining(page, '#f-focal_points-0-person_id', 'Emre Yıldırım')
    await page.fill('#f-notes-en', 'Started after the Qingdao delegation visited İzmir.')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/)
    await settle(page)
    ids.partnership = page.url().split('/').pop()
    assert.equal(await page.textContent('main h1'), 'İzmir ↔ Qingdao')
    assert.equal(await page.getAttribute('[data-step=letter_of_intent_signed]', 'data-state'), 'done')
    const listed = await api(server, 'GET', `partnerships/${ids.partnership}`)
    assert.equal(listed.json.tier, 'letter_of_intent')
    assert.equal(listed.json.milestones[0].reference, 'QD-IZ-2026/1')
    assert.equal(listed.json.quiet_after_months, 2)
    assert.equal(listed.json.dormant_after_months, 4)
  })

  test('the legal gate: a sister-city agreement without council decision is refused next to the field', async () => {
    await go(`/partnerships/${ids.partnership}/edit`)
    await page.selectOption('#f-tier', 'sister_city')
    await page.click('text=+ Add a milestone')
    await page.selectOption('#f-milestones-1-kind', 'agreement_signed')
    await page.fill('#f-milestones-1-date', dayFromNow(-1))
    await page.click('button[type=submit]')
    const message = page.locator('#f-milestones .field-error')
    await message.waitFor()
    assert.match(await message.textContent(), /council decision/i)
    assert.equal(await page.inputValue('#f-milestones-1-date'), dayFromNow(-1), 'what was typed is kept')
    // The partnership page lists the steps still missing.
    await go(`/partnerships/${ids.partnership}`)
    assert.equal(await page.getAttribute('[data-step=council_decision]', 'data-state'), 'optional')
  })

  test('record a meeting with participants from both sides', async () => {
    await go(`/partnerships/${ids.partnership}`)
    await page.click('text=Record a meeting')
    await page.waitForURL(/\/meetings\/new/)
    await settle(page)
    await page.selectOption('#f-kind', 'incoming_delegation')
    await page.fill('#f-title-en', 'Qingdao delegation visits İzmir')
    await page.fill('#f-title-tr', 'Çingdao heyetinin İzmir ziyareti')
    await page.fill('#f-title-zh', '青岛代表团访问伊兹密尔')
    await page.selectOption('#f-city_id', ids.izmir)
    await page.fill('#f-venue', 'İzmir Metropolitan Municipality')
    await page.fill('#f-starts_at', `${dayFromNow(-3)}T10:00`)
    assert.equal(await page.inputValue('#f-time_zone'), 'Europe/Istanbul')
    assert.match(await page.textContent('.preview'), /10:00–11:00 İzmir \(UTC\+3\) · 15:00–16:00 Qingdao \(UTC\+8\)/)
    await page.click('[data-add-participant=home]')
    await selectContaining(page, '#f-participants-0-person_id', 'Emre Yıldırım')
    await page.click('[data-add-participant=home]')
    await selectContaining(page, '#f-participants-1-person_id', 'Deniz Çelik')
    await page.selectOption('#f-participants-1-role', 'interpreter')
    await page.click('[data-add-participant=partner]')
    await selectContaining(page, '#f-participants-2-person_id', 'Wang Lihua')
    await page.check('input[type=checkbox][value=technology_ai]')
    await page.check('input[type=checkbox][value=trade_export]')
    await page.fill('#f-minutes-en', 'Both sides agreed to work on technology, trade and heritage.')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/)
    await settle(page)
    ids.meeting = page.url().split('/').pop()
    const home = await page.textContent('[data-side=home]')
    const partner = await page.textContent('[data-side=partner]')
    assert.match(home, /Emre Yıldırım/)
    assert.match(home, /Interpreter/)
    assert.match(partner, /王丽华/)
    assert.match(await page.textContent('.facts'), /10:00–11:00 İzmir \(UTC\+3\) · 15:00–16:00 Qingdao \(UTC\+8\)/)
  })

  test('add three commitments from the meeting', async () => {
    await page.click('[data-action=add-commitment]')
    await page.waitForURL(/\/commitments\/new\?meeting_id=/)
    await settle(page)
    const items = [
      { en: 'Joint AI hackathon for university students', area: 'technology_ai', side: 'home', due: dayFromNow(60) },
      { en: 'İzmir producers at the Qingdao trade fair', area: 'trade_export', side: 'partner', due: dayFromNow(-5) },
      { en: 'Exchange of heritage-restoration experts', area: 'heritage', side: 'both', due: dayFromNow(120) },
    ]
    for (const [i, item] of items.entries()) {
      // The meeting's option arrives with the form's reference lists, which may come after the
      // network first goes quiet on a busy machine: wait for it (bounded), then check.
      await page
        .waitForFunction((id) => document.querySelector('#f-meeting_id')?.value === id, ids.meeting, { timeout: 10000 })
        .catch(() => undefined)
      assert.equal(await page.inputValue('#f-meeting_id'), ids.meeting, 'the meeting is preselected')
      await page.fill('#f-text-en', item.en)
      await page.selectOption('#f-area', item.area)
      await page.selectOption('#f-proposed_by_side', item.side)
      await page.fill('#f-due_date', item.due)
      await selectContaining(page, '#f-home_owner_id', 'Emre Yıldırım')
      if (i < items.length - 1) {
        await page.click('[data-action=save-another]')
        await page.waitForFunction(() => document.querySelector('#f-text-en')?.value === '')
      } else {
        await page.click('button[type=submit]')
      }
    }
    await page.waitForURL(new RegExp(`/meetings/${ids.meeting}$`))
    await settle(page)
    assert.equal(await page.locator('[data-commitment]').count(), 3)
    const made = (await api(server, 'GET', `commitments?meeting_id=${ids.meeting}&sort=created_at`)).json.items
    assert.equal(made.length, 3)
    ids.commitments = made.map((c) => c.id)
  })

  test('move one commitment to done with a note and evidence; the dashboard changes', async () => {
    await go('/')
    const row = page.locator(`[data-partnership="${ids.partnership}"]`)
    assert.equal((await row.locator('[data-field=done]').textContent()).trim(), '0')
    const overdueBefore = Number(await page.textContent('[data-stat=overdue]'))
    assert.ok(overdueBefore >= 1, 'the fair commitment is overdue')
    assert.match(await page.textContent('#dash-overdue + *, section[aria-labelledby=dash-overdue]'), /Qingdao trade fair/)

    await go(`/commitments?partnership_id=${ids.partnership}`)
    const card = page.locator(`[data-commitment="${ids.commitments[0]}"]`)
    await card.locator('[data-action=move]').click()
    await page.selectOption('#move-target', 'done')
    await page.fill('#note-dialog-text', 'Hackathon held with 40 students from both cities.')
    // Done needs evidence: a link to the results, sent with the move.
    await page.fill('dialog [data-field=link-url]', 'https://hackathon.example.org/results')
    await page.fill('dialog [data-field=link-title]', 'Results and winning teams')
    await page.click('dialog button[type=submit]')
    await page.locator(`[data-status=done] [data-commitment="${ids.commitments[0]}"]`).waitFor()

    // Drag another card to "agreed": dropping asks for a note.
    const third = page.locator(`[data-commitment="${ids.commitments[2]}"]`)
    await third.dragTo(page.locator('[data-status=agreed]'))
    await page.locator('dialog[open]').waitFor()
    assert.equal(await page.inputValue('#move-target'), 'agreed')
    await page.fill('#note-dialog-text', 'Agreed at the follow-up call.')
    await page.click('dialog button[type=submit]')
    await page.locator(`[data-status=agreed] [data-commitment="${ids.commitments[2]}"]`).waitFor()

    await go(`/commitments/${ids.commitments[0]}`)
    const history = await page.textContent('#c-history + *, section[aria-labelledby=c-history]')
    assert.match(history, /Proposed → Done/)
    assert.match(history, /Hackathon held with 40 students/)
    await page.fill('#progress-note', 'Photos and the list of participants are in the archive.')
    await page.click('text=Add a progress note >> nth=1')
    await page.locator('[data-kind=note]').waitFor()

    await go('/')
    assert.equal((await row.locator('[data-field=done]').textContent()).trim(), '1')
    assert.equal((await row.locator('[data-field=follow-through]').textContent()).trim(), '50%')
    assert.match(await page.textContent('[data-area=technology_ai]'), /100%/)
  })

  test('plan an event and find it in the calendar in both time zones', async () => {
    await go(`/events/new?partnership_id=${ids.partnership}`)
    await page.selectOption('#f-kind', 'concert')
    await page.fill('#f-title-en', 'Qingdao–İzmir Friendship Concert')
    await page.fill('#f-title-zh', '青岛—伊兹密尔友谊音乐会')
    await page.selectOption('#f-city_id', ids.qingdao)
    assert.equal(await page.inputValue('#f-time_zone'), 'Asia/Shanghai')
    const day = dayFromNow(12)
    await page.fill('#f-starts_at', `${day}T19:30`)
    await page.selectOption('#f-status', 'confirmed')
    await page.check(`input[type=checkbox][value="${ids.commitments[2]}"]`)
    await page.click('button[type=submit]')
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/)
    await settle(page)
    ids.event = page.url().split('/').pop()
    ids.eventMonth = day.slice(0, 7)
    assert.match(await page.textContent('.facts'), /19:30 Qingdao \(UTC\+8\) · 14:30 İzmir \(UTC\+3\)/)

    await go(`/calendar?month=${ids.eventMonth}`)
    const cell = page.locator(`[data-day="${day}"]`)
    assert.match(await cell.textContent(), /Qingdao–İzmir Friendship Concert/)
    assert.match(await cell.textContent(), /19:30 Qingdao \(UTC\+8\) · 14:30 İzmir \(UTC\+3\)/)
    await page.click('text=List')
    await settle(page)
    const entry = page.locator('.agenda-list .agenda-item', { hasText: 'Friendship Concert' })
    assert.match(await entry.textContent(), /19:30–20:30 Qingdao \(UTC\+8\) · 14:30–15:30 İzmir \(UTC\+3\)/)
  })

  test('an invalid form shows the server’s messages next to the fields and keeps the input', async () => {
    await go(`/meetings/new?partnership_id=${ids.partnership}`)
    await page.fill('#f-time_zone', '')
    await page.fill('#f-venue', 'Kültürpark')
    await page.click('button[type=submit]')
    await page.locator('.alert-error[role=alert]').waitFor()
    assert.match(await page.textContent('#f-title'), /This field is required/)
    assert.equal(await page.getAttribute('#f-starts_at', 'aria-invalid'), 'true')
    assert.match(await page.textContent('.field:has(#f-starts_at) .field-error'), /required/)
    assert.equal(await page.inputValue('#f-venue'), 'Kültürpark', 'what was typed is kept')
    await screenshot(page, 'en', 'meeting-form-invalid')

    await go('/cities/new')
    await page.fill('#f-name-en', 'Atlantis')
    await page.fill('#f-country', 'zz')
    await page.fill('#f-time_zone', 'Mars/Olympus')
    await page.click('button[type=submit]')
    await page.locator('.field:has(#f-time_zone) .field-error').waitFor()
    assert.match(await page.textContent('.field:has(#f-country) .field-error'), /two-letter/)
    assert.match(await page.textContent('.field:has(#f-time_zone) .field-error'), /IANA/)
    assert.equal(await page.inputValue('#f-name-en'), 'Atlantis')
  })

  test('a stale edit (412) is explained and can be reloaded keeping the user’s change', async () => {
    const id = ids.commitments[1]
    await go(`/commitments/${id}/edit`)
    const current = await api(server, 'GET', `commitments/${id}`)
    const changed = await api(server, 'PATCH', `commitments/${id}`, { due_date: dayFromNow(30) }, { 'If-Match': `"${current.json.version}"` })
    assert.equal(changed.status, 200)
    await page.fill('#f-text-en', 'İzmir producers at the Qingdao International Trade Fair')
    await page.click('button[type=submit]')
    await page.locator('text=Someone else changed this record').waitFor()
    assert.equal(await page.inputValue('#f-text-en'), 'İzmir producers at the Qingdao International Trade Fair')
    await screenshot(page, 'en', 'commitment-form-stale')
    await page.click('text=Load latest and keep my changes')
    await page.locator('text=Someone else changed this record').waitFor({ state: 'detached' })
    assert.equal(await page.inputValue('#f-text-en'), 'İzmir producers at the Qingdao International Trade Fair')
    assert.equal(await page.inputValue('#f-due_date'), dayFromNow(30), 'the other person’s change is loaded')
    await page.click('button[type=submit]')
    await page.waitForURL(new RegExp(`/commitments/${id}$`))
    const saved = await api(server, 'GET', `commitments/${id}`)
    assert.equal(saved.json.text.en, 'İzmir producers at the Qingdao International Trade Fair')
    assert.equal(saved.json.due_date, dayFromNow(30))
  })

  test('switch to 中文 and Türkçe: the screens are translated', async () => {
    const expectations = {
      zh: { nav: ['概览', '友好城市', '承诺事项', '日程', '经验案例库', '产品目录', '通讯录', '翻译', '术语表', '用户', '审计', '电子邮件', '服务器联合'], board: '已完成', lang: 'zh-CN', partnership: '伊兹密尔 ↔ 青岛' },
      tr: { nav: ['Gösterge paneli', 'Kardeş şehirler', 'Taahhütler', 'Takvim', 'Deneyim kütüphanesi', 'Ürün kataloğu', 'Rehber', 'Çeviriler', 'Sözlük', 'Kullanıcılar', 'Denetim', 'E-posta', 'Federasyon'], board: 'Tamamlandı', lang: 'tr-TR', partnership: 'İzmir ↔ Çingdao' },
    }
    for (const [lang, want] of Object.entries(expectations)) {
      await go('/')
      await page.click(`button[data-lang=${lang}]`)
      await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang)
      assert.equal(await page.getAttribute('html', 'lang'), want.lang)
      const nav = await page.locator('.mainnav a').allTextContents()
      assert.deepEqual(nav.map((s) => s.trim()), want.nav)
      for (const path of ['/', `/partnerships/${ids.partnership}`, `/meetings/${ids.meeting}`, `/commitments`, `/calendar?month=${ids.eventMonth}`, '/directory']) {
        await go(path)
        const text = await page.innerText('body')
        assert.doesNotMatch(text, RAW_KEY, `${lang} ${path} shows a message key`)
        assert.doesNotMatch(text, /\b(Commitments|Dashboard|Partnerships|Calendar|Proposed|Save)\b/, `${lang} ${path} shows English`)
      }
      await go(`/partnerships/${ids.partnership}`)
      assert.equal(await page.textContent('main h1'), want.partnership)
      await go('/commitments')
      assert.match(await page.textContent('[data-status=done] .board-title'), new RegExp(want.board))
    }
    await go('/')
    await page.click('button[data-lang=en]')
    await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), 'en')
  })

  test('every main screen: no serious accessibility violation, screenshots in three languages', async (t) => {
    const screens = [
      ['dashboard', '/'],
      ['partnerships', '/partnerships'],
      ['partnership', `/partnerships/${ids.partnership}`],
      ['partnership-form', `/partnerships/${ids.partnership}/edit`],
      ['meeting', `/meetings/${ids.meeting}`],
      ['meeting-form', `/meetings/${ids.meeting}/edit`],
      ['commitments-board', '/commitments'],
      ['commitments-table', '/commitments?view=table'],
      ['commitment', `/commitments/${ids.commitments[0]}`],
      ['commitment-form', `/commitments/new?meeting_id=${ids.meeting}&partnership_id=${ids.partnership}`],
      ['calendar-month', `/calendar?month=${ids.eventMonth}`],
      ['calendar-list', `/calendar?view=list&month=${ids.eventMonth}`],
      ['event', `/events/${ids.event}`],
      ['event-form', `/events/${ids.event}/edit`],
      ['directory-people', '/directory'],
      ['directory-organizations', '/directory?tab=organizations'],
      ['directory-cities', '/directory?tab=cities'],
      ['person-form', '/people/new'],
      ['organization-form', '/organizations/new'],
      ['city-form', '/cities/new'],
    ]
    const found = []
    for (const lang of ['en', 'tr', 'zh']) {
      await go('/')
      await page.click(`button[data-lang=${lang}]`)
      await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang)
      for (const [name, path] of screens) {
        await go(path)
        await screenshot(page, lang, name)
        for (const v of await seriousViolations(page)) found.push(`${lang} ${name}: ${v.impact} ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`)
      }
    }
    // The keyboard: the first Tab reaches the skip link, which is visible when focused.
    await go('/')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link')
    assert.ok(await page.isVisible('.skip-link'))
    t.diagnostic(`screenshots in ${SCREENSHOTS}/{en,tr,zh}`)
    assert.deepEqual(found, [], `axe-core found serious or critical violations:\n${found.join('\n')}`)
  })

  test('no script error or console error during the run', () => {
    assert.deepEqual(problems, [])
  })
})
