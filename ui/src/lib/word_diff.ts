// Two wordings of one text compared word by word (jsdiff's diffWords), for reading side by side:
// the older text with what was deleted marked, the newer with what was inserted. Words are found
// with Intl.Segmenter for the text's language, which knows where Chinese words begin and end
// (jsdiff's own splitting takes a run of Chinese characters for one word); Turkish and English
// split at spaces and punctuation either way.
import { diffWords } from 'diff'
import type { Lang } from '../api/types'
import { htmlLang } from './text'

export interface DiffPart {
  text: string
  kind: 'same' | 'inserted' | 'deleted'
}
export interface WordDiff {
  /** the older text: unchanged and deleted parts */
  before: DiffPart[]
  /** the newer text: unchanged and inserted parts */
  after: DiffPart[]
  /** runs of inserted and of deleted words */
  insertions: number
  deletions: number
}

/** Longest time spent on one comparison; past it the texts are shown without marks. */
const TIMEOUT_MS = 1500

const segmenters = new Map<Lang, unknown>()
function segmenterFor(lang: Lang): unknown {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return undefined
  let segmenter = segmenters.get(lang)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(htmlLang(lang), { granularity: 'word' })
    segmenters.set(lang, segmenter)
  }
  return segmenter
}

/**
 * `before` and `after` (texts in `lang`) compared word by word; null when the comparison would
 * take too long (texts long and wholly different), so the caller shows them unmarked.
 */
export function wordDiff(before: string, after: string, lang: Lang): WordDiff | null {
  const changes = diffWords(before, after, { intlSegmenter: segmenterFor(lang), timeout: TIMEOUT_MS })
  if (!changes) return null
  const result: WordDiff = { before: [], after: [], insertions: 0, deletions: 0 }
  for (const change of changes) {
    if (change.added) {
      result.after.push({ text: change.value, kind: 'inserted' })
      result.insertions++
    } else if (change.removed) {
      result.before.push({ text: change.value, kind: 'deleted' })
      result.deletions++
    } else {
      result.before.push({ text: change.value, kind: 'same' })
      result.after.push({ text: change.value, kind: 'same' })
    }
  }
  return result
}
