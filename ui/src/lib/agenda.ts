// Meetings and events as one time-ordered agenda.
import { list, listAll } from '../api/client'
import type { AmityEvent, Meeting, Text } from '../api/types'

export interface AgendaEntry {
  kind: 'meeting' | 'event'
  id: string
  title: Text
  subtype: string
  starts_at: string
  ends_at: string
  time_zone: string
  city_id?: string | null
  partnership_id: string
  status?: string
}

export function fromMeeting(m: Meeting): AgendaEntry {
  return { kind: 'meeting', id: m.id, title: m.title, subtype: m.kind, starts_at: m.starts_at, ends_at: m.ends_at, time_zone: m.time_zone, city_id: m.city_id, partnership_id: m.partnership_id }
}
export function fromEvent(e: AmityEvent): AgendaEntry {
  return { kind: 'event', id: e.id, title: e.title, subtype: e.kind, starts_at: e.starts_at, ends_at: e.ends_at, time_zone: e.time_zone, city_id: e.city_id, partnership_id: e.partnership_id, status: e.status }
}

/**
 * Meetings and events starting between two instants (inclusive), oldest first; with `first`, only
 * the first so many (one page of each list, however many the period holds).
 */
export async function loadAgenda(from: Date, to: Date, partnershipId?: string, first?: number): Promise<AgendaEntry[]> {
  const query = { starts_at_from: from.toISOString().replace(/\.\d{3}Z$/, 'Z'), starts_at_to: to.toISOString().replace(/\.\d{3}Z$/, 'Z'), partnership_id: partnershipId, sort: 'starts_at' }
  const read = <T,>(resource: string) =>
    first ? list<T>(resource, { ...query, limit: first }).then((page) => page.items) : listAll<T>(resource, query)
  const [meetings, events] = await Promise.all([read<Meeting>('meetings'), read<AmityEvent>('events')])
  const entries = [...meetings.map(fromMeeting), ...events.map(fromEvent)].sort((a, b) => a.starts_at.localeCompare(b.starts_at))
  return first ? entries.slice(0, first) : entries
}
