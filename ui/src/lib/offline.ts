// Working without a network: whether the browser is online, when the copy on screen was made,
// and the outbox — progress notes, commitments and meetings (their minutes) saved on the device
// while the server could not be reached, sent one by one in the order they were written once it
// can. Each keeps the Idempotency-Key of its first try, so a POST whose answer was lost is not
// written twice (the server answers the first answer again, docs/API.md). A PATCH keeps the
// version it was based on (If-Match): when the record changed on the server meanwhile (412) it
// becomes a conflict for the user to settle — send theirs over the new version, or discard it —
// never an overwrite. A change the server refuses (422, 403, 404) is kept with its reason until
// the user discards it.
import { reactive } from 'vue'
import { ApiError, NetworkError, configureSession, get, hasCsrfToken, listAll, newIdempotencyKey, request } from '../api/client'
import { outboxAdd, outboxAll, outboxDelete, outboxPut, type OutboxEntry } from '../api/device_copy'
import type { Text } from '../api/types'
import { currentLang } from '../i18n'
import { need } from './refdata'
import { recheckSession, session } from './session'
import { textValue } from './text'

export type { OutboxEntry }

export const device = reactive({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  /** the oldest copy the current screen was shown from (ms since the epoch), or null */
  copyAt: null as number | null,
  entries: [] as OutboxEntry[],
  sending: false,
})

configureSession({
  copied: (at) => {
    device.copyAt = device.copyAt === null ? at : Math.min(device.copyAt, at)
  },
})

/** A new screen: forget the copy time of the last one. */
export function newScreen(): void {
  device.copyAt = null
}

/** Resources whose create and edit screens save to the outbox when the server cannot be reached. */
export const OFFLINE_WRITES: Record<string, OutboxEntry['kind']> = { commitments: 'commitment', meetings: 'meeting' }

/** What to call a record in the outbox: its text or title in the current language. */
export function labelOf(record: Record<string, unknown> | undefined): string {
  if (!record) return ''
  for (const field of ['text', 'title', 'note']) {
    const value = record[field]
    if (typeof value === 'string') return value
    if (value && typeof value === 'object') return textValue(value as Text, currentLang())
  }
  return ''
}

async function reload(): Promise<void> {
  device.entries = await outboxAll()
}

/** Keeps a write on the device and tries to send it at once. */
export async function enqueue(
  entry: Pick<OutboxEntry, 'kind' | 'method' | 'path' | 'body' | 'version' | 'link' | 'label'> & { idempotencyKey?: string },
): Promise<void> {
  await outboxAdd({ ...entry, idempotencyKey: entry.idempotencyKey ?? newIdempotencyKey(), createdAt: Date.now(), state: 'waiting' })
  await reload()
  void flush()
}

/** Whether every field of `mine` has that value in `theirs` (texts: the languages sent). */
function alreadyThere(mine: unknown, theirs: unknown): boolean {
  if (mine && typeof mine === 'object' && !Array.isArray(mine)) {
    if (!theirs || typeof theirs !== 'object') return false
    return Object.entries(mine).every(([key, value]) => alreadyThere(value, (theirs as Record<string, unknown>)[key]))
  }
  return JSON.stringify(mine ?? null) === JSON.stringify(theirs ?? null)
}

type Outcome = 'sent' | 'kept' | 'stop'

async function sendOne(entry: OutboxEntry): Promise<Outcome> {
  try {
    await request(entry.method, entry.path, {
      body: entry.body,
      version: entry.method === 'PATCH' ? entry.version : undefined,
      idempotencyKey: entry.method === 'POST' ? entry.idempotencyKey : undefined,
    })
    await outboxDelete(entry.seq!)
    return 'sent'
  } catch (error) {
    if (error instanceof NetworkError) return 'stop'
    if (!(error instanceof ApiError)) throw error
    // Signed out, or the server busy or failing: try again later, in the same order.
    if (error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500) return 'stop'
    if (error.stale && entry.method === 'PATCH') {
      const [resource, id] = entry.path.split('/')
      const server = await get<Record<string, unknown>>(resource, id)
      // Our own change, whose answer was lost: it is there already.
      if (alreadyThere(entry.body, server)) {
        await outboxDelete(entry.seq!)
        return 'sent'
      }
      await outboxPut({ ...entry, state: 'conflict', server })
      return 'kept'
    }
    const reason = error.problem.problems?.map((p) => p.message).join(' ') || error.message
    await outboxPut({ ...entry, state: 'failed', error: reason })
    return 'kept'
  }
}

let retryDelay = 0
let retryTimer: ReturnType<typeof setTimeout> | undefined

async function sendAll(): Promise<void> {
  device.sending = true
  let stopped = false
  try {
    // A copy of the session read offline has no CSRF token: ask the server for one first.
    if (!hasCsrfToken()) await recheckSession()
    if (!session.user || !hasCsrfToken()) {
      stopped = true
      return
    }
    for (const entry of await outboxAll()) {
      if (entry.state !== 'waiting') continue
      if ((await sendOne(entry)) === 'stop') {
        stopped = true
        break
      }
    }
  } catch {
    stopped = true
  } finally {
    device.sending = false
    await reload()
  }
  // Still waiting: try again in 2, 4, 8 … 30 s (the server may be restarting).
  clearTimeout(retryTimer)
  if (stopped && device.entries.some((e) => e.state === 'waiting')) {
    retryDelay = Math.min(30000, retryDelay ? retryDelay * 2 : 2000)
    retryTimer = setTimeout(() => void flush(), retryDelay)
  } else {
    retryDelay = 0
  }
}

let flushing: Promise<void> | null = null
/** Sends what waits, in order; one sender at a time across the app's windows (Web Locks). */
export function flush(): Promise<void> {
  flushing ??= (async () => {
    try {
      if (navigator.locks) await navigator.locks.request('amity-outbox', sendAll)
      else await sendAll()
    } finally {
      flushing = null
    }
  })()
  return flushing
}

/** A conflict settled by the user: send theirs over the version the server has now. */
export async function sendMine(entry: OutboxEntry): Promise<void> {
  // A plain copy: IndexedDB cannot store the reactive proxies the screen holds.
  const plain = JSON.parse(JSON.stringify(entry)) as OutboxEntry
  const version = typeof plain.server?.version === 'number' ? plain.server.version : plain.version
  await outboxPut({ ...plain, version, state: 'waiting', server: undefined, error: undefined })
  await reload()
  await flush()
}

/** Throws a waiting, conflicting or refused write away. */
export async function discard(entry: OutboxEntry): Promise<void> {
  await outboxDelete(entry.seq!)
  await reload()
}

/** Listens for the network coming and going; sends what waits whenever it comes back. */
export function watchNetwork(): void {
  window.addEventListener('online', () => {
    device.online = true
    retryDelay = 0
    // A flush that began offline may still be running: send again once it is over, so that the
    // network's return is never answered only by that offline attempt.
    void flush().then(() => flush())
  })
  window.addEventListener('offline', () => {
    device.online = false
  })
  void reload().then(() => {
    if (device.entries.length) void flush()
  })
}

/** Re-reads the outbox (after a sign-in: the device may have been wiped). */
export const reloadOutbox = reload

// ——— keeping the copy fresh ———

const OPEN_STATUSES = 'proposed,agreed,planned,in_progress'
const COPY_EVERY_MS = 10 * 60 * 1000
/** Leaves the first seconds of a screen to the screen itself (its requests and rendering). */
const COPY_AFTER_MS = 8000
let copiedAt = 0

/**
 * While online and signed in, reads what a visit needs so that the device has it (every answer
 * read is kept, api/device_copy.ts): the dashboard, the partnerships, cities, people,
 * organizations and areas, the meetings and events from a month ago on, and the open
 * commitments. Eight seconds after a screen opens, when the browser is idle, at most every ten
 * minutes. Never throws.
 */
export function refreshCopy(): void {
  if (!session.user || !device.online || Date.now() - copiedAt < COPY_EVERY_MS) return
  copiedAt = Date.now()
  const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000))
  setTimeout(() => idle(copy), COPY_AFTER_MS)
  function copy() {
    if (!session.user || !device.online) {
      copiedAt = 0 // signed out or offline meanwhile
      return
    }
    const since = new Date(Date.now() - 30 * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    void Promise.all([
      need('partnerships', 'cities', 'people', 'organizations', 'areas'),
      request('GET', 'dashboard', { query: { overdue_limit: 0 } }), // as the dashboard asks for it
      listAll('meetings', { starts_at_from: since, sort: 'starts_at' }),
      listAll('events', { starts_at_from: since, sort: 'starts_at' }),
      listAll('commitments', { status: OPEN_STATUSES }),
    ]).catch(() => {
      copiedAt = 0 // try again at the next screen
    })
  }
}
