// Files and evidence in real Chromium against a real `amity serve` with the demo data: a photo
// dropped onto a commitment (a drop event carrying a PNG drawn on a canvas) uploads through tus
// with a progress bar and then shows its preview; a PDF through the file picker opens inline; a
// program's bytes are refused with the server's reason; a file is removed, and a partner user's
// refused removal (403) is explained. Closing a commitment: done without evidence answers 422
// next to the evidence, with a link it closes, and a file uploaded in the dialog is evidence too;
// the dashboard counts done with evidence. A legal step's signed document, a case's photo on its
// card, and files on meetings, events and organizations. axe-core on every new section.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { addUser, api, openSession, seriousViolations, settle, signedInContext, tinyPdf, tinyPng, uploadFile, visit } from './harness.mjs'

/** The bytes of a program (ELF): a type no server's allow-list accepts, whatever its name. */
const PROGRAM = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(240)])

describe('Amity web UI: files and evidence', () => {
  let session, server, browser, page, problems
  const ids = {}

  before(async () => {
    session = await openSession()
    ;({ server, browser, page, problems } = session)
    ids.partnership = (await api(server, 'GET', 'partnerships')).json.items[0].id
    // Open commitments without evidence: no held event names them.
    const events = (await api(server, 'GET', `events?partnership_id=${ids.partnership}&limit=200`)).json.items
    const proven = new Set(events.filter((e) => e.status === 'held').flatMap((e) => e.commitment_ids))
    const open = (await api(server, 'GET', `commitments?partnership_id=${ids.partnership}&limit=200`)).json.items.filter(
      (c) => !['done', 'dropped'].includes(c.status) && !proven.has(c.id),
    )
    assert.ok(open.length >= 4, 'the demo has open commitments without evidence')
    ;[ids.photoCommitment, ids.linkCommitment, ids.dialogCommitment] = open.map((c) => c.id)
    ids.shared = open.slice(3).find((c) => c.visibility === 'shared').id
    ids.meeting = (await api(server, 'GET', 'meetings')).json.items[0].id
    ids.event = (await api(server, 'GET', 'events')).json.items[0].id
    ids.organization = (await api(server, 'GET', 'organizations')).json.items[0].id
    // A case without a photo among the demo's, and how many cases have one.
    const cases = (await api(server, 'GET', 'cases?limit=200')).json.items
    const withPhoto = []
    for (const c of cases) {
      const files = (await api(server, 'GET', `cases/${c.id}/files`)).json.items
      if (files.some((f) => f.media_type.startsWith('image/'))) withPhoto.push(c.id)
    }
    ids.case = cases.find((c) => !withPhoto.includes(c.id)).id
    ids.casesWithPhoto = withPhoto.length
  })

  after(async () => {
    await session?.close()
  })

  const go = (path) => visit(page, server, path)
  async function expectAxeClean(what) {
    const violations = await seriousViolations(page)
    assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`)
  }
  /** A DataTransfer in the page holding a PNG drawn on a canvas, as a drop from the desktop brings. */
  function canvasPng(name) {
    return page.evaluateHandle(async (fileName) => {
      const canvas = document.createElement('canvas')
      canvas.width = 96
      canvas.height = 64
      const g = canvas.getContext('2d')
      g.fillStyle = '#1d6b34'
      g.fillRect(0, 0, 96, 64)
      g.fillStyle = '#ffffff'
      g.fillRect(12, 12, 40, 24)
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'))
      const transfer = new DataTransfer()
      transfer.items.add(new File([blob], fileName, { type: 'image/png' }))
      return transfer
    }, name)
  }
  /**
   * Holds the PATCH of every upload until `release()`, so what shows meanwhile can be read;
   * `stop()` takes the hold away once the held requests have gone on.
   */
  async function holdUploads() {
    let release
    const gate = new Promise((resolve) => (release = resolve))
    const handler = async (route) => {
      if (route.request().method() === 'PATCH') await gate
      await route.continue()
    }
    await page.route('**/api/v1/uploads/**', handler)
    return { release, stop: () => page.unroute('**/api/v1/uploads/**', handler) }
  }

  test('drop a photo onto a commitment: a progress bar, then its preview', async () => {
    await go(`/commitments/${ids.photoCommitment}`)
    const section = page.locator('[data-commitment-evidence]')
    assert.equal(await section.locator('[data-has-evidence]').getAttribute('data-has-evidence'), 'false')
    assert.equal(await section.locator('[data-no-files]').count(), 1)

    const hold = await holdUploads()
    const transfer = await canvasPng('Kemeraltı çarşısı 2026.png')
    await section.locator('[data-drop-zone]').dispatchEvent('drop', { dataTransfer: transfer })
    const bar = section.locator('[data-upload] [role=progressbar]')
    await bar.waitFor()
    assert.equal(await section.locator('[data-upload]').getAttribute('data-state'), 'running')
    const during = Number(await bar.getAttribute('aria-valuenow'))
    assert.ok(during >= 0 && during < 100, `aria-valuenow ${during} while the bytes are held`)
    assert.match(await bar.getAttribute('aria-label'), /Kemeraltı çarşısı 2026\.png/)
    hold.release()

    await section.locator('[data-upload][data-state=done]').waitFor()
    await hold.stop()
    assert.equal(await bar.getAttribute('aria-valuenow'), '100')
    const row = section.locator('[data-file][data-kind=image]')
    await row.waitFor()
    assert.match(await row.textContent(), /Kemeraltı çarşısı 2026\.png/)
    const preview = row.locator('img[data-preview]')
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await preview.elementHandle())
    assert.equal(await preview.evaluate((img) => img.naturalWidth), 96, 'the preview is the uploaded picture')
    await section.locator('[data-has-evidence=true]').waitFor()

    const files = (await api(server, 'GET', `commitments/${ids.photoCommitment}/files`)).json.items
    assert.deepEqual(files.map((f) => [f.name, f.media_type, f.personal_data]), [['Kemeraltı çarşısı 2026.png', 'image/png', false]])
    await expectAxeClean('commitment page with a file')
  })

  test('a PDF through the file picker opens inline; a program is refused with the server’s reason', async () => {
    await go(`/meetings/${ids.meeting}`)
    const section = page.locator('[data-record-files][data-holder=meetings]')
    await section.locator('[data-field=personal-data]').check()
    await section.locator('[data-file-input]').setInputFiles({ name: 'Toplantı tutanağı.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Tutanak') })
    await section.locator('[data-upload][data-state=done]').waitFor()
    const row = section.locator('[data-file][data-kind=pdf]')
    await row.waitFor()
    assert.match(await row.textContent(), /Personal data/)
    const view = await row.locator('[data-action=view]').getAttribute('href')
    assert.match(view, /\/content\?disposition=inline$/)
    const inline = await page.request.get(`${server.base}${view}`)
    assert.equal(inline.status(), 200)
    assert.equal(inline.headers()['content-type'], 'application/pdf')
    assert.match(inline.headers()['content-disposition'], /^inline/)
    const listed = (await api(server, 'GET', `meetings/${ids.meeting}/files`)).json.items
    assert.deepEqual(listed.map((f) => [f.name, f.personal_data]), [['Toplantı tutanağı.pdf', true]])

    await section.locator('[data-file-input]').setInputFiles({ name: 'rapor.pdf', mimeType: 'application/pdf', buffer: PROGRAM })
    const failed = section.locator('[data-upload][data-state=failed]')
    await failed.waitFor()
    const reason = await failed.locator('[data-upload-error]').textContent()
    assert.match(reason, /This type of file is not accepted\./)
    assert.match(reason, /the file's bytes are [a-z]+\/[\w.+-]+, which this server does not accept/, 'the server’s own words name the sniffed type')
    assert.equal(await failed.locator('[data-action=resume-upload]').count(), 0, 'a refusal offers no resume')
    await failed.locator('[data-action=dismiss-upload]').click()
    assert.equal((await api(server, 'GET', `meetings/${ids.meeting}/files`)).json.items.length, 1)
    await expectAxeClean('meeting page with files')
  })

  test('remove a file; a partner user is offered Remove only on its own files', async () => {
    await go(`/meetings/${ids.meeting}`)
    const section = page.locator('[data-record-files][data-holder=meetings]')
    page.once('dialog', (dialog) => dialog.accept())
    await section.locator('[data-file] [data-action=remove-file]').click()
    await section.locator('[data-no-files]').waitFor()
    assert.equal((await api(server, 'GET', `meetings/${ids.meeting}/files`)).json.items.length, 0)

    // The admin's file on a shared commitment: the partner user may change the commitment, not
    // remove another's file (the server's may_remove), so no Remove is offered on it; the file
    // the partner user uploads itself it may remove.
    await uploadFile(server, 'commitments', ids.shared, 'Protokol taslağı.pdf', tinyPdf('Taslak'))
    const partner = addUser(server, 'wang.files@harbin.example', 'partner', [ids.partnership])
    const context = await signedInContext(browser, server, { locale: 'en-GB' }, partner)
    const theirs = await context.newPage()
    await theirs.goto(`${server.base}/commitments/${ids.shared}`)
    await settle(theirs)
    const files = theirs.locator('[data-commitment-evidence] [data-record-files]')
    const home = files.locator('[data-file]', { hasText: 'Protokol taslağı.pdf' })
    await home.waitFor()
    assert.equal(await home.locator('[data-action=remove-file]').count(), 0, 'no Remove on the home city’s file')
    assert.equal(await theirs.locator('[data-field=personal-data]').count(), 0, 'partner users do not mark personal data')
    await files.locator('[data-file-input]').setInputFiles({ name: '会议纪要.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Jiyao') })
    const own = files.locator('[data-file]', { hasText: '会议纪要.pdf' })
    await own.waitFor()
    assert.equal(await own.locator('[data-action=remove-file]').count(), 1, 'Remove on its own file')
    assert.equal(await home.locator('[data-action=remove-file]').count(), 0)
    theirs.once('dialog', (dialog) => dialog.accept())
    await own.locator('[data-action=remove-file]').click()
    await own.waitFor({ state: 'detached' })
    assert.equal(await files.locator('[data-remove-error]').count(), 0)
    assert.deepEqual((await api(server, 'GET', `commitments/${ids.shared}/files`)).json.items.map((f) => f.name), ['Protokol taslağı.pdf'])
    await context.close()
  })

  test('done needs evidence: 422 next to the evidence, then closed with a link; the dashboard counts it', async () => {
    await go('/')
    const row = page.locator(`[data-partnership="${ids.partnership}"]`)
    const withEvidence = Number(await row.locator('[data-field=done-with-evidence]').textContent())

    await go(`/commitments?partnership_id=${ids.partnership}`)
    const card = page.locator(`[data-commitment="${ids.linkCommitment}"]`)
    await card.locator('[data-action=move]').click()
    await page.selectOption('#move-target', 'done')
    const dialog = page.locator('dialog[open]')
    await dialog.locator('[data-move-evidence] [data-has-evidence=false]').waitFor()
    await expectAxeClean('the done dialog')

    // No note: the dialog says so before asking the server.
    await dialog.locator('button[type=submit]').click()
    assert.match(await dialog.locator('#note-dialog-error').textContent(), /This field is required/)
    // A note but no evidence: the server's 422 next to the evidence, the dialog stays open.
    await page.fill('#note-dialog-text', 'The exhibition opened with both mayors.')
    await dialog.locator('button[type=submit]').click()
    const missing = dialog.locator('[data-evidence-error]')
    await missing.waitFor()
    assert.match(await missing.textContent(), /evidence/i)
    assert.notEqual((await api(server, 'GET', `commitments/${ids.linkCommitment}`)).json.status, 'done')

    await dialog.locator('[data-field=link-url]').fill('https://www.izmir.bel.tr/en/news/exhibition')
    await dialog.locator('[data-field=link-title]').fill('Press release of the opening')
    await dialog.locator('button[type=submit]').click()
    await page.locator(`[data-status=done] [data-commitment="${ids.linkCommitment}"]`).waitFor()
    const closed = (await api(server, 'GET', `commitments/${ids.linkCommitment}`)).json
    assert.equal(closed.status, 'done')
    assert.deepEqual(closed.evidence_links, [{ url: 'https://www.izmir.bel.tr/en/news/exhibition', title: 'Press release of the opening' }])

    await go(`/commitments/${ids.linkCommitment}`)
    const evidence = page.locator('[data-commitment-evidence]')
    await evidence.locator('[data-has-evidence=true]').waitFor()
    assert.equal(await evidence.locator('[data-evidence-links] a').getAttribute('href'), 'https://www.izmir.bel.tr/en/news/exhibition')
    assert.match(await page.textContent('section[aria-labelledby=c-history]'), /The exhibition opened with both mayors\./)

    await go('/')
    assert.equal(Number(await row.locator('[data-field=done-with-evidence]').textContent()), withEvidence + 1)
    const done = await row.locator('[data-field=done]').textContent()
    // The partnership page counts it as the dashboard does (from the timeline's figures).
    await go(`/partnerships/${ids.partnership}`)
    const figures = page.locator('#p-commitments-body [data-done-figures]')
    assert.equal(Number(await figures.locator('[data-field=done-with-evidence]').textContent()), withEvidence + 1)
    assert.equal(await figures.locator('[data-field=done]').textContent(), done)
    assert.match(await page.textContent('#p-commitments-body'), /Done with evidence/)
    await expectAxeClean('partnership page with its done figures')
  })

  test('the held events that prove a commitment show their time in their own zone', async () => {
    const made = await api(server, 'POST', 'events', {
      kind: 'study_visit',
      partnership_id: ids.partnership,
      title: { original: 'zh', zh: '哈尔滨考察访问' },
      starts_at: '2026-10-05T09:00:00+08:00',
      ends_at: '2026-10-05T17:00:00+08:00',
      time_zone: 'Asia/Shanghai',
      status: 'held',
      commitment_ids: [ids.shared],
      visibility: 'shared',
    })
    assert.equal(made.status, 201, JSON.stringify(made.json))
    const held = (await api(server, 'GET', `commitments/${ids.shared}/evidence`)).json.events.find((e) => e.id === made.json.id)
    assert.equal(held.time_zone, 'Asia/Shanghai')
    await go(`/commitments/${ids.shared}`)
    const time = page.locator('[data-commitment-evidence] [data-evidence-events] li').first().locator('time.dual-time')
    await time.waitFor()
    assert.equal(await time.getAttribute('datetime'), held.starts_at)
    assert.match(await time.locator('.dt-local').textContent(), /^09:00 .*\(UTC\+8\)/)
  })

  test('a file uploaded in the done dialog is the evidence that closes the commitment', async () => {
    await go(`/commitments/${ids.dialogCommitment}`)
    await page.click('[data-action=move]')
    await page.selectOption('#move-target', 'done')
    const dialog = page.locator('dialog[open]')
    await dialog.locator('[data-has-evidence=false]').waitFor()
    await dialog.locator('[data-file-input]').setInputFiles({ name: 'Katılımcı listesi.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Katılımcılar') })
    await dialog.locator('[data-upload][data-state=done]').waitFor()
    await dialog.locator('[data-has-evidence=true]').waitFor()
    assert.match(await dialog.locator('[data-evidence-files]').textContent(), /Katılımcı listesi\.pdf/)
    await page.fill('#note-dialog-text', 'Forty students took part; the list is attached.')
    await dialog.locator('button[type=submit]').click()
    await page.locator('dialog[open]').waitFor({ state: 'detached' })
    await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.textContent.includes('Done'))
    const evidence = (await api(server, 'GET', `commitments/${ids.dialogCommitment}/evidence`)).json
    assert.equal(evidence.has_evidence, true)
    assert.deepEqual(evidence.files.map((f) => f.name), ['Katılımcı listesi.pdf'])
  })

  test('a legal step shows whether its signed document is attached', async () => {
    const partnership = (await api(server, 'GET', `partnerships/${ids.partnership}`)).json
    const patched = await api(server, 'PATCH', `partnerships/${ids.partnership}`, {
      milestones: [...partnership.milestones, { kind: 'letter_of_intent_signed', date: '2026-11-20', reference: 'LOI-2026-7' }],
    }, { 'If-Match': `"${partnership.version}"` })
    assert.equal(patched.status, 200, JSON.stringify(patched.json))
    await go(`/partnerships/${ids.partnership}`)
    const step = page.locator('[data-step=letter_of_intent_signed] .step-doc')
    assert.equal(await step.getAttribute('data-document'), 'missing')
    assert.match(await step.textContent(), /Document missing/)
    await step.locator('[data-file-input]').setInputFiles({ name: 'Niyet mektubu (imzalı).pdf', mimeType: 'application/pdf', buffer: tinyPdf('Niyet mektubu') })
    await page.locator('[data-step=letter_of_intent_signed] .step-doc[data-document=attached]').waitFor()
    assert.match(await page.textContent('[data-step=letter_of_intent_signed] .step-doc'), /Signed document:\s*Niyet mektubu \(imzalı\)\.pdf/)
    const files = (await api(server, 'GET', `partnerships/${ids.partnership}/files`)).json.items
    assert.deepEqual(
      files.filter((f) => f.milestone === 'letter_of_intent_signed').map((f) => f.name),
      ['Niyet mektubu (imzalı).pdf'],
    )
    assert.match(await page.textContent('[data-record-files][data-holder=partnerships]'), /Letter of intent/)
    await expectAxeClean('partnership page with a legal step’s document')
  })

  test('a case’s first photo is its picture on the library card', async () => {
    await go(`/cases/${ids.case}`)
    const section = page.locator('[data-case-files]')
    const transfer = await canvasPng('Cephe onarımı.png')
    await section.locator('[data-drop-zone]').dispatchEvent('drop', { dataTransfer: transfer })
    await section.locator('[data-file][data-kind=image]').waitFor()
    await page.locator('.case-lead [data-case-photo] img[data-photo]').waitFor()
    await expectAxeClean('case page with a photo')
    await go('/cases')
    const photo = page.locator(`.case-card[data-case-id="${ids.case}"] img[data-photo]`)
    await photo.waitFor()
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await photo.elementHandle())
    await page.waitForFunction((n) => document.querySelectorAll('.case-card img[data-photo]').length === n, ids.casesWithPhoto + 1)
    assert.equal(await page.locator('.case-card div[role=img][data-case-photo]').count(), (await page.locator('.case-card').count()) - ids.casesWithPhoto - 1, 'the other cases keep their placeholder')
  })

  test('the public portal shows published cases with their photos, to anyone', async () => {
    const published = (await api(server, 'GET', 'cases?limit=200')).json.items.filter((c) => c.visibility === 'public')
    const withPhoto = []
    for (const c of published) {
      const files = (await api(server, 'GET', `cases/${c.id}/files`)).json.items
      if (files.some((f) => f.media_type.startsWith('image/') && !f.personal_data)) withPhoto.push(c.id)
    }
    assert.ok(withPhoto.length >= 2, 'the demo publishes cases with drawings')
    const anonymous = await browser.newContext({ locale: 'tr-TR' })
    const portal = await anonymous.newPage()
    const failed = []
    portal.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
    })
    await portal.goto(`${server.base}/public?lang=tr`)
    const cards = portal.locator('li.case img[data-photo]')
    await portal.waitForFunction((n) => [...document.querySelectorAll('li.case img[data-photo]')].filter((img) => img.complete && img.naturalWidth > 0).length === n, withPhoto.length)
    assert.equal(await cards.count(), withPhoto.length)
    for (const id of withPhoto) {
      assert.match(await portal.locator(`li.case[data-case="${id}"] img[data-photo]`).getAttribute('src'), /^\/public\/files\/[0-9a-f-]{36}(\/thumbnail)?$/)
    }
    assert.match(await cards.first().getAttribute('alt'), /^Fotoğraf: /)

    await portal.locator(`li.case[data-case="${withPhoto[0]}"] a`).click()
    await portal.waitForURL((url) => url.pathname === `/public/cases/${withPhoto[0]}`)
    const photos = portal.locator('[data-photos] img[data-photo]')
    await photos.first().waitFor()
    await portal.waitForFunction(() => [...document.querySelectorAll('[data-photos] img')].every((img) => img.complete && img.naturalWidth > 0))
    assert.equal(await portal.locator('h2', { hasText: 'Fotoğraflar' }).count(), 1)
    const full = await portal.locator('[data-photos] a').first().getAttribute('href')
    const picture = await anonymous.request.get(`${server.base}${full}`)
    assert.equal(picture.status(), 200)
    assert.match(picture.headers()['content-type'], /^image\//)
    assert.equal(picture.headers()['x-content-type-options'], 'nosniff')
    assert.match(picture.headers()['content-disposition'], /^inline/)
    // Files of records not published stay out of reach: the shared case's photo is not found.
    const shared = (await api(server, 'GET', 'cases?limit=200')).json.items.find((c) => c.visibility !== 'public')
    const hidden = await uploadFile(server, 'cases', shared.id, 'İç fotoğraf.png', tinyPng())
    assert.equal((await anonymous.request.get(`${server.base}/public/files/${hidden}`)).status(), 404)
    assert.deepEqual(failed, [])
    await anonymous.close()
  })

  test('events and organizations keep files too', async () => {
    for (const [path, holder] of [
      [`/events/${ids.event}`, 'events'],
      [`/organizations/${ids.organization}/edit`, 'organizations'],
    ]) {
      await go(path)
      const section = page.locator(`[data-record-files][data-holder=${holder}]`)
      await section.locator('[data-file-input]').setInputFiles({ name: `${holder}.pdf`, mimeType: 'application/pdf', buffer: tinyPdf(holder) })
      await section.locator('[data-file][data-kind=pdf]').waitFor()
      await expectAxeClean(`${holder} page with a file`)
    }
  })

  test('no script error or console error during the run', () => {
    assert.deepEqual(problems, [])
  })
})
