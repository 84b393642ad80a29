// The trade catalogue in real Chromium against a real `amity serve` with the demo data: a company
// gets its trade fields on the organization form; a product is built in Chinese through its form
// (HS code named as it is typed, a bad code refused with the server's reason), given a photo
// through the files panel, and found in the catalogue under its sector and HS chapter named in
// Chinese, with its photo; the catalogue fits a 390 px phone, prints without the chrome and links
// its PDF in the UI's language.
// axe-core finds no serious or critical violation on the form, the product page and the catalogue.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, openSession, screenshot, seriousViolations, settle, tinyPng, useLanguage as switchLanguage, visit } from './harness.mjs'

describe('Amity web UI: companies and the product catalogue', () => {
  let session, server, browser, page, problems
  const ids = {}

  before(async () => {
    session = await openSession()
    ;({ server, browser, page, problems } = session)
    const organizations = (await api(server, 'GET', 'organizations?kind=company&limit=200')).json.items
    ids.company = organizations.find((o) => o.name.en === 'Menderes Fig and Dried Fruit Inc.').id
    ids.municipality = (await api(server, 'GET', 'organizations?kind=municipality')).json.items[0].id
  })

  after(async () => {
    await session?.close()
  })

  const go = (path) => visit(page, server, path)
  const useLanguage = (lang) => switchLanguage(page, server, lang)
  async function expectAxeClean(what) {
    const violations = await seriousViolations(page)
    assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`)
  }

  test('en: a company shows its sector, markets, certifications and office contact', async () => {
    await useLanguage('en')
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

  test('zh: a product built through the form, with a photo, appears in the catalogue', async () => {
    await useLanguage('zh')
    await go('/products/new')
    await page.selectOption('#f-company_id', ids.company)
    await page.fill('#f-name-zh', '伊兹密尔无花果干礼盒')
    await page.fill('#f-name-en', 'İzmir dried fig gift box')
    await page.check('input[name="f-name-original"] >> nth=1') // Chinese is the original
    await page.fill('#f-description-zh', '精选大颗无花果干，1 千克礼盒装。')
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
    // The chapter and heading are named in Chinese as the code is typed.
    await page.fill('#f-hs_code', '0804.20')
    await page.getByText('08 · 食用水果及坚果；柑橘属水果或甜瓜的果皮 › 椰枣、无花果、菠萝、鳄梨、番石榴及芒果').waitFor()
    await expectAxeClean('product form in zh')
    await screenshot(page, 'zh', 'product-form')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/)
    ids.product = page.url().split('/').pop()
    const saved = (await api(server, 'GET', `products/${ids.product}`)).json
    assert.equal(saved.hs_code, '080420')
    assert.equal(saved.name.original, 'zh')
    assert.deepEqual(saved.markets, ['CN'])
    assert.equal(saved.price_min, 120)
    await settle(page)
    assert.equal(await page.textContent('main h1'), '伊兹密尔无花果干礼盒')
    assert.match(await page.textContent('[data-product-facts] [data-hs]'), /0804\.20/)
    // A photo through the files panel becomes the product's picture.
    const files = page.locator('[data-record-files][data-holder=products]')
    await files.locator('[data-file-input]').setInputFiles({ name: '无花果礼盒.png', mimeType: 'image/png', buffer: tinyPng(64, 48, [120, 80, 40]) })
    await files.locator('[data-file][data-kind=image]').waitFor()
    await page.locator('[data-case-photo].has-photo img').waitFor()
    await expectAxeClean('product page in zh')

    await go('/products')
    await page.waitForFunction(() => document.querySelector('.catalogue')?.dataset.state === 'ready')
    assert.equal(await page.textContent('main h1'), '产品目录')
    const card = page.locator(`[data-product-id="${ids.product}"]`)
    await card.waitFor()
    assert.match(await card.textContent(), /伊兹密尔无花果干礼盒/)
    assert.match(await card.textContent(), /门德雷斯无花果干果股份公司/)
    assert.match(await card.textContent(), /120–160 CNY/)
    // Under its company's sector and its HS chapter, both named in Chinese.
    const chapter = page.locator('[data-sector=dried_fruit_nuts] [data-chapter="08"]')
    assert.match(await chapter.locator('h3').textContent(), /第 08 章\s*食用水果及坚果/)
    assert.equal(await chapter.locator(`[data-product-id="${ids.product}"]`).count(), 1)
    assert.equal(await page.textContent('#sector-dried_fruit_nuts'), '干果与坚果')
    await card.locator('[data-case-photo].has-photo img').waitFor()
    // The demo's other sectors are there too.
    for (const sector of ['olive_oil_olives', 'stone_marble', 'machinery']) {
      assert.equal(await page.locator(`[data-sector=${sector}]`).count(), 1, sector)
    }
    // The server's PDF of the catalogue, in the UI's language.
    assert.equal(await page.getAttribute('[data-action=pdf]', 'href'), '/api/v1/catalogue.pdf?lang=zh')
    await expectAxeClean('catalogue in zh')
    await screenshot(page, 'zh', 'catalogue')
    // Printed: no navigation or filters, the groups and cards stay.
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('.catalogue .filters').isVisible(), false)
    assert.equal(await page.locator('.topbar').isVisible(), false)
    assert.ok(await card.isVisible())
    await page.emulateMedia({ media: 'screen' })
    assert.deepEqual(problems, [])
  })

  test('tr: the catalogue on a 390 px phone filters by chapter and fits the screen', async () => {
    const context = await browser.newContext({ locale: 'tr-TR', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 })
    await context.addCookies(await page.context().cookies())
    const phone = await context.newPage()
    try {
      await phone.goto(`${server.base}/`)
      await settle(phone)
      await phone.click('button[data-lang=tr]').catch(() => undefined)
      await phone.goto(`${server.base}/products?chapter=15`)
      await phone.waitForFunction(() => document.querySelector('.catalogue')?.dataset.state === 'ready')
      const chapters = await phone.$$eval('[data-chapter]', (all) => [...new Set(all.map((c) => c.dataset.chapter))])
      assert.deepEqual(chapters, ['15'])
      assert.match(await phone.textContent('[data-chapter="15"] h3'), /Fasıl 15/)
      assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth)) <= 390)
      await screenshot(phone, 'tr', 'catalogue-phone')
    } finally {
      await context.close()
    }
  })
})
