// One create/edit form's life: load the record, keep the user's draft, save (POST, or PATCH with
// If-Match and only the changed fields), and turn failures into field messages or a stale-edit
// notice. The draft is never thrown away on an error.
// Without a network, a commitment or meeting is saved to the device's outbox (lib/offline.ts)
// and the user is taken to the list of what waits to send. An edit of a replica is proposed to
// the server that owns it (lib/replicas.ts): the record stays as it was, the proposal is kept in
// `proposal` and the detail page shows it (`detail`); `?redo=<proposal>` reopens a refused edit
// on the current version.
import { computed, reactive, ref, shallowRef, type Ref } from 'vue'
import { useRoute, useRouter, type RouteLocationRaw } from 'vue-router'
import { ApiError, NetworkError, create, get, newIdempotencyKey, request, update } from '../api/client'
import type { Base, Problem } from '../api/types'
import { OFFLINE_WRITES, enqueue, labelOf } from './offline'
import { FieldErrors } from './problems'
import { refresh, type TableName } from './refdata'
import { isProposal, type Proposal } from './replicas'

export type Failure =
  | { kind: 'stale' }
  | { kind: 'problem'; problem: Problem; status: number }
  | { kind: 'network' }
  | { kind: 'not_found' }

type Body = Record<string, unknown>

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

export function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    if (error.stale) return { kind: 'stale' }
    if (error.status === 404) return { kind: 'not_found' }
    return { kind: 'problem', problem: error.problem, status: error.status }
  }
  if (error instanceof NetworkError) return { kind: 'network' }
  return { kind: 'problem', problem: { title: String(error) }, status: 0 }
}

export interface EditorOptions<R extends Base, D extends object> {
  resource: string
  toDraft: (record: R | undefined) => D
  toBody: (draft: D) => Body
  /** Cached tables to reload after a successful save. */
  refreshTables?: TableName[]
}

export function useEditor<R extends Base, D extends object>(options: EditorOptions<R, D>) {
  const record = shallowRef<R | undefined>()
  const draft = ref(options.toDraft(undefined)) as Ref<D>
  const loading = ref(false)
  const saving = ref(false)
  const errors = shallowRef(new FieldErrors())
  const failure = shallowRef<Failure | null>(null)
  const router = useRouter()
  const route = useRoute()
  /** The proposal the last save made (an edit of a replica), null when it saved here. */
  const proposal = shallowRef<Proposal | null>(null)
  /** What the draft looked like when loaded: the base PATCH diffs against. */
  let baseDraft: D = clone(draft.value)

  function setRecord(value: R | undefined): void {
    record.value = value
    draft.value = options.toDraft(value)
    baseDraft = clone(draft.value)
  }

  async function load(id: string | undefined): Promise<void> {
    failure.value = null
    errors.value = new FieldErrors()
    if (!id) {
      setRecord(undefined)
      return
    }
    loading.value = true
    try {
      setRecord(await get<R>(options.resource, id))
      await redoOn(id)
    } catch (error) {
      failure.value = failureOf(error)
    } finally {
      loading.value = false
    }
  }

  /** Puts a refused edit (`?redo=<proposal id>`) back on top of the current version. */
  async function redoOn(id: string): Promise<void> {
    const redo = route.query.redo
    if (typeof redo !== 'string' || !record.value) return
    const answer = await request<{ items: Proposal[] }>('GET', 'federation/proposals', { query: { record_id: id } })
    const refused = answer.items.find((p) => p.id === redo && p.operation === 'update')
    if (refused) draft.value = options.toDraft({ ...record.value, ...refused.body } as R)
  }

  function body(): Body {
    const full = options.toBody(draft.value)
    if (!record.value) {
      return Object.fromEntries(Object.entries(full).filter(([, v]) => v !== undefined && v !== null))
    }
    const before = options.toBody(baseDraft)
    const changed: Body = {}
    for (const [key, value] of Object.entries(full)) {
      if (!same(value, before[key])) changed[key] = value ?? null
    }
    return changed
  }

  /** Saves the draft. Returns the saved record, or undefined when it failed (see `failure`). */
  async function save(): Promise<R | undefined> {
    saving.value = true
    failure.value = null
    errors.value = new FieldErrors()
    const changes = body()
    // The key of the first try goes with every later one (the outbox's too).
    const key = newIdempotencyKey()
    proposal.value = null
    try {
      let saved: R
      if (record.value) {
        const answer = Object.keys(changes).length
          ? await update<R>(options.resource, record.value.id, record.value.version, changes)
          : record.value
        if (isProposal(answer)) proposal.value = answer
        saved = isProposal(answer) ? record.value : answer
      } else {
        saved = await create<R>(options.resource, changes, key)
      }
      if (options.refreshTables?.length) await refresh(...options.refreshTables).catch(() => undefined)
      return saved
    } catch (error) {
      const kind = OFFLINE_WRITES[options.resource]
      if (error instanceof NetworkError && kind) {
        const existing = record.value
        await enqueue({
          kind,
          method: existing ? 'PATCH' : 'POST',
          path: existing ? `${options.resource}/${existing.id}` : options.resource,
          body: changes,
          version: existing?.version,
          idempotencyKey: key,
          link: existing ? `/${options.resource}/${existing.id}` : undefined,
          label: labelOf(changes) || labelOf(existing as unknown as Record<string, unknown>),
        })
        await router.push({ name: 'outbox', query: { saved: '1' } })
        return undefined
      }
      failure.value = failureOf(error)
      if (error instanceof ApiError) errors.value = new FieldErrors(error.problem.problems ?? [])
      return undefined
    } finally {
      saving.value = false
    }
  }

  /** After a 412: load the latest version and put the user's own changes back on top of it. */
  async function keepMine(): Promise<void> {
    if (!record.value) return
    const mine = clone(draft.value) as Record<string, unknown>
    const base = baseDraft as Record<string, unknown>
    try {
      const latest = await get<R>(options.resource, record.value.id)
      setRecord(latest)
      const merged = draft.value as Record<string, unknown>
      for (const key of Object.keys(mine)) {
        if (same(mine[key], base[key])) continue
        const latestValue = merged[key] as { stored?: unknown } | null
        merged[key] = mine[key]
        // A text being edited keeps the latest stored version, which its status badges compare with.
        if (latestValue && typeof latestValue === 'object' && 'stored' in latestValue) {
          ;(merged[key] as { stored?: unknown }).stored = latestValue.stored
        }
      }
      failure.value = null
    } catch (error) {
      failure.value = failureOf(error)
    }
  }

  /** After a 412: throw the draft away and show the latest version. */
  async function discard(): Promise<void> {
    if (record.value) await load(record.value.id)
  }

  /** Where to go after a save: the record's page, told of the proposal it waits for, if any. */
  function detail(path: string): RouteLocationRaw {
    return proposal.value ? { path, query: { proposal: proposal.value.id } } : path
  }

  /** What the shared form frame (components/EditorForm.vue) shows. */
  const state = reactive({
    loading,
    saving,
    failure,
    errors,
    loaded: computed(() => record.value !== undefined),
  })

  return { resource: options.resource, record, draft, loading, saving, errors, failure, state, proposal, load, save, keepMine, discard, detail }
}
