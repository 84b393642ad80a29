// The knowledge-exchange case library in real Chromium against a real `amity serve` with the demo
// data: the library browsed, filtered and searched in Turkish, Chinese and English (cards in the
// UI's language, Turkish folding and Chinese words found by the search box); a case read in each
// language with the record's own language switch; a partner user requesting a study visit from a
// case, which creates the commitment and the study visit and lists them on the case. axe-core
// finds no serious or critical violation on the library, the case page, its form and the dialog.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { addUser, api, openSession, screenshot, seriousViolations, settle, signedInContext, useLanguage as switchLanguage, visit } from './harness.mjs'

const KEMERALTI = { tr: "Kemeraltı Çarşısı'nın restorasyonu", zh: '凯梅拉尔提集市的修复', en: 'Restoring the Kemeraltı Bazaar' }
const CENTRAL = { tr: 'Merkez Caddesi (Zhongyang Dajie) tarihi sokağının korunması', zh: '中央大街历史街区的保护', en: 'Preserving Central Street (Zhongyang Dajie)' }

describe('Amity web UI: the knowledge-exchange case library', () => {
  let session, server, browser, page, problems
  const ids = {}

  before(async () => {
    session = await openSession()
    ;({ server, browser, page, problems } = session)
    ids.partnership = (await api(server, 'GET', 'partnerships')).json.items[0].id
    const cases = (await api(server, 'GET', 'cases?limit=200')).json.items
    ids.kemeralti = cases.find((c) => c.title.en === KEMERALTI.en).id
    ids.central = cases.find((c) => c.title.en === CENTRAL.en).id
    ids.harbin = (await api(server, 'GET', 'cities?country=CN')).json.items[0].id
  })

  after(async () => {
    await session?.close()
  })

  const go = (path) => visit(page, server, path)
  const useLanguage = (lang) => switchLanguage(page, server, lang)
  /** Waits until the library shows the answer for these filters (q|area|city_id|tag|lang). */
  async function libraryDone(key) {
    await page.waitForFunction((k) => {
      const view = document.querySelector('.case-library')
      return view?.dataset.state === 'ready' && view.dataset.key === k
    }, key)
  }
  /** The titles on the library's cards, in order. */
  async function titles() {
    return page.$$eval('.case-card .case-card-title', (cards) => cards.map((c) => c.textContent.trim()))
  }
  async function expectAxeClean(what) {
    const violations = await seriousViolations(page)
    assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`)
  }

  for (const [lang, heading, query, found] of [
    ['tr', 'Deneyim kütüphanesi', 'carsi', KEMERALTI],
    ['zh', '经验案例库', '方石路面', CENTRAL],
    ['en', 'Case library', 'façades', CENTRAL],
  ]) {
    test(`${lang}: the library lists, filters and searches the cases in the UI's language`, async () => {
      await useLanguage(lang)
      await go('/cases')
      await libraryDone('||||')
      assert.equal(await page.textContent('main h1'), heading)
      const all = await titles()
      assert.ok(all.length >= 4, `the demo cases: ${all}`)
      assert.ok(all.includes(KEMERALTI[lang]), `${all}`)
      assert.ok(all.includes(CENTRAL[lang]), `${all}`)
      // Every card has its photo area (a placeholder until cases carry files).
      assert.equal(await page.locator('.case-card [data-case-photo]').count(), all.length)
      await expectAxeClean(`/cases in ${lang}`)
      await screenshot(page, lang, 'case-library')

      // Harbin's cases only.
      await page.selectOption('#cases-city', ids.harbin)
      await libraryDone(`||${ids.harbin}||`)
      const harbin = await titles()
      assert.ok(harbin.includes(CENTRAL[lang]) && !harbin.some((t) => t.includes('Kemeraltı') || t.includes('凯梅拉尔提')), `${harbin}`)
      await page.selectOption('#cases-city', '')
      // A tag, then the language every text can be read in.
      await page.selectOption('#cases-tag', 'Kemeraltı')
      await libraryDone('|||Kemeraltı|')
      assert.equal((await titles()).length, 1)
      await page.selectOption('#cases-tag', '')
      await page.selectOption('#cases-lang', lang)
      await libraryDone(`||||${lang}`)
      assert.ok((await titles()).length >= 4)
      await page.selectOption('#cases-lang', '')
      await libraryDone('||||')

      // The search box: Turkish without its letters, Chinese without spaces.
      await page.fill('#cases-q', query)
      await libraryDone(`${query}||||`)
      const hits = await titles()
      assert.ok(hits.length >= 1, `"${query}" finds something`)
      assert.ok(hits.includes(found[lang]), `"${query}" finds ${found.en}: ${hits}`)
      assert.match(page.url(), /q=/)
      await page.fill('#cases-q', '')
      await libraryDone('||||')
    })
  }

  test('the search box finds a case by the text of a document kept with it, and says which', async () => {
    // "Restitüsyon" is written only in the Kemeraltı restoration report (a PDF of the demo), not
    // in the case's own texts; its text is indexed in the background, so wait for the index.
    const query = 'restitusyon'
    for (let tries = 0; ; tries++) {
      const hits = (await api(server, 'GET', `search?q=${query}&kind=files`)).json
      if (hits.total > 0) break
      assert.ok(tries < 100, 'the report is indexed')
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    const own = (await api(server, 'GET', `search?q=${query}&kind=cases`)).json
    assert.equal(own.total, 0, 'no case says it in its own texts')
    await useLanguage('en')
    await go(`/cases?q=${query}`)
    await libraryDone(`${query}||||`)
    assert.deepEqual(await titles(), [KEMERALTI.en])
    const found = page.locator(`[data-case-id="${ids.kemeralti}"] [data-found-in]`)
    assert.match(await found.textContent(), /Kemeraltı restorasyon raporu\.pdf/)
  })

  test('a case reads in each language, whatever the UI speaks, and prints without the chrome', async () => {
    await useLanguage('en')
    await go(`/cases/${ids.kemeralti}`)
    assert.equal((await page.textContent('main h1')).trim(), KEMERALTI.en)
    assert.equal(await page.getAttribute('article.case-article', 'lang'), 'en')
    for (const lang of ['zh', 'tr']) {
      await page.click(`.read-lang button[data-read-lang=${lang}]`)
      await page.waitForFunction((l) => document.querySelector('article.case-article')?.lang.startsWith(l), lang)
      const shown = (await page.textContent('main h1')).trim()
      assert.equal(shown, KEMERALTI[lang])
      assert.equal(await page.getAttribute(`.read-lang button[data-read-lang=${lang}]`, 'aria-pressed'), 'true')
      // The UI itself stays in English.
      assert.equal(await page.textContent('[data-case-text=problem] h2'), 'The problem')
      await expectAxeClean(`case page read in ${lang}`)
    }
    await screenshot(page, 'en', 'case-read-in-turkish')
    // The linked commitment (proposal 7) and study visit are listed.
    assert.ok((await page.locator('[data-case-commitments] li').count()) >= 1)
    assert.ok((await page.locator('[data-case-visits] li').count()) >= 1)
    // Printed: the header, the buttons and the language switch are left out; the text is not.
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.isVisible('header.topbar'), false)
    assert.equal(await page.isVisible('[data-action=request-visit]'), false)
    assert.equal(await page.isVisible('.read-lang'), false)
    assert.equal(await page.isVisible('[data-case-text=lessons]'), true)
    await page.emulateMedia({ media: 'screen' })
    await go(`/cases/${ids.kemeralti}/edit`)
    await expectAxeClean('case form')
  })

  test('a partner user requests a study visit from a case, in Chinese', async () => {
    const partner = addUser(server, 'partner.cases@amity.test', 'partner', [ids.partnership])
    const context = await signedInContext(browser, server, { locale: 'zh-CN', viewport: { width: 1360, height: 900 } }, partner)
    await context.addInitScript(() => localStorage.setItem('amity.lang', 'zh'))
    const own = await context.newPage()
    own.setDefaultTimeout(15000)
    own.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    const before = (await api(server, 'GET', `events?partnership_id=${ids.partnership}&kind=study_visit&limit=200`)).json.items.length
    await own.goto(`${server.base}/cases/${ids.kemeralti}`)
    await settle(own)
    assert.equal((await own.textContent('main h1')).trim(), KEMERALTI.zh)
    const visits = await own.locator('[data-case-visits] li').count()
    // A partner user does not edit the case, but may ask for a visit.
    assert.equal(await own.locator('[data-action=edit]').count(), 0)
    await own.click('[data-action=request-visit]')
    await own.locator('dialog[data-study-visit-dialog][open]').waitFor()
    assert.equal(await own.textContent('#visit-dialog-title'), '申请考察访问')
    const violations = await seriousViolations(own)
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 1))
    await own.fill('#f-note', '希望重点了解商户参与机制。')
    await own.click('[data-action=send-visit-request]')
    await own.locator('[data-visit-requested]').waitFor()
    // The page reads the case again after the request: wait for the list to show the new visit.
    await own.waitForFunction((n) => document.querySelectorAll('[data-case-visits] li').length === n, visits + 1)
    const events = (await api(server, 'GET', `events?partnership_id=${ids.partnership}&kind=study_visit&limit=200`)).json.items
    assert.equal(events.length, before + 1)
    const created = events.find((e) => e.title.zh === `考察访问：${KEMERALTI.zh}`)
    assert.ok(created, 'the study visit is stored with the case title')
    assert.equal(created.status, 'idea')
    // The link opens the new commitment, proposed by the partner side.
    await own.click('[data-visit-requested] a[href^="/commitments/"]')
    await own.waitForURL(/\/commitments\/[0-9a-f-]{36}$/)
    await settle(own)
    assert.match(await own.textContent('main h1'), /考察访问/)
    await context.close()
  })

  test('the dashboard counts the cases shared with the partner', async () => {
    const cases = (await api(server, 'GET', `cases?partnership_id=${ids.partnership}&limit=200`)).json.items
    const shared = cases.filter((c) => c.visibility !== 'private').length
    assert.ok(shared > 0)
    await useLanguage('en')
    const row = page.locator(`[data-partnership="${ids.partnership}"]`)
    await row.waitFor()
    assert.equal((await row.locator('[data-field=cases-shared]').textContent()).trim(), String(shared))
    assert.match(await row.textContent(), /Cases shared/)
  })

  test('no page error or console error on the way', () => {
    assert.deepEqual(problems, [])
  })
})
