// Records held here as replicas of another city's server (docs/FEDERATION.md, "Sync"): which
// server this is and which servers hold the records it keeps copies of, asked once per page load
// (GET /api/v1/federation/holders). A replica changes only by its owner: a change made here is
// proposed to the owner (lib/session.ts canPropose), and the screens show it waiting or refused
// (components/ProposalStatus.vue).
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

/** The host name of the server `instanceId` names (its id until the holders are known). */
export function holderName(instanceId: string): string {
  const found = holders.value?.holders.find((h) => h.instance_id === instanceId)
  if (!found) return instanceId
  try {
    return new URL(found.url).host
  } catch {
    return found.url
  }
}

/** A change made here to a replica, proposed to the server that owns it (docs/FEDERATION.md, "Proposals"). */
export interface Proposal {
  id: string
  entity: string
  record_id: string
  owner_instance_id: string
  operation: 'update' | 'archive' | 'transition' | 'note'
  body: Record<string, unknown>
  base_version: number
  user_id: string
  created_at: string
  state: 'pending' | 'applied' | 'rejected' | 'dismissed'
  applied_version: number | null
  problem: { title?: string; detail?: string; status?: number; problems?: { field?: string; code?: string; message: string }[] } | null
  attempts: number
  last_error: string | null
  decided_at: string | null
}

/** True when `answer` (of a change sent to the server) is a proposal kept for the owner, not the record. */
export function isProposal(answer: unknown): answer is Proposal {
  return !!answer && typeof answer === 'object' && 'operation' in answer && 'owner_instance_id' in answer
}
