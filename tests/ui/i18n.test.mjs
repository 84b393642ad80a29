// Every message key exists in Turkish, Chinese and English, with the same placeholders and
// sensible plural forms; every key the UI source names exists; every enumerated value the API
// can send has a label. Fails with the list of what is missing.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const uiDir = resolve(process.env.AMITY_UI_DIR ?? join(here, '..', '..', 'ui'))
const LANGS = ['tr', 'zh', 'en']
const messages = Object.fromEntries(
  LANGS.map((lang) => [lang, JSON.parse(readFileSync(join(uiDir, 'src', 'locales', `${lang}.json`), 'utf8'))]),
)

function flatten(object, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value && typeof value === 'object') flatten(value, path, out)
    else out.set(path, value)
  }
  return out
}
const flat = Object.fromEntries(LANGS.map((lang) => [lang, flatten(messages[lang])]))
const allKeys = new Set(LANGS.flatMap((lang) => [...flat[lang].keys()]))

function sourceFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(vue|ts)$/.test(name) ? [full] : []
  })
}
const sources = sourceFiles(join(uiDir, 'src')).map((file) => ({ file, text: readFileSync(file, 'utf8') }))

test('every key exists in tr, zh and en', () => {
  const missing = []
  for (const key of allKeys) {
    for (const lang of LANGS) if (!flat[lang].has(key)) missing.push(`${lang}: ${key}`)
  }
  assert.deepEqual(missing, [], `missing translations:\n${missing.join('\n')}`)
})

test('no message is empty or left untranslated as a key', () => {
  const bad = []
  for (const lang of LANGS) {
    for (const [key, value] of flat[lang]) {
      if (typeof value !== 'string' || !value.trim()) bad.push(`${lang}: ${key} is empty`)
      else if (value === key) bad.push(`${lang}: ${key} is its own key`)
    }
  }
  assert.deepEqual(bad, [], bad.join('\n'))
})

test('no message uses vue-i18n syntax by accident (a bare @ starts a linked message)', () => {
  const bad = []
  for (const lang of LANGS) {
    for (const [key, value] of flat[lang]) {
      if (/@/.test(String(value).replace(/\{'@'\}/g, ''))) bad.push(`${lang}: ${key} has a bare @ (write {'@'})`)
    }
  }
  assert.deepEqual(bad, [], bad.join('\n'))
})

test('placeholders agree across languages', () => {
  const names = (value) => [...new Set([...String(value).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()
  const bad = []
  for (const key of flat.en.keys()) {
    const want = names(flat.en.get(key))
    for (const lang of ['tr', 'zh']) {
      const got = names(flat[lang].get(key) ?? '')
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${lang}: ${key} has {${got}} but en has {${want}}`)
    }
  }
  assert.deepEqual(bad, [], bad.join('\n'))
})

test('plural forms: English has one | other where Turkish and Chinese have one form', () => {
  const bad = []
  for (const [key, value] of flat.en) {
    const forms = String(value).split('|').length
    if (forms > 2) bad.push(`en: ${key} has ${forms} forms`)
    for (const lang of ['tr', 'zh']) {
      const other = String(flat[lang].get(key) ?? '').split('|').length
      if (other > 1) bad.push(`${lang}: ${key} has ${other} plural forms; Turkish and Chinese use one`)
    }
  }
  assert.deepEqual(bad, [], bad.join('\n'))
})

test('every key named in the source exists', () => {
  const missing = []
  const pattern = /(?:\$t|\bt|\bte)\(\s*'([a-zA-Z0-9_.]+)'/g
  const routeTitles = /(?:title|key): '([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g
  for (const { file, text } of sources) {
    for (const regex of [pattern, routeTitles]) {
      for (const match of text.matchAll(regex)) {
        if (!allKeys.has(match[1])) missing.push(`${file.slice(uiDir.length + 1)}: ${match[1]}`)
      }
    }
  }
  assert.deepEqual(missing, [], `keys used but not defined:\n${missing.join('\n')}`)
})

test('every value of every enumeration has a label', () => {
  const types = readFileSync(join(uiDir, 'src', 'api', 'types.ts'), 'utf8')
  const arrays = {}
  for (const match of types.matchAll(/export const (\w+)(?::[^=]+)? = \[([^\]]*)\]/g)) {
    arrays[match[1]] = [...match[2].matchAll(/'([a-z0-9_]+)'/g)].map((m) => m[1])
  }
  const groups = {
    'enum.tier': 'TIERS',
    'enum.pstatus': 'PARTNERSHIP_STATUSES',
    'enum.milestone': 'MILESTONE_KINDS',
    'enum.side': 'SIDES',
    'enum.role': 'ROLES',
    'enum.meetingKind': 'MEETING_KINDS',
    'enum.status': 'COMMITMENT_STATUSES',
    'enum.proposer': 'PROPOSER_SIDES',
    'enum.eventKind': 'EVENT_KINDS',
    'enum.eventStatus': 'EVENT_STATUSES',
    'enum.orgKind': 'ORGANIZATION_KINDS',
    area: 'AREA_CODES',
    'enum.glossaryKind': 'GLOSSARY_KINDS',
    recordKinds: 'RECORD_KINDS',
    recordKind: 'RECORD_KINDS',
    'text.by': 'TRANSLATORS',
    'translations.state': 'QUEUE_STATES',
    'enum.userRole': 'USER_ROLES',
    'users.roleHint': 'USER_ROLES',
    visibility: 'VISIBILITIES',
    'visibility.hint': 'VISIBILITIES',
    'audit.kind': 'AUDIT_KINDS',
    'history.op': 'CHANGE_OPS',
    'files.kindName': 'FILE_KINDS',
    'health.state': 'HEALTH_STATES',
    'offline.kind': 'OUTBOX_KINDS',
    'offline.state': 'OUTBOX_STATES',
    'notices.kind': 'NOTICE_KINDS',
    'mail.state': 'MAIL_STATES',
    'enum.agreementState': 'AGREEMENT_STATES',
    'agreement.direction': 'AGREEMENT_DIRECTIONS',
    'agreement.level': 'STUDY_LEVELS',
    'enum.callWindow': 'CALL_WINDOWS',
    'enum.applicationStatus': 'APPLICATION_STATUSES',
    'application.event': 'APPLICATION_EVENTS',
    'application.field': 'APPLICATION_FIELDS',
    'application.rule': 'ELIGIBILITY_RULES',
    'run.why': 'REFUSALS',
    'federation.state': 'PEER_STATES',
    'federation.role': 'PEER_ROLES',
    sector: 'SECTORS',
    certification: 'CERTIFICATIONS',
    'product.unit': 'PRODUCT_UNITS',
    'lead.status': 'LEAD_STATUSES',
    'lead.source': 'LEAD_SOURCES',
    'lead.lostReason': 'LOST_REASONS',
    'approvals.kind': 'AGREEMENT_TEXT_KINDS',
    'approvals.step': 'LEGAL_STEP_KINDS',
  }
  const missing = []
  for (const [group, name] of Object.entries(groups)) {
    assert.ok(arrays[name]?.length, `types.ts has no ${name}`)
    for (const value of arrays[name]) {
      for (const lang of LANGS) if (!flat[lang].has(`${group}.${value}`)) missing.push(`${lang}: ${group}.${value}`)
    }
  }
  // Dynamic keys built in templates: each prefix must be one of the groups above or known here.
  const known = new Set([...Object.keys(groups), 'enum', 'agenda', 'directory', 'directory.new', 'partnership.tl', 'fields', 'problem', 'account.tokenState'])
  for (const { file, text } of sources) {
    for (const match of text.matchAll(/\$?t\(`([a-zA-Z.]+)\.\$\{/g)) {
      if (!known.has(match[1])) missing.push(`${file.slice(uiDir.length + 1)}: unchecked dynamic key prefix ${match[1]}`)
    }
  }
  assert.deepEqual(missing, [], missing.join('\n'))
})

test('Turkish uses its own letters and Chinese is Simplified', () => {
  const turkish = [...flat.tr.values()].join(' ')
  for (const letter of ['İ', 'ı', 'ş', 'ğ', 'ç', 'ö', 'ü']) assert.ok(turkish.includes(letter), `no ${letter} in tr.json`)
  const chinese = [...flat.zh.values()].join(' ')
  // A few Traditional forms that must not appear in Simplified Chinese.
  for (const traditional of ['會', '與', '劃', '進', '數', '時', '區', '據', '們', '個']) {
    assert.ok(!chinese.includes(traditional), `Traditional ${traditional} in zh.json`)
  }
})
