// The bell in real Chromium, in Turkish, Chinese and English: the alerts worker (looking every
// second here) tells the admin of an event starting tomorrow; the bell shows the unread count,
// the notices screen lists the notice in the language the header's switcher chose (the switcher
// tells the server), marking one read lowers the count, "mark all read" empties it; axe finds no
// serious violation on either screen in any language.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, openSession, screenshot, seriousViolations, useLanguage, visit } from './harness.mjs'

process.env.AMITY_ALERTS_INTERVAL = '1'

const SUBJECT = { tr: 'Etkinlik yaklaşıyor: ', zh: '活动即将开始：', en: 'Event coming up: ' }
const TITLE = { tr: 'Bildirimler', zh: '通知', en: 'Notices' }

describe('Amity web UI: the notice bell', () => {
  let session, server, page, problems

  before(async () => {
    session = await openSession()
    ;({ server, page, problems } = session)
  })

  after(async () => {
    await session?.close()
    assert.deepEqual(problems, [])
  })

  async function unread() {
    return (await api(server, 'GET', 'notices')).json.unread
  }

  async function bellCount() {
    const badge = page.locator('[data-notice-bell] [data-unread]')
    return (await badge.count()) ? Number((await badge.textContent()).trim()) : 0
  }

  test('a notice per language: counted by the bell, listed, marked read', async () => {
    const partnership = (await api(server, 'GET', 'partnerships?limit=1')).json.items[0].id
    const tomorrow = (hours) => new Date(Date.now() + hours * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')
    // An event tomorrow; resolves with its title once the worker has told the admin.
    async function eventTomorrow(name) {
      const before = await unread()
      const title = { original: 'en', en: `Concert ${name}`, tr: `Konser ${name}`, zh: `音乐会 ${name}` }
      const event = await api(server, 'POST', 'events', {
        kind: 'concert', partnership_id: partnership, title, status: 'confirmed',
        starts_at: tomorrow(24), ends_at: tomorrow(26), time_zone: 'Europe/Istanbul',
      })
      assert.equal(event.status, 201, JSON.stringify(event.json))
      const deadline = Date.now() + 30000
      while ((await unread()) <= before) {
        assert.ok(Date.now() < deadline, 'the alerts worker made no notice')
        await new Promise((r) => setTimeout(r, 250))
      }
      return title
    }
    await eventTomorrow('first')  // stays unread until "mark all read"
    for (const lang of ['tr', 'zh', 'en']) {
      await useLanguage(page, server, lang)
      const title = await eventTomorrow(lang)
      const count = await unread()
      await visit(page, server, '/')
      await page.locator('[data-notice-bell] [data-unread]').waitFor()
      assert.equal(await bellCount(), count)
      const label = await page.locator('[data-notice-bell]').getAttribute('aria-label')
      assert.ok(label.includes(TITLE[lang]) && label.includes(String(count)), label)
      assert.deepEqual(await seriousViolations(page), [])

      await page.click('[data-notice-bell]')
      await page.waitForURL(/\/notices$/)
      await page.locator('[data-notice]').first().waitFor()
      assert.equal((await page.locator('h1').textContent()).trim(), TITLE[lang])
      const newest = page.locator('[data-notice]').first()
      assert.equal((await newest.locator('.notice-subject').textContent()).trim(), SUBJECT[lang] + title[lang])
      assert.deepEqual(await seriousViolations(page), [])
      await screenshot(page, lang, 'notices')

      await newest.locator('[data-action=read]').click()
      await page.waitForFunction(() => document.querySelector('[data-notice]')?.dataset.read === 'yes')
      assert.equal(await unread(), count - 1)
      assert.equal(await bellCount(), count - 1)
    }
    await page.click('[data-action=read-all]')
    await page.locator('[data-notice-bell] [data-unread]').waitFor({ state: 'detached' })
    assert.equal(await unread(), 0)
    assert.equal(await page.locator('[data-notice][data-read=no]').count(), 0)
  })

  test('the admin sees e-mail delivery (off here)', async () => {
    await visit(page, server, '/mail')
    await page.locator('[data-mail-off]').waitFor()
    assert.equal((await page.locator('[data-count=failed]').textContent()).trim(), '0')
    assert.deepEqual(await seriousViolations(page), [])
  })
})
