// Reading translatable texts: the viewer's language first, then the original, then any.
import { LANGS, type Lang, type Text } from '../api/types'

export interface Shown {
  value: string
  lang: Lang | null
  /** true when the value is not in the requested language */
  fallback: boolean
}

export function pick(text: Text | null | undefined, lang: Lang): Shown {
  if (!text) return { value: '', lang: null, fallback: false }
  const own = text[lang]
  if (own) return { value: own, lang, fallback: false }
  const original = text.original && text[text.original]
  if (original) return { value: original, lang: text.original, fallback: true }
  for (const other of LANGS) {
    const value = text[other]
    if (value) return { value, lang: other, fallback: true }
  }
  return { value: '', lang: null, fallback: false }
}

export function textValue(text: Text | null | undefined, lang: Lang): string {
  return pick(text, lang).value
}

/** An empty editable text whose original is the given language. */
export function emptyText(original: Lang): Text {
  return { original, tr: '', zh: '', en: '' }
}

/** A text ready to send: blank languages dropped; null when no language has a value. */
export function cleanText(text: Text | null | undefined): Text | null {
  if (!text) return null
  const out: Text = { original: text.original }
  let any = false
  for (const lang of LANGS) {
    const value = text[lang]?.trim()
    if (value) {
      out[lang] = value
      any = true
    }
  }
  if (!any) return null
  if (!out[out.original]) out.original = LANGS.find((l) => out[l]) ?? text.original
  return out
}

/** A copy of a stored text with every language present (for editing). */
export function editableText(text: Text | null | undefined, fallbackOriginal: Lang): Text {
  return { original: text?.original ?? fallbackOriginal, tr: text?.tr ?? '', zh: text?.zh ?? '', en: text?.en ?? '' }
}
