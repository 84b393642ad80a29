// Partnership health in real Chromium: a partnership whose only contact was months ago reads
// "Quiet" with its reason on the dashboard and in the register, in Turkish, Chinese and English;
// the demo partnership (contact today) reads "Active"; axe finds no serious violation.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, openSession, seriousViolations, useLanguage, visit } from './harness.mjs'

describe('Amity web UI: partnership health', () => {
  let session, server, page, problems
  const ids = {}

  before(async () => {
    session = await openSession()
    ;({ server, page, problems } = session)
    const izmir = (await api(server, 'GET', 'cities?country=TR')).json.items[0].id
    const city = await api(server, 'POST', 'cities', { name: { original: 'en', en: 'Busan' }, country: 'KR', time_zone: 'Asia/Seoul' })
    assert.equal(city.status, 201, JSON.stringify(city.json))
    const quiet = await api(server, 'POST', 'partnerships', { home_city_id: izmir, partner_city_id: city.json.id })
    assert.equal(quiet.status, 201, JSON.stringify(quiet.json))
    ids.quiet = quiet.json.id
    const when = new Date(Date.now() - 130 * 86400000).toISOString()
    const meeting = await api(server, 'POST', 'meetings', {
      kind: 'video_call', partnership_id: ids.quiet, title: { original: 'en', en: 'First call' },
      starts_at: when, ends_at: when, time_zone: 'Europe/Istanbul',
    })
    assert.equal(meeting.status, 201, JSON.stringify(meeting.json))
  })

  after(async () => {
    await session?.close()
    assert.deepEqual(problems, [])
  })

  const words = {
    en: { quiet: 'Quiet', reason: 'no contact for 4 months', active: 'Active' },
    tr: { quiet: 'Sessiz', reason: '4 aydır temas yok', active: 'Etkin' },
    zh: { quiet: '沉寂', reason: '已 4 个月没有联系', active: '活跃' },
  }
  for (const lang of ['en', 'tr', 'zh']) {
    test(`the dashboard and the register say each partnership's health (${lang})`, async () => {
      await useLanguage(page, server, lang)
      const row = page.locator(`[data-partnership="${ids.quiet}"] [data-health]`)
      await row.waitFor()
      assert.equal(await row.getAttribute('data-health'), 'quiet')
      const text = await row.textContent()
      assert.ok(text.includes(words[lang].quiet) && text.includes(words[lang].reason), text)
      assert.equal(await page.locator('[data-health="active"]').first().locator('.badge').textContent(), words[lang].active)
      assert.deepEqual(await seriousViolations(page), [])

      await visit(page, server, '/partnerships')
      const cell = page.locator(`tr:has(a[href="/partnerships/${ids.quiet}"]) [data-health]`)
      await cell.waitFor()
      assert.ok((await cell.textContent()).includes(words[lang].reason))
      assert.deepEqual(await seriousViolations(page), [])
    })
  }
})
