// Files kept with records: listing and removing them, what kind a file is and how big in words,
// where its preview and its inline view are, and uploads through tus (resumable: a dropped link
// continues from the last byte the server holds). tus-js-client is loaded on the first upload, so
// screens that only list files do not carry it.
import { API_ROOT, csrfToken, request } from '../api/client'
import type { AmityFile, FileHolder, FileKind, MilestoneKind, Problem } from '../api/types'
import { INTL_LOCALE, currentLang } from '../i18n'

/** What a file is, for its icon and label. */
export function fileKind(mediaType: string): FileKind {
  const type = mediaType.toLowerCase()
  if (type.startsWith('image/')) return 'image'
  if (type === 'application/pdf') return 'pdf'
  if (type.startsWith('video/')) return 'video'
  if (type.startsWith('audio/')) return 'audio'
  if (/spreadsheet|excel|csv/.test(type)) return 'spreadsheet'
  if (/presentation|powerpoint/.test(type)) return 'presentation'
  if (/wordprocessing|msword|opendocument\.text|rtf/.test(type)) return 'document'
  if (type.startsWith('text/')) return 'text'
  return 'other'
}

/** The colour of a kind's icon (the kind's name is written beside it). */
export const KIND_COLOUR: Record<FileKind, string> = {
  image: '#1d6b34',
  pdf: '#a30f1c',
  video: '#6a3d9a',
  audio: '#8a5a00',
  spreadsheet: '#2e7d32',
  presentation: '#c2410c',
  document: '#0b5394',
  text: '#4f5968',
  other: '#4f5968',
}

/** A size in the viewer's language: "930 byte", "12.5 kB", "1.2 GB" (powers of 1000, as Intl names them). */
export function humanSize(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return new Intl.NumberFormat(INTL_LOCALE[currentLang()], {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value)
}

/** The file's bytes shown in the browser itself (images, PDF, audio, video, plain text). */
export function inlineUrl(file: Pick<AmityFile, 'content_url'>): string {
  return `${file.content_url}?disposition=inline`
}

/** A picture of the file to show in a list: the server's thumbnail, else the image itself. */
export function previewUrl(file: Pick<AmityFile, 'content_url' | 'thumbnail_url' | 'media_type'>): string | null {
  if (file.thumbnail_url) return file.thumbnail_url
  return fileKind(file.media_type) === 'image' ? inlineUrl(file) : null
}

/** Whether the browser can show the file in a tab of its own ("View"), rather than only save it. */
export function viewable(file: Pick<AmityFile, 'media_type'>): boolean {
  const kind = fileKind(file.media_type)
  return kind === 'pdf' || kind === 'video' || kind === 'audio' || kind === 'image' || file.media_type === 'text/plain'
}

/** Whether every file of `holder` is personal data, whatever the upload says (an application's documents). */
export function alwaysPersonal(holder: FileHolder): boolean {
  return holder === 'exchange_applications'
}

export async function listFiles(holder: FileHolder, id: string): Promise<AmityFile[]> {
  // The exchange routes are spelt with a hyphen; the holder's name is the collection's.
  const base = holder === 'exchange_applications' ? 'exchange-applications' : holder
  return (await request<{ items: AmityFile[] }>('GET', `${base}/${encodeURIComponent(id)}/files`)).items
}

/** Removes a file from its record (If-Match: its version). ApiError 403 when the user may not. */
export function removeFile(file: Pick<AmityFile, 'id' | 'version'>): Promise<void> {
  return request<void>('DELETE', `files/${encodeURIComponent(file.id)}`, { version: file.version })
}

/** Why an upload failed: the HTTP status (0: no answer) and the server's problem, if any. */
export interface UploadFailure {
  status: number
  problem: Problem | null
}

export interface UploadOptions {
  holder: FileHolder
  holderId: string
  milestone?: MilestoneKind | null
  personalData?: boolean
  onProgress: (sent: number, total: number) => void
  /** the upload became a file; `fileId` from the last answer's Amity-File-Id */
  onSuccess: (fileId: string | null) => void
  onError: (failure: UploadFailure) => void
}

/** A running upload: abort (and forget it on the server), or start again after a failure. */
export interface UploadHandle {
  cancel: () => Promise<void>
  resume: () => void
}

/** Waits between automatic retries after a dropped connection or a 5xx, then gives up. */
export const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000]
/** Bytes per PATCH: a proxy in front of the server may limit a request's body. */
const CHUNK_SIZE = 8 * 1024 * 1024

function parseProblem(body: string | undefined): Problem | null {
  if (!body) return null
  try {
    const data = JSON.parse(body)
    return data && typeof data === 'object' ? (data as Problem) : null
  } catch {
    return null
  }
}

/**
 * Starts a resumable upload of `file` to a record. An upload of the same file to the same record
 * (and legal step) that was cut off earlier, even before a reload, continues where the server
 * stopped; one to another record never does.
 */
export async function startUpload(file: File, options: UploadOptions): Promise<UploadHandle> {
  const { Upload } = await import('tus-js-client')
  const metadata: Record<string, string> = {
    filename: file.name,
    holder: options.holder,
    holder_id: options.holderId,
    personal_data: options.personalData ? 'true' : 'false',
  }
  if (options.milestone) metadata.milestone = options.milestone
  const upload = new Upload(file, {
    endpoint: `${API_ROOT}/uploads`,
    metadata,
    chunkSize: CHUNK_SIZE,
    retryDelays: RETRY_DELAYS,
    removeFingerprintOnSuccess: true,
    // The session's CSRF token, read at each request: it changes when the user signs in again.
    onBeforeRequest(req) {
      const token = csrfToken()
      if (token) req.setHeader('X-CSRF-Token', token)
    },
    onProgress: options.onProgress,
    onSuccess(payload) {
      options.onSuccess(payload.lastResponse?.getHeader('Amity-File-Id') ?? null)
    },
    onError(error) {
      const response = (error as { originalResponse?: { getStatus(): number; getBody(): string } | null }).originalResponse
      options.onError({ status: response?.getStatus() ?? 0, problem: parseProblem(response?.getBody()) })
    },
  })
  const previous = await upload.findPreviousUploads()
  const same = previous
    .filter((p) => p.metadata.holder === metadata.holder && p.metadata.holder_id === metadata.holder_id && (p.metadata.milestone ?? '') === (metadata.milestone ?? ''))
    .sort((a, b) => b.creationTime.localeCompare(a.creationTime))
  if (same.length) upload.resumeFromPreviousUpload(same[0])
  upload.start()
  return {
    cancel: () => upload.abort(true).catch(() => undefined),
    resume: () => upload.start(),
  }
}

/** An ApiError's first problem message, or its detail or title. */
export function problemMessage(problem: Problem | null | undefined): string {
  if (!problem) return ''
  return problem.problems?.map((p) => p.message).filter(Boolean).join(' ') || problem.detail || problem.title || ''
}


/**
 * The picture of a case: the preview of its first image file, or null (none, or the files could
 * not be read; a card then shows its placeholder). Asked once per case and page load.
 */
const photos = new Map<string, Promise<string | null>>()
export function casePhoto(caseId: string, holder: FileHolder = 'cases'): Promise<string | null> {
  const key = `${holder}/${caseId}`
  let found = photos.get(key)
  if (!found) {
    found = listFiles(holder, caseId)
      .then((files) => {
        const image = files.find((f) => fileKind(f.media_type) === 'image')
        return image ? previewUrl(image) : null
      })
      .catch(() => null)
    photos.set(key, found)
  }
  return found
}

/** Forgets the cached picture of a case, or of a record of `holder` (its files changed). */
export function forgetCasePhoto(caseId: string, holder: FileHolder = 'cases'): void {
  photos.delete(`${holder}/${caseId}`)
}
