// Where a record of each kind is shown and edited, for search results and the translation queue.
import type { Lang } from '../api/types'
import { fieldId } from './problems'

const DETAIL: Record<string, (id: string) => string> = {
  partnerships: (id) => `/partnerships/${id}`,
  meetings: (id) => `/meetings/${id}`,
  commitments: (id) => `/commitments/${id}`,
  events: (id) => `/events/${id}`,
  cases: (id) => `/cases/${id}`,
  products: (id) => `/products/${id}`,
  leads: (id) => `/leads/${id}`,
}
const EDIT: Record<string, (id: string) => string> = {
  partnerships: (id) => `/partnerships/${id}/edit`,
  meetings: (id) => `/meetings/${id}/edit`,
  commitments: (id) => `/commitments/${id}/edit`,
  events: (id) => `/events/${id}/edit`,
  cases: (id) => `/cases/${id}/edit`,
  products: (id) => `/products/${id}/edit`,
  exhibitors: (id) => `/exhibitors/${id}/edit`,
  leads: (id) => `/leads/${id}/edit`,
  people: (id) => `/people/${id}/edit`,
  organizations: (id) => `/organizations/${id}/edit`,
  cities: (id) => `/cities/${id}/edit`,
  glossary: (id) => `/glossary/${id}/edit`,
}

/** The page of a record: its detail page, or its form for kinds that have none. */
export function recordLink(kind: string, id: string): string {
  const at = DETAIL[kind] ?? EDIT[kind]
  return at ? at(encodeURIComponent(id)) : '/'
}

/** The form of a record, scrolled to one language of one text field (e.g. #f-minutes-zh). */
export function editLink(kind: string, id: string, field?: string, lang?: Lang): string {
  const at = EDIT[kind]
  if (!at) return recordLink(kind, id)
  const hash = field ? `#${fieldId(field)}${lang ? `-${lang}` : ''}` : ''
  return at(encodeURIComponent(id)) + hash
}

/** The i18n key of a field's label (people's "title" is their job title). */
export function fieldLabelKey(kind: string, field: string): string {
  if (kind === 'people' && field === 'title') return 'fields.job_title'
  if (kind === 'glossary' && field === 'note') return 'fields.note'
  return `fields.${field}`
}
