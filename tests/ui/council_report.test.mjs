// The annual council report screen in real Chromium: reached from the dashboard and the
// partnership page; in Turkish, Chinese and English, and Turkish with Chinese side by side; the
// same charts as the PDF drawn as SVG from the report's JSON; the officer writes the narrative;
// print preview (emulated print media) hides the controls and keeps the report; axe clean; the
// PDF link answers a PDF. Screenshots of each language and of the print preview.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, openSession, screenshot, seriousViolations, visit } from './harness.mjs'

describe('Amity web UI: the annual council report', () => {
  let session, server, page, problems, partnership
  const year = new Date().getFullYear()

  before(async () => {
    session = await openSession()
    ;({ server, page, problems } = session)
    partnership = (await api(server, 'GET', 'partnerships?limit=1')).json.items[0].id
  })

  after(async () => {
    await session?.close()
    assert.deepEqual(problems, [])
  })

  test('reached from the dashboard and the partnership page', async () => {
    await visit(page, server, '/')
    await page.click('a[data-action="council-report"]')
    await page.waitForURL((url) => url.pathname === '/reports/council')
    await page.locator('.report-partnership').first().waitFor()

    await visit(page, server, `/partnerships/${partnership}`)
    await page.click('a[data-action="council-report"]')
    await page.waitForURL((url) => url.pathname === '/reports/council' && url.searchParams.get('partnership_id') === partnership)
    await page.locator(`.report-partnership[data-partnership="${partnership}"]`).waitFor()
  })

  const words = {
    tr: { title: 'Yıllık meclis raporu', legal: 'Yasal adımlar ve belgeleri', council: 'Belediye meclisi kararı' },
    zh: { title: '年度议会报告', legal: '法定程序及文件', council: '市议会决议' },
    en: { title: 'Annual council report', legal: 'Legal steps and their documents', council: 'Municipal council decision' },
  }
  for (const lang of ['tr', 'zh', 'en']) {
    test(`in ${lang}, with its charts, axe clean`, async () => {
      await visit(page, server, `/reports/council?partnership_id=${partnership}&year=${year}&lang=${lang}`)
      const body = page.locator('.report-body')
      await body.waitFor()
      const text = await body.textContent()
      for (const word of Object.values(words[lang])) assert.ok(text.includes(word), `${word} in ${text.slice(0, 300)}`)
      assert.equal(await page.locator('.council-report').getAttribute('lang'), lang === 'zh' ? 'zh-CN' : lang)
      // The activity chart: one group per year since the start, five bars each.
      const years = page.locator('svg[data-chart="activity"] g[data-year]')
      assert.ok((await years.count()) >= 1)
      assert.equal(await page.locator(`svg[data-chart="activity"] g[data-year="${year}"] rect`).count(), 5)
      assert.ok((await page.locator('svg[data-chart="by-area"] g[data-area]').count()) >= 1)
      assert.deepEqual(await seriousViolations(page), [])
      await screenshot(page, lang, 'council-report')
    })
  }

  test('the officer writes the narrative; Turkish and Chinese side by side', async () => {
    await visit(page, server, `/reports/council?partnership_id=${partnership}&year=${year}&lang=tr&second=zh`)
    await page.click('button[data-action="edit-narrative"]')
    await page.fill('[data-lang="tr"] textarea', 'İzmir ile Harbin arasında ılık bir yıl geçti; ağırlama programları başarıyla tamamlandı.')
    await page.fill('[data-lang="zh"] textarea', '伊兹密尔与哈尔滨的合作在这一年稳步推进。')
    await page.click('button[data-action="save-narrative"]')
    const narrative = page.locator(`[id="${partnership}-narrative"] .report-pair.two`)
    await narrative.waitFor()
    const text = await narrative.textContent()
    assert.ok(text.includes('ılık bir yıl geçti') && text.includes('稳步推进'), text)
    assert.ok((await page.locator('.report-body h3').first().textContent()).includes(' / '))
    assert.deepEqual(await seriousViolations(page), [])
    await screenshot(page, 'tr', 'council-report-tr-zh')
  })

  test('print preview hides the controls and keeps the report; the PDF link answers a PDF', async () => {
    await visit(page, server, `/reports/council?partnership_id=${partnership}&year=${year}&lang=en`)
    await page.emulateMedia({ media: 'print' })
    try {
      assert.equal(await page.locator('.report-controls').isVisible(), false)
      assert.equal(await page.locator('.topbar').isVisible(), false)
      assert.equal(await page.locator('button[data-action="edit-narrative"]').isVisible(), false)
      assert.ok(await page.locator('.report-body').isVisible())
      assert.ok(await page.locator('svg[data-chart="activity"]').isVisible())
      assert.deepEqual(await seriousViolations(page), [])
      await screenshot(page, 'en', 'council-report-print')
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
    const href = await page.locator('a[data-action="pdf"]').getAttribute('href')
    assert.ok(href.startsWith('/api/v1/reports/council.pdf?'), href)
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' })
      const bytes = new Uint8Array(await response.arrayBuffer())
      return { status: response.status, type: response.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)) }
    }, href)
    assert.deepEqual(answer, { status: 200, type: 'application/pdf', head: '%PDF-' })
  })
})
