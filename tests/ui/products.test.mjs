// The trade catalogue in real Chromium against a real `amity serve` with the demo data, once per
// language (tr, zh, en; AMITY_UI_LANGS picks some; the words expected are read from the UI's
// message files and the server's HS nomenclature): a company gets its trade fields on the
// organization form; a product is built in the UI's language through its form (HS code named as it
// is typed, a bad code refused with the server's reason), given two photos through the files
// panel, and found in the catalogue under its sector and HS chapter named in that language, with
// its photo; the catalogue fits a 390 px phone, prints without the chrome and links its PDF in the
// UI's language. axe-core finds no serious or critical violation on the form, the product page and
// the catalogue.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { BROWSER_LOCALE, UI_LANGS, api, msg, openSession, screenshot, seriousViolations, settle, signedInContext, tinyPng, useLanguage, visit } from './harness.mjs'

// The product each language's run builds, written in that language (the original).
const PRODUCT = {
  tr: { name: 'İzmir kuru incir hediye kutusu', description: 'Seçme iri kuru incir, 1 kg hediye kutusunda.' },
  zh: { name: '伊兹密尔无花果干礼盒', description: '精选大颗无花果干，1 千克礼盒装。' },
  en: { name: 'İzmir dried fig gift box', description: 'Selected large dried figs in a 1 kg gift box.' },
}
const EDITOR_ORDER = ['tr', 'zh', 'en'] // the text editor's columns: Türkçe | 中文 | English

for (const lang of UI_LANGS) describe(`Amity web UI: companies and the product catalogue (${lang})`, () => {
  let session, server, browser, page, problems
  const ids = {}
  let company, chapter08, heading0804, chapter15

  before(async () => {
    session = await openSession()
    ;({ server, browser, page, problems } = session)
    const organizations = (await api(server, 'GET', 'organizations?kind=company&limit=200')).json.items
    company = organizations.find((o) => o.name.en === 'Menderes Fig and Dried Fruit Inc.')
    ids.company = company.id
    ids.municipality = (await api(server, 'GET', 'organizations?kind=municipality')).json.items[0].id
    const chapters = (await api(server, 'GET', 'hs-chapters')).json.items
    chapter08 = chapters.find((c) => c.code === '08')
    heading0804 = chapter08.headings.find((h) => h.code === '0804')
    chapter15 = chapters.find((c) => c.code === '15')
    await useLanguage(page, server, lang)
  })

  after(async () => {
    await session?.close()
  })

  const go = (path) => visit(page, server, path)
  const number = (value) => new Intl.NumberFormat(BROWSER_LOCALE[lang]).format(value)
  async function expectAxeClean(what, on = page) {
    const violations = await seriousViolations(on)
    assert.deepEqual(violations, [], `${lang}, ${what}: ${JSON.stringify(violations, null, 1)}`)
  }

  test('a company shows its sector, markets, certifications and office contact', async () => {
    await go(`/organizations/${ids.company}/edit`)
    await page.locator('[data-company-fields]').waitFor()
    assert.equal(await page.inputValue('#f-sector'), 'dried_fruit_nuts')
    assert.equal(await page.inputValue('#f-export_markets'), 'CN, DE, US, RU, JP')
    assert.ok(await page.isChecked('input[data-certification=gacc_registration]'))
    assert.equal(await page.inputValue('#f-contact-office'), 'İhracat Müdürlüğü')
    await expectAxeClean('company form')
    // Another kind of organization has no trade fields.
    await go(`/organizations/${ids.municipality}/edit`)
    assert.equal(await page.locator('[data-company-fields]').count(), 0)
  })

  test('a product built through the form, with photos, appears in the catalogue', async () => {
    const own = PRODUCT[lang]
    await go('/products/new')
    await page.selectOption('#f-company_id', ids.company)
    await page.fill(`#f-name-${lang}`, own.name)
    if (lang !== 'en') await page.fill('#f-name-en', PRODUCT.en.name)
    await page.check(`input[name="f-name-original"] >> nth=${EDITOR_ORDER.indexOf(lang)}`)
    await page.fill(`#f-description-${lang}`, own.description)
    // A code that is not six digits: the server's problem under the field, nothing saved.
    await page.fill('#f-hs_code', '12.34')
    await page.fill('#f-price_min', '120')
    await page.fill('#f-price_max', '160')
    await page.fill('#f-currency', 'CNY')
    await page.check('input[data-certification=gacc_registration]')
    await page.fill('#f-markets', 'cn')
    await page.click('button[type=submit]')
    await page.locator('#f-hs_code-error').waitFor()
    assert.match(await page.textContent('#f-hs_code-error'), /6|0804/)
    assert.match(page.url(), /\/products\/new$/)
    // The chapter and heading are named in the UI's language as the code is typed.
    await page.fill('#f-hs_code', '0804.20')
    await page.getByText(`08 · ${chapter08.name[lang]} › ${heading0804.name[lang]}`).waitFor()
    await expectAxeClean('product form')
    await screenshot(page, lang, 'product-form')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/)
    ids.product = page.url().split('/').pop()
    const saved = (await api(server, 'GET', `products/${ids.product}`)).json
    assert.equal(saved.hs_code, '080420')
    assert.equal(saved.name.original, lang)
    assert.equal(saved.name[lang], own.name)
    assert.deepEqual(saved.markets, ['CN'])
    assert.equal(saved.price_min, 120)
    await settle(page)
    assert.equal(await page.textContent('main h1'), own.name)
    assert.match(await page.textContent('[data-product-facts] [data-hs]'), /0804\.20/)
    // Two photos through the files panel; the product's picture is one of them.
    const files = page.locator('[data-record-files][data-holder=products]')
    await files.locator('[data-file-input]').setInputFiles({ name: `${own.name}.png`, mimeType: 'image/png', buffer: tinyPng(64, 48, [120, 80, 40]) })
    await files.locator('[data-file][data-kind=image]').waitFor()
    await files.locator('[data-file-input]').setInputFiles({ name: `${own.name} 2.png`, mimeType: 'image/png', buffer: tinyPng(48, 64, [200, 160, 90]) })
    await page.waitForFunction(() => document.querySelectorAll('[data-record-files][data-holder=products] [data-file][data-kind=image]').length === 2)
    await page.locator('[data-case-photo].has-photo img').waitFor()
    await expectAxeClean('product page')

    await go('/products')
    await page.waitForFunction(() => document.querySelector('.catalogue')?.dataset.state === 'ready')
    assert.equal(await page.textContent('main h1'), msg(lang, 'nav.catalogue'))
    const card = page.locator(`[data-product-id="${ids.product}"]`)
    await card.waitFor()
    const cardText = await card.textContent()
    assert.ok(cardText.includes(own.name), cardText)
    assert.ok(cardText.includes(company.name[lang] ?? company.name.en), cardText)
    assert.ok(cardText.includes(`${number(120)}–${number(160)} CNY`), cardText)
    // Under its company's sector and its HS chapter, both named in the UI's language.
    const chapter = page.locator('[data-sector=dried_fruit_nuts] [data-chapter="08"]')
    const title = (await chapter.locator('h3').textContent()).replace(/\s+/g, ' ')
    assert.ok(title.includes(`${msg(lang, 'product.chapterNumber', { n: '08' })} ${chapter08.name[lang]}`), title)
    assert.equal(await chapter.locator(`[data-product-id="${ids.product}"]`).count(), 1)
    assert.equal(await page.textContent('#sector-dried_fruit_nuts'), msg(lang, 'sector.dried_fruit_nuts'))
    await card.locator('[data-case-photo].has-photo img').waitFor()
    // The demo's other sectors are there too.
    for (const sector of ['olive_oil_olives', 'stone_marble', 'machinery']) {
      assert.equal(await page.locator(`[data-sector=${sector}]`).count(), 1, sector)
    }
    // The server's PDF of the catalogue, in the UI's language.
    assert.equal(await page.getAttribute('[data-action=pdf]', 'href'), `/api/v1/catalogue.pdf?lang=${lang}`)
    await expectAxeClean('catalogue')
    await screenshot(page, lang, 'catalogue')
    // Printed: no navigation or filters, the groups and cards stay.
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('.catalogue .filters').isVisible(), false)
    assert.equal(await page.locator('.topbar').isVisible(), false)
    assert.ok(await card.isVisible())
    await page.emulateMedia({ media: 'screen' })
    assert.deepEqual(problems, [])
  })

  test('the catalogue on a 390 px phone filters by chapter and fits the screen', async () => {
    const context = await signedInContext(browser, server, { locale: BROWSER_LOCALE[lang], viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 })
    await context.addInitScript((l) => localStorage.setItem('amity.lang', l), lang)
    const phone = await context.newPage()
    phone.setDefaultTimeout(15000)
    phone.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    try {
      await phone.goto(`${server.base}/products?chapter=15`)
      await phone.waitForFunction(() => document.querySelector('.catalogue')?.dataset.state === 'ready')
      const chapters = await phone.$$eval('[data-chapter]', (all) => [...new Set(all.map((c) => c.dataset.chapter))])
      assert.deepEqual(chapters, ['15'])
      const title = (await phone.textContent('[data-chapter="15"] h3')).replace(/\s+/g, ' ')
      assert.ok(title.includes(`${msg(lang, 'product.chapterNumber', { n: '15' })} ${chapter15.name[lang]}`), title)
      assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth)) <= 390)
      await expectAxeClean('catalogue on a phone', phone)
      await screenshot(phone, lang, 'catalogue-phone')
    } finally {
      await context.close()
    }
    assert.deepEqual(problems, [])
  })
})
