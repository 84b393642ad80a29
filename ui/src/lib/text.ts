// Reading translatable texts: the viewer's language first, then the original, then any.
// Editing them: the draft keeps what was stored (for the translation status) and the languages
// the user marked reviewed, which `cleanText` turns into `translations` for the server.
import { LANGS, type Lang, type Text, type TranslationStatus } from '../api/types'

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

/** The BCP 47 tag of a language for the html `lang` attribute. */
export function htmlLang(lang: Lang | '' | null | undefined): string | undefined {
  if (!lang) return undefined
  return lang === 'zh' ? 'zh-CN' : lang
}

/** Where one language of a text stands. */
export type LangState = 'original' | 'missing' | 'unreviewed' | 'reviewed'

export function langState(text: Text | null | undefined, lang: Lang): LangState {
  if (!text || !text[lang]?.trim()) return 'missing'
  if (text.original === lang) return 'original'
  return text.translations?.[lang]?.reviewed ? 'reviewed' : 'unreviewed'
}

/** The stored status of a translated language (a value without status counts as human, unreviewed). */
export function langStatus(text: Text | null | undefined, lang: Lang): TranslationStatus | null {
  if (!text || !text[lang] || text.original === lang) return null
  return text.translations?.[lang] ?? { by: 'human', reviewed: false }
}

/** The languages of a text that are missing or wait for review. */
export function openLanguages(text: Text | null | undefined): { missing: Lang[]; unreviewed: Lang[] } {
  const out = { missing: [] as Lang[], unreviewed: [] as Lang[] }
  if (!text) return out
  for (const lang of LANGS) {
    const state = langState(text, lang)
    if (state === 'missing') out.missing.push(lang)
    else if (state === 'unreviewed') out.unreviewed.push(lang)
  }
  return out
}

/**
 * A text in an edit form: the values being typed, plus what was stored (for the status badges)
 * and the languages the user marked reviewed in this edit. `stored` and `review` never reach the
 * server as such.
 */
export interface DraftText extends Text {
  stored?: Text | null
  review?: Lang[]
}

/** An empty editable text whose original is the given language. */
export function emptyText(original: Lang): DraftText {
  return { original, tr: '', zh: '', en: '', stored: null, review: [] }
}

/**
 * A text ready to send: blank languages dropped; null when no language has a value. Languages
 * marked reviewed are sent as `translations: {lang: {by, reviewed: true}}`; the server keeps the
 * status of every other language (and marks changed ones unreviewed).
 */
export function cleanText(text: DraftText | null | undefined): Text | null {
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
  const translations: Partial<Record<Lang, TranslationStatus>> = {}
  for (const lang of text.review ?? []) {
    if (lang === out.original || !out[lang]) continue
    const stored = text.stored
    const unchanged = stored?.[lang] === out[lang]
    translations[lang] = { by: (unchanged && stored?.translations?.[lang]?.by) || 'human', reviewed: true }
  }
  if (Object.keys(translations).length) out.translations = translations
  return out
}

/** A copy of a stored text with every language present (for editing). */
export function editableText(text: Text | null | undefined, fallbackOriginal: Lang): DraftText {
  return {
    original: text?.original ?? fallbackOriginal,
    tr: text?.tr ?? '',
    zh: text?.zh ?? '',
    en: text?.en ?? '',
    stored: text ? JSON.parse(JSON.stringify(text)) : null,
    review: [],
  }
}

/** Every language's value of a text (for filtering lists by what the user typed). */
export function textValues(text: Text | null | undefined): string[] {
  return text ? LANGS.map((l) => text[l] ?? '').filter(Boolean) : []
}
