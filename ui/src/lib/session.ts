// Who is signed in: the user from POST/GET /api/v1/session, its CSRF token (handed to the API
// client, kept in memory only), signing in and out, and what the user's role may do — the
// rules of src/domain/access.cpp, mirrored so that screens hide what the server would refuse.
// The server stays the judge: a refused change still shows its 403 message.
// The device's copy (api/device_copy.ts) belongs to the signed-in user: another user's sign-in
// and signing out wipe it; a session that ended forgets what was read but keeps unsent writes.
import { reactive } from 'vue'
import { ApiError, NetworkError, configureSession, request } from '../api/client'
import { claimFor, forgetReads, keep, wipe } from '../api/device_copy'
import type { Session, User, Visibility } from '../api/types'
import { reset as resetTables } from './refdata'
import { isReplica } from './replicas'

export const session = reactive({
  user: null as User | null,
  /** the session was asked for once (at the first navigation) */
  checked: false,
  /** the server answered 401 to a signed-in screen: the session ended (expired, signed out, disabled) */
  ended: false,
})

function adopt(answer: Session): User {
  const changedUser = session.user?.id !== answer.user.id
  session.user = answer.user
  session.ended = false
  // A session read from the device's copy has no CSRF token: the one in memory stays.
  if (answer.csrf_token || changedUser) configureSession({ csrf: answer.csrf_token ?? '' })
  // Another user may see other records: drop the cached ones.
  if (changedUser) resetTables()
  // The device's copy becomes this user's (another's is wiped first); a session read from the
  // copy (it has no CSRF token) is not kept again.
  const claimed = claimFor(answer.user.id)
  if (answer.csrf_token) void claimed.then(() => keep(`/api/v1/session`, answer))
  return answer.user
}

function forget(): void {
  session.user = null
  configureSession({ csrf: '' })
  resetTables()
}

/** Set while a sign-out made without a network still has to reach the server. */
const SIGN_OUT_PENDING = 'amity.signOutPending'
function signOutPending(value?: boolean): boolean {
  try {
    if (value === true) localStorage.setItem(SIGN_OUT_PENDING, '1')
    else if (value === false) localStorage.removeItem(SIGN_OUT_PENDING)
    return localStorage.getItem(SIGN_OUT_PENDING) === '1'
  } catch {
    return false
  }
}

let checking: Promise<void> | null = null

/** Asks the server who is signed in (once; later calls wait for the same answer). */
export function ensureSession(): Promise<void> {
  checking ??= loadSession()
  return checking
}

export async function loadSession(): Promise<void> {
  try {
    // Signed out without a network: end the session on the server before anything else.
    if (signOutPending()) {
      await endServerSession()
      forget()
      return
    }
    adopt(await request<Session>('GET', 'session'))
  } catch (error) {
    forget() // 401: nobody is signed in; a network failure is shown by the login screen
    // The server says the session has ended: what was read goes (unsent writes stay for the
    // same user's next sign-in; another user's wipes them).
    if (error instanceof ApiError && error.status === 401) void forgetReads()
  } finally {
    session.checked = true
  }
}

export async function signIn(email: string, password: string): Promise<User> {
  const answer = await request<Session>('POST', 'session', { body: { email, password } })
  signOutPending(false) // the new session's cookie replaced the one that was to be ended
  checking = Promise.resolve()
  session.checked = true
  return adopt(answer)
}

/** DELETE the session; without a network, remembers to do it at the next start. */
async function endServerSession(): Promise<void> {
  try {
    await request<void>('DELETE', 'session')
    signOutPending(false)
  } catch (error) {
    if (error instanceof ApiError) signOutPending(false) // a 401 means it had ended anyway
    else if (error instanceof NetworkError) signOutPending(true)
    else throw error
  }
}

/**
 * Signs out and wipes the device's copy (what was read and what waits to send). Without a
 * network the device is wiped all the same and the server is told at the next start.
 */
export async function signOut(): Promise<void> {
  await endServerSession()
  await wipe()
  forget()
  session.ended = false
}

/**
 * Asks the server again who is signed in (after each navigation, alongside the screen's own
 * requests): a role or partnerships changed by an administrator apply at once, and a session
 * ended elsewhere (signed out, disabled, expired) answers false.
 */
export async function recheckSession(): Promise<boolean> {
  if (!session.user) return true
  try {
    adopt(await request<Session>('GET', 'session'))
    return true
  } catch (error) {
    return !(error instanceof ApiError && error.status === 401)
  }
}

/** Called by the API client when a signed-in request answered 401. */
export function sessionEnded(): void {
  if (!session.user) return
  forget()
  void forgetReads()
  session.ended = true
}

/** After a 403 "csrf_token": the current session's token, if it is still the same user's. */
async function refreshCsrf(): Promise<boolean> {
  const before = session.user?.id
  try {
    const answer = await request<Session>('GET', 'session')
    if (answer.user.id !== before) return false
    adopt(answer)
    return !!answer.csrf_token
  } catch {
    return false
  }
}
configureSession({ refreshCsrf })

// ——— What the signed-in user's role may do (mirrors src/domain/access.cpp) ———

/** The facts the rules need about a record (any record of the API has these fields). */
export interface RecordFacts {
  id?: string
  partnership_id?: string | null
  visibility?: Visibility
  created_by?: string | null
  home_owner_id?: string | null
  partner_owner_id?: string | null
  instance_id?: string | null
}

/** Records partner users work on inside their partnerships (and contributors create). */
const WORK = ['commitments', 'events', 'meetings']
/** A fair's records partner users file for their own city's buyers, and change or withdraw when theirs. */
const BUYER = ['fair_buyers', 'meeting_requests']

export function isAdmin(): boolean {
  return session.user?.role === 'admin'
}
/** Everyone but partner users sees every record (and the translation queue). */
export function seesEverything(): boolean {
  return !!session.user && session.user.role !== 'partner'
}
/** Partner users and viewers may not set who sees a record. */
export function canChangeVisibility(): boolean {
  const role = session.user?.role
  return !!role && role !== 'partner' && role !== 'viewer'
}

function assigned(partnershipId: string | null | undefined): boolean {
  return !!partnershipId && !!session.user?.partnerships.includes(partnershipId)
}
function partnershipOf(resource: string, record: RecordFacts): string | null | undefined {
  return resource === 'partnerships' ? record.id : record.partnership_id
}

/**
 * May the user create a record of `resource`? With `partnershipId`, inside that partnership;
 * without, in any (partner users: in one of theirs).
 */
export function canCreate(resource: string, partnershipId?: string | null): boolean {
  const user = session.user
  if (!user) return false
  switch (user.role) {
    case 'admin':
    case 'officer':
      return true
    case 'contributor':
      return resource === 'commitments' || resource === 'events'
    case 'partner':
      // Organizations: of the partner city of one of its partnerships (the server checks).
      if (resource === 'organizations') return user.partnerships.length > 0
      return (WORK.includes(resource) || BUYER.includes(resource)) && (partnershipId ? assigned(partnershipId) : user.partnerships.length > 0)
    default:
      return false
  }
}

/** May the user change the record (edit, move a commitment, add a progress note)? */
export function canEdit(resource: string, record: RecordFacts | null | undefined): boolean {
  // Another server's record: its owner's rules decide, there (docs/FEDERATION.md).
  if (isReplica(record)) return false
  return roleMayEdit(resource, record)
}

/**
 * May the signed-in user change (or archive) this replica by proposing the change to the server
 * that owns it (docs/FEDERATION.md, "Proposals")? Any record of a partnership the user could
 * change here if it were this server's; the owner's rules decide there.
 */
export function canPropose(resource: string, record: RecordFacts | null | undefined, operation: 'update' | 'archive' = 'update'): boolean {
  if (!record || !isReplica(record) || !partnershipOf(resource, record)) return false
  return operation === 'archive' ? roleMayArchive(resource, record) : roleMayEdit(resource, record)
}

function roleMayEdit(resource: string, record: RecordFacts | null | undefined): boolean {
  const user = session.user
  if (!user || !record) return false
  switch (user.role) {
    case 'admin':
    case 'officer':
      return true
    case 'contributor': {
      if (resource !== 'commitments' && resource !== 'events') return false
      if (record.created_by && record.created_by === user.id) return true
      return !!user.person_id && [record.home_owner_id, record.partner_owner_id].includes(user.person_id)
    }
    case 'partner': {
      // A fair's buyer records and organizations: the ones it created (the server checks the rest).
      if (BUYER.includes(resource) || resource === 'organizations') return !!record.created_by && record.created_by === user.id
      const partnership = partnershipOf(resource, record)
      return WORK.includes(resource) && record.visibility === 'shared' && !!partnership && assigned(partnership)
    }
    default:
      return false
  }
}

/** May the user archive the record? (Partner users only withdraw their own buyers' records.) */
export function canArchive(resource: string, record: RecordFacts | null | undefined): boolean {
  return !isReplica(record) && roleMayArchive(resource, record)
}

function roleMayArchive(resource: string, record: RecordFacts | null | undefined): boolean {
  if (session.user?.role === 'partner') return BUYER.includes(resource) && roleMayEdit(resource, record)
  return roleMayEdit(resource, record)
}

/** Who sees a new record unless the user chooses: the home city only; partner users' records are shared. */
export function defaultVisibility(): Visibility {
  return session.user?.role === 'partner' ? 'shared' : 'private'
}
