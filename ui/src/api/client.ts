// The one way the UI talks to the server: JSON over fetch, problem+json turned into ApiError,
// If-Match on PATCH, the session's CSRF token on every change. Nothing here knows about screens:
// what a 401 or a lost CSRF token leads to is set by lib/session.ts through `configureSession`.
// Reads are kept on the device (device_copy.ts); a read without a network answers that copy.
import { keep, recall } from './device_copy'
import type { Base, Page, Problem } from './types'

export const API_ROOT = '/api/v1'

/** An answer that was not 2xx. `problem` is the parsed problem+json body, if the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** seconds from the Retry-After header (429 after too many failed logins) */
    readonly retryAfter?: number,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`)
  }
  /** The record changed since it was loaded (412) or the edit lacked a version (428). */
  get stale(): boolean {
    return this.status === 412 || this.status === 428
  }
  /** The first field problem's code, e.g. "invalid_credentials", "locked", "forbidden". */
  get code(): string | undefined {
    return this.problem.problems?.[0]?.code
  }
}

/**
 * The session's side of every request: the CSRF token (kept in memory only, never in storage),
 * what to do when the server answers 401 (the session ended), and how to fetch a fresh CSRF
 * token when the server refused the one sent (signed in again in another tab).
 */
const session: {
  csrf: string
  unauthorized: (path: string) => void
  refreshCsrf: () => Promise<boolean>
  /** a read was answered from the device's copy made at `at` (ms since the epoch) */
  copied: (at: number) => void
} = { csrf: '', unauthorized: () => undefined, refreshCsrf: async () => false, copied: () => undefined }

export function configureSession(options: Partial<typeof session>): void {
  Object.assign(session, options)
}

/** The session's CSRF token, for requests not sent through `request` (the resumable uploads). */
export function csrfToken(): string {
  return session.csrf
}

/** Whether a CSRF token from the server is at hand (a session read from the device's copy has none). */
export function hasCsrfToken(): boolean {
  return !!session.csrf
}

/**
 * The session route itself, where a 401 is an answer (wrong password, nobody signed in, already
 * signed out), not a session lost while working.
 */
function sessionRoute(url: string): boolean {
  return url === `${API_ROOT}/session`
}

/** The network failed (server down, offline): no answer at all. */
export class NetworkError extends Error {}

type Query = Record<string, string | number | boolean | undefined | null>

function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/') ? path : `${API_ROOT}/${path}`
  if (!query) return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${url}?${text}` : url
}

export async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; version?: number; idempotencyKey?: string } = {},
  retried = false,
): Promise<T> {
  const url = buildUrl(path, options.query)
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
  if (method !== 'GET' && method !== 'HEAD' && session.csrf) headers['X-CSRF-Token'] = session.csrf
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch (error) {
    if (method === 'GET') return fromCopy<T>(url, new NetworkError(String(error)))
    throw new NetworkError(String(error))
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  let data: unknown = undefined
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = undefined
    }
  }
  if (!response.ok) {
    const problem: Problem =
      data && typeof data === 'object' ? (data as Problem) : { status: response.status, title: response.statusText }
    const retryAfter = Number(response.headers.get('Retry-After')) || undefined
    const error = new ApiError(response.status, problem, retryAfter)
    // A proxy whose server is down: the same as no network for a read.
    if (method === 'GET' && [502, 503, 504].includes(response.status)) return fromCopy<T>(url, error)
    if (response.status === 401 && !sessionRoute(url)) session.unauthorized(url)
    // The token in memory belongs to an older session: fetch the current one and try once more.
    if (response.status === 403 && error.code === 'csrf_token' && !retried && (await session.refreshCsrf())) {
      return request<T>(method, path, options, true)
    }
    throw error
  }
  // The session is kept by lib/session.ts once it knows whose copy the device holds.
  if (method === 'GET' && !sessionRoute(url)) void keep(url, data)
  return data as T
}

/** The device's copy of a read that got no answer, or `failure` when there is none. */
async function fromCopy<T>(url: string, failure: Error): Promise<T> {
  const copy = await recall(url)
  if (!copy) throw failure
  session.copied(copy.at)
  return copy.body as T
}

/** GET one page of a list. */
export function list<T>(resource: string, query: Query = {}): Promise<Page<T>> {
  return request<Page<T>>('GET', resource, { query })
}

/** GET every record of a list, following the pages' cursors 200 records at a time (the API's maximum). */
export async function listAll<T>(resource: string, query: Query = {}): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  for (;;) {
    const page: Page<T> = await list<T>(resource, cursor ? { ...query, limit: 200, cursor } : { ...query, limit: 200 })
    items.push(...page.items)
    if (!page.next) return items
    cursor = page.next
  }
}

export function get<T>(resource: string, id: string): Promise<T> {
  return request<T>('GET', `${resource}/${encodeURIComponent(id)}`)
}

/** A random key (UUID v4 form) from crypto.getRandomValues, which also works outside secure contexts. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** POST a new record with an Idempotency-Key: sent again (a retry), it is created once. */
export function create<T>(resource: string, body: unknown, idempotencyKey = newIdempotencyKey()): Promise<T> {
  return request<T>('POST', resource, { body, idempotencyKey })
}

/** PATCH with If-Match: "<version>"; a stale version answers ApiError 412. */
export function update<T extends Base>(resource: string, id: string, version: number, body: unknown): Promise<T> {
  return request<T>('PATCH', `${resource}/${encodeURIComponent(id)}`, { body, version })
}

/** DELETE: nothing back, or for a replica the proposal kept for its owner (lib/replicas.ts isProposal). */
export function archive(resource: string, id: string): Promise<unknown> {
  return request<unknown>('DELETE', `${resource}/${encodeURIComponent(id)}`)
}
