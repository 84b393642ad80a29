// The commitment workflow: proposed → agreed → planned → in_progress → done, or dropped from any
// open status (with a note). Nothing leaves done or dropped.
import { newIdempotencyKey, request } from '../api/client'
import { COMMITMENT_STATUSES, type Commitment, type CommitmentStatus, type EvidenceLink } from '../api/types'

const FORWARD: CommitmentStatus[] = ['proposed', 'agreed', 'planned', 'in_progress', 'done']

/** The statuses a commitment may move to from `from`, nearest first. */
export function targets(from: CommitmentStatus): CommitmentStatus[] {
  if (from === 'done' || from === 'dropped') return []
  const index = FORWARD.indexOf(from)
  return [...FORWARD.slice(index + 1), 'dropped']
}

export function canMove(from: CommitmentStatus, to: CommitmentStatus): boolean {
  return targets(from).includes(to)
}

/** The next step forward, if any. */
export function nextStatus(from: CommitmentStatus): CommitmentStatus | undefined {
  return targets(from).find((s) => s !== 'dropped')
}

/** Dropping says why; closing as done says what was done (and needs evidence, lib/evidence.ts). */
export function noteRequired(to: CommitmentStatus): boolean {
  return to === 'dropped' || to === 'done'
}

/** Moves a commitment; `evidenceLink` is added to its evidence links in the same step. */
export function transition(id: string, to: CommitmentStatus, note: string, evidenceLink?: EvidenceLink): Promise<Commitment> {
  const body: { to: string; note?: string; evidence_link?: EvidenceLink } = { to }
  if (note) body.note = note
  if (evidenceLink) body.evidence_link = evidenceLink
  return request<Commitment>('POST', `commitments/${encodeURIComponent(id)}/transitions`, { body, idempotencyKey: newIdempotencyKey() })
}

export function isOverdue(c: Commitment, today: string): boolean {
  return !!c.due_date && c.due_date < today && c.status !== 'done' && c.status !== 'dropped'
}

export const STATUSES = COMMITMENT_STATUSES
