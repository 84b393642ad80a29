// Calls and applications in real Chromium against a real `amity serve` with the demo data, in
// Turkish: the demo agreement (approved by both sides) lists its two demo calls; an officer opens
// a call for 2028-2029 (a closing before the opening refused on its field), enters an application
// (the same condition ranked twice refused, naming the choice), sees its score and eligibility,
// each failed rule in words, and withdraws it with a reason kept in its history; the allocation
// of a demo call is run and locked, and an applicant reads why not a higher choice; a partner
// user sees the call without any application nor count. axe-core finds no serious or critical violation.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { addUser, api, openSession, screenshot, seriousViolations, settle, signedInContext, useLanguage, visit } from './harness.mjs'

/** The date in İzmir (UTC+03:00 all year) `offset` days from today, YYYY-MM-DD. */
function izmirDate(offset) {
  return new Date(Date.now() + 3 * 3600 * 1000 + offset * 86400 * 1000).toISOString().slice(0, 10)
}

describe('Amity web UI: calls and applications', () => {
  let session, server, browser, page, problems
  const ids = {}

  before(async () => {
    session = await openSession()
    ;({ server, browser, page, problems } = session)
    ids.partnership = (await api(server, 'GET', 'partnerships')).json.items[0].id
    ids.agreement = (await api(server, 'GET', `exchange-agreements?partnership_id=${ids.partnership}`)).json.items[0].id
    await useLanguage(page, server, 'tr')
  })

  after(async () => {
    await session?.close()
  })

  async function expectAxeClean(target, what) {
    const violations = await seriousViolations(target)
    assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`)
  }

  test('an officer opens a call on the approved demo agreement', async () => {
    await visit(page, server, `/agreements/${ids.agreement}`)
    // The demo's two calls for 2027-2028 are listed.
    assert.equal(await page.locator('[data-calls] [data-call]').count(), 2)
    await page.click('[data-action=new-call]')
    await page.selectOption('#f-academic_year', '2028-2029')
    await page.selectOption('#f-direction', 'home_to_partner')
    await page.fill('#f-opens_on', izmirDate(-1))
    await page.fill('#f-closes_on', izmirDate(-5))
    await page.click('[data-action=create-call]')
    // Closing before opening is refused on its field, in Turkish; the form stays as typed.
    await page.locator('#f-closes_on[aria-invalid=true]').waitFor()
    assert.match(await page.textContent('[data-call-new]'), /Çağrı açılmadan kapanamaz/)
    await expectAxeClean(page, 'new call form with a problem')
    await page.fill('#f-closes_on', izmirDate(30))
    await page.click('[data-action=create-call]')
    await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/)
    await settle(page)
    ids.call = page.url().split('/').pop()
    assert.match(await page.getAttribute('.call-page .badges .badge', 'class'), /badge-callWindow-open/)
    assert.match(await page.textContent('[data-formula]'), /%50 akademik ortalama \+ %50 dil puanı/)
    // No seed typed: the server drew one and the page publishes it.
    assert.match((await page.textContent('[data-seed]')).trim(), /^[0-9]+$/)
    await expectAxeClean(page, 'call page')
    await screenshot(page, 'tr', 'call')
  })

  test('an officer enters an application in Turkish, sees its eligibility and withdraws it', async () => {
    await page.click('[data-action=new-application]')
    const form = page.locator('[data-application-form]')
    await page.fill('#f-name_native', 'Çağla Öztürk')
    await page.fill('#f-name_latin', 'Cagla Ozturk')
    await page.fill('#f-student_number', 'DEU-2024-0042')
    await page.fill('#f-home_department', 'Bilgisayar Mühendisliği')
    await page.fill('#f-isced_code', '0613')
    await page.selectOption('#f-level', 'master')
    await page.fill('#f-academic_average', '3,47')
    await page.selectOption('#f-average_scale', '4')
    await page.fill('#f-language_score', '82,5')
    await form.locator('[data-result="0"] input').nth(0).fill('en')
    await form.locator('[data-result="0"] input').nth(1).fill('B2')
    await page.click('[data-action=add-result]')
    await form.locator('[data-result="1"] input').nth(0).fill('zh')
    await form.locator('[data-result="1"] input').nth(1).fill('HSK 2')
    // The demo's home → partner conditions: computer science (master, en B2) first.
    const options = await form.locator('[data-choice-select="0"] option').evaluateAll((list) => list.map((o) => o.value).filter(Boolean))
    assert.equal(options.length, 4)
    await page.selectOption('[data-choice-select="0"]', options[0])
    await page.click('[data-action=add-choice]')
    await page.selectOption('[data-choice-select="1"]', options[0])
    await page.click('[data-action=save-application]')
    // The same condition twice is refused, naming the choice; nothing was stored.
    await form.locator('.field-error').first().waitFor()
    assert.match(await form.textContent(), /Her biri yalnızca bir kez/)
    await expectAxeClean(page, 'application form with a problem')
    // The heritage studio (master, Chinese B1, field 0731) second: not eligible, two reasons.
    await page.selectOption('[data-choice-select="1"]', options[2])
    await page.click('[data-action=save-application]')
    const row = page.locator('table[data-applications] tbody tr', { hasText: 'DEU-2024-0042' })
    await row.waitFor()
    assert.equal((await row.locator('[data-score]').textContent()).trim(), '84.625')
    assert.match(await row.textContent(), /2 tercihin 1 tanesine uygun/)
    await expectAxeClean(page, 'call page with the application')

    await row.locator('a').click()
    await page.waitForURL(/\/exchange-applications\/[0-9a-f-]{36}$/)
    await settle(page)
    ids.application = page.url().split('/').pop()
    assert.equal(await page.locator('[data-choices] [data-choice="1"][data-eligible=yes]').count(), 1)
    const failures = await page.textContent('[data-choice="2"] [data-failures]')
    assert.match(failures, /Dil: koşul zh B1 istiyor; başvuruda zh A2 yazıyor\./)
    assert.match(failures, /Öğrenim alanı: koşul 07 .+ istiyor; öğrencinin alanı 06 .+\./)
    await expectAxeClean(page, 'application page')
    await screenshot(page, 'tr', 'application')

    await page.click('[data-action=withdraw]')
    await page.fill('#f-reason', 'Öğrenci başka bir programa kabul edildi')
    await page.click('[data-action=confirm-withdraw]')
    await page.locator('[data-history] [data-event=withdrawn]').waitFor()
    assert.match(await page.textContent('[data-history] [data-event=withdrawn]'), /Öğrenci başka bir programa kabul edildi/)
    assert.match(await page.textContent('[data-history] [data-event=withdrawn]'), /admin@localhost/)
    assert.equal(await page.locator('[data-action=withdraw]').count(), 0)
    await expectAxeClean(page, 'withdrawn application')
  })

  test('an officer re-runs the allocation of a demo call, locks it, and a student sees why', async () => {
    const call = (await api(server, 'GET', `exchange-agreements/${ids.agreement}/calls`)).json.items[0]
    await visit(page, server, `/calls/${call.id}`)
    assert.equal(await page.locator('table[data-applications] tbody tr').count(), 40)
    await page.click('[data-action=run]')
    await page.locator('table[data-cutoffs] tbody tr').first().waitFor()
    assert.equal(await page.locator('table[data-cutoffs] tbody tr').count(), 4)
    // The demo's run of this call may be locked already: wait for one more locked run.
    const locked = '[data-runs] [data-run][data-locked=yes]'
    const lockedBefore = await page.locator(locked).count()
    await page.click('[data-action=lock]')
    await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length > n, [locked, lockedBefore])
    // Forty applicants for nine seats: some placed at a choice, others not placed.
    const placements = await page.locator('table[data-applications] [data-placement]').allTextContents()
    assert.ok(placements.some((p) => /\. tercih/.test(p)), JSON.stringify(placements))
    assert.ok(placements.some((p) => /Yerleşmedi/.test(p)), JSON.stringify(placements))
    await expectAxeClean(page, 'call page with a locked allocation')
    await screenshot(page, 'tr', 'call-allocation')
    // An applicant not placed at the first choice reads why, with the cut-off and own score. The
    // demo's locked run came first, so the run just made is a re-run: seats it placed are held.
    const runs = (await api(server, 'GET', `exchange-calls/${call.id}/runs`)).json.items
    assert.equal(runs.length, 2)
    assert.equal(runs[1].previous_run_id, runs[0].id)
    const full = (await api(server, 'GET', `exchange-runs/${runs[1].id}`)).json
    const refused = full.placements.find((p) => p.explanation.some((e) => e.reason !== 'no_seats'))
    assert.ok(refused, 'someone was refused a higher choice')
    await visit(page, server, `/exchange-applications/${refused.application_id}`)
    await page.locator('[data-allocation] [data-why-not]').waitFor()
    assert.match(await page.textContent('[data-why-not]'), /(daha yüksek puanlı adaylara gitti|kilitli çalıştırmada yerleşen öğrencilerde) \(taban [0-9.]+, kendi puanı [0-9.]+\)/)
    await expectAxeClean(page, 'application page with its allocation')
  })

  test('a partner user reads the call but no application', async () => {
    const partner = addUser(server, 'partner.calls@amity.test', 'partner', [ids.partnership])
    const context = await signedInContext(browser, server, { locale: 'zh-CN', viewport: { width: 1360, height: 900 } }, partner)
    await context.addInitScript(() => localStorage.setItem('amity.lang', 'zh'))
    const own = await context.newPage()
    own.setDefaultTimeout(15000)
    own.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    await own.goto(`${server.base}/calls/${ids.call}`)
    await settle(own)
    await own.locator('[data-call-conditions]').waitFor()
    assert.equal(await own.locator('table[data-applications]').count(), 0)
    assert.ok(!(await own.textContent('body')).includes('Öztürk'))
    await expectAxeClean(own, 'call page for a partner user')
    await own.goto(`${server.base}/agreements/${ids.agreement}`)
    await settle(own)
    await own.locator('table[data-seat-grid]').waitFor()
    const counts = await own.locator('table[data-seat-grid] [data-applications]').allTextContents()
    assert.ok(counts.length > 0 && counts.every((c) => c.trim() === '—'), JSON.stringify(counts))
    await context.close()
  })

  test('the officer nominates the locked run to Harbin, whose partner user accepts one and rejects one', async () => {
    // The demo's İzmir → Harbin call has a locked run: its placed students go to the host side.
    const calls = (await api(server, 'GET', `exchange-agreements/${ids.agreement}/calls`)).json.items
    const outgoing = calls.find((c) => c.direction === 'home_to_partner')
    assert.ok(outgoing, 'a home → partner call')
    await visit(page, server, `/calls/${outgoing.id}`)
    await page.click('[data-action=send-nominations]')
    await page.locator('[data-nominations-sent]').waitFor()
    await expectAxeClean(page, 'call page with nominations sent')
    const before = (await api(server, 'GET', `exchange-agreements/${ids.agreement}/seats`)).json.totals
    const sum = (rows, key) => rows.reduce((total, row) => total + (row[key] ?? 0), 0)

    const partner = addUser(server, 'partner.nominations@amity.test', 'partner', [ids.partnership])
    const context = await signedInContext(browser, server, { locale: 'zh-CN', viewport: { width: 1360, height: 900 } }, partner)
    await context.addInitScript(() => localStorage.setItem('amity.lang', 'zh'))
    const host = await context.newPage()
    host.setDefaultTimeout(15000)
    host.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    await host.goto(`${server.base}/agreements/${ids.agreement}`)
    await settle(host)
    const waiting = host.locator('[data-nominations] [data-nomination][data-status=sent]')
    await waiting.first().waitFor()
    const count = await waiting.count()
    assert.ok(count >= 2, `at least two nominations to decide: ${count}`)
    await expectAxeClean(host, 'nominations for the partner user, in Chinese')
    // Accept the first.
    const first = await waiting.first().getAttribute('data-nomination')
    await host.click(`[data-nomination="${first}"] [data-action=accept]`)
    await host.locator(`[data-nomination="${first}"][data-status=accepted]`).waitFor()
    // Reject the next: a reason is asked for, and kept.
    const second = await waiting.first().getAttribute('data-nomination')
    await host.click(`[data-nomination="${second}"] [data-action=reject]`)
    await host.fill(`[data-nomination="${second}"] [data-reject-form] textarea`, '该专业本学年名额已满')
    await host.click(`[data-nomination="${second}"] [data-action=confirm-reject]`)
    await host.locator(`[data-nomination="${second}"][data-status=rejected]`).waitFor()
    assert.match(await host.textContent(`[data-nomination="${second}"] [data-decided]`), /该专业本学年名额已满/)
    await expectAxeClean(host, 'nominations after the decisions')
    await context.close()
    // The seat grid counts the decisions.
    const after = (await api(server, 'GET', `exchange-agreements/${ids.agreement}/seats`)).json.totals
    assert.equal(sum(after, 'accepted'), sum(before, 'accepted') + 1)
    assert.equal(sum(after, 'declined'), sum(before, 'declined') + 1)
  })

  test('no page error or console error on the way', () => {
    assert.deepEqual(problems, [])
  })
})
