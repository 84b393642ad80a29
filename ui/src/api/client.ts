// The one way the UI talks to the server: JSON over fetch, problem+json turned into ApiError,
// If-Match on PATCH. Nothing here knows about screens.
import type { Base, Page, Problem } from './types'

export const API_ROOT = '/api/v1'

/** An answer that was not 2xx. `problem` is the parsed problem+json body, if the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`)
  }
  /** The record changed since it was loaded (412) or the edit lacked a version (428). */
  get stale(): boolean {
    return this.status === 412 || this.status === 428
  }
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
  options: { query?: Query; body?: unknown; version?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`
  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch (error) {
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
    throw new ApiError(response.status, problem)
  }
  return data as T
}

/** GET one page of a list. */
export function list<T>(resource: string, query: Query = {}): Promise<Page<T>> {
  return request<Page<T>>('GET', resource, { query })
}

/** GET every record of a list, following pages of 200 (the API's maximum). */
export async function listAll<T>(resource: string, query: Query = {}): Promise<T[]> {
  const items: T[] = []
  for (let offset = 0; ; offset += 200) {
    const page = await list<T>(resource, { ...query, limit: 200, offset })
    items.push(...page.items)
    if (page.items.length < 200 || items.length >= page.total) return items
  }
}

export function get<T>(resource: string, id: string): Promise<T> {
  return request<T>('GET', `${resource}/${encodeURIComponent(id)}`)
}

export function create<T>(resource: string, body: unknown): Promise<T> {
  return request<T>('POST', resource, { body })
}

/** PATCH with If-Match: "<version>"; a stale version answers ApiError 412. */
export function update<T extends Base>(resource: string, id: string, version: number, body: unknown): Promise<T> {
  return request<T>('PATCH', `${resource}/${encodeURIComponent(id)}`, { body, version })
}

export function archive(resource: string, id: string): Promise<void> {
  return request<void>('DELETE', `${resource}/${encodeURIComponent(id)}`)
}
