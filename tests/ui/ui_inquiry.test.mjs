// The public portal's fair catalogue and inquiry form in real Chromium against a real
// `amity serve` with the demo data, in Chinese and in English, on a phone: a buyer without an
// account opens the fair's catalogue (?lang=zh), sees only the public exhibitors and products,
// sends the form empty (each field's problem under it), then sends an inquiry whose every
// free-text field carries a <script> or <img onerror> payload and sees the thank-you state. An
// officer then finds the lead (source: portal inquiry) in the lead list and its page, where the
// payloads show as text: no dialog opens and no script runs. axe-core finds no serious or
// critical violation on any of these screens.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, screenshot, seriousViolations, settle, signedInContext, startServer } from './harness.mjs'

const PAYLOADS = {
  company: `<img src=x onerror="window.__xss=(window.__xss||0)+1">Songbei Trading`,
  contact_name: `<script>window.__xss=(window.__xss||0)+1</script>Li Wei`,
  phone: `<img src=x onerror=alert(1)>`,
  message: `<script>alert("inquiry")</script>\n<img src=x onerror="window.__xss=(window.__xss||0)+1"> 请报价`,
}

describe('Amity web UI: the portal fair catalogue and its inquiry form', () => {
  let server, browser
  let fair
  const problems = []

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    fair = (await api(server, 'GET', 'events?kind=fair')).json.items[0].id
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  /** A page that records page errors, console errors and any dialog (none may open). */
  async function watchedPage(context) {
    const page = await context.newPage()
    page.setDefaultTimeout(15000)
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`)
    })
    page.on('dialog', async (dialog) => {
      problems.push(`dialog: ${dialog.message()}`)
      await dialog.dismiss()
    })
    return page
  }
  async function expectAxeClean(page, what) {
    const violations = await seriousViolations(page)
    assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`)
  }

  for (const lang of ['zh', 'en']) {
    test(`${lang}: a buyer sends an inquiry; the officer sees it as text`, async () => {
      const tag = `${lang}-${Date.now()}`
      const buyer = await browser.newContext({
        locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
      })
      const page = await watchedPage(buyer)
      await page.goto(`${server.base}/portal/fairs/${fair}?lang=${lang}`)
      await page.locator('[data-fair-title]').waitFor()
      await settle(page)
      assert.equal(await page.getAttribute('html', 'lang').then((l) => l?.slice(0, 2)), lang)
      assert.match(await page.textContent('[data-fair-title]'), lang === 'zh' ? /哈尔滨/ : /Harbin/)
      const text = await page.textContent('main')
      assert.match(text, lang === 'zh' ? /门德雷斯无花果干果股份公司/ : /Menderes Fig and Dried Fruit Inc\./)
      // The shared marble exhibitor and the shared products never show.
      assert.doesNotMatch(text, /Torbalı|Travertine|石灰华|大理石板/)
      assert.equal(await page.locator('[data-exhibitor]').count(), 2)
      // Phone-ready: nothing wider than the screen.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'fits the phone')
      await expectAxeClean(page, `${lang} catalogue`)
      await screenshot(page, lang, 'portal-fair')

      // Sent empty: each required field says what is wrong, under itself.
      await page.click('[data-action=send-inquiry]')
      await page.locator('#f-company-error').waitFor()
      for (const field of ['company', 'contact_name', 'email', 'country', 'message']) {
        assert.ok(await page.locator(`#f-${field}-error`).isVisible(), `${field} has its problem`)
      }
      assert.equal(await page.getAttribute('#f-email', 'aria-invalid'), 'true')
      await expectAxeClean(page, `${lang} inquiry form with problems`)

      await page.fill('#f-company', `${PAYLOADS.company} ${tag}`)
      await page.fill('#f-contact_name', PAYLOADS.contact_name)
      await page.fill('#f-email', 'li.wei@songbei-trade.example')
      await page.fill('#f-phone', PAYLOADS.phone)
      await page.fill('#f-country', 'cn')
      await page.locator('[data-product-choice]').first().check()
      await page.fill('#f-message', PAYLOADS.message)
      await page.click('[data-action=send-inquiry]')
      await page.locator('[data-inquiry-sent]').waitFor()
      await expectAxeClean(page, `${lang} thank-you`)
      await buyer.close()

      // The officer's lead list and the lead's page show the payloads as text.
      const officer = await signedInContext(browser, server, { locale: lang === 'zh' ? 'zh-CN' : 'en-GB', viewport: { width: 1360, height: 900 } })
      const desk = await watchedPage(officer)
      await desk.addInitScript((l) => localStorage.setItem('amity.lang', l), lang)
      await desk.goto(`${server.base}/leads?source=portal_inquiry`)
      const row = desk.locator('tr[data-lead]', { hasText: tag })
      await row.waitFor()
      assert.ok((await row.textContent()).includes(PAYLOADS.company), 'the company shows as typed')
      await expectAxeClean(desk, `${lang} lead list`)
      await row.locator('a').first().click()
      await desk.locator('[data-inquiry-message]').waitFor()
      await settle(desk)
      assert.equal(await desk.textContent('[data-inquiry-message]'), PAYLOADS.message)
      const contact = await desk.textContent('[data-inquirer-contact]')
      assert.ok(contact.includes(PAYLOADS.contact_name) && contact.includes(PAYLOADS.phone) && contact.includes('CN'), contact)
      assert.ok((await desk.textContent('h1')).includes(PAYLOADS.company))
      // Nothing of the payloads became markup, and none of them ran.
      assert.equal(await desk.locator('main img[onerror], main script').count(), 0)
      assert.equal(await desk.evaluate(() => window.__xss), undefined)
      await expectAxeClean(desk, `${lang} lead page`)
      await screenshot(desk, lang, 'portal-inquiry-lead')
      await officer.close()
      assert.deepEqual(problems, [])
    })
  }
})
