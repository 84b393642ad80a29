// Languages of the workspace: Turkish, Simplified Chinese, English. The choice is remembered in
// localStorage; the first visit follows the browser's languages.
import { createI18n } from 'vue-i18n'
import { LANGS, type Lang } from './api/types'

export const STORAGE_KEY = 'amity.lang'

/** BCP 47 tags used for Intl formatting and the html lang attribute. */
export const INTL_LOCALE: Record<Lang, string> = { tr: 'tr-TR', zh: 'zh-CN', en: 'en-GB' }
/** Each language's name in itself, for the switcher. */
export const NATIVE_NAME: Record<Lang, string> = { tr: 'Türkçe', zh: '中文', en: 'English' }

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

/** The remembered choice, else the first of the browser's languages we have, else English. */
export function initialLanguage(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (isLang(stored)) return stored
  } catch {
    /* storage may be disabled */
  }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language]
  for (const tag of preferred) {
    const base = (tag || '').toLowerCase().split('-')[0]
    if (isLang(base)) return base
  }
  return 'en'
}

const englishPlural = new Intl.PluralRules('en')

// Only the language in use is loaded (each is ~60 KB of messages, compiled at build time): the
// first screen waits for one, and a switch loads the next before showing it.
const LOADERS: Record<Lang, () => Promise<{ default: Record<string, unknown> }>> = {
  tr: () => import('./locales/tr.json'),
  zh: () => import('./locales/zh.json'),
  en: () => import('./locales/en.json'),
}
const loaded = new Map<Lang, Promise<void>>()

export const i18n = createI18n({
  legacy: false,
  locale: initialLanguage(),
  fallbackLocale: false,
  messages: {},
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
  // Turkish and Chinese nouns do not change after a number: one form. English: one | other.
  pluralRules: {
    tr: () => 0,
    zh: () => 0,
    en: (choice: number) => (englishPlural.select(choice) === 'one' ? 0 : 1),
  },
})

// A message without parameters is the same text every time in a language, yet vue-i18n resolves
// it afresh on each call (key path, message context, compiled function): a screen's first render
// made hundreds of such calls, the largest share of its script time on a phone. Those are kept
// per language; a message not there yet (its key comes back) is not kept. `t` is replaced before
// the app installs the plugin, so templates' `$t` and `useI18n().t` both use this one.
const resolve = i18n.global.t
const resolved = new Map<string, string>()
function t(...args: unknown[]): string {
  if (args.length !== 1 || typeof args[0] !== 'string') return (resolve as (...a: unknown[]) => string)(...args)
  // Read through the reactive locale, so that a render using it follows a language switch.
  const key = `${i18n.global.locale.value}\u0000${args[0]}`
  let text = resolved.get(key)
  if (text === undefined) {
    text = resolve(args[0])
    if (text !== args[0]) resolved.set(key, text)
  }
  return text
}
;(i18n.global as unknown as { t: typeof t }).t = t

/** The current language as a reactive ref's value. */
export function currentLang(): Lang {
  return i18n.global.locale.value as Lang
}

/** Loads a language's messages once; later calls share the first load. */
export function loadLanguage(lang: Lang): Promise<void> {
  let load = loaded.get(lang)
  if (!load) {
    load = LOADERS[lang]().then((module) => {
      i18n.global.setLocaleMessage(lang, module.default as never)
      for (const key of resolved.keys()) if (key.startsWith(`${lang}\u0000`)) resolved.delete(key)
    })
    load.catch(() => loaded.delete(lang)) // a failed fetch is tried again next time
    loaded.set(lang, load)
  }
  return load
}

/** Switches the workspace to a language once its messages are here. */
export async function setLanguage(lang: Lang): Promise<void> {
  // The choice is kept at once (a navigation right after the click keeps it); the page's
  // language and its texts change together when the messages are here.
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    /* ignore */
  }
  await loadLanguage(lang)
  i18n.global.locale.value = lang
  applyDocumentLanguage(lang)
}

/**
 * The page's language, and the manifest in that language (its name and short name are what an
 * installed app is called; the three manifests share one id: one app).
 */
export function applyDocumentLanguage(lang: Lang): void {
  document.documentElement.lang = INTL_LOCALE[lang]
  document.querySelector('link[rel="manifest"]')?.setAttribute('href', `/manifest.${lang}.webmanifest`)
}
