// The HS nomenclature (GET /api/v1/hs-chapters), read once per page load: the names of a code's
// chapter and heading in the viewer's language, and a code written as tariff books print it.
import { shallowRef } from 'vue'
import { request } from '../api/client'
import type { HsChapter, HsName, Lang } from '../api/types'

export const chapters = shallowRef<HsChapter[]>([])
let loading: Promise<void> | null = null

/** Loads the chapters once (again after a failure). */
export function needChapters(): Promise<void> {
  if (!loading) {
    loading = request<{ items: HsChapter[] }>('GET', 'hs-chapters')
      .then((list) => {
        chapters.value = list.items
      })
      .catch((error) => {
        loading = null
        throw error
      })
  }
  return loading
}

/** The digits of a code as typed ("0804.20" → "080420"); dots and spaces dropped. */
export function digits(code: string): string {
  return code.replace(/[.\s]/g, '')
}

/** The chapter of a code (its first two digits), if it exists and is not reserved. */
export function chapterOf(code: string | null | undefined): HsChapter | undefined {
  const two = digits(code ?? '').slice(0, 2)
  return chapters.value.find((c) => c.code === two && !c.reserved)
}

/** The name of a code's heading (first four digits), if Amity names it. */
export function headingName(code: string | null | undefined): HsName | undefined {
  const four = digits(code ?? '').slice(0, 4)
  return chapterOf(four)?.headings.find((h) => h.code === four)?.name
}

/** "0804.20" for "080420"; national codes "0804.20.10.00.11". */
export function printCode(code: string | null | undefined): string {
  const d = code ?? ''
  if (d.length <= 4) return d
  const parts = [d.slice(0, 4)]
  for (let i = 4; i < d.length; i += 2) parts.push(d.slice(i, i + 2))
  return parts.join('.')
}

/** A name in `lang`. */
export function nameIn(name: HsName | undefined, lang: Lang): string {
  return name ? name[lang] ?? name.en : ''
}
