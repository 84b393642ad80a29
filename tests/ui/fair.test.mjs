// The export fair in real Chromium against a real `amity serve` with the demo data, once per
// language (tr, zh, en; AMITY_UI_LANGS picks some; the words expected are read from the UI's
// message files): the fair's page lists the demo's exhibitors; a company is registered at the fair
// through the form (a company already exhibiting is refused with the reason under the field),
// with a product it shows and a cost the city covers; a meeting request is added and the
// scheduler run on the Meetings screen, whose grid and one company's printable schedule (with its
// iCal link) show it; a lead met at the fair is moved to won with its deal in CNY, which the
// fair's results and the dashboard's trade section (one request for every partnership and fair)
// then count. A Harbin partner user requests a meeting with an exhibitor for a new buyer of its
// city, then withdraws it. axe-core finds no serious or critical violation on any of these screens.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { BROWSER_LOCALE, UI_LANGS, addUser, api, msg, msgPattern, openSession, screenshot, seriousViolations, settle, signedInContext, useLanguage, visit } from './harness.mjs'

for (const lang of UI_LANGS) describe(`Amity web UI: the export fair (${lang})`, () => {
  let session, server, page, problems, browser
  const ids = {}

  before(async () => {
    session = await openSession()
    ;({ server, page, problems, browser } = session)
    ids.fair = (await api(server, 'GET', 'events?kind=fair')).json.items[0].id
    const companies = (await api(server, 'GET', 'organizations?kind=company&limit=200')).json.items
    ids.raisins = companies.find((o) => o.name.en === 'Gediz Raisin Drying Ltd.').id
    ids.figs = companies.find((o) => o.name.en === 'Menderes Fig and Dried Fruit Inc.').id
    ids.sultanas = (await api(server, 'GET', `products?company_id=${ids.raisins}`)).json.items.find((p) => p.name.en.startsWith('Sultana')).id
    ids.lead = (await api(server, 'GET', 'leads?status=negotiating')).json.items[0].id
    await useLanguage(page, server, lang)
  })

  after(async () => {
    await session?.close()
  })

  const go = (path) => visit(page, server, path)
  async function expectAxeClean(what, on = page) {
    const violations = await seriousViolations(on)
    assert.deepEqual(violations, [], `${lang}, ${what}: ${JSON.stringify(violations, null, 1)}`)
  }
  // An amount as the UI language writes it (the digits; the currency sign may go either side).
  const amount = (value) => new Intl.NumberFormat(BROWSER_LOCALE[lang], { minimumFractionDigits: 2 }).format(value)
  const ready = (selector) => page.waitForFunction((s) => document.querySelector(s)?.dataset.state === 'ready', selector)

  test('a company is registered at the fair with a product and a covered cost', async () => {
    await go(`/events/${ids.fair}`)
    await ready('.fair-exhibitors')
    assert.equal(await page.locator('.fair-exhibitors [data-exhibitor]').count(), 4)
    assert.ok((await page.textContent('.fair-exhibitors')).includes(msg(lang, 'fair.stand', { stand: 'B2-114' })))
    await expectAxeClean('fair page')

    await page.click('[data-action=new-exhibitor]')
    await page.waitForURL(/\/exhibitors\/new\?event_id=/)
    await settle(page)
    // A company that already exhibits: the server's reason under the field, nothing saved.
    await page.selectOption('#f-company_id', ids.figs)
    await page.click('button[type=submit]')
    await page.locator('#f-company_id-error').waitFor()
    assert.ok((await page.textContent('#f-company_id-error')).includes(msg(lang, 'problem.already_exhibiting')))
    assert.match(page.url(), /\/exhibitors\/new/)

    await page.selectOption('#f-company_id', ids.raisins)
    await page.fill('#f-stand', 'A1-120')
    await page.check(`input[type=checkbox][value="${ids.sultanas}"]`)
    await page.click('[data-action=add-cost]')
    await page.fill('#f-covered_costs-0-item', 'stand rent')
    await page.fill('#f-covered_costs-0-hundredths', '18000.50')
    await page.fill('#f-covered_costs-0-currency', 'CNY')
    await expectAxeClean('exhibitor form')
    await screenshot(page, lang, 'exhibitor-form')
    await page.click('button[type=submit]')
    await page.waitForURL(new RegExp(`/events/${ids.fair}$`))
    await ready('.fair-exhibitors')
    assert.equal(await page.locator('.fair-exhibitors [data-exhibitor]').count(), 5)
    const saved = (await api(server, 'GET', `exhibitors?event_id=${ids.fair}&company_id=${ids.raisins}`)).json.items[0]
    assert.equal(saved.stand, 'A1-120')
    assert.deepEqual(saved.product_ids, [ids.sultanas])
    assert.deepEqual(saved.covered_costs, [{ item: 'stand rent', hundredths: 1800050, currency: 'CNY' }])
    assert.deepEqual(problems, [])
  })

  test('meetings are requested and scheduled; one company schedule prints and exports', async () => {
    await go(`/events/${ids.fair}/meetings`)
    await ready('.fair-meetings')
    assert.match(await page.textContent('[data-plan]'), msgPattern(lang, 'b2b.planSummary', { minutes: 20, tables: 6, slots: 105 }, ['start', 'end']))
    const requestsBefore = await page.locator('[data-request]').count()
    // A buyer free all fair long (the demo's building buyer is free on the first morning only; the
    // list's order among records made in the same millisecond is not fixed).
    const buyer = (await api(server, 'GET', `fair_buyers?event_id=${ids.fair}`)).json.items.find((b) => !b.available_slots?.length).organization_id
    const exhibitor = (await api(server, 'GET', `exhibitors?event_id=${ids.fair}&company_id=${ids.raisins}`)).json.items[0].id
    await page.selectOption('#f-buyer_id', buyer)
    await page.selectOption('#f-exhibitor_id', exhibitor)
    await page.fill('#f-priority', '7')
    await page.click('[data-action=add-request]')
    await page.waitForFunction((n) => document.querySelectorAll('[data-request]').length === n + 1, requestsBefore)
    // The raisin company can meet only at 10:00 on the fair's third day.
    await page.selectOption('#b2b-party', `exhibitors:${exhibitor}`)
    await page.check('input[type=checkbox][value="2027-06-17T02:00:00Z"]')
    await page.click('[data-action=save-availability]')
    await settle(page)
    assert.deepEqual((await api(server, 'GET', `exhibitors/${exhibitor}`)).json.available_slots, ['2027-06-17T02:00:00Z'])
    await page.click('[data-action=run-scheduler]')
    const ran = msgPattern(lang, 'b2b.runSummary', { requests: requestsBefore + 1 }, ['met', 'priority', 'bound'])
    await page.waitForFunction(([source, flags]) => new RegExp(source, flags).test(document.querySelector('[data-run]')?.textContent ?? ''), [ran.source, ran.flags])
    const schedule = (await api(server, 'GET', `events/${ids.fair}/b2b-schedule?company_id=${ids.raisins}`)).json
    assert.equal(schedule.meetings.length, 1)
    assert.equal(schedule.meetings[0].starts_at, '2027-06-17T02:00:00Z')
    assert.ok(await page.locator('.b2b-grid tbody tr').count() > 0)
    await expectAxeClean('meetings screen')
    await screenshot(page, lang, 'fair-meetings')
    // The raisin company's own schedule: one meeting, printable, with its iCal link.
    await page.selectOption('#b2b-company', ids.raisins)
    await page.locator('[data-personal] tbody tr').waitFor()
    assert.equal(await page.locator('[data-personal] tbody tr').count(), 1)
    assert.equal(await page.getAttribute('[data-action=ics]', 'href'), `/api/v1/events/${ids.fair}/b2b-schedule.ics?company_id=${ids.raisins}`)
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('[data-schedule]').isVisible(), false)
    assert.ok(await page.locator('[data-personal]').isVisible())
    await page.emulateMedia({ media: 'screen' })
    assert.deepEqual(problems, [])
  })

  test('a lead met at the fair moves to won with its deal, and the fair counts it', async () => {
    await go('/leads?status=negotiating')
    await ready('.leads')
    await page.click(`[data-lead="${ids.lead}"] a`)
    await page.waitForURL(new RegExp(`/leads/${ids.lead}$`))
    await settle(page)
    assert.equal(await page.textContent('[data-lead-status]'), msg(lang, 'lead.status.negotiating'))
    await expectAxeClean('lead page')
    // Won without a value: the server's reason, the lead unchanged.
    await page.selectOption('[data-move-to]', 'won')
    await page.click('[data-action=move]')
    await page.locator('#f-deal_amount-error').waitFor()
    assert.equal((await api(server, 'GET', `leads/${ids.lead}`)).json.status, 'negotiating')
    await page.fill('#f-deal_amount', '250000')
    await page.fill('#f-deal_currency', 'CNY')
    await page.click('[data-action=move]')
    await page.waitForFunction((won) => document.querySelector('[data-lead-status]')?.textContent === won, msg(lang, 'lead.status.won'))
    assert.ok((await page.textContent('[data-deal]')).includes(amount(250000)))
    const lead = (await api(server, 'GET', `leads/${ids.lead}`)).json
    assert.equal(lead.deal_hundredths, 25000000)
    assert.equal(lead.deal_currency, 'CNY')
    await screenshot(page, lang, 'lead-won')

    await go(`/events/${ids.fair}`)
    await ready('.trade-results')
    assert.ok((await page.textContent('.trade-results [data-deal=CNY]')).includes(amount(250000)))
    await expectAxeClean('fair results')
    await go('/leads')
    await ready('.leads')
    await expectAxeClean('leads list')
    assert.deepEqual(problems, [])
  })

  test('the dashboard shows the trade per partnership and fair, in one request', async () => {
    const asked = []
    const listen = (request) => { if (/\/api\/v1\/(events|partnerships)\/[^/]+\/trade-results|\/api\/v1\/trade-results/.test(request.url())) asked.push(request.url()) }
    page.on('request', listen)
    await go('/')
    await page.locator('.dashboard-trade [data-trade-fair]').first().waitFor()
    page.off('request', listen)
    assert.equal(asked.length, 1, asked.join(' '))
    const partnership = (await api(server, 'GET', `events/${ids.fair}`)).json.partnership_id
    const expected = (await api(server, 'GET', `partnerships/${partnership}/trade-results`)).json
    const row = page.locator(`.dashboard-trade [data-trade-partnership="${partnership}"]`)
    assert.equal(await row.locator('[data-figure=exhibitors]').textContent(), String(expected.exhibitors))
    assert.equal(await row.locator('[data-figure=leads]').textContent(), String(expected.leads.total))
    // Each currency on its own, as the partnership's own results count it (the demo's deal and this one).
    const deals = await row.locator('[data-figure=deals]').textContent()
    assert.ok(expected.deals.length >= 1)
    for (const d of expected.deals) {
      assert.ok(deals.includes(amount(d.hundredths / 100)), `${amount(d.hundredths / 100)} in ${deals}`)
    }
    assert.match(await row.locator(`[data-trade-fair="${ids.fair}"]`).textContent(), msgPattern(lang, 'dashboard.tradeFair', { exhibitors: 5 }, ['meetings', 'leads']))
    await expectAxeClean('dashboard with trade')
    assert.deepEqual(problems, [])
  })

  test('a Harbin partner user requests a meeting for a new buyer of its city, then withdraws it', async () => {
    const partnership = (await api(server, 'GET', `events/${ids.fair}`)).json.partnership_id
    const partner = addUser(server, `partner.fair.${lang}@amity.test`, 'partner', [partnership])
    const context = await signedInContext(browser, server, { locale: BROWSER_LOCALE[lang], viewport: { width: 1360, height: 900 } }, partner)
    await context.addInitScript((l) => localStorage.setItem('amity.lang', l), lang)
    const own = await context.newPage()
    own.setDefaultTimeout(15000)
    own.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    await own.goto(`${server.base}/events/${ids.fair}`)
    await settle(own)
    await own.waitForFunction(() => document.querySelector('.fair-requests')?.dataset.state === 'ready')
    // The home city's actions are not offered; requesting a meeting is, per exhibitor.
    assert.equal(await own.locator('[data-action=new-exhibitor]').count(), 0)
    const figs = (await api(server, 'GET', `exhibitors?event_id=${ids.fair}&company_id=${ids.figs}`)).json.items[0].id
    await own.click(`.fair-exhibitors [data-exhibitor="${figs}"] [data-action=request-meeting]`)
    await own.locator('dialog[open] #f-buyer_id').waitFor()
    await expectAxeClean('meeting request dialog for a partner user', own)
    await own.fill('dialog[open] #f-name', '哈尔滨松北食品进出口有限公司')
    await own.fill('dialog[open] #f-priority', '5')
    await own.click('dialog[open] [data-action=send-request]')
    await own.locator('.fair-requests [data-my-request]').waitFor()
    assert.match(await own.textContent('.fair-requests [data-my-request]'), /哈尔滨松北食品进出口有限公司/)
    const buyer = (await api(server, 'GET', 'organizations?limit=200')).json.items.find((o) => o.name[lang] === '哈尔滨松北食品进出口有限公司')
    const harbin = (await api(server, 'GET', `partnerships/${partnership}`)).json.partner_city_id
    assert.equal(buyer.city_id, harbin)
    assert.equal(buyer.created_by, partner.id)
    const filed = (await api(server, 'GET', `meeting_requests?event_id=${ids.fair}&buyer_id=${buyer.id}`)).json.items
    assert.equal(filed.length, 1)
    assert.equal(filed[0].priority, 5)
    assert.equal((await api(server, 'GET', `fair_buyers?event_id=${ids.fair}&organization_id=${buyer.id}`)).json.items.length, 1)
    await expectAxeClean('fair page for a partner user', own)
    await screenshot(own, lang, 'partner-meeting-request')

    // The Meetings screen offers the partner user no scheduler run.
    await own.goto(`${server.base}/events/${ids.fair}/meetings`)
    await own.waitForFunction(() => document.querySelector('.fair-meetings')?.dataset.state === 'ready')
    assert.equal(await own.locator('[data-action=run-scheduler]').count(), 0)

    await own.goto(`${server.base}/events/${ids.fair}`)
    await own.waitForFunction(() => document.querySelector('.fair-requests')?.dataset.state === 'ready')
    await own.click('.fair-requests [data-action=withdraw]')
    await own.locator('.fair-requests .empty').waitFor()
    assert.equal((await api(server, 'GET', `meeting_requests?event_id=${ids.fair}&buyer_id=${buyer.id}`)).json.items.length, 0)
    await context.close()
    assert.deepEqual(problems, [])
  })
})
