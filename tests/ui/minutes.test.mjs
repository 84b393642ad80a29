// Minutes history in real Chromium against a real `amity serve`: a meeting's minutes edited twice
// (by an officer, then by the admin) list three revisions with their authors and changed
// languages; a revision reads in full in a chosen language; a comparison with the one before
// marks the deleted and inserted words — Turkish split at spaces, Chinese into words, so the
// unchanged Chinese words stay unmarked — inside <del>/<ins> with their names for screen readers,
// side by side on a laptop and one above the other on a phone; axe clean in tr, zh and en.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { addUser, api, openSession, screenshot, seriousViolations, settle, signIn, signedInContext, useLanguage as switchLanguage, visit } from './harness.mjs'

const V1 = {
  original: 'tr',
  tr: 'Heyet Kemeraltı çarşısını gezdi ve restorasyonu konuştu.',
  zh: '代表团参观了凯梅拉尔提集市。',
}
const V2 = {
  original: 'tr',
  tr: 'Heyet tarihi Kemeraltı çarşısını gezdi ve restorasyonu konuştu.',
  zh: '代表团参观了历史悠久的凯梅拉尔提集市。',
}
const V3 = {
  original: 'tr',
  tr: 'Heyet tarihi Kemeraltı çarşısını gezdi ve ortak projeleri konuştu.',
  zh: '代表团参观了历史悠久的集市和博物馆。',
}

describe('Amity web UI: the minutes history of a meeting', () => {
  let session, server, browser, page, problems
  let meetingId, officer

  before(async () => {
    session = await openSession()
    ;({ server, browser, page, problems } = session)
    const partnership = (await api(server, 'GET', 'partnerships')).json.items[0].id
    const created = await api(server, 'POST', 'meetings', {
      kind: 'video_call',
      partnership_id: partnership,
      title: { original: 'en', en: 'Heritage follow-up call' },
      starts_at: '2027-02-01T09:00:00+03:00',
      ends_at: '2027-02-01T10:00:00+03:00',
      time_zone: 'Europe/Istanbul',
      visibility: 'shared',
      minutes: V1,
    })
    assert.equal(created.status, 201, JSON.stringify(created.json))
    meetingId = created.json.id
    officer = addUser(server, 'officer@minutes.test', 'officer')
    const officerAuth = await signIn(server, officer.email, officer.password)
    const edited = await api(server, 'PATCH', `meetings/${meetingId}`, { minutes: V2 }, { 'If-Match': '"1"' }, { as: officerAuth })
    assert.equal(edited.status, 200, JSON.stringify(edited.json))
    const again = await api(server, 'PATCH', `meetings/${meetingId}`, { minutes: V3 }, { 'If-Match': '"2"' })
    assert.equal(again.status, 200, JSON.stringify(again.json))
  })

  after(async () => {
    await session?.close()
  })

  const history = () => page.locator('[data-minutes-history]')
  async function expectAxeClean(what) {
    const violations = await seriousViolations(page)
    assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`)
  }
  /** The texts of the marked parts (`del` or `ins`) of the comparison, without the screen-reader words. */
  async function marked(tag) {
    return page.$$eval(`[data-revision-view] .diff-text ${tag}`, (nodes) =>
      nodes.map((n) => [...n.childNodes].filter((c) => !(c.classList?.contains('visually-hidden'))).map((c) => c.textContent).join('').trim()),
    )
  }
  async function compare(version, lang) {
    await history().locator(`[data-revision="${version}"] [data-action=compare-revision]`).click()
    await page.locator('[data-revision-view][data-mode=compare] [data-diff-side=after]').waitFor()
    await page.selectOption('[data-revision-lang]', lang)
    await page.locator(`[data-revision-view] .diff-text[lang^=${lang}]`).first().waitFor()
  }

  test('the revisions list who changed the minutes, when and in which languages', async () => {
    await visit(page, server, `/meetings/${meetingId}`)
    assert.equal(await page.textContent('#m-minutes-history'), 'Minutes history')
    const rows = history().locator('[data-revision]')
    await rows.first().waitFor()
    assert.deepEqual(await rows.evaluateAll((items) => items.map((i) => i.dataset.revision)), ['3', '2', '1'])
    const actors = await history().locator('[data-revision] [data-actor]').allTextContents()
    assert.deepEqual(actors, [server.admin.email, officer.email, server.admin.email])
    const languages = await rows.evaluateAll((items) =>
      items.map((i) => [...i.querySelectorAll('[data-changed-languages] [data-lang]')].map((c) => c.dataset.lang).join(',')),
    )
    assert.deepEqual(languages, ['tr,zh', 'tr,zh', 'tr,zh'])
    // The time in the viewer's zone, with its offset.
    assert.match(await rows.first().locator('time').textContent(), /UTC[+-]\d/)
    // The first revision has nothing before it to compare with.
    assert.equal(await rows.last().locator('[data-action=compare-revision]').count(), 0)
    await expectAxeClean('the minutes history')
  })

  test('a revision reads in full in the chosen language', async () => {
    await visit(page, server, `/meetings/${meetingId}`)
    await history().locator('[data-revision="2"] [data-action=read-revision]').click()
    await page.locator('[data-revision-view][data-mode=read] [data-revision-text]').waitFor()
    assert.equal((await page.textContent('[data-revision-text]')).trim(), V2.tr, 'en is missing: the original shows')
    await page.selectOption('[data-revision-lang]', 'zh')
    assert.equal((await page.textContent('[data-revision-text]')).trim(), V2.zh)
    assert.equal(await page.getAttribute('[data-revision-text]', 'lang'), 'zh-CN')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'm-revision-title', 'focus moves to the revision')
    await page.click('[data-action=close-revision]')
    assert.equal(await page.locator('[data-revision-view]').count(), 0)
  })

  for (const [lang, title, summary] of [
    ['tr', 'Tutanak geçmişi', '1 ekleme'],
    ['zh', '会议纪要修订记录', '处插入'],
  ]) {
    test(`${lang}: the comparison marks the deleted and inserted words of the ${lang === 'tr' ? 'Turkish' : 'Chinese'} text`, async () => {
      await switchLanguage(page, server, lang)
      await visit(page, server, `/meetings/${meetingId}`)
      assert.equal(await page.textContent('#m-minutes-history'), title)
      await compare(3, lang)
      const [deleted, inserted] = [await marked('del'), await marked('ins')]
      if (lang === 'tr') {
        assert.deepEqual(deleted, ['restorasyonu'])
        assert.deepEqual(inserted, ['ortak projeleri'])
      } else {
        // Word by word: the place name goes, "and the museum" comes, the rest stays unmarked.
        assert.ok(deleted.join('').includes('凯梅拉尔提'), `deleted: ${deleted}`)
        assert.ok(inserted.join('').includes('博物馆'), `inserted: ${inserted}`)
        for (const kept of ['代表团', '参观', '历史悠久', '集市']) {
          assert.ok(![...deleted, ...inserted].some((w) => w.includes(kept)), `${kept} is unchanged: ${deleted} / ${inserted}`)
        }
      }
      assert.match(await page.textContent('[data-diff-summary]'), new RegExp(summary))
      // Not by colour alone: struck through and underlined, and named for screen readers.
      const styles = await page.$eval('[data-revision-view] del', (d) => getComputedStyle(d).textDecorationLine)
      assert.match(styles, /line-through/)
      assert.match(await page.$eval('[data-revision-view] ins', (i) => getComputedStyle(i).textDecorationLine), /underline/)
      assert.ok((await page.textContent('[data-revision-view] del .visually-hidden')).trim().length > 1)
      // Side by side on a laptop.
      const [left, right] = await page.$$eval('[data-revision-view] .diff-column', (columns) => columns.map((c) => c.getBoundingClientRect().toJSON()))
      assert.ok(Math.abs(left.top - right.top) < 2 && left.right <= right.left, `side by side: ${JSON.stringify([left, right])}`)
      await expectAxeClean(`the comparison in ${lang}`)
      await screenshot(page, lang, 'minutes-comparison')
    })
  }

  test('on a phone the section folds and the comparison stands one above the other', async () => {
    const context = await signedInContext(browser, server, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB' })
    await context.addInitScript(() => localStorage.setItem('amity.lang', 'en'))
    const phone = await context.newPage()
    phone.setDefaultTimeout(15000)
    await phone.goto(`${server.base}/meetings/${meetingId}`)
    await settle(phone)
    const section = phone.locator('[data-fold="m-minutes-history"]')
    assert.equal(await section.getAttribute('data-folded'), '', 'folded at first')
    await section.locator('[data-action=fold]').click()
    await section.locator('[data-revision="3"] [data-action=compare-revision]').click()
    await phone.locator('[data-revision-view] [data-diff-side=after] .diff-text').waitFor()
    const [upper, lower] = await phone.$$eval('[data-revision-view] .diff-column', (columns) => columns.map((c) => c.getBoundingClientRect().toJSON()))
    assert.ok(upper.bottom <= lower.top, `stacked: ${JSON.stringify([upper, lower])}`)
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'fits the screen')
    await screenshot(phone, 'en', 'phone-minutes-comparison')
    await context.close()
  })

  test('no page errors', () => {
    assert.deepEqual(problems, [])
  })
})
