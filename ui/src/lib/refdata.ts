// Small shared caches of the records other records point to (cities, people, organizations,
// partnerships, areas), so that ids can be shown as names. Screens call `need(...)` and may
// `refresh(...)` after they change one of these.
import { reactive } from 'vue'
import { listAll } from '../api/client'
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

const pending = new Map<TableName, Promise<void>>()
/** Counts resets, so that a load started before one does not fill the table afterwards. */
let generation = 0

async function load(name: TableName): Promise<void> {
  const started = generation
  const items = await listAll<never>(name)
  if (started !== generation) return
  ;(store[name] as unknown[]) = items
  store.loaded[name] = true
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
  return id ? store.cities.find((c) => c.id === id) : undefined
}
export function personById(id: string | null | undefined): Person | undefined {
  return id ? store.people.find((p) => p.id === id) : undefined
}
export function organizationById(id: string | null | undefined): Organization | undefined {
  return id ? store.organizations.find((o) => o.id === id) : undefined
}
export function partnershipById(id: string | null | undefined): Partnership | undefined {
  return id ? store.partnerships.find((p) => p.id === id) : undefined
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
  for (const name of Object.keys(store.loaded) as TableName[]) {
    ;(store[name] as unknown[]) = []
    store.loaded[name] = false
  }
}
