// Nominations to the host side (docs/EXCHANGE.md "Nominations to the host side"): sent from a
// locked allocation run, decided by the host (accept, or reject with a reason).
import { request } from '../api/client'
import type { Direction } from './agreements'

export type NominationStatus = 'sent' | 'accepted' | 'rejected' | 'withdrawn'

export interface Nomination {
  id: string
  run_id: string
  call_id: string
  agreement_id: string
  condition_id: string
  personal_data: 'shared_on_purpose'
  name_native: string
  name_latin: string
  home_institution_id: string
  home_department: string
  host_institution_id: string
  host_department: string
  isced_code: string
  level: string
  academic_year: string
  direction: Direction
  months: number
  language: string
  language_level: string
  sent_at: string
  sent_by_email: string
  status: NominationStatus
  decided_at: string | null
  decided_by_email: string | null
  reason: string
}

const enc = encodeURIComponent

/** A send: the new nominations (`items`), those of earlier runs kept for the same seat, and those withdrawn. */
export interface NominationSend {
  run_id: string
  items: Nomination[]
  kept: Nomination[]
  withdrawn: Nomination[]
}
export function sendNominations(runId: string): Promise<NominationSend> {
  return request('POST', `exchange-runs/${enc(runId)}/nominations`)
}
export function listRunNominations(runId: string): Promise<{ run_id: string; items: Nomination[] }> {
  return request('GET', `exchange-runs/${enc(runId)}/nominations`)
}
export function listAgreementNominations(agreementId: string): Promise<{ agreement_id: string; items: Nomination[] }> {
  return request('GET', `exchange-agreements/${enc(agreementId)}/nominations`)
}
export function decideNomination(id: string, decision: 'accept' | 'reject', reason = ''): Promise<Nomination> {
  return request('POST', `exchange-nominations/${enc(id)}/decision`, { body: reason ? { decision, reason } : { decision } })
}
/** Whether the user decides for the host of `n`: partner users for home → partner, officers otherwise. */
export function decidesFor(role: string | undefined, n: Nomination): boolean {
  if (n.direction === 'home_to_partner') return role === 'partner'
  return role === 'admin' || role === 'officer'
}
