// Small shared caches of the records other records point to (cities, people, organizations,
// partnerships, areas), so that ids can be shown as names. Screens that pick from a whole table
// call `need(...)` and may `refresh(...)` after they change one of these. A name asked for
// before its table is loaded (`personName(id)` …) is fetched by id, with the other ids asked for
// in the same tick, in one request (`?id=a,b,…`): a screen that shows twenty rows reads twenty
// people, not six thousand.
import { reactive, shallowReactive } from 'vue'
import { list, listAll } from '../api/client'
import type { Area, City, Organization, Partnership, Person } from '../api/types'
import { currentLang } from '../i18n'
import { browserZone } from './format'
import { textValue } from './text'

interface Tables {
  cities: City[]
  people: Person[]
  organizations: Organization[]
  partnerships: Partnership[]
  areas: Area[]
}
export type TableName = keyof Tables

export const store = reactive<Tables & { loaded: Record<TableName, boolean> }>({
  cities: [],
  people: [],
  organizations: [],
  partnerships: [],
  areas: [],
  loaded: { cities: false, people: false, organizations: false, partnerships: false, areas: false },
})

type Row = { id: string }
/** Every record known by id: the whole table once loaded, else those fetched by id (reactive per key). */
const byId: Record<TableName, Map<string, Row>> = {
  cities: shallowReactive(new Map()),
  people: shallowReactive(new Map()),
  organizations: shallowReactive(new Map()),
  partnerships: shallowReactive(new Map()),
  areas: shallowReactive(new Map()),
}
/** Ids asked for by id (fetched, being fetched, or not visible to this user): asked once. */
const asked: Record<TableName, Set<string>> = {
  cities: new Set(), people: new Set(), organizations: new Set(), partnerships: new Set(), areas: new Set(),
}
const queued = new Map<TableName, Set<string>>()

const pending = new Map<TableName, Promise<void>>()
/** Counts resets, so that a load started before one does not fill the table afterwards. */
let generation = 0

function index(name: TableName, items: Row[]): void {
  for (const item of items) if (item.id) byId[name].set(item.id, item)
}

async function load(name: TableName): Promise<void> {
  const started = generation
  const items = await listAll<never>(name)
  if (started !== generation) return
  ;(store[name] as unknown[]) = items
  byId[name].clear()
  index(name, items)
  store.loaded[name] = true
}

/** The API's page size, which is also how many ids one request may name. */
const BATCH = 200

/** Fetches the ids queued this tick, per table, 200 to a request. */
async function fetchQueued(): Promise<void> {
  const started = generation
  const work = [...queued.entries()]
  queued.clear()
  await Promise.all(
    work.flatMap(([name, ids]) => {
      const all = [...ids]
      const batches: string[][] = []
      for (let i = 0; i < all.length; i += BATCH) batches.push(all.slice(i, i + BATCH))
      return batches.map(async (batch) => {
        try {
          const page = await list<Row>(name, { id: batch.join(','), limit: BATCH })
          if (started === generation) index(name, page.items)
        } catch {
          // Offline, the device's copy holds whole tables rather than these pages.
          for (const id of batch) asked[name].delete(id)
          await need(name).catch(() => undefined)
        }
      })
    }),
  )
}

/** Asks for the records `ids` name that are not known yet (once each), in one request per table. */
export function needIds(name: TableName, ids: Iterable<string | null | undefined>): void {
  if (store.loaded[name]) return
  for (const id of ids) {
    if (!id || byId[name].has(id) || asked[name].has(id)) continue
    asked[name].add(id)
    if (!queued.size) queueMicrotask(() => void fetchQueued())
    let set = queued.get(name)
    if (!set) queued.set(name, (set = new Set()))
    set.add(id)
  }
}

function lookup<T>(name: TableName, id: string | null | undefined): T | undefined {
  if (!id) return undefined
  const found = byId[name].get(id)
  if (!found) needIds(name, [id])
  return found as T | undefined
}

/** Loads the named tables once; later calls reuse the first load. */
export function need(...names: TableName[]): Promise<void> {
  return Promise.all(
    names.map((name) => {
      let promise = pending.get(name)
      if (!promise) {
        promise = load(name).catch((error) => {
          pending.delete(name)
          throw error
        })
        pending.set(name, promise)
      }
      return promise
    }),
  ).then(() => undefined)
}

/** Reloads the named tables (after a create, edit or archive). */
export function refresh(...names: TableName[]): Promise<void> {
  for (const name of names) pending.delete(name)
  return need(...names)
}

export function cityById(id: string | null | undefined): City | undefined {
  return lookup<City>('cities', id)
}
export function personById(id: string | null | undefined): Person | undefined {
  return lookup<Person>('people', id)
}
export function organizationById(id: string | null | undefined): Organization | undefined {
  return lookup<Organization>('organizations', id)
}
export function partnershipById(id: string | null | undefined): Partnership | undefined {
  return lookup<Partnership>('partnerships', id)
}

export function cityName(id: string | null | undefined): string {
  return textValue(cityById(id)?.name, currentLang())
}
export function organizationName(id: string | null | undefined): string {
  return textValue(organizationById(id)?.name, currentLang())
}
/** "Native (Latin)" when they differ, e.g. "王明 (Wang Ming)". */
export function personName(id: string | null | undefined): string {
  const person = personById(id)
  if (!person) return ''
  return person.native_name === person.latin_name || !person.latin_name
    ? person.native_name
    : `${person.native_name} (${person.latin_name})`
}
/** "İzmir ↔ Harbin" */
export function partnershipLabel(p: Partnership | string | null | undefined): string {
  const record = typeof p === 'string' ? partnershipById(p) : p
  if (!record) return ''
  return `${cityName(record.home_city_id)} ↔ ${cityName(record.partner_city_id)}`
}
/** The time zone of a partnership's home city (the viewer's side), or the browser's zone. */
export function homeZone(partnership: Partnership | string | null | undefined): string {
  const record = typeof partnership === 'string' ? partnershipById(partnership) : partnership
  return cityById(record?.home_city_id)?.time_zone ?? browserZone()
}
export function homeCityId(partnership: string | null | undefined): string | undefined {
  return partnershipById(partnership)?.home_city_id
}
/** A short place name for a zone: a city in that zone (preferring `cityId`), else the zone's last part. */
export function zoneLabel(timeZone: string, cityId?: string | null): string {
  const preferred = cityById(cityId)
  if (preferred && preferred.time_zone === timeZone) return cityName(preferred.id)
  const city = store.cities.find((c) => c.time_zone === timeZone)
  if (city) return cityName(city.id)
  return timeZone.split('/').pop()!.replace(/_/g, ' ')
}

/** Forgets every cached table (another user signed in: it may see other records). */
export function reset(): void {
  generation++
  pending.clear()
  queued.clear()
  for (const name of Object.keys(store.loaded) as TableName[]) {
    ;(store[name] as unknown[]) = []
    store.loaded[name] = false
    byId[name].clear()
    asked[name].clear()
  }
}
