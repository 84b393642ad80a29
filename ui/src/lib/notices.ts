// The signed-in user's notices (the bell in the header and the Notices screen): what the server's
// alerts worker told them — weekly digests, partnerships gone quiet or dormant, events coming up.
// One shared copy, refreshed when a screen opens and every minute while the page is visible.
import { reactive } from 'vue'
import { request } from '../api/client'
import { NOTICE_KINDS, type NoticeKind } from '../api/types'

export { NOTICE_KINDS, type NoticeKind }

export interface Notice {
  id: string
  kind: NoticeKind
  lang: 'tr' | 'zh' | 'en'
  subject: string
  body: string
  link: string
  created_at: string
  read_at: string | null
}

export const notices = reactive({ items: [] as Notice[], unread: 0, loaded: false })

export async function refreshNotices(): Promise<void> {
  const answer = await request<{ items: Notice[]; unread: number }>('GET', 'notices')
  notices.items = answer.items
  notices.unread = answer.unread
  notices.loaded = true
}

export async function markNoticeRead(id: string): Promise<void> {
  const answer = await request<{ unread: number }>('POST', `notices/${id}/read`)
  const now = new Date().toISOString()
  notices.items = notices.items.map((notice) => (notice.id === id && !notice.read_at ? { ...notice, read_at: now } : notice))
  notices.unread = answer.unread
}

export async function markAllNoticesRead(): Promise<void> {
  await request('POST', 'notices/read')
  const now = new Date().toISOString()
  notices.items = notices.items.map((notice) => (notice.read_at ? notice : { ...notice, read_at: now }))
  notices.unread = 0
}

export function clearNotices(): void {
  notices.items = []
  notices.unread = 0
  notices.loaded = false
}
