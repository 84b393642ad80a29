// A record page's archive action and, on a replica, the changes proposed to the server that owns
// it (docs/FEDERATION.md, "Proposals"): an archive answered with a proposal stays on the page and
// shows it waiting (components/ProposalStatus.vue); once the owner applied a change the record is
// read again until its new version is here (or left, when it was archived); "Redo" of a refused
// edit reopens the edit form on the current version with the same changes (lib/editor.ts).
import { ref, shallowRef, useTemplateRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from 'vue-router'
import { archive } from '../api/client'
import { failureOf, type Failure } from './editor'
import { isProposal, type Proposal } from './replicas'

export interface RecordActionOptions {
  resource: string
  /** The record's id, once loaded. */
  id: () => string | undefined
  /** Reads the record (and what the page shows with it) again; answers its version. */
  reload: () => Promise<number>
  /** Where to go once the record is archived. */
  leaveTo: () => string
  /** A redo the page makes itself (a commitment's move or note). */
  redo?: (proposal: Proposal) => void
}

export function useRecordActions(options: RecordActionOptions) {
  const { t } = useI18n()
  const router = useRouter()
  const route = useRoute()
  /** The page's ProposalStatus, the element with ref="proposals". */
  const status = useTemplateRef<{ reload: (made?: Proposal) => Promise<void> }>('proposals')
  /** The proposal the edit form made before it came back here (`?proposal=`), awaited at once. */
  const awaiting = typeof route.query.proposal === 'string' ? route.query.proposal : undefined
  /** What went wrong with an action on this page (archive refused, network). */
  const failure = shallowRef<Failure | null>(null)
  /** Told to screen readers: a change was sent to the owner. */
  const message = ref('')

  async function proposed(made: Proposal): Promise<void> {
    message.value = t('proposals.sentRecord')
    await status.value?.reload(made)
  }

  async function remove(): Promise<void> {
    const id = options.id()
    if (!id || !window.confirm(t('common.confirmArchive'))) return
    failure.value = null
    try {
      const answer = await archive(options.resource, id)
      if (isProposal(answer)) await proposed(answer)
      else await router.push(options.leaveTo())
    } catch (error) {
      failure.value = failureOf(error)
    }
  }

  /**
   * The owner applied a proposal. Its new version comes back with the feed, which this server
   * pulls right after the owner's answer: read again for a few seconds until it is here.
   */
  async function applied(version = 0, archived = false): Promise<void> {
    if (archived) {
      await router.push(options.leaveTo())
      return
    }
    for (let attempt = 0; ; attempt++) {
      if ((await options.reload()) >= version || attempt >= 20) return
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }

  /** Redo a refused proposal on the current version. */
  async function redo(p: Proposal): Promise<void> {
    if (p.operation === 'update') {
      await router.push({ path: `/${options.resource}/${p.record_id}/edit`, query: { redo: p.id } })
    } else if (p.operation === 'archive') {
      await applied()
      await remove()
    } else {
      await applied()
      options.redo?.(p)
    }
  }

  return { status, awaiting, failure, message, proposed, remove, applied, redo }
}
