// Exports in real Chromium: the commitments table filtered by status exported as XLSX (the file
// read back by openpyxl holds the list's rows), and in Turkish the glossary as CSV for Excel (a
// byte-order mark, ';', Turkish column names); an agreement's seat grid and calls, a fair's
// exhibitors, the register's health, the translation queue, the notices, and the admin's users
// (filtered by role) and security log; the open menu passes axe.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { api, openSession, seriousViolations, useLanguage, visit } from './harness.mjs'

const READ_TABLE = resolve(dirname(fileURLToPath(import.meta.url)), '../read_table.py')

function readTable(path, excel = false) {
  return JSON.parse(execFileSync('/usr/bin/python3', [READ_TABLE, path, ...(excel ? ['--excel'] : [])], { encoding: 'utf8' }))
}

describe('Amity web UI: exports', () => {
  let session, server, page, problems, folder

  before(async () => {
    session = await openSession()
    ;({ server, page, problems } = session)
    folder = mkdtempSync(join(tmpdir(), 'amity-exports-'))
  })

  after(async () => {
    await session?.close()
    rmSync(folder, { recursive: true, force: true })
    assert.deepEqual(problems, [])
  })

  /** Downloads `choice` from the Export menu inside `scope` (the page's only one by default). */
  async function exportFrom(choice, scope = page) {
    await scope.locator('.export-menu summary').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${choice}"]`).click()])
    const path = join(folder, download.suggestedFilename())
    await download.saveAs(path)
    return { path, name: download.suggestedFilename() }
  }

  test('the filtered commitments table downloads as XLSX', async () => {
    await visit(page, server, '/commitments?view=table&status=agreed')
    await page.locator('.export-menu summary').click()
    await page.locator('[data-export="commitments:xlsx"]').waitFor()
    assert.deepEqual(await seriousViolations(page), [])
    await page.locator('.export-menu summary').click() // closed again
    const { path, name } = await exportFrom('commitments:xlsx')
    assert.match(name, /^commitments-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const table = readTable(path)
    const list = await api(server, 'GET', 'commitments?status=agreed&sort=due_date&limit=200')
    assert.equal(list.status, 200)
    assert.ok(list.json.items.length > 0)
    assert.deepEqual(
      table.rows.slice(1).map((row) => row[0]),
      list.json.items.map((item) => item.id),
    )
    assert.equal(table.rows[0][0], 'ID')
    assert.ok(table.rows[0].includes('Commitment'))
  })

  test("an exchange agreement's seat grid downloads as XLSX in Chinese", async () => {
    const agreement = (await api(server, 'GET', 'exchange-agreements')).json.items[0]
    const grid = (await api(server, 'GET', `exchange-agreements/${agreement.id}/seats`)).json
    await useLanguage(page, server, 'zh')
    await visit(page, server, `/agreements/${agreement.id}`)
    await page.locator('table[data-seat-grid]').waitFor()
    const { path, name } = await exportFrom(`exchange-agreements/${agreement.id}/seats:xlsx`, page.locator('section[aria-labelledby="a-seats"]'))
    assert.match(name, /^seats-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const table = readTable(path)
    assert.equal(table.rows[0][0], '学年')
    assert.equal(table.rows.length, grid.rows.length + 1)
    assert.deepEqual(
      table.rows.slice(1).map((row) => [row[0], row[5]]),
      grid.rows.map((row) => [row.academic_year, row.seats]),
    )
    await useLanguage(page, server, 'en')
  })

  test("an agreement's calls and a fair's exhibitors download as their lists", async () => {
    const agreement = (await api(server, 'GET', 'exchange-agreements')).json.items[0]
    const calls = (await api(server, 'GET', `exchange-agreements/${agreement.id}/calls`)).json.items
    assert.ok(calls.length > 0)
    await visit(page, server, `/agreements/${agreement.id}`)
    const section = page.locator('section[aria-labelledby="a-calls"]')
    await section.locator('[data-calls] li').first().waitFor()
    const { path, name } = await exportFrom(`exchange-agreements/${agreement.id}/calls:csv`, section)
    assert.match(name, /^calls-\d{4}-\d{2}-\d{2}\.csv$/)
    assert.deepEqual(
      readTable(path).rows.slice(1).map((row) => row[0]),
      calls.map((call) => call.id),
    )

    const exhibitors = (await api(server, 'GET', 'exhibitors?limit=200')).json.items
    assert.ok(exhibitors.length > 0)
    const fair = exhibitors[0].event_id
    await visit(page, server, `/events/${fair}`)
    const card = page.locator('section.fair-exhibitors')
    await card.locator('[data-exhibitor]').first().waitFor()
    const exported = readTable((await exportFrom('exhibitors:xlsx', card)).path)
    const listed = (await api(server, 'GET', `exhibitors?event_id=${fair}&limit=200`)).json.items
    assert.deepEqual(
      exported.rows.slice(1).map((row) => row[0]),
      listed.map((item) => item.id),
    )
  })

  test("the admin's users, filtered by role, and the security log download", async () => {
    await visit(page, server, '/users?role=admin')
    const { path } = await exportFrom('users:xlsx')
    const table = readTable(path)
    const admins = (await api(server, 'GET', 'users?role=admin')).json.items
    assert.deepEqual(
      table.rows.slice(1).map((row) => row[0]),
      admins.map((user) => user.id),
    )
    assert.ok(!readFileSync(path).includes(server.admin.password))

    await visit(page, server, '/audit?kind=login')
    await page.locator('.export-menu summary').click()
    assert.deepEqual(await seriousViolations(page), [])
    await page.locator('.export-menu summary').click()
    const log = readTable((await exportFrom('audit:csv')).path)
    const logins = (await api(server, 'GET', 'audit?kind=login&limit=200')).json.items
    assert.ok(logins.length > 0)
    assert.deepEqual(
      log.rows.slice(1).map((row) => row[0]),
      logins.map((event) => String(event.id)),
    )
  })

  test("the register's health, the translation queue and the notices download", async () => {
    await visit(page, server, '/partnerships')
    await page.locator('.data-table tbody tr').first().waitFor()
    const health = readTable((await exportFrom('partnership-health:csv')).path)
    const listed = (await api(server, 'GET', 'partnership-health?limit=200')).json.items
    assert.ok(listed.length > 0)
    assert.deepEqual(
      health.rows.slice(1).map((row) => row[0]),
      listed.map((item) => item.partnership_id),
    )

    await visit(page, server, '/translations?lang=zh&state=missing')
    const queue = readTable((await exportFrom('translations:xlsx')).path)
    const total = (await api(server, 'GET', 'translations?lang=zh&state=missing&limit=1')).json.total
    assert.equal(queue.rows.length - 1, total)

    await visit(page, server, '/notices')
    const bell = (await api(server, 'GET', 'notices')).json.items
    if (bell.length > 0) {
      const notices = readTable((await exportFrom('notices:csv')).path)
      assert.deepEqual(
        notices.rows.slice(1).map((row) => row[0]),
        bell.map((notice) => notice.id),
      )
    }
  })

  test('in Turkish, the glossary downloads as CSV for Excel', async () => {
    await useLanguage(page, server, 'tr')
    await visit(page, server, '/glossary')
    const { path } = await exportFrom('glossary:excelCsv')
    const bytes = readFileSync(path)
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const table = readTable(path, true)
    assert.equal(table.bom, true)
    assert.ok(table.rows[0].includes('Tür'), table.rows[0].join(' | '))
    const list = await api(server, 'GET', 'glossary?limit=200')
    assert.equal(table.rows.length - 1, list.json.items.length)
  })
})
