// Mapping a problem+json answer onto form fields. Field paths from the server may be written
// "participants[0].person_id", "participants.0.person_id" or "/participants/0/person_id"; all
// become "participants.0.person_id".
import type { FieldProblem } from '../api/types'

export function normalizeField(field: string | undefined | null): string {
  if (!field) return ''
  return field
    .replace(/^\/+/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
}

/** The DOM id of the control for a field path. */
export function fieldId(field: string): string {
  return `f-${normalizeField(field).replace(/[^a-zA-Z0-9_-]/g, '-')}`
}

export class FieldErrors {
  constructor(readonly problems: FieldProblem[] = []) {}

  /** Problems of exactly this field, or (with `nested`) of it and anything inside it. */
  of(field: string, nested = false): FieldProblem[] {
    const name = normalizeField(field)
    return this.problems.filter((p) => {
      const f = normalizeField(p.field)
      return f === name || (nested && f.startsWith(`${name}.`))
    })
  }

  get empty(): boolean {
    return this.problems.length === 0
  }
}
