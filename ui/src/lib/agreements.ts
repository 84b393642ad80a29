// Exchange agreements as the API gives them (docs/API.md, "Exchange agreements"): their types,
// the calls the screens make, the ISCED-F table read once, and who may write or approve (the
// rules of src/api/exchange_agreements.cpp: home officers write and approve for home, partner
// users approve for their side).
import { ref } from 'vue'
import { request } from '../api/client'
import { AGREEMENT_DIRECTIONS, STUDY_LEVELS, type Lang } from '../api/types'
import { cityName, partnershipById } from './refdata'
import { session } from './session'

export const DIRECTIONS = AGREEMENT_DIRECTIONS
export const LEVELS = STUDY_LEVELS
export const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const
export type Direction = (typeof DIRECTIONS)[number]
export type Side = 'home' | 'partner'

export interface Condition {
  id?: string
  direction: Direction
  host_institution_id?: string
  host_department: string
  isced_code: string
  level: (typeof LEVELS)[number]
  seats_per_year: number
  months_per_student: number
  language: string
  min_cefr: (typeof CEFR)[number]
  extra_requirements?: string
}

export interface Approval {
  id: string
  side: Side
  user_id: string
  user_email: string
  approved_at: string
  content_hash: string
  superseded_at: string | null
}

export interface ContentChange {
  kind: 'field' | 'added' | 'removed' | 'changed'
  field: string
  condition_id: string
  before: string
  after: string
}

export interface Agreement {
  id: string
  partnership_id: string
  home_institution_id: string
  partner_institution_id: string
  first_year: string
  last_year: string
  academic_years: string[]
  state: 'draft' | 'proposed' | 'approved'
  visibility: 'private' | 'shared'
  content_hash: string
  conditions: Condition[]
  approvals: Approval[]
  changes_since_approval: { approval: Approval; changes: ContentChange[] } | null
  version: number
  created_by: string | null
  created_at: string
  updated_at: string
}

export interface SeatFigures {
  academic_year: string
  direction: Direction
  seats: number
  applications: number | null
  allocated: number | null
  accepted: number
  declined: number
  free: number | null
}
export interface SeatGrid {
  agreement_id: string
  rows: (SeatFigures & { condition_id: string; isced_code: string; level: string; host_department: string })[]
  totals: SeatFigures[]
}

export interface IscedField {
  code: string
  level: 'broad' | 'narrow' | 'detailed'
  parent: string | null
  name: Record<Lang, string>
}

const PATH = 'exchange-agreements'

export function listAgreements(partnershipId: string): Promise<{ items: Agreement[] }> {
  return request('GET', PATH, { query: { partnership_id: partnershipId } })
}
export function getAgreement(id: string): Promise<Agreement> {
  return request('GET', `${PATH}/${encodeURIComponent(id)}`)
}
export function createAgreement(body: Record<string, unknown>): Promise<Agreement> {
  return request('POST', PATH, { body })
}
export function updateAgreement(agreement: Agreement, body: Record<string, unknown>): Promise<Agreement> {
  return request('PATCH', `${PATH}/${encodeURIComponent(agreement.id)}`, { body, version: agreement.version })
}
export function proposeAgreement(agreement: Agreement): Promise<Agreement> {
  return request('POST', `${PATH}/${encodeURIComponent(agreement.id)}/propose`)
}
/** Approves the content as read (its hash): a change made meanwhile answers 409 stale_hash. */
export function approveAgreement(agreement: Agreement): Promise<Agreement> {
  return request('POST', `${PATH}/${encodeURIComponent(agreement.id)}/approvals`, { body: { hash: agreement.content_hash } })
}
export function seatGrid(agreement: Agreement): Promise<SeatGrid> {
  return request('GET', `${PATH}/${encodeURIComponent(agreement.id)}/seats`)
}

/** The ISCED-F table, read once per page load. */
export const isced = ref<IscedField[]>([])
let reading: Promise<void> | null = null
export function needIsced(): Promise<void> {
  reading ??= request<{ items: IscedField[] }>('GET', 'isced-fields').then((answer) => {
    isced.value = answer.items
  })
  return reading
}
export function iscedName(code: string, lang: string): string {
  const field = isced.value.find((f) => f.code === code)
  return field ? `${code} ${field.name[lang as Lang] ?? field.name.en}` : code
}

/** Home officers and admins write agreements. */
export function canWriteAgreements(): boolean {
  const role = session.user?.role
  return role === 'admin' || role === 'officer'
}
/** The side the user approves for, or null when the role does not approve. */
export function approvingSide(): Side | null {
  const role = session.user?.role
  if (role === 'admin' || role === 'officer') return 'home'
  if (role === 'partner') return 'partner'
  return null
}
/** The first 12 hex digits of a content hash, as shown beside approvals. */
export function hashPrefix(hash: string): string {
  return hash.slice(0, 12)
}

/**
 * A direction as the two cities it goes between ("İzmir → Harbin"), the same for both sides;
 * `generic` (e.g. "Home → partner") until the partnership and its cities are loaded.
 */
export function directionLabel(partnershipId: string, direction: Direction, generic: string): string {
  const partnership = partnershipById(partnershipId)
  const home = cityName(partnership?.home_city_id)
  const partner = cityName(partnership?.partner_city_id)
  if (!home || !partner) return generic
  return direction === 'home_to_partner' ? `${home} → ${partner}` : `${partner} → ${home}`
}
