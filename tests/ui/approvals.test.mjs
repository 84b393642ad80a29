// Agreement texts approved by each city (docs/FEDERATION.md, "Approvals") in real Chromium
// against a real `amity serve` with the demo data, in Turkish (AMITY_UI_LANGS picks others): the
// partnership page lists İzmir's protocol with "Harbin: not yet", the officer approves it, the
// page shows İzmir's approval of version 1 with a valid signature and the proof's hash; after an
// edit the approval reads as an earlier version; the legal steps of both cities are listed;
// on a 390 px phone without sideways scrolling; axe-core finds no serious or critical violation.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, msg, openSession, seriousViolations, settle, useLanguage, visit } from './harness.mjs'

const LANGS = (process.env.AMITY_UI_LANGS ?? 'tr').split(',').filter(Boolean)

for (const lang of LANGS) describe(`Amity web UI: agreement approvals (${lang})`, () => {
  let session, server, page, problems
  const ids = {}

  before(async () => {
    session = await openSession()
    ;({ server, page, problems } = session)
    ids.partnership = (await api(server, 'GET', 'partnerships')).json.items[0].id
    const text = await api(server, 'POST', 'agreement_texts', {
      partnership_id: ids.partnership,
      kind: 'protocol',
      title: { original: 'tr', tr: 'Kardeş şehir protokolü', en: 'Sister-city protocol', zh: '友好城市协议书' },
      body: { original: 'tr', tr: 'Madde 1. İki şehir müzik ve buz festivallerinde iş birliği yapar.' },
      visibility: 'shared',
    })
    assert.equal(text.status, 201, JSON.stringify(text.json))
    ids.text = text.json.id
    const step = await api(server, 'POST', 'legal_steps', {
      partnership_id: ids.partnership, kind: 'council_decision', date: '2026-11-05', reference: '2026/1187', visibility: 'shared',
    })
    assert.equal(step.status, 201, JSON.stringify(step.json))
    await useLanguage(page, server, lang)
  })

  after(async () => {
    await session?.close()
  })

  test('the officer approves the protocol and the page proves it', async () => {
    await visit(page, server, `/partnerships/${ids.partnership}`)
    const item = page.locator(`[data-text="${ids.text}"]`)
    await item.waitFor()
    assert.match(await item.locator('[data-city=partner]').textContent(), new RegExp(msg(lang, 'approvals.notYet', { city: '.+' })))
    assert.match(await item.locator('[data-city=home]').textContent(), new RegExp(msg(lang, 'approvals.notYet', { city: '.+' })))
    await item.locator('[data-action=approve]').click()
    await item.locator('[data-city=home] [data-signature]').waitFor()
    const home = await item.locator('[data-city=home]').textContent()
    assert.ok(home.includes(msg(lang, 'approvals.valid')), home)
    assert.match(home, new RegExp(msg(lang, 'approvals.approved', { city: '.+', n: 1 })))
    assert.equal(await item.locator('[data-action=approve]').count(), 0)
    // The proof shows the server's hash.
    const proof = (await api(server, 'GET', `agreement_texts/${ids.text}/proof`)).json
    await item.locator('summary').click()
    assert.equal((await item.locator('[data-hash]').textContent()).trim(), proof.content_hash)
    // Both cities' legal steps are listed.
    assert.equal(await page.locator('[data-step=council_decision]').count() >= 1, true)
    assert.deepEqual(await seriousViolations(page), [])
  })

  test('an edit makes the approval one of an earlier version', async () => {
    const current = (await api(server, 'GET', `agreement_texts/${ids.text}`)).json
    const edited = await api(server, 'PATCH', `agreement_texts/${ids.text}`,
      { body: { original: 'tr', tr: 'Madde 1. İki şehir müzik, spor ve buz festivallerinde iş birliği yapar.' } },
      { 'If-Match': `"${current.version}"` })
    assert.equal(edited.status, 200, JSON.stringify(edited.json))
    await visit(page, server, `/partnerships/${ids.partnership}`)
    const item = page.locator(`[data-text="${ids.text}"]`)
    await item.locator('[data-city=home] [data-stale]').waitFor()
    assert.equal(await item.locator('[data-action=approve]').count(), 1)
  })

  test('on a phone the section reads without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await visit(page, server, `/partnerships/${ids.partnership}`)
    await page.locator(`[data-text="${ids.text}"]`).waitFor({ state: 'attached' })
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)
    assert.equal(wide, false)
    await settle(page)
    assert.deepEqual(problems, [])
  })
})
