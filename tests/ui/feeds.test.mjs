// Calendar feeds in real Chromium: under Account, create a feed of the demo partnership with
// Chinese titles, see its secret address once, open it (an iCalendar with the festival in Chinese
// in Harbin's zone), revoke it (the address then answers 404); axe finds no serious violation.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { openSession, rawGet, seriousViolations, visit } from './harness.mjs'

describe('Amity web UI: calendar feeds', () => {
  let session, server, page, problems

  before(async () => {
    session = await openSession()
    ;({ server, page, problems } = session)
  })

  after(async () => {
    await session?.close()
    assert.deepEqual(problems, [])
  })

  test('create a partnership feed, open it, revoke it', async () => {
    page.on('dialog', (dialog) => dialog.accept())
    await visit(page, server, '/account')
    const section = page.locator('[data-section=feeds]')
    await section.locator('#feed_kind, select').first().selectOption('partnership')
    const partnership = section.locator('select').nth(1)
    await partnership.selectOption({ index: 1 })
    await section.locator('select').nth(2).selectOption('zh')
    await section.locator('[data-action=create-feed]').click()
    const secret = section.locator('[data-secret]')
    await secret.waitFor()
    const address = (await secret.textContent()).trim()
    assert.match(address, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/[A-Za-z0-9_-]+$/)
    assert.deepEqual(await seriousViolations(page), [])

    const feed = await rawGet(address)
    const body = feed.body.toString("utf8")
    assert.equal(feed.status, 200)
    assert.match(feed.headers['content-type'], /^text\/calendar/)
    assert.match(body, /BEGIN:VCALENDAR/)
    assert.match(body, /哈尔滨国际冰雪节/)
    assert.match(body, /DTSTART;TZID=Asia\/Shanghai:/)

    await section.locator('[data-action=revoke-feed]').click()
    await section.locator('.empty').waitFor()
    assert.equal((await rawGet(address)).status, 404)
  })
})
