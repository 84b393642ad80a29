// Calls and applications in real Chromium against a real `amity serve` with the demo data, once
// per language (tr, zh, en; AMITY_UI_LANGS picks some), the expected words read from the UI's own
// message files: the demo agreement (approved by both sides) lists its two demo calls; an officer
// opens a call for 2028-2029 (a closing before the opening refused on its field), enters an
// application (the same condition ranked twice refused, naming the choice), sees its score and
// eligibility, each failed rule in words, attaches a transcript (personal data, never the
// partner's) and withdraws it with a reason kept in its history; on the demo's closed call an
// officer makes a late change (a reason asked for) and the history shows who, when, what and why;
// the allocation of a demo call is run and locked, and an applicant reads why not a higher choice;
// a partner user sees the call without any application nor count, gets no document, and accepts
// one nomination and rejects one with a reason. axe-core finds no serious or critical violation.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  BROWSER_LOCALE,
  UI_LANGS,
  addUser,
  api,
  msg,
  msgPattern as pattern,
  openSession,
  screenshot,
  seriousViolations,
  settle,
  signedInContext,
  tinyPdf,
  useLanguage,
  visit,
} from './harness.mjs'

/** The date in İzmir (UTC+03:00 all year) `offset` days from today, YYYY-MM-DD. */
function izmirDate(offset) {
  return new Date(Date.now() + 3 * 3600 * 1000 + offset * 86400 * 1000).toISOString().slice(0, 10)
}

for (const lang of UI_LANGS) {
  describe(`Amity web UI: calls and applications (${lang})`, () => {
    let session, server, browser, page, problems
    const ids = {}
    const t = (key, values) => msg(lang, key, values)

    before(async () => {
      session = await openSession()
      ;({ server, browser, page, problems } = session)
      ids.partnership = (await api(server, 'GET', 'partnerships')).json.items[0].id
      ids.agreement = (await api(server, 'GET', `exchange-agreements?partnership_id=${ids.partnership}`)).json.items[0].id
      ids.partner = addUser(server, `partner.calls.${lang}@amity.test`, 'partner', [ids.partnership])
      await useLanguage(page, server, lang)
    })

    after(async () => {
      await session?.close()
    })

    async function expectAxeClean(target, what) {
      const violations = await seriousViolations(target)
      assert.deepEqual(violations, [], `${lang}, ${what}: ${JSON.stringify(violations, null, 1)}`)
    }

    /** A page of the partner user, in this language. */
    async function partnerPage() {
      const context = await signedInContext(browser, server, { locale: BROWSER_LOCALE[lang], viewport: { width: 1360, height: 900 } }, ids.partner)
      await context.addInitScript((l) => localStorage.setItem('amity.lang', l), lang)
      const own = await context.newPage()
      own.setDefaultTimeout(15000)
      own.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
      return { context, own }
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
      // Closing before opening is refused on its field, in the user's language; the form stays.
      await page.locator('#f-closes_on[aria-invalid=true]').waitFor()
      assert.ok((await page.textContent('[data-call-new]')).includes(t('problem.before_opening')))
      await expectAxeClean(page, 'new call form with a problem')
      await page.fill('#f-closes_on', izmirDate(30))
      await page.click('[data-action=create-call]')
      await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/)
      await settle(page)
      ids.call = page.url().split('/').pop()
      assert.match(await page.getAttribute('.call-page .badges .badge', 'class'), /badge-callWindow-open/)
      assert.ok((await page.textContent('[data-formula]')).includes(t('call.formulaText', { academic: 50, language: 50 })))
      // No seed typed: the server drew one and the page publishes it.
      assert.match((await page.textContent('[data-seed]')).trim(), /^[0-9]+$/)
      await expectAxeClean(page, 'call page')
      await screenshot(page, lang, 'call')
    })

    test('an officer enters an application, sees its eligibility, attaches a transcript and withdraws it', async () => {
      await page.click('[data-action=new-application]')
      const form = page.locator('[data-application-form]')
      await page.fill('#f-name_native', lang === 'zh' ? '王晓明' : 'Çağla Öztürk')
      await page.fill('#f-name_latin', lang === 'zh' ? 'Wang Xiaoming' : 'Cagla Ozturk')
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
      assert.ok((await form.textContent()).includes(t('problem.duplicate')))
      await expectAxeClean(page, 'application form with a problem')
      // The heritage studio (master, Chinese B1, field 0731) second: not eligible, two reasons.
      await page.selectOption('[data-choice-select="1"]', options[2])
      await page.click('[data-action=save-application]')
      const row = page.locator('table[data-applications] tbody tr', { hasText: 'DEU-2024-0042' })
      await row.waitFor()
      assert.equal((await row.locator('[data-score]').textContent()).trim(), '84.625')
      assert.ok((await row.textContent()).includes(t('application.eligibleOf', { n: 1, of: 2 })))
      await expectAxeClean(page, 'call page with the application')

      await row.locator('a').click()
      await page.waitForURL(/\/exchange-applications\/[0-9a-f-]{36}$/)
      await settle(page)
      ids.application = page.url().split('/').pop()
      assert.equal(await page.locator('[data-choices] [data-choice="1"][data-eligible=yes]').count(), 1)
      const failures = await page.textContent('[data-choice="2"] [data-failures]')
      assert.ok(failures.includes(t('application.rule.language', { required: 'zh B1', stated: 'zh A2' })), failures)
      assert.match(failures, pattern(lang, 'application.rule.field', {}, ['required', 'stated']))
      await expectAxeClean(page, 'application page')
      await screenshot(page, lang, 'application')

      // A transcript: always personal data, listed with its badge once uploaded.
      const documents = page.locator('[data-application-documents]')
      assert.ok((await documents.textContent()).includes(t('files.alwaysPersonal')))
      await documents.locator('[data-file-input]').setInputFiles({ name: 'Not dökümü 成绩单.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Transkript') })
      await documents.locator('[data-upload][data-state=done]').waitFor()
      await documents.locator('[data-file]').first().waitFor()
      const files = (await api(server, 'GET', `exchange-applications/${ids.application}/files`)).json.items
      assert.equal(files.length, 1)
      assert.equal(files[0].personal_data, true)
      ids.document = files[0].id
      await expectAxeClean(page, 'application page with a document')

      await page.click('[data-action=withdraw]')
      await page.fill('#f-reason', 'Öğrenci başka bir programa kabul edildi')
      await page.click('[data-action=confirm-withdraw]')
      const withdrawn = page.locator('[data-history] [data-event=withdrawn]')
      await withdrawn.waitFor()
      assert.match(await withdrawn.textContent(), /Öğrenci başka bir programa kabul edildi/)
      assert.match(await withdrawn.textContent(), /admin@localhost/)
      assert.equal(await page.locator('[data-action=withdraw]').count(), 0)
      // A withdrawn application takes no more documents.
      assert.equal(await documents.locator('[data-file-input]').count(), 0)
      await expectAxeClean(page, 'withdrawn application')
    })

    test('on the closed demo call an officer makes a late change with a reason, kept in the history', async () => {
      const calls = (await api(server, 'GET', `exchange-agreements/${ids.agreement}/calls`)).json.items
      const closed = calls.find((c) => c.window === 'closed')
      assert.ok(closed, 'the demo has a closed call')
      const applications = (await api(server, 'GET', `exchange-calls/${closed.id}/applications`)).json.items
      const chosen = applications.find((a) => a.status === 'submitted')
      await visit(page, server, `/exchange-applications/${chosen.id}`)
      await page.click('[data-action=change-application]')
      const form = page.locator('[data-application-form]')
      assert.ok((await form.locator('[data-late-warning]').textContent()).includes(t('application.lateWarning')))
      await page.fill('#f-language_score', '93')
      await page.click('[data-action=save-application]')
      // No reason: refused on its field, the application unchanged.
      await page.locator('#f-reason[aria-invalid=true]').waitFor()
      assert.equal((await api(server, 'GET', `exchange-applications/${chosen.id}`)).json.version, chosen.version)
      await expectAxeClean(page, 'late change without a reason')
      await page.fill('#f-reason', 'Dil belgesi kapanıştan önce gelmişti')
      await page.click('[data-action=save-application]')
      const change = page.locator('[data-history] [data-event=changed]')
      await change.waitFor()
      const text = await change.textContent()
      assert.ok(text.includes(t('application.late')), text)
      assert.ok(text.includes(t('application.changedFields', { fields: t('application.field.language_score') })), text)
      assert.match(text, /Dil belgesi kapanıştan önce gelmişti/)
      assert.match(text, /admin@localhost/)
      assert.equal(await page.locator('[data-history] [data-event=changed] [data-late]').count(), 1)
      await expectAxeClean(page, 'application with a late change')
      await screenshot(page, lang, 'application-late-change')
    })

    test('an officer re-runs the allocation of a demo call, locks it, and a student sees why', async () => {
      const call = (await api(server, 'GET', `exchange-agreements/${ids.agreement}/calls`)).json.items[0]
      await visit(page, server, `/calls/${call.id}`)
      assert.equal(await page.locator('table[data-applications] tbody tr').count(), 40)
      await page.click('[data-action=run]')
      await page.locator('table[data-cutoffs] tbody tr').first().waitFor()
      assert.equal(await page.locator('table[data-cutoffs] tbody tr').count(), 4)
      // The demo's run of this call is locked already: wait for one more locked run.
      const locked = '[data-runs] [data-run][data-locked=yes]'
      const lockedBefore = await page.locator(locked).count()
      await page.click('[data-action=lock]')
      await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length > n, [locked, lockedBefore])
      // Forty applicants for nine seats: some placed at a choice, others not placed.
      const placements = await page.locator('table[data-applications] [data-placement]').allTextContents()
      assert.ok(
        placements.some((p) => pattern(lang, 'run.placedAt', {}, ['rank']).test(p)),
        JSON.stringify(placements),
      )
      assert.ok(placements.some((p) => p.includes(t('run.notPlaced'))), JSON.stringify(placements))
      await expectAxeClean(page, 'call page with a locked allocation')
      await screenshot(page, lang, 'call-allocation')
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
      const why = await page.textContent('[data-why-not]')
      assert.ok(
        ['run.why.outranked', 'run.why.held', 'run.why.lottery'].some((key) => pattern(lang, key, {}, ['cutoff', 'own']).test(why)),
        why,
      )
      await expectAxeClean(page, 'application page with its allocation')
    })

    test('a partner user reads the call but no application nor document', async () => {
      const { context, own } = await partnerPage()
      await own.goto(`${server.base}/calls/${ids.call}`)
      await settle(own)
      await own.locator('[data-call-conditions]').waitFor()
      assert.equal(await own.locator('table[data-applications]').count(), 0)
      assert.ok(!(await own.textContent('body')).includes('DEU-2024-0042'))
      await expectAxeClean(own, 'call page for a partner user')
      await own.goto(`${server.base}/agreements/${ids.agreement}`)
      await settle(own)
      await own.locator('table[data-seat-grid]').waitFor()
      const counts = await own.locator('table[data-seat-grid] [data-applications]').allTextContents()
      assert.ok(counts.length > 0 && counts.every((c) => c.trim() === '—'), JSON.stringify(counts))
      // The application's transcript is not the partner's: 404, as if it did not exist.
      const answer = await own.request.get(`${server.api}/files/${ids.document}/content`)
      assert.equal(answer.status(), 404)
      await context.close()
    })

    test('the demo nominated its locked run; the officer nominates the re-run and Harbin accepts one and rejects one', async () => {
      // The demo's İzmir → Harbin call: its first locked run was nominated and partly decided.
      const calls = (await api(server, 'GET', `exchange-agreements/${ids.agreement}/calls`)).json.items
      const outgoing = calls.find((c) => c.direction === 'home_to_partner')
      assert.ok(outgoing, 'a home → partner call')
      const demo = (await api(server, 'GET', `exchange-agreements/${ids.agreement}/nominations`)).json.items
      assert.ok(demo.some((n) => n.status === 'accepted') && demo.some((n) => n.status === 'rejected' && n.reason), JSON.stringify(demo))
      // The re-run locked above is the standing one: its nominations go now.
      await visit(page, server, `/calls/${outgoing.id}`)
      await page.click('[data-action=send-nominations]')
      await page.locator('[data-nominations-sent]').waitFor()
      await expectAxeClean(page, 'call page with nominations sent')
      const before = (await api(server, 'GET', `exchange-agreements/${ids.agreement}/seats`)).json.totals
      const sum = (rows, key) => rows.reduce((total, row) => total + (row[key] ?? 0), 0)

      const { context, own: host } = await partnerPage()
      await host.goto(`${server.base}/agreements/${ids.agreement}`)
      await settle(host)
      // The demo's decisions show with the rejection's reason.
      await host.locator('[data-nominations] [data-nomination][data-status=rejected]').first().waitFor()
      assert.match(await host.textContent('[data-nominations] [data-nomination][data-status=rejected] [data-decided]'), /名额已满/)
      const waiting = host.locator('[data-nominations] [data-nomination][data-status=sent]')
      await waiting.first().waitFor()
      const count = await waiting.count()
      assert.ok(count >= 2, `at least two nominations to decide: ${count}`)
      await expectAxeClean(host, 'nominations for the partner user')
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
      assert.ok((await host.textContent(`[data-nomination="${second}"]`)).includes(t('nominations.state.rejected')))
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
}
