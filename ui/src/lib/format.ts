// Dates, instants, numbers and time zones in the viewer's language. Every instant is shown in
// the time zone it belongs to and in the partnership's home-city time zone, e.g.
// "10:00 Harbin · 05:00 İzmir".
//
// The one rule for an instant (a change, a note, a sign-in): its date and time in the user's zone
// (lib/user_zone.ts) followed by that zone's UTC offset, "7 Dec 2026, 00:12 UTC+3", the same on
// every screen. Meetings and events show their own zone and the other city's (DualTime.vue), each
// with its offset.
import { INTL_LOCALE, currentLang } from '../i18n'
import { userZone } from './user_zone'

function locale(): string {
  return INTL_LOCALE[currentLang()]
}

// Making an Intl.DateTimeFormat costs far more than using one (a board of cards asked for
// hundreds: ~40 ms of a phone's first paint), so each is made once per language and options.
const cache = new Map<string, Intl.DateTimeFormat>()
function formatter(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = tag + JSON.stringify(options)
  let format = cache.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(tag, options)
    cache.set(key, format)
  }
  return format
}
function dtf(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return formatter(locale(), options)
}

let browser: string | undefined
/** The browser's own time zone (asked once). */
export function browserZone(): string {
  browser ??= Intl.DateTimeFormat().resolvedOptions().timeZone
  return browser
}

/** A calendar date "YYYY-MM-DD" as e.g. "5 Jan 2027" / "5 Oca 2027" / "2027年1月5日". */
export function formatDate(date: string | null | undefined, style: 'medium' | 'long' | 'full' = 'medium'): string {
  if (!date) return ''
  const [y, m, d] = date.slice(0, 10).split('-').map(Number)
  if (!y || !m || !d) return date
  return dtf({ dateStyle: style, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}

/** Clock time (24 h) of an instant in a time zone. */
export function formatTime(at: string, timeZone: string): string {
  return dtf({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(at))
}

/** Date of an instant in a time zone, e.g. "Tue, 5 Jan 2027". */
export function formatDay(at: string, timeZone: string): string {
  return dtf({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(at))
}

/**
 * Date, time and zone of an instant (history, timelines, audit): e.g. "7 Dec 2026, 00:12 UTC+3",
 * in `timeZone` or else the user's zone (lib/user_zone.ts). Returns "" for an invalid instant.
 */
export function formatStamp(at: string, timeZone: string = userZone()): string {
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return ''
  const text = dtf({ dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(date)
  return `${text} ${offsetLabel(at, timeZone)}`
}

/** A zone's offset at an instant as "UTC+3", "UTC+5:30", "UTC-4" or "UTC". */
export function offsetLabel(at: string | number, timeZone: string): string {
  let minutes: number
  try {
    minutes = zoneOffsetMinutes(typeof at === 'number' ? at : new Date(at).getTime(), timeZone)
  } catch {
    return ''
  }
  if (!minutes) return 'UTC'
  const abs = Math.abs(minutes)
  const hours = Math.floor(abs / 60)
  const rest = abs % 60
  return `UTC${minutes < 0 ? '-' : '+'}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`
}

const numberFormats = new Map<string, Intl.NumberFormat>()
export function formatNumber(value: number): string {
  const tag = locale()
  let format = numberFormats.get(tag)
  if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag)))
  return format.format(value)
}

/** How long ago an instant was, in words of the viewer's language: "2 minutes ago", "2 分钟前". */
export function formatAgo(at: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(at) - now) / 1000)
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' })
  const abs = Math.abs(seconds)
  if (abs < 60) return format.format(seconds, 'second')
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return format.format(Math.round(seconds / 3600), 'hour')
  return format.format(Math.round(seconds / 86400), 'day')
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(value)
}

/** "YYYY-MM-DD" of an instant as seen in a time zone. */
export function dayKey(at: string | Date, timeZone: string): string {
  const parts = formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(typeof at === 'string' ? new Date(at) : at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** Offset of a zone from UTC at an instant, in minutes (east positive). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const parts = formatter('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000)
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/**
 * A wall-clock time "YYYY-MM-DDTHH:MM" in a zone as an RFC 3339 instant with that zone's offset,
 * e.g. ("2027-01-05T10:00", "Asia/Shanghai") → "2027-01-05T10:00:00+08:00". Returns "" for "".
 */
export function zonedToInstant(local: string, timeZone: string): string {
  if (!local) return ''
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local)
  if (!match) return local
  const [y, mo, d, h, mi] = match.slice(1).map(Number)
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  let offset: number
  try {
    offset = zoneOffsetMinutes(wall, timeZone)
    offset = zoneOffsetMinutes(wall - offset * 60000, timeZone)
  } catch {
    return `${local.slice(0, 16)}:00Z`
  }
  return `${local.slice(0, 16)}:00${offsetText(offset)}`
}

/** An instant as the "YYYY-MM-DDTHH:MM" wall-clock value of a datetime-local input in a zone. */
export function instantToZoned(at: string | null | undefined, timeZone: string): string {
  if (!at) return ''
  try {
    const ms = new Date(at).getTime()
    const shifted = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60000)
    return shifted.toISOString().slice(0, 16)
  } catch {
    return at.slice(0, 16)
  }
}

/** Whether the runtime knows this IANA zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

export function allTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] }
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC', 'Europe/Istanbul', 'Asia/Shanghai']
}

/** Today's date "YYYY-MM-DD" in the viewer's zone. */
export function todayKey(): string {
  return dayKey(new Date(), browserZone())
}
