// Showing search results: a result's title in the viewer's language, and the matching text cut
// down to the words around each match (the server sends whole texts, minutes included).
import type { Lang, SearchMatch, SearchTitle, Segment, Text } from '../api/types'
import { pick, textValue } from './text'

/** A result's title as text, and the language it is in (when it is a translatable text). */
export function titleOf(title: SearchTitle, lang: Lang): { text: string; lang: Lang | null; fallback: boolean } {
  if (!title) return { text: '', lang: null, fallback: false }
  if (typeof title === 'string') return { text: title, lang: null, fallback: false }
  if ('original' in title) {
    const shown = pick(title as Text, lang)
    return { text: shown.value, lang: shown.lang, fallback: shown.fallback }
  }
  const pair = title as { home_city: Text | null; partner_city: Text | null }
  return { text: `${textValue(pair.home_city, lang)} ↔ ${textValue(pair.partner_city, lang)}`, lang: null, fallback: false }
}

function chars(text: string): string[] {
  return Array.from(text)
}
/** The last `n` characters, starting at a word when one begins close by. */
function tail(text: string, n: number): string {
  const c = chars(text)
  if (c.length <= n) return text
  let start = c.length - n
  for (let i = start; i < Math.min(c.length, start + 15); i++) {
    if (/\s/.test(c[i])) {
      start = i + 1
      break
    }
  }
  return '…' + c.slice(start).join('')
}
/** The first `n` characters, ending at a word when one ends close by. */
function head(text: string, n: number): string {
  const c = chars(text)
  if (c.length <= n) return text
  let end = n
  for (let i = end; i > Math.max(0, end - 15); i--) {
    if (/\s/.test(c[i])) {
      end = i
      break
    }
  }
  return c.slice(0, end).join('') + '…'
}

/**
 * The segments with long stretches between matches shortened to `context` characters a side,
 * ending after the `marks`-th match (long minutes can match a word many times).
 */
export function snippet(segments: Segment[], context = 70, marks = 4): Segment[] {
  const out: Segment[] = []
  let seen = 0
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]
    if (s.match) {
      out.push(s)
      seen++
      continue
    }
    const first = i === 0
    const last = i === segments.length - 1 || seen >= marks
    let text = s.text
    if (first && last) text = head(text, context * 2)
    else if (first) text = tail(text, context)
    else if (last) text = head(text, context)
    else if (chars(text).length > context * 2 + 10) text = `${head(text, context).slice(0, -1)} … ${tail(text, context).slice(1)}`
    out.push({ text, match: false })
    if (seen >= marks) {
      if (i < segments.length - 1 && !text.endsWith('…')) out.push({ text: ' …', match: false })
      break
    }
  }
  return out
}

/** The segments cut after `max` characters (for titles, which read from their start). */
export function truncated(segments: Segment[], max = 200): Segment[] {
  const out: Segment[] = []
  let left = max
  for (const s of segments) {
    const c = chars(s.text)
    if (c.length <= left) {
      out.push(s)
      left -= c.length
      continue
    }
    if (left > 0) out.push({ text: c.slice(0, left).join(''), match: s.match })
    out.push({ text: '…', match: false })
    break
  }
  return out
}

export function joined(match: SearchMatch): string {
  return match.segments.map((s) => s.text).join('')
}
