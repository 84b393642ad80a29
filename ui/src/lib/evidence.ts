// What proves a commitment was carried out: its files, its evidence links and the held events
// that name it (GET /commitments/{id}/evidence). Moving it to done needs a closing note and at
// least one of them; the server judges (422 on `note` or `evidence`), the UI shows what there is.
import { get, request, update } from '../api/client'
import type { Commitment, Evidence, EvidenceLink } from '../api/types'

export function loadEvidence(commitmentId: string): Promise<Evidence> {
  return request<Evidence>('GET', `commitments/${encodeURIComponent(commitmentId)}/evidence`)
}

/**
 * Adds a link to the commitment's evidence links: reads its current links and version first, so a
 * link added meanwhile elsewhere is kept (PATCH with If-Match: that version; 412 if it changes
 * in between).
 */
export async function addEvidenceLink(commitmentId: string, link: EvidenceLink): Promise<Commitment> {
  const current = await get<Commitment>('commitments', commitmentId)
  return update<Commitment>('commitments', current.id, current.version, {
    evidence_links: [...(current.evidence_links ?? []), link],
  })
}

/** A link as typed: trimmed, or undefined when its address is empty. */
export function typedLink(url: string, title: string): EvidenceLink | undefined {
  const address = url.trim()
  if (!address) return undefined
  return { url: address, title: title.trim() || address }
}
