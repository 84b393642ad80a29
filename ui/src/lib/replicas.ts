// Records held here as replicas of another city's server (docs/FEDERATION.md, "Sync"): which
// server this is and which servers hold the records it keeps copies of, asked once per page load
// (GET /api/v1/federation/holders). A replica is read-only here (the server answers 409
// owned_elsewhere), so the screens hide its edit actions (lib/session.ts canEdit).
import { shallowRef } from 'vue'
import { request } from '../api/client'

export interface Holders {
  instance_id: string
  holders: { instance_id: string; url: string; synced_at: string | null }[]
}

/** The holders once known; null before (or when the server could not be asked). */
export const holders = shallowRef<Holders | null>(null)

let asked: Promise<Holders | null> | null = null
/** Asks the server once; later calls share the answer. */
export function loadHolders(): Promise<Holders | null> {
  asked ??= request<Holders>('GET', 'federation/holders')
    .then((answer) => (holders.value = answer))
    .catch(() => {
      asked = null // ask again next time (offline, signed out)
      return null
    })
  return asked
}

/** True when the record belongs to another server (known only once the holders are loaded). */
export function isReplica(record: { instance_id?: string | null } | null | undefined): boolean {
  const own = holders.value?.instance_id
  return !!own && !!record?.instance_id && record.instance_id !== own
}
