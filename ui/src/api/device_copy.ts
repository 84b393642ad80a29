// The device's copy of what the signed-in user read, and the changes written without a network,
// in IndexedDB (database "amity"), so that a visit's agenda, the guests' names and the open
// commitments open offline. Stores:
//   answers  — each API answer read (by address; the session without its CSRF token), with when;
//   records  — each record those answers held, by resource and id, to answer other questions
//              offline (a record's page, a list with other filters: see `answerFromRecords`);
//   outbox   — writes waiting to send (lib/outbox.ts), in the order they were made;
//   meta     — whose copy it is.
// Only what the allow-list below names is kept: the records a visit needs, never users, tokens,
// the audit log or the translation queue. `wipe` empties it all (signing out, another user).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { OutboxKind, OutboxState } from './types'

/** A write kept on the device until it is sent (see lib/outbox.ts). */
export interface OutboxEntry {
  seq?: number
  kind: OutboxKind
  method: 'POST' | 'PATCH'
  /** path under /api/v1, e.g. "commitments/<id>/notes" */
  path: string
  body: Record<string, unknown>
  /** the version the PATCH was based on (If-Match) */
  version?: number
  idempotencyKey: string
  /** the record it belongs to, for "open the record": e.g. "/commitments/<id>" */
  link?: string
  /** what to call it in the list: the record's text or title when it was written */
  label: string
  createdAt: number
  state: OutboxState
  /** for a conflict: the record as the server has it now */
  server?: Record<string, unknown>
  /** for a failure: the server's reason */
  error?: string
}

interface CopySchema extends DBSchema {
  answers: { key: string; value: { url: string; body: unknown; at: number } }
  records: { key: string; value: { key: string; resource: string; record: Record<string, unknown>; at: number } }
  outbox: { key: number; value: OutboxEntry }
  meta: { key: string; value: unknown }
}

const RESOURCES = ['partnerships', 'people', 'organizations', 'cities', 'meetings', 'events', 'commitments']
/** Answers kept: the session, the record lists and records above, a commitment's history, areas, the dashboard. */
const KEPT = new RegExp(`^/api/v1/(session|areas|dashboard|(${RESOURCES.join('|')})(/[^/?]+(/history)?)?)(\\?|$)`)

let opening: Promise<IDBPDatabase<CopySchema>> | null = null
function db(): Promise<IDBPDatabase<CopySchema>> {
  opening ??= openDB<CopySchema>('amity', 1, {
    upgrade(database) {
      database.createObjectStore('answers', { keyPath: 'url' })
      database.createObjectStore('records', { keyPath: 'key' })
      database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true })
      database.createObjectStore('meta')
    },
  })
  return opening
}

export function kept(url: string): boolean {
  return KEPT.test(url)
}

/** Keeps an answer read from the server (when it is one the device keeps). Never throws. */
export async function keep(url: string, body: unknown): Promise<void> {
  await claiming
  if (!kept(url) || !body || typeof body !== 'object' || !owner) return
  const reader = owner
  try {
    const at = Date.now()
    const stored = url === '/api/v1/session' ? { ...(body as object), csrf_token: undefined } : body
    const database = await db()
    const tx = database.transaction(['answers', 'records', 'meta'], 'readwrite')
    // Read by a user whose copy has been wiped since (signed out meanwhile): not kept.
    if ((await tx.objectStore('meta').get('owner')) !== reader) {
      tx.done.catch(() => undefined) // the abort below rejects it
      tx.abort()
      return
    }
    tx.objectStore('answers').put({ url, body: stored, at })
    const path = url.split('?')[0].slice('/api/v1/'.length).split('/')
    const resource = path[0]
    if (RESOURCES.includes(resource) && path.length <= 2) {
      const items = path.length === 2 ? [body] : ((body as { items?: unknown[] }).items ?? [])
      for (const item of items as Record<string, unknown>[]) {
        if (item && typeof item.id === 'string') tx.objectStore('records').put({ key: `${resource}/${item.id}`, resource, record: item, at })
      }
    }
    await tx.done
  } catch {
    /* a full or refused store: the copy is a convenience */
  }
}

/** The copy of an answer: the same address read before, or one built from the records kept. */
export async function recall(url: string): Promise<{ body: unknown; at: number } | undefined> {
  if (!kept(url)) return undefined
  try {
    const database = await db()
    const answer = await database.get('answers', url)
    if (answer) return answer
    return await answerFromRecords(database, url)
  } catch {
    return undefined
  }
}

// A list with filters the copy understands, answered from the records kept: `field=a,b` (any of),
// `field_from` / `field_to` (ranges of dates and instants), `overdue=true`, `sort`, `limit`
// (ignored: one page holds all). A cursor asks for a page after the first: empty. Anything else
// (search words, unknown filters) is not answered.
async function answerFromRecords(database: IDBPDatabase<CopySchema>, url: string) {
  const [pathText, queryText = ''] = url.slice('/api/v1/'.length).split('?')
  const path = pathText.split('/')
  if (!RESOURCES.includes(path[0]) || path.length > 2) return undefined
  if (path.length === 2) {
    const row = await database.get('records', `${path[0]}/${decodeURIComponent(path[1])}`)
    return row ? { body: row.record, at: row.at } : undefined
  }
  const rows = await database.getAll('records', IDBKeyRange.bound(`${path[0]}/`, `${path[0]}/\uffff`))
  const params = new URLSearchParams(queryText)
  if (params.has('cursor')) return { body: { items: [], total: 0, next: null, has_more: false }, at: Date.now() }
  // Lists leave archived records out unless asked (`archived=true`), as the server does.
  let items = rows.map((row) => row.record).filter((r) => params.has('archived') || !r.archived)
  let sort = ''
  const today = new Date().toISOString().slice(0, 10)
  for (const [name, value] of params) {
    if (name === 'limit' || name === 'offset') continue
    if (name === 'sort') {
      sort = value
    } else if (name === 'overdue') {
      items = items.filter((r) => typeof r.due_date === 'string' && r.due_date < today && !['done', 'dropped'].includes(String(r.status)))
    } else if (name.endsWith('_from') || name.endsWith('_to')) {
      const field = name.replace(/_(from|to)$/, '')
      const bound = Date.parse(value)
      items = items.filter((r) => {
        const at = Date.parse(String(r[field] ?? ''))
        if (Number.isNaN(at)) return false
        return name.endsWith('_from') ? at >= bound : at <= (value.length === 10 ? bound + 86399999 : bound)
      })
    } else if (/^[a-z_]+$/.test(name)) {
      const choices = value.split(',')
      items = items.filter((r) => choices.includes(String(r[name] ?? '')))
    } else {
      return undefined
    }
  }
  if (sort) {
    const field = sort.replace(/^-/, '')
    const direction = sort.startsWith('-') ? -1 : 1
    items.sort((a, b) => direction * String(a[field] ?? '').localeCompare(String(b[field] ?? '')))
  }
  const at = Math.min(...rows.map((row) => row.at), Date.now())
  return { body: { items, total: items.length, limit: items.length, offset: 0, has_more: false, next: null }, at }
}

// ——— the outbox's storage ———

export async function outboxAdd(entry: OutboxEntry): Promise<number> {
  return (await db()).add('outbox', entry)
}
export async function outboxAll(): Promise<OutboxEntry[]> {
  try {
    return await (await db()).getAll('outbox')
  } catch {
    return []
  }
}
export async function outboxPut(entry: OutboxEntry): Promise<void> {
  await (await db()).put('outbox', entry)
}
export async function outboxDelete(seq: number): Promise<void> {
  await (await db()).delete('outbox', seq)
}

// ——— whose copy ———

/** The user whose copy this is, once `claimFor` has run in this page; answers are kept only then. */
let owner: string | null = null
/** The `claimFor` under way: answers read meanwhile wait for it. */
let claiming: Promise<unknown> = Promise.resolve()

/**
 * Makes the copy `userId`'s: a copy of another user's (or of nobody known) is wiped first.
 * Returns whether it wiped.
 */
export function claimFor(userId: string): Promise<boolean> {
  const claim = claimNow(userId)
  claiming = claim
  return claim
}
async function claimNow(userId: string): Promise<boolean> {
  try {
    const stored = await (await db()).get('meta', 'owner')
    if (stored === userId) {
      owner = userId
      return false
    }
    await wipe()
    await (await db()).put('meta', userId, 'owner')
    owner = userId
    return true
  } catch {
    return false
  }
}

/** Forgets what was read (answers and records) but keeps the outbox: the session ended. */
export async function forgetReads(): Promise<void> {
  owner = null
  try {
    const database = await db()
    const tx = database.transaction(['answers', 'records'], 'readwrite')
    await Promise.all([tx.objectStore('answers').clear(), tx.objectStore('records').clear(), tx.done])
  } catch {
    /* nothing kept */
  }
}

/**
 * Empties the device's copy: every store of the database, and any Cache Storage cache but the app
 * shell's (which holds only the built app, the same for everyone).
 */
export async function wipe(): Promise<void> {
  owner = null
  try {
    const database = await db()
    const stores = ['answers', 'records', 'outbox', 'meta'] as const
    const tx = database.transaction(stores, 'readwrite')
    await Promise.all([...stores.map((name) => tx.objectStore(name).clear()), tx.done])
  } catch {
    /* no database */
  }
  if (typeof caches !== 'undefined') {
    for (const key of await caches.keys()) {
      if (!key.startsWith('amity-shell-')) await caches.delete(key)
    }
  }
}
