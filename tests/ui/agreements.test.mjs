// Exchange agreements in real Chromium against a real `amity serve` with the demo data, once per
// language (tr, zh, en; AMITY_UI_LANGS picks some): an officer starts an agreement from the
// partnership page, writes a condition, proposes it and approves for the home side; a partner
// user approves for the partner side; a change of content makes it proposed again and lists what
// changed since the approval; the demo agreement reads on a 390 px phone without sideways
// scrolling. axe-core finds no serious or critical violation.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { BROWSER_LOCALE, UI_LANGS, addUser, api, msg, openSession, screenshot, selectContaining, seriousViolations, settle, signedInContext, useLanguage, visit } from './harness.mjs'

for (const lang of UI_LANGS) describe(`Amity web UI: exchange agreements (${lang})`, () => {
  let session, server, browser, page, problems
  const ids = {}

  before(async () => {
    session = await openSession()
    ;({ server, browser, page, problems } = session)
    ids.partnership = (await api(server, 'GET', 'partnerships')).json.items[0].id
    ids.demo = (await api(server, 'GET', `exchange-agreements?partnership_id=${ids.partnership}`)).json.items[0].id
    await useLanguage(page, server, lang)
  })

  after(async () => {
    await session?.close()
  })

  async function expectAxeClean(target, what) {
    const violations = await seriousViolations(target)
    assert.deepEqual(violations, [], `${lang}, ${what}: ${JSON.stringify(violations, null, 1)}`)
  }
  const state = (target) => target.getAttribute('.agreement-page .badges .badge', 'class')

  test('an officer creates an agreement, writes a condition, proposes it and approves for home', async () => {
    await visit(page, server, `/partnerships/${ids.partnership}`)
    // The demo agreement is listed.
    assert.ok((await page.locator(`[data-agreement="${ids.demo}"]`).count()) === 1)
    await page.click('[data-action=new-agreement]')
    await selectContaining(page, '#f-home_institution_id', { tr: 'Dokuz Eylül', zh: '九月九日大学', en: 'Dokuz Eylül' }[lang])
    await selectContaining(page, '#f-partner_institution_id', { tr: 'Harbin Teknoloji', zh: '哈尔滨工业大学', en: 'Harbin Institute of Technology' }[lang])
    await page.fill('#f-first_year', '2028-2029')
    await page.fill('#f-last_year', '2027-2028')
    await page.click('[data-action=create-agreement]')
    // The years out of order are refused, naming the field; the draft stays as typed.
    await page.locator('#f-last_year[aria-invalid=true]').waitFor()
    await expectAxeClean(page, 'new agreement form with a problem')
    await page.fill('#f-last_year', '2030-2031')
    await page.click('[data-action=create-agreement]')
    await page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/)
    await settle(page)
    ids.created = page.url().split('/').pop()
    assert.match(await state(page), /badge-agreementState-draft/)

    await page.click('[data-action=edit-conditions]')
    await page.click('[data-action=add-condition]')
    const first = '[data-condition-index="0"]'
    await page.selectOption(`${first} [data-edit=direction]`, 'partner_to_home')
    await page.fill(`${first} [data-edit=host_department]`, 'Faculty of Architecture, Restoration')
    await page.selectOption(`${first} [data-edit=isced_code]`, '0731')
    await page.selectOption(`${first} [data-edit=level]`, 'master')
    await page.fill(`${first} [data-edit=seats_per_year]`, '0')
    await page.click('[data-action=save-conditions]')
    // Seats 0 is refused on its field.
    await page.locator('#f-conditions-0-seats_per_year[aria-invalid=true]').waitFor()
    await page.fill(`${first} [data-edit=seats_per_year]`, '2')
    await expectAxeClean(page, 'condition editor')
    await page.click('[data-action=save-conditions]')
    await page.locator('table[data-conditions] tbody tr').first().waitFor()
    assert.equal(await page.locator('table[data-conditions] tbody tr').count(), 1)
    assert.equal((await page.textContent('table[data-conditions] [data-seats]')).trim(), '2')
    // Three academic years, two directions: the grid's partner → home seats are 2 each year.
    assert.equal(await page.locator('table[data-seat-grid] tbody tr').count(), 6)
    assert.equal((await page.textContent('table[data-seat-grid] tr[data-year="2028-2029"][data-direction=partner_to_home] [data-free]')).trim(), '2')

    await page.click('[data-action=propose]')
    await page.waitForFunction(() => document.querySelector('.agreement-page .badges .badge')?.className.includes('proposed'))
    await page.click('[data-action=approve]')
    await page.locator('[data-approval=home][data-approved=yes]').waitFor()
    assert.match(await page.textContent('[data-approval=home]'), /admin@localhost/)
    assert.equal(await page.locator('[data-approval=partner][data-approved=no]').count(), 1)
    assert.equal(await page.locator('[data-action=approve]').count(), 0)
    await expectAxeClean(page, 'agreement page, home approved')
    await screenshot(page, lang, 'agreement-home-approved')
  })

  test('a partner user approves for the partner side; a change asks both again', async () => {
    const partner = addUser(server, `partner.agreements.${lang}@amity.test`, 'partner', [ids.partnership])
    const context = await signedInContext(browser, server, { locale: BROWSER_LOCALE[lang], viewport: { width: 1360, height: 900 } }, partner)
    await context.addInitScript((l) => localStorage.setItem('amity.lang', l), lang)
    const own = await context.newPage()
    own.setDefaultTimeout(15000)
    own.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    await own.goto(`${server.base}/agreements/${ids.created}`)
    await settle(own)
    // A partner user neither edits nor proposes; it approves for its own side.
    assert.equal(await own.locator('[data-action=edit-conditions]').count(), 0)
    assert.equal((await own.textContent('[data-action=approve]')).trim(), msg(lang, 'agreement.approvePartner'))
    await own.click('[data-action=approve]')
    await own.locator('[data-approval=partner][data-approved=yes]').waitFor()
    assert.match(await state(own), /badge-agreementState-approved/)
    assert.ok((await own.textContent('[data-approval=partner]')).includes(`partner.agreements.${lang}@amity.test`))
    await expectAxeClean(own, 'agreement page for the partner user, approved')
    await screenshot(own, lang, 'agreement-approved')
    await context.close()

    // The officer raises the seats: both approvals go, and the page says what changed.
    await visit(page, server, `/agreements/${ids.created}`)
    await page.click('[data-action=edit-conditions]')
    await page.fill('[data-condition-index="0"] [data-edit=seats_per_year]', '3')
    await page.click('[data-action=save-conditions]')
    await page.locator('[data-changes-since]').waitFor()
    assert.match(await page.textContent('[data-changes-since]'), /2 → 3/)
    assert.match(await state(page), /badge-agreementState-proposed/)
    assert.equal(await page.locator('[data-approved=yes]').count(), 0)
    await expectAxeClean(page, 'agreement page with changes since the approval')
  })

  test('the demo agreement reads on a phone without sideways scrolling', async () => {
    const context = await signedInContext(browser, server, { locale: BROWSER_LOCALE[lang], viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
    await context.addInitScript((l) => localStorage.setItem('amity.lang', l), lang)
    const phone = await context.newPage()
    phone.setDefaultTimeout(15000)
    phone.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    await phone.goto(`${server.base}/agreements/${ids.demo}`)
    await settle(phone)
    assert.ok((await phone.locator('table[data-conditions] tbody tr').count()) >= 8)
    const width = await phone.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= 390, `the page is ${width} px wide`)
    await expectAxeClean(phone, 'agreement page on a phone')
    await screenshot(phone, lang, 'agreement-phone')
    await context.close()
  })

  test('no page error or console error on the way', () => {
    assert.deepEqual(problems, [])
  })
})
