// Three languages done right, in real Chromium against a real `amity serve` with the demo data:
// the search box on every screen (Turkish, Chinese and English queries, grouped results with the
// matching words in <mark>, accent-insensitive by default), the glossary of official names
// (create → found by search → archive), and the translation workflow (a language added to a
// text needs review; "Mark reviewed" takes it out of the Translations queue; editing the original
// puts it back). The new screens are checked with axe-core and photographed in all three
// languages next to the others.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, openSession, screenshot, seriousViolations, settle, SCREENSHOTS, useLanguage as switchLanguage, visit } from './harness.mjs'

const RAW_KEY = /\b(?:app|nav|lang|common|text|fields|enum|area|search|translations|glossary|recordKinds?|errors|problem)\.[a-zA-Z_]+\b/
const UUID = '[0-9a-f-]{36}'

describe('Amity web UI: search, translations and glossary', () => {
  let session, server, browser, context, page, problems
  const ids = {}

  before(async () => {
    session = await openSession()
    ;({ server, browser, context, page, problems } = session)
    ids.partnership = (await api(server, 'GET', 'partnerships')).json.items[0].id
  })

  after(async () => {
    await session?.close()
  })

  const go = (path) => visit(page, server, path)
  const useLanguage = (lang) => switchLanguage(page, server, lang)
  /** Types into the header's search box and presses Enter; waits for the results. */
  async function headerSearch(words) {
    await page.fill('#site-search', words)
    await page.press('#site-search', 'Enter')
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === words)
    await searchDone()
  }
  /** Waits until the results page shows the answer to the search its address asks for. */
  async function searchDone() {
    await page.waitForFunction(() => {
      const params = new URL(location.href).searchParams
      const key = ['q', 'kind', 'lang', 'accents'].map((k) => params.get(k) ?? '').join('|')
      const view = document.querySelector('.search-page')
      return view?.dataset.state === 'ready' && view.dataset.key === key
    })
  }
  /** Waits until a list screen (translations, glossary) shows what `key` names (data-key). */
  async function listDone(key) {
    await page.waitForFunction((k) => {
      const view = document.querySelector('main [data-key]')
      return view?.dataset.state === 'ready' && view.dataset.key === k
    }, key)
  }
  /** Waits until an element's attribute has a value (the UI updates after the event). */
  async function waitAttribute(selector, name, value) {
    await page.waitForFunction(([s, n, v]) => document.querySelector(s)?.getAttribute(n) === v, [selector, name, value])
  }
  /** The groups on the results page: kind, heading text, count shown, and the <mark> texts. */
  async function groups() {
    return page.$$eval('section.search-group', (sections) =>
      sections.map((s) => ({
        kind: s.dataset.kind,
        heading: s.querySelector('h2').firstChild.textContent.trim(),
        count: Number(s.querySelector('[data-count]').textContent.replace(/\D/g, '')),
        results: s.querySelectorAll('[data-result]').length,
        marks: [...s.querySelectorAll('mark')].map((m) => m.textContent),
        // The highlights are text, never markup: a <mark> holds no element.
        markup: [...s.querySelectorAll('mark')].some((m) => m.children.length > 0),
        unmarked: [...s.querySelectorAll('[data-result]')].filter((r) => !r.querySelector('mark')).length,
      })),
    )
  }

  test('glossary: a new official name in three languages, in the Turkish UI', async () => {
    await useLanguage('tr')
    await go('/glossary')
    assert.equal(await page.textContent('main h1'), 'Sözlük')
    const before = await page.locator('[data-glossary]').count()
    assert.ok(before >= 10, 'the demo glossary is listed')
    await page.click('text=Yeni terim')
    await page.waitForURL(/\/glossary\/new$/)
    await settle(page)
    await page.fill('#f-term-tr', 'Karşıyaka Belediyesi')
    await page.fill('#f-term-zh', '卡尔希亚卡区政府')
    await page.fill('#f-term-en', 'Karşıyaka Municipality')
    // Turkish is the original (the form starts with the UI's language); Chinese and English are
    // new human translations that will need review.
    await waitAttribute('.text-column[data-lang=zh]', 'data-state', 'unreviewed')
    await page.selectOption('#f-kind', 'institution')
    await page.fill('#f-note', 'İlçe belediyesi; resmî Çince adı belediyenin yazısından.')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/glossary$/)
    await settle(page)
    const row = page.locator('[data-glossary]', { hasText: 'Karşıyaka Belediyesi' })
    await row.waitFor()
    assert.match(await row.textContent(), /Kurum/)
    assert.equal(await page.locator('[data-glossary]').count(), before + 1)
    const saved = (await api(server, 'GET', 'glossary?kind=institution&limit=200')).json.items.find((g) => g.term.tr === 'Karşıyaka Belediyesi')
    assert.ok(saved, 'the term is stored')
    ids.term = saved.id
    assert.equal(saved.term.original, 'tr')
    assert.deepEqual(saved.term.translations.zh, { by: 'human', reviewed: false })

    // Filter by kind: only festivals.
    await page.selectOption('#gl-kind', 'festival')
    await listDone('festival')
    const kinds = await page.$$eval('[data-glossary] td:nth-of-type(4)', (cells) => cells.map((c) => c.textContent.trim()))
    assert.ok(kinds.length >= 1)
    assert.ok(kinds.every((k) => k === 'Festival'), kinds.join(', '))
    assert.match(page.url(), /kind=festival/)
  })

  test('search in Türkçe: "/" focuses the box; "karsiyaka" finds Karşıyaka, and "izmir" finds every kind', async () => {
    await go('/partnerships')
    await page.locator('main h1').click() // somewhere that is not a text field
    await page.keyboard.press('/')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search')
    await page.keyboard.type('karsiyaka')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/search\?q=karsiyaka/)
    await searchDone()
    assert.equal(await page.textContent('main h1'), 'Arama')
    assert.match(await page.textContent('.search-summary'), /“karsiyaka” için \d+ sonuç/)
    let found = await groups()
    const glossary = found.find((g) => g.kind === 'glossary')
    assert.ok(glossary, `a glossary group: ${JSON.stringify(found)}`)
    assert.equal(glossary.heading, 'Sözlük')
    assert.ok(glossary.marks.includes('Karşıyaka'), `marks: ${glossary.marks}`)
    assert.equal(await page.isChecked('#search-accents'), true, 'accents are ignored by default')

    // Accents compared exactly: "karsiyaka" is not "Karşıyaka".
    await page.uncheck('#search-accents')
    await page.waitForURL(/accents=sensitive/)
    await searchDone()
    assert.match(await page.textContent('.search-summary'), /sonuç bulunamadı/)
    assert.match(await page.textContent('.search-none'), /aksanları yok sayın/)
    assert.equal(await page.locator('section.search-group').count(), 0)
    await page.check('#search-accents')
    await page.waitForURL((url) => !url.search.includes('accents='))
    await searchDone()
    assert.ok((await groups()).some((g) => g.kind === 'glossary'))

    // "izmir" (no dotted capital, no accents) finds İzmir in every kind of record.
    await headerSearch('izmir')
    found = await groups()
    const kinds = found.map((g) => g.kind)
    for (const kind of ['cities', 'partnerships', 'meetings', 'commitments', 'events', 'organizations', 'glossary']) {
      assert.ok(kinds.includes(kind), `group ${kind} in ${kinds}`)
    }
    const headings = Object.fromEntries(found.map((g) => [g.kind, g.heading]))
    assert.equal(headings.meetings, 'Toplantılar')
    assert.equal(headings.events, 'Etkinlikler')
    for (const g of found) {
      assert.ok(g.count >= g.results && g.results > 0, `${g.kind}: count ${g.count}, shown ${g.results}`)
      assert.equal(g.unmarked, 0, `${g.kind}: every result shows its matching words`)
      assert.equal(g.markup, false)
      for (const mark of g.marks) assert.match(mark.toLocaleLowerCase('tr'), /^izmir/, `${g.kind}: marked "${mark}"`)
    }
    // Matches in the meeting minutes are shown as snippets, not whole minutes.
    const minutes = page.locator('section[data-kind=meetings] [data-field=minutes]').first()
    await minutes.waitFor()
    assert.ok((await minutes.textContent()).length < 600)
    assert.doesNotMatch(await page.innerText('main'), RAW_KEY)

    // Open a result: the meeting's page.
    await page.locator('section[data-kind=meetings] .result-title').first().click()
    await page.waitForURL(new RegExp(`/meetings/${UUID}$`))
    await settle(page)
    assert.ok((await page.textContent('main h1')).length > 5)
  })

  test('search in 中文: "冰雪" is found inside 哈尔滨冰雪大世界 and 冰雪节; filter by language', async () => {
    await useLanguage('zh')
    await headerSearch('冰雪')
    assert.equal(await page.textContent('main h1'), '搜索')
    let found = await groups()
    const kinds = found.map((g) => g.kind)
    assert.ok(kinds.includes('events') && kinds.includes('glossary'), kinds.join(','))
    assert.equal(found.find((g) => g.kind === 'glossary').heading, '术语表')
    assert.equal(found.find((g) => g.kind === 'events').heading, '活动')
    for (const g of found) {
      assert.equal(g.unmarked, 0)
      assert.ok(g.marks.length > 0 && g.marks.every((m) => m === '冰雪'), `${g.kind}: ${g.marks}`)
    }
    assert.match(await page.textContent('.search-summary'), /“冰雪”共有 \d+ 条结果/)
    // The matched text is marked as Chinese for screen readers and fonts.
    assert.ok(await page.locator('.result-matches li[data-lang=zh] .highlighted[lang=zh-CN]').count())

    // Only texts in English: none has 冰雪.
    await page.selectOption('#search-lang', 'en')
    await page.waitForURL(/lang=en/)
    await searchDone()
    assert.match(await page.textContent('.search-summary'), /没有找到/)
    await page.selectOption('#search-lang', 'zh')
    await page.waitForURL(/lang=zh/)
    await searchDone()
    const langs = await page.$$eval('.result-matches [data-lang]', (items) => [...new Set(items.map((i) => i.dataset.lang))])
    assert.deepEqual(langs.filter((l) => l !== 'zh'), [], 'only Chinese texts match')

    // Open a glossary result: the term's form.
    await page.locator('section[data-kind=glossary] .result-title', { hasText: '冰雪大世界' }).click()
    await page.waitForURL(new RegExp(`/glossary/${UUID}/edit$`))
    await settle(page)
    assert.equal(await page.inputValue('#f-term-zh'), '哈尔滨冰雪大世界')
  })

  test('search in English: "symphony", one kind at a time, and an empty query', async () => {
    await useLanguage('en')
    await go('/search')
    await searchDone()
    assert.match(await page.textContent('.search-empty'), /partnerships, meetings and their minutes/)
    await headerSearch('symphony')
    const found = await groups()
    const kinds = found.map((g) => g.kind)
    for (const kind of ['organizations', 'events', 'meetings']) assert.ok(kinds.includes(kind), `${kind} in ${kinds}`)
    assert.equal(found.find((g) => g.kind === 'organizations').heading, 'Organizations')
    for (const g of found) {
      assert.equal(g.unmarked, 0)
      assert.ok(g.marks.every((m) => m.toLowerCase() === 'symphony'), `${g.kind}: ${g.marks}`)
    }
    // The jump links name each group with its count.
    assert.match(await page.textContent('.search-jump'), /Organizations\s*2/)

    // One kind: only organizations.
    await page.selectOption('#search-kind', 'organizations')
    await page.waitForURL(/kind=organizations/)
    await searchDone()
    assert.deepEqual((await groups()).map((g) => g.kind), ['organizations'])
    // The header box keeps the page's filters; the page's own box searches too.
    await page.fill('#search-q', 'orchestra')
    await page.press('#search-q', 'Enter')
    await page.waitForURL(/q=orchestra/)
    await searchDone()
    assert.equal(await page.inputValue('#site-search'), 'orchestra')
    assert.match(page.url(), /kind=organizations/)
    assert.ok((await groups())[0].results >= 2)

    // Open an organization: its form.
    await page.locator('section[data-kind=organizations] .result-title', { hasText: 'Harbin Symphony' }).click()
    await page.waitForURL(new RegExp(`/organizations/${UUID}/edit$`))
    await settle(page)
    assert.equal(await page.inputValue('#f-name-en'), 'Harbin Symphony Orchestra')

    // Punctuation alone is not a word.
    await headerSearch('!!')
    assert.match(await page.textContent('main'), /Type at least one word/)
  })

  test('a language added to a text needs review; "Mark reviewed" takes it out of the queue', async () => {
    const created = await api(server, 'POST', 'commitments', {
      partnership_id: ids.partnership,
      text: { original: 'tr', tr: 'Karşıyaka ve Harbin gençlik orkestraları arasında yaz kampı' },
      area: 'music',
      proposed_by_side: 'home',
    })
    assert.equal(created.status, 201)
    const id = (ids.commitment = created.json.id)
    const row = page.locator(`[data-queue-item="commitments/${id}/text"]`)

    // The Chinese queue lists it as missing, newest first.
    await go('/translations?lang=zh')
    await listDone('zh||')
    assert.equal(await page.textContent('main h1'), 'Translations')
    assert.equal(await page.getAttribute('.lang-tabs button[data-lang=zh]', 'aria-pressed'), 'true')
    assert.equal(await page.getAttribute('[data-queue-item] >> nth=0', 'data-queue-item'), `commitments/${id}/text`)
    assert.equal(await row.getAttribute('data-state'), 'missing')
    assert.match(await row.textContent(), /yaz kampı/)
    await row.locator('[data-action=open]').click()
    await page.waitForURL(new RegExp(`/commitments/${id}/edit#f-text-zh$`))
    await settle(page)
    await page.waitForFunction(() => document.activeElement?.id === 'f-text-zh')
    assert.equal(await page.getAttribute('.text-column[data-lang=zh]', 'data-state'), 'missing')
    await page.keyboard.type('卡尔希亚卡与哈尔滨青年管弦乐团夏令营')
    await waitAttribute('.text-column[data-lang=zh]', 'data-state', 'unreviewed')
    await page.click('button[type=submit]')
    await page.waitForURL(new RegExp(`/commitments/${id}$`))
    await settle(page)

    // The record shows the new language as a human translation that needs review.
    const zh = page.locator('.text-columns.read .text-column[data-lang=zh]')
    assert.equal(await zh.getAttribute('data-state'), 'unreviewed')
    assert.match(await zh.textContent(), /Human translation\s*Needs review/)
    const summary = page.locator('[data-translation-summary]')
    assert.match(await summary.locator('li[data-lang=zh]').textContent(), /中文:\s*Needs review/)
    assert.match(await summary.locator('li[data-lang=en]').textContent(), /English:\s*Missing/)
    let stored = (await api(server, 'GET', `commitments/${id}`)).json.text
    assert.deepEqual(stored.translations.zh, { by: 'human', reviewed: false })

    // The queue now lists it for review; "Review" opens the form, "Mark reviewed" and Save.
    await go('/translations?lang=zh&state=unreviewed')
    await listDone('zh|unreviewed|')
    assert.equal(await row.getAttribute('data-state'), 'unreviewed')
    assert.match(await row.textContent(), /卡尔希亚卡与哈尔滨青年管弦乐团夏令营/)
    await row.locator('[data-action=open]').click()
    await page.waitForURL(new RegExp(`/commitments/${id}/edit#f-text-zh$`))
    await settle(page)
    const column = page.locator('.text-column[data-lang=zh]')
    assert.match(await column.textContent(), /Human translation\s*Needs review/)
    await column.locator('[data-action=mark-reviewed]').click()
    await waitAttribute('.text-column[data-lang=zh]', 'data-state', 'reviewed')
    await page.waitForFunction(() => document.activeElement?.dataset.action === 'undo-reviewed') // focus stays on the control
    await screenshot(page, 'en', 'text-editor-review')
    await page.click('button[type=submit]')
    await page.waitForURL(new RegExp(`/commitments/${id}$`))
    await settle(page)
    assert.equal(await zh.getAttribute('data-state'), 'reviewed')
    stored = (await api(server, 'GET', `commitments/${id}`)).json.text
    assert.deepEqual(stored.translations.zh, { by: 'human', reviewed: true })

    await go('/translations?lang=zh')
    await listDone('zh||')
    assert.equal(await row.count(), 0, 'reviewed: no longer in the Chinese queue')

    // Editing the original marks the translation for review again…
    await go(`/commitments/${id}/edit`)
    await page.fill('#f-text-tr', 'Karşıyaka ve Harbin gençlik orkestraları arasında iki haftalık yaz kampı')
    await page.locator('[data-hint=original-changed]').waitFor()
    await waitAttribute('.text-column[data-lang=zh]', 'data-state', 'unreviewed')
    await page.click('button[type=submit]')
    await page.waitForURL(new RegExp(`/commitments/${id}$`))
    await go('/translations?lang=zh&state=unreviewed')
    await listDone('zh|unreviewed|')
    await row.waitFor()
    // …and a reviewer can clear it right in the queue.
    await row.locator('[data-action=mark-reviewed]').click()
    await row.waitFor({ state: 'detached' })
    assert.match(await page.textContent('[data-announcement]'), /Marked reviewed/)
    stored = (await api(server, 'GET', `commitments/${id}`)).json.text
    assert.equal(stored.translations.zh.reviewed, true)
    assert.equal(stored.tr, 'Karşıyaka ve Harbin gençlik orkestraları arasında iki haftalık yaz kampı')

    // The English queue still asks for a translation.
    await go('/translations?lang=zh')
    await page.click('.lang-tabs button[data-lang=en]')
    await listDone('en||')
    assert.equal(await row.getAttribute('data-state'), 'missing')
  })

  test('screenshots and accessibility of the new screens in three languages', async (t) => {
    const screens = [
      ['search', '/search?q=izmir'],
      ['search-zh-query', '/search?q=%E5%86%B0%E9%9B%AA'],
      ['search-none', '/search?q=karsiyaka&accents=sensitive'],
      ['search-empty', '/search'],
      ['translations', '/translations?lang=en'],
      ['translations-unreviewed', '/translations?lang=zh&state=unreviewed'],
      ['glossary', '/glossary'],
      ['glossary-form', `/glossary/${ids.term}/edit`],
      ['glossary-new', '/glossary/new'],
      ['commitment-translations', `/commitments/${ids.commitment}`],
      ['commitment-form-translations', `/commitments/${ids.commitment}/edit`],
    ]
    const found = []
    for (const lang of ['en', 'tr', 'zh']) {
      await useLanguage(lang)
      for (const [name, path] of screens) {
        await go(path)
        const text = await page.innerText('body')
        assert.doesNotMatch(text, RAW_KEY, `${lang} ${name} shows a message key`)
        if (lang !== 'en') assert.doesNotMatch(text, /\b(Search|Translations|Glossary|Needs review|Missing|Reviewed)\b/, `${lang} ${name} shows English`)
        await screenshot(page, lang, name)
        for (const v of await seriousViolations(page)) found.push(`${lang} ${name}: ${v.impact} ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`)
      }
    }
    t.diagnostic(`screenshots in ${SCREENSHOTS}/{en,tr,zh}`)
    assert.deepEqual(found, [], `axe-core found serious or critical violations:\n${found.join('\n')}`)
  })

  test('glossary: archive a term; it leaves the list and the search', async () => {
    await useLanguage('en')
    await go(`/glossary/${ids.term}/edit`)
    page.once('dialog', (dialog) => dialog.accept())
    await page.click('[data-action=archive]')
    await page.waitForURL(/\/glossary$/)
    await settle(page)
    assert.equal(await page.locator('[data-glossary]', { hasText: 'Karşıyaka Belediyesi' }).count(), 0)
    await headerSearch('karsiyaka')
    assert.ok(!(await groups()).some((g) => g.kind === 'glossary'), 'the archived term is not found')
  })

  test('no script error or console error during the run', () => {
    assert.deepEqual(problems, [])
  })
})
