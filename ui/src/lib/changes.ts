// The change trail in words: each entry's changed fields with their values before and after,
// as a person reads them — names instead of ids, labels instead of codes, one row per language
// of a translatable text, dates and instants in the viewer's language and time zone.
import { LANGS, type ChangeEntry, type Lang, type Text } from '../api/types'
import { NATIVE_NAME } from '../i18n'
import { formatDate, formatNumber, formatStamp } from './format'
import { fieldLabelKey } from './records'
import { cityName, organizationName, partnershipLabel, personName } from './refdata'

type T = (key: string, ...args: unknown[]) => string
type Te = (key: string) => boolean

export interface ChangeValue {
  text: string
  /** the language of a text value, for the html lang attribute */
  lang?: Lang
  /** where the value leads (a meeting) */
  link?: string
}
export interface ChangeRow {
  field: string
  label: string
  before: ChangeValue
  after: ChangeValue
}

/** Bookkeeping the trail records but a person does not need to read. */
const SKIPPED = new Set(['id', 'version', 'created_at', 'updated_at', 'instance_id', 'created_by', 'archived'])
const NONE: ChangeValue = { text: '—' }

const REFERENCES: Record<string, (id: string) => string> = {
  partnership_id: (id) => partnershipLabel(id),
  city_id: cityName,
  home_city_id: cityName,
  partner_city_id: cityName,
  organization_id: organizationName,
  person_id: personName,
  proposed_by_person_id: personName,
  home_owner_id: personName,
  partner_owner_id: personName,
}

function enumGroup(resource: string, field: string): string | undefined {
  if (field === 'status') return ({ commitments: 'enum.status', events: 'enum.eventStatus', partnerships: 'enum.pstatus' } as Record<string, string>)[resource]
  if (field === 'kind') {
    return ({ meetings: 'enum.meetingKind', events: 'enum.eventKind', organizations: 'enum.orgKind', glossary: 'enum.glossaryKind' } as Record<string, string>)[resource]
  }
  return ({ tier: 'enum.tier', proposed_by_side: 'enum.proposer', area: 'area', visibility: 'visibility' } as Record<string, string>)[field]
}

function isText(value: unknown): value is Text {
  return !!value && typeof value === 'object' && !Array.isArray(value) && 'original' in value
}

function short(text: string, max = 280): string {
  const chars = Array.from(text)
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text
}

/** A shortened id for a record the viewer's caches do not know (archived, or not visible). */
function unknownId(id: string): string {
  return `#${id.slice(-6)}`
}

export function describeValue(resource: string, field: string, value: unknown, t: T, te: Te): ChangeValue {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return NONE
  const label = (group: string, code: unknown) => (te(`${group}.${code}`) ? t(`${group}.${code}`) : String(code))
  if (typeof value === 'boolean') return { text: value ? t('common.yes') : t('common.no') }
  if (typeof value === 'number') return { text: formatNumber(value) }
  if (typeof value === 'string') {
    const reference = REFERENCES[field]
    if (reference) return { text: reference(value) || unknownId(value) }
    if (field === 'meeting_id') return { text: t('history.aMeeting'), link: `/meetings/${encodeURIComponent(value)}` }
    const group = enumGroup(resource, field)
    if (group) return { text: label(group, value) }
    if (field === 'due_date' || field === 'date') return { text: formatDate(value) }
    if (field === 'starts_at' || field === 'ends_at') return { text: formatStamp(value) }
    return { text: short(value) }
  }
  if (Array.isArray(value)) {
    if (field === 'areas') return { text: value.map((a) => label('area', a)).join(', ') }
    if (field === 'commitment_ids') return { text: t('history.commitmentCount', { n: formatNumber(value.length) }, value.length) }
    if (field === 'languages') return { text: value.map((l) => NATIVE_NAME[l as Lang] ?? String(l)).join(', ') }
    if (field === 'milestones') {
      return {
        text: value
          .map((m) => [label('enum.milestone', m?.kind), formatDate(m?.date), m?.reference].filter(Boolean).join(' '))
          .join('; '),
      }
    }
    if (field === 'focal_points') {
      return { text: value.map((f) => `${personName(f?.person_id) || unknownId(String(f?.person_id))} (${label('enum.side', f?.side)})`).join('; ') }
    }
    if (field === 'evidence_links') {
      return { text: value.map((l) => (l?.title && l.title !== l.url ? `${l.title} (${l?.url})` : String(l?.url))).join('; ') }
    }
    if (field === 'participants') {
      return {
        text: value
          .map((p) => `${personName(p?.person_id) || unknownId(String(p?.person_id))} (${label('enum.side', p?.side)}, ${label('enum.role', p?.role)})`)
          .join('; '),
      }
    }
    return { text: value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') }
  }
  if (field === 'contact' && typeof value === 'object') {
    const c = value as { email?: string | null; phone?: string | null }
    return { text: [c.email, c.phone].filter(Boolean).join(' · ') || '—' }
  }
  return { text: short(JSON.stringify(value)) }
}

function fieldLabel(resource: string, field: string, t: T, te: Te): string {
  const key = fieldLabelKey(resource, field)
  return te(key) ? t(key) : field
}

/** The rows of one translatable text: each language whose wording, or review, changed. */
function textRows(field: string, label: string, before: Text | null, after: Text | null, t: T): ChangeRow[] {
  const rows: ChangeRow[] = []
  if (before && after && before.original !== after.original) {
    rows.push({
      field,
      label: `${label} · ${t('text.original')}`,
      before: { text: NATIVE_NAME[before.original] ?? before.original },
      after: { text: NATIVE_NAME[after.original] ?? after.original },
    })
  }
  for (const lang of LANGS) {
    const was = before?.[lang] ?? ''
    const now = after?.[lang] ?? ''
    const rowLabel = `${label} · ${NATIVE_NAME[lang]}`
    if (was !== now) {
      rows.push({ field, label: rowLabel, before: was ? { text: short(was), lang } : NONE, after: now ? { text: short(now), lang } : NONE })
      continue
    }
    const reviewedBefore = !!before?.translations?.[lang]?.reviewed
    const reviewedAfter = !!after?.translations?.[lang]?.reviewed
    if (now && lang !== after?.original && reviewedBefore !== reviewedAfter) {
      const state = (reviewed: boolean) => ({ text: reviewed ? t('text.reviewed') : t('text.needsReview') })
      rows.push({ field, label: rowLabel, before: state(reviewedBefore), after: state(reviewedAfter) })
    }
  }
  return rows
}

/** What one change did, field by field (nothing for a creation or an archiving). */
export function changeRows(entry: ChangeEntry, t: T, te: Te): ChangeRow[] {
  if (entry.op === 'create' || entry.op === 'archive') return []
  const before = entry.before ?? {}
  const after = entry.after ?? {}
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((f) => !SKIPPED.has(f))
  const rows: ChangeRow[] = []
  for (const field of fields) {
    const label = fieldLabel(entry.entity, field, t, te)
    const was = before[field]
    const now = after[field]
    if (isText(was) || isText(now)) {
      rows.push(...textRows(field, label, isText(was) ? was : null, isText(now) ? now : null, t))
      continue
    }
    if (JSON.stringify(was ?? null) === JSON.stringify(now ?? null)) continue
    rows.push({ field, label, before: describeValue(entry.entity, field, was, t, te), after: describeValue(entry.entity, field, now, t, te) })
  }
  return rows
}

/** Who made a change: the e-mail address, or "the system" (demo data, the command line). */
export function actorLabel(actor: string | null | undefined, t: T): string {
  if (!actor || actor === 'system' || actor === 'anonymous') return t('history.system')
  return actor
}
