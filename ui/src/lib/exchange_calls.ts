// Calls for applications and applications as the API gives them (docs/API.md, "Calls and
// applications"): their types and the requests the screens make. Applications are personal data:
// the server answers 404 to partner users, so only home roles' screens ask for them; officers and
// admins write (the rules of src/api/exchange_calls.cpp).
import { request } from '../api/client'
import type { APPLICATION_EVENTS, APPLICATION_STATUSES, CALL_WINDOWS, ELIGIBILITY_RULES, REFUSALS } from '../api/types'
import type { Direction } from './agreements'

export interface CallCondition {
  id: string
  host_institution_id: string
  host_department: string
  isced_code: string
  level: 'bachelor' | 'master' | 'doctoral'
  seats: number
  months_per_student: number
  language: string
  min_cefr: string
  extra_requirements: string
}

export interface ExchangeCall {
  id: string
  agreement_id: string
  partnership_id: string
  academic_year: string
  direction: Direction
  opens_on: string
  closes_on: string
  time_zone: string
  closes_at: string
  window: (typeof CALL_WINDOWS)[number]
  academic_weight: number
  language_weight: number
  scales: number[]
  max_choices: number
  tie_seed: string
  conditions: CallCondition[]
  created_by: string | null
  created_at: string
}

export interface LanguageResult {
  language: string
  result: string
}

export interface Failure {
  rule: (typeof ELIGIBILITY_RULES)[number]
  required: string
  stated: string
}

export interface ApplicationEvent {
  kind: (typeof APPLICATION_EVENTS)[number]
  at: string
  user_email: string
  late: boolean
  fields: string[]
  reason: string
}

export interface ExchangeApplication {
  id: string
  call_id: string
  visibility: 'private'
  status: (typeof APPLICATION_STATUSES)[number]
  name_native: string
  name_latin: string
  student_number: string
  home_department: string
  isced_code: string
  level: 'bachelor' | 'master' | 'doctoral'
  academic_average: number
  average_scale: number
  language_score: number
  language_results: LanguageResult[]
  choices: string[]
  score: string
  eligible_choices: number
  eligibility: { rank: number; condition_id: string; eligible: boolean; failures: Failure[] }[]
  history: ApplicationEvent[]
  version: number
  created_at: string
  updated_at: string
}

const enc = encodeURIComponent

export function listCalls(agreementId: string): Promise<{ items: ExchangeCall[] }> {
  return request('GET', `exchange-agreements/${enc(agreementId)}/calls`)
}
export function createCall(agreementId: string, body: Record<string, unknown>): Promise<ExchangeCall> {
  return request('POST', `exchange-agreements/${enc(agreementId)}/calls`, { body })
}
export function getCall(id: string): Promise<ExchangeCall> {
  return request('GET', `exchange-calls/${enc(id)}`)
}
export function listApplications(callId: string): Promise<{ call_id: string; items: ExchangeApplication[] }> {
  return request('GET', `exchange-calls/${enc(callId)}/applications`)
}
export function createApplication(callId: string, body: Record<string, unknown>): Promise<ExchangeApplication> {
  return request('POST', `exchange-calls/${enc(callId)}/applications`, { body })
}
export function getApplication(id: string): Promise<ExchangeApplication> {
  return request('GET', `exchange-applications/${enc(id)}`)
}
/**
 * Changes an application (If-Match: its version): only the fields in `body`, with `reason` kept in
 * its history (the server asks for one after the call's closing: a late change).
 */
export function updateApplication(application: ExchangeApplication, body: Record<string, unknown>): Promise<ExchangeApplication> {
  return request('PATCH', `exchange-applications/${enc(application.id)}`, { body, version: application.version })
}
export function withdrawApplication(application: ExchangeApplication, reason: string): Promise<ExchangeApplication> {
  return request('POST', `exchange-applications/${enc(application.id)}/withdrawal`, { body: { reason } })
}

/** A number as typed ("3,47" or "3.47") for the API; null when blank (the server names it). */
export function numberOf(text: string): number | string | null {
  const trimmed = text.trim().replace(',', '.')
  if (!trimmed) return null
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : trimmed
}

export interface RunCutoff {
  condition_id: string
  seats: number
  admitted: number
  cutoff_score: string | null
}

export interface RunExplanation {
  rank: number
  condition_id: string
  reason: (typeof REFUSALS)[number]
  cutoff_score: string
  own_score: string
  decided_by_lottery: boolean
}

export interface Placement {
  application_id: string
  condition_id: string | null
  rank: number
  score: string
  lottery: string
  explanation: RunExplanation[]
}

export interface AllocationRun {
  id: string
  call_id: string
  created_at: string
  created_by_email: string
  previous_run_id: string | null
  seed: string
  formula: string
  code_version: string
  input_hash: string
  result_hash: string
  cutoffs: RunCutoff[]
  locked_at: string | null
  locked_by_email: string | null
  placements?: Placement[]
}

export function listRuns(callId: string): Promise<{ call_id: string; items: AllocationRun[] }> {
  return request('GET', `exchange-calls/${enc(callId)}/runs`)
}
export function getRun(id: string): Promise<AllocationRun> {
  return request('GET', `exchange-runs/${enc(id)}`)
}
export function createRun(callId: string): Promise<AllocationRun> {
  return request('POST', `exchange-calls/${enc(callId)}/runs`)
}
export function lockRun(run: AllocationRun): Promise<AllocationRun> {
  return request('POST', `exchange-runs/${enc(run.id)}/lock`)
}
/** The run whose result stands: the latest locked one, else the latest. */
export function standingRun(runs: AllocationRun[]): AllocationRun | undefined {
  const locked = runs.filter((r) => r.locked_at)
  return (locked.length ? locked : runs).at(-1)
}
