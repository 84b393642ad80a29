// Shapes of the Amity JSON API (docs/API.md). Read-only fields are in `Base`; the editable
// fields of each resource are listed in `forms.ts` so that PATCH sends nothing read-only.

export const LANGS = ['tr', 'zh', 'en'] as const
export type Lang = (typeof LANGS)[number]

/** Who made a translation. */
export const TRANSLATORS = ['human', 'machine'] as const
export type Translator = (typeof TRANSLATORS)[number]
/** The status of one translated language of a text (the server keeps it; see docs/API.md). */
export interface TranslationStatus {
  by: Translator
  reviewed: boolean
}

/** A translatable text: one value per language and the language it was written in. */
export interface Text {
  original: Lang
  tr?: string
  zh?: string
  en?: string
  /** Status of each translated (non-original) language that has a value. */
  translations?: Partial<Record<Lang, TranslationStatus>>
}

/** Who sees a record: the home city only, also partner users of its partnership, or everyone. */
export const VISIBILITIES = ['private', 'shared', 'public'] as const
export type Visibility = (typeof VISIBILITIES)[number]

export interface Base {
  id: string
  version: number
  created_at: string
  updated_at: string
  instance_id?: string
  archived?: boolean
  visibility?: Visibility
  /** the user who created the record (null for records the system loaded) */
  created_by?: string | null
}

export interface Page<T> {
  items: T[]
  /** every matching record when the server knows it without counting them all; else null */
  total: number | null
  limit: number
  offset: number
  has_more: boolean
  /** pass as `cursor` for the next page (null on the last) */
  next: string | null
}

export interface City extends Base {
  name: Text
  country: string
  time_zone: string
  latitude?: number | null
  longitude?: number | null
}

export const TIERS = ['exploring', 'letter_of_intent', 'friendship', 'sister_city'] as const
export type Tier = (typeof TIERS)[number]
export const PARTNERSHIP_STATUSES = ['active', 'dormant', 'suspended', 'terminated'] as const
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number]
export const MILESTONE_KINDS = [
  'letter_of_intent_signed',
  'council_decision',
  'ministry_permission',
  'partner_approval',
  'agreement_signed',
  'terminated',
] as const
export type MilestoneKind = (typeof MILESTONE_KINDS)[number]
export const SIDES = ['home', 'partner'] as const
export type Side = (typeof SIDES)[number]

export interface Milestone {
  kind: MilestoneKind
  date: string
  reference?: string | null
  note?: string | null
}
export interface FocalPoint {
  person_id: string
  side: Side
}
export interface Partnership extends Base {
  home_city_id: string
  partner_city_id: string
  tier: Tier
  status: PartnershipStatus
  milestones: Milestone[]
  focal_points: FocalPoint[]
  notes?: Text | null
  /** months without contact before it reads quiet / dormant; null or absent: 3 and 6 */
  quiet_after_months?: number | null
  dormant_after_months?: number | null
}

export const ORGANIZATION_KINDS = [
  'municipality',
  'department',
  'university',
  'chamber',
  'company',
  'orchestra',
  'sports_club',
  'ngo',
  'other',
] as const
/** Sectors of a company (docs/API.md, src/domain/products.h). */
export const SECTORS = [
  'dried_fruit_nuts',
  'fresh_produce',
  'olive_oil_olives',
  'processed_food',
  'beverages',
  'seafood',
  'textiles_apparel',
  'leather_footwear',
  'stone_marble',
  'ceramics_glass',
  'machinery',
  'automotive_parts',
  'chemicals_cosmetics',
  'furniture',
  'electrical_electronics',
  'metals',
  'software_it',
  'tourism_services',
  'other',
] as const
/** Certifications and registrations a company holds or a product carries. */
export const CERTIFICATIONS = [
  'halal',
  'kosher',
  'organic_eu',
  'organic_cn',
  'iso_9001',
  'iso_14001',
  'iso_22000',
  'fssc_22000',
  'haccp',
  'brcgs',
  'ifs_food',
  'globalgap',
  'gacc_registration',
  'ccc',
  'ce',
  'tse',
  'oeko_tex',
  'gots',
] as const
export const PRODUCT_UNITS = ['kg', 'tonne', 'litre', 'piece', 'pair', 'set', 'box', 'carton', 'pallet', 'm2', 'm3', 'metre', 'container_20ft', 'container_40ft'] as const
/** The currencies offered first in forms; the server accepts every ISO 4217 code. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'CNY', 'TRY', 'RUB', 'GBP', 'JPY', 'AED'] as const

/** A cost the city covers for an exhibitor: an amount in hundredths of the currency's unit. */
export interface CoveredCost {
  item: string
  hundredths: number
  currency: string
}
/** A company exhibiting at a fair (an event of kind fair). */
export interface Exhibitor extends Base {
  event_id: string
  company_id: string
  stand?: string | null
  product_ids: string[]
  delegation_ids: string[]
  logistics_notes?: string | null
  covered_costs: CoveredCost[]
  /** B2B slots (their starts) the company can meet in; empty: every slot */
  available_slots: string[]
}

/** How a fair's B2B meetings are laid out: daily hours in minutes after local midnight. */
export interface B2bPlan extends Base {
  event_id: string
  day_start: number
  day_end: number
  slot_minutes: number
  tables: number
}
export interface FairBuyer extends Base {
  event_id: string
  organization_id: string
  available_slots: string[]
}
export interface MeetingRequest extends Base {
  event_id: string
  buyer_id: string
  exhibitor_id: string
  priority?: number | null
}
export interface B2bRequestView {
  request_id: string
  buyer_id: string
  exhibitor_id: string
  company_id: string
  priority: number
}
export interface B2bMeeting extends B2bRequestView {
  starts_at: string
  ends_at: string
  table: number
}
export interface B2bSchedule {
  event_id: string
  time_zone: string
  plan: { id: string; day_start: number; day_end: number; slot_minutes: number; tables: number } | null
  slots: { starts_at: string; ends_at: string }[]
  run: { ran_at: string; requests: number; met: number; met_priority: number; upper_bound: number } | null
  meetings: B2bMeeting[]
  unmet: B2bRequestView[]
}

/** A lead's workflow, in order; won and lost close it. */
export const LEAD_STATUSES = ['new', 'contacted', 'sample_sent', 'negotiating', 'won', 'lost'] as const
export const LEAD_SOURCES = ['fair_meeting', 'portal_inquiry', 'visit'] as const
export const LOST_REASONS = ['price', 'quality', 'certification', 'logistics', 'no_response', 'competitor', 'other'] as const
/** A buyer's interest, followed until it becomes a deal or is lost. */
export interface Lead extends Base {
  partnership_id: string
  event_id?: string | null
  buyer_id?: string | null
  exhibitor_company_id?: string | null
  inquirer_company?: string | null
  inquirer_contact?: { name?: string | null; email?: string | null; phone?: string | null; country?: string | null } | null
  product_ids: string[]
  /** What the inquirer wrote on the portal's inquiry form: personal data, shown as text only. */
  inquiry_message?: string | null
  source: (typeof LEAD_SOURCES)[number]
  status: (typeof LEAD_STATUSES)[number]
  lost_reason?: (typeof LOST_REASONS)[number] | null
  deal_hundredths?: number | null
  deal_currency?: string | null
  deal_date?: string | null
  status_note?: string | null
  next_follow_up?: string | null
  follow_up_owner_id?: string | null
  notes?: string | null
}
/** A published fair's catalogue on the portal (GET /public/fairs/{id}/catalogue), in one language. */
export interface FairCatalogue {
  event_id: string
  lang: Lang
  title: string
  starts_at: string
  ends_at: string
  time_zone: string
  venue: string | null
  city: string
  exhibitors: {
    id: string
    company_id: string
    company: string
    stand: string | null
    products: {
      id: string
      name: string
      description: string
      hs_code: string
      hs_chapter: string | null
      hs_heading: string | null
      unit: string | null
      certifications: string[]
      minimum_order: number | null
      price_min: number | null
      price_max: number | null
      currency: string | null
    }[]
  }[]
}
/** What a fair or a partnership's trade promotion brought; deals per currency, never converted. */
export interface TradeResults {
  event_id?: string
  partnership_id?: string
  exhibitors: number
  meetings_scheduled: number
  leads: { total: number; by_status: Record<(typeof LEAD_STATUSES)[number], number> }
  deals: { currency: string; hundredths: number; amount: string; count: number }[]
}

/** GET /trade-results: the dashboard's trade section (fairs named and dated). */
export interface TradeOverview {
  partnerships: TradeResults[]
  fairs: (TradeResults & { event_id: string; partnership_id: string; title: Text; starts_at: string })[]
}

/** An organization's own contact point (not a person's). */
export interface OrganizationContact {
  office?: string | null
  email?: string | null
  phone?: string | null
}
export interface Organization extends Base {
  name: Text
  kind: (typeof ORGANIZATION_KINDS)[number]
  city_id: string
  website?: string | null
  sector?: string | null
  export_markets?: string[]
  certifications?: string[]
  contact?: OrganizationContact | null
}

/** A product of the trade catalogue. */
export interface Product extends Base {
  company_id: string
  name: Text
  description?: Text | null
  hs_code: string
  hs_code_tr?: string | null
  hs_code_cn?: string | null
  unit: string
  minimum_order?: number | null
  price_min?: number | null
  price_max?: number | null
  currency?: string | null
  shelf_life_days?: number | null
  certifications: string[]
  markets: string[]
}
/** A name of the HS nomenclature in the three languages. */
export type HsName = Record<Lang, string>
export interface HsChapter {
  code: string
  reserved: boolean
  name: HsName
  headings: { code: string; name: HsName }[]
}

export interface Person extends Base {
  native_name: string
  latin_name: string
  title?: Text | null
  organization_id?: string | null
  languages?: string[]
  contact?: { email?: string | null; phone?: string | null } | null
}

export const MEETING_KINDS = [
  'incoming_delegation',
  'outgoing_visit',
  'video_call',
  'conference',
  'other',
] as const
export const ROLES = ['host', 'guest', 'interpreter', 'observer'] as const
export interface Participant {
  person_id: string
  side: Side
  role: (typeof ROLES)[number]
}
export interface Meeting extends Base {
  kind: (typeof MEETING_KINDS)[number]
  partnership_id: string
  title: Text
  starts_at: string
  ends_at: string
  starts_local?: string
  ends_local?: string
  time_zone: string
  venue?: string | null
  city_id?: string | null
  participants: Participant[]
  areas: string[]
  minutes?: Text | null
}

export const COMMITMENT_STATUSES = [
  'proposed',
  'agreed',
  'planned',
  'in_progress',
  'done',
  'dropped',
] as const
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number]
export const OPEN_STATUSES: CommitmentStatus[] = ['proposed', 'agreed', 'planned', 'in_progress']
export const PROPOSER_SIDES = ['home', 'partner', 'both'] as const
export interface Commitment extends Base {
  partnership_id: string
  meeting_id?: string | null
  text: Text
  area: string
  proposed_by_side: (typeof PROPOSER_SIDES)[number]
  proposed_by_person_id?: string | null
  home_owner_id?: string | null
  partner_owner_id?: string | null
  due_date?: string | null
  status: CommitmentStatus
  /** Web pages that prove the commitment was carried out (evidence besides files and events). */
  evidence_links?: EvidenceLink[]
}
/** A link kept as evidence of a commitment. */
export interface EvidenceLink {
  url: string
  title: string
}
/** GET /commitments/{id}/evidence: what proves the commitment was carried out. */
export interface Evidence {
  files: AmityFile[]
  links: EvidenceLink[]
  /** held or not, each with the IANA zone its time is local to */
  events: { id: string; title: Text | string; starts_at: string; status: string; time_zone: string }[]
  has_evidence: boolean
}
export interface HistoryEntry {
  kind: 'transition' | 'note'
  from?: CommitmentStatus
  to?: CommitmentStatus
  note?: string | null
  at: string
  actor?: string | null
}

export const EVENT_KINDS = [
  'festival',
  'sports',
  'concert',
  'fair',
  'exhibition',
  'conference',
  'study_visit',
  'other',
] as const
export const EVENT_STATUSES = ['idea', 'planned', 'confirmed', 'held', 'cancelled'] as const
export interface AmityEvent extends Base {
  kind: (typeof EVENT_KINDS)[number]
  partnership_id: string
  title: Text
  description?: Text | null
  starts_at: string
  ends_at: string
  starts_local?: string
  ends_local?: string
  time_zone: string
  city_id?: string | null
  venue?: string | null
  status: (typeof EVENT_STATUSES)[number]
  commitment_ids: string[]
}

export const GLOSSARY_KINDS = ['city', 'institution', 'title', 'festival', 'heritage_site', 'other'] as const
export type GlossaryKind = (typeof GLOSSARY_KINDS)[number]
/** An official name with its fixed rendering in each language. */
export interface GlossaryTerm extends Base {
  term: Text
  kind: GlossaryKind
  note?: string | null
}

/** An office to contact about a case (organizational, not a person's own details). */
export interface CaseContact {
  office: string
  email?: string | null
  phone?: string | null
}
/** A practice one city offers the other: the knowledge-exchange case library. */
export interface Case extends Base {
  partnership_id: string
  title: Text
  summary: Text
  problem?: Text | null
  approach?: Text | null
  results?: Text | null
  lessons?: Text | null
  area: string
  city_id: string
  organization_id?: string | null
  period_start?: string | null
  period_end?: string | null
  tags: string[]
  contacts: CaseContact[]
  commitment_ids: string[]
  event_ids: string[]
}
/** The case's texts in reading order. */
export const CASE_TEXTS = ['summary', 'problem', 'approach', 'results', 'lessons'] as const
/** What POST /cases/{id}/study-visit-requests created. */
export interface StudyVisitRequest {
  case_id: string
  commitment: Commitment
  event: AmityEvent
}

/** The kinds of record the search and the translation queue name (resource names). */
export const RECORD_KINDS = [
  'partnerships',
  'meetings',
  'commitments',
  'events',
  'cases',
  'products',
  'exhibitors',
  'leads',
  'people',
  'organizations',
  'cities',
  'glossary',
] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/** One piece of a matching text; `match` marks the words the query found. */
export interface Segment {
  text: string
  match: boolean
}
export interface SearchMatch {
  field: string
  /** the language of a translatable field's value; "" for plain strings */
  lang: Lang | ''
  segments: Segment[]
}
/** What names a result: a text, a plain string (people), or a partnership's two city names. */
export type SearchTitle = Text | string | { home_city: Text | null; partner_city: Text | null } | null
export interface SearchItem {
  id: string
  title: SearchTitle
  score: number
  matches: SearchMatch[]
  /** files only: the record that keeps the file (a match's field is "name" or "text") */
  holder?: { kind: string; id: string; title: SearchTitle }
}
export interface SearchGroup {
  kind: string
  total: number
  best_score: number
  items: SearchItem[]
}
export interface SearchResults {
  query: string
  accents: 'insensitive' | 'sensitive'
  total: number
  groups: SearchGroup[]
}

export const QUEUE_STATES = ['missing', 'unreviewed'] as const
export type QueueState = (typeof QUEUE_STATES)[number]
/** One text to translate into (missing) or review in (unreviewed) a language. */
export interface QueueItem {
  kind: string
  id: string
  field: string
  state: QueueState
  updated_at: string
  text: Text
}
export interface QueuePage {
  lang: Lang
  items: QueueItem[]
  total: number
  limit: number
  offset: number
}

export const AREA_CODES = [
  'technology_ai',
  'education',
  'culture_arts',
  'music',
  'sports',
  'trade_export',
  'heritage',
  'tourism',
  'municipal_services',
  'youth',
  'other',
] as const
export interface Area {
  code: string
  name: Text
}

export interface TimelineItem {
  at: string
  kind: 'milestone' | 'meeting' | 'transition' | 'event'
  ref_id?: string | null
  summary: Record<string, unknown>
}

/** A partnership's health, judged by the server (src/domain/health.h). */
export const HEALTH_STATES = ['active', 'quiet', 'dormant', 'at_risk'] as const
export interface PartnershipHealth {
  state: (typeof HEALTH_STATES)[number]
  reason: 'no_contact' | 'never_contacted' | 'overdue' | 'recent_contact'
  months_without_contact: number
  overdue: number
  open: number
  quiet_after_months: number
  dormant_after_months: number
}
export interface DashboardEntry {
  partnership: Partnership
  health: PartnershipHealth
  open_by_area: Record<string, Partial<Record<CommitmentStatus, number>>>
  open_total: number
  overdue: Commitment[]
  next_events: AmityEvent[]
  last_contact: string | null
  follow_through: number | null
  done: number
  /** of `done`, those with evidence (a file, a link or a held event) */
  done_with_evidence?: number
  /** dropped commitments (the final status that is not done) */
  dropped?: number
  left_proposed: number
  /** live cases shared with the partner (shared or public) */
  cases_shared?: number
}
/** Commitment figures over the whole register (or one partnership), computed by the server. */
export interface DashboardFigures {
  open: number
  overdue: number
  done: number
  dropped: number
  left_proposed: number
  total: number
  follow_through: number | null
}
export interface DashboardTotals extends DashboardFigures {
  partnerships: number
  by_area: Record<string, DashboardFigures>
}
export interface Dashboard {
  today: string
  partnerships: DashboardEntry[]
  /** partnerships shown (a page of the register) and how many there are */
  total: number
  totals: DashboardTotals
}

/** The roles of user accounts (docs/API.md, Accounts). */
export const USER_ROLES = ['admin', 'officer', 'contributor', 'partner', 'viewer'] as const
export type UserRole = (typeof USER_ROLES)[number]
export interface User {
  id: string
  email: string
  display_name: string
  role: UserRole
  person_id: string | null
  /** partner users: the partnerships whose shared records they see */
  partnerships: string[]
  disabled: boolean
  version: number
  created_at: string
  updated_at: string
}
/** A new account or a reset: the random password, shown once. */
export interface UserWithPassword extends User {
  password: string
}
export interface Session {
  user: User
  csrf_token?: string
  expires_at?: string
}
export interface ApiToken {
  id: string
  user_id: string
  name: string
  created_at: string
  expires_at: string | null
  last_used_at: string | null
  revoked_at: string | null
}
export interface ApiTokenWithSecret extends ApiToken {
  token: string
}

/** Kinds of entries in the security log (GET /api/v1/audit). */
export const AUDIT_KINDS = [
  'login',
  'login_failed',
  'login_locked',
  'logout',
  'user_created',
  'role_changed',
  'user_disabled',
  'user_enabled',
  'password_changed',
  'token_created',
  'token_revoked',
  'partnerships_changed',
  'federation_rejected',
  'federation_invited',
  'federation_paired',
  'federation_confirmed',
  'federation_revoked',
  'federation_key_rotated',
] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]
export interface AuthEvent {
  id: number
  at: string
  kind: AuditKind
  email: string
  user_id: string | null
  actor: string
  address: string
  detail: Record<string, unknown>
}
export interface AuthEventPage {
  items: AuthEvent[]
  total: number
  limit: number
  offset: number
}

/** What a change did to a record. */
export const CHANGE_OPS = ['create', 'update', 'archive', 'transition'] as const
export type ChangeOp = (typeof CHANGE_OPS)[number]
/** One entry of the change trail: the changed fields' values before and after. */
export interface ChangeEntry {
  seq: number
  entity: string
  record_id: string
  version: number
  op: ChangeOp
  actor: string
  at: string
  instance_id: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}
export interface ChangePage {
  items: ChangeEntry[]
  /** every matching entry when few match; null otherwise (not counted) */
  total: number | null
  limit: number
  offset: number
  has_more: boolean
  /** with after_seq: where the feed continues */
  next_after_seq?: number
}

/** One revision of a meeting's minutes (GET /meetings/{id}/minutes/revisions): who, when, and
 * the languages whose wording differs from the revision before. */
export interface MinutesRevisionSummary {
  /** the meeting's version this revision made */
  version: number
  seq: number
  op: 'create' | 'update'
  actor: string
  at: string
  original: Lang | null
  languages: Lang[]
}
export interface MinutesRevisionPage {
  items: MinutesRevisionSummary[]
  total: number | null
  limit: number
  offset: number
  has_more: boolean
}
/** One revision in full (GET /meetings/{id}/minutes/revisions/{version}) with the text it
 * replaced: `previous` is null for the first minutes, or when hidden from the caller. */
export interface MinutesRevision extends MinutesRevisionSummary {
  minutes: Text | null
  previous: Text | null
  hidden?: string[]
}

/** One field problem of an application/problem+json answer. */
export interface FieldProblem {
  field?: string
  code?: string
  message?: string
}
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  problems?: FieldProblem[]
}

/** The records that keep files (GET /api/v1/{holder}/{id}/files; an application's documents at
 * /api/v1/exchange-applications/{id}/files, always personal data). */
export const FILE_HOLDERS = ['partnerships', 'meetings', 'commitments', 'events', 'organizations', 'cases', 'products', 'exchange_applications'] as const
export type FileHolder = (typeof FILE_HOLDERS)[number]
/** What a file is, as the UI names it (from its sniffed media type, lib/files.ts). */
export const FILE_KINDS = ['image', 'pdf', 'video', 'audio', 'spreadsheet', 'presentation', 'document', 'text', 'other'] as const
export type FileKind = (typeof FILE_KINDS)[number]
/** A file kept with a record (GET /api/v1/files/{id}). */
export interface AmityFile {
  id: string
  version: number
  holder: FileHolder
  holder_id: string
  /** the partnership's legal step it documents */
  milestone: MilestoneKind | null
  name: string
  /** sniffed from the bytes by the server */
  media_type: string
  size: number
  sha256: string
  personal_data: boolean
  archived: boolean
  created_at: string
  content_url: string
  /** who uploaded it (home roles only) */
  created_by?: string
  /** the instance that owns it: another city's server for a replica's file (held read-only) */
  instance_id: string
  /** a small preview image, when the server makes one */
  thumbnail_url?: string | null
  /** whether the signed-in user may remove it (the server's own rule) */
  may_remove: boolean
}

/** Writes kept on the device until sent (api/device_copy.ts, lib/offline.ts): kinds and states. */
export const OUTBOX_KINDS = ['note', 'commitment', 'meeting'] as const
export type OutboxKind = (typeof OUTBOX_KINDS)[number]
export const OUTBOX_STATES = ['waiting', 'conflict', 'failed'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]

/** The annual council report (GET /api/v1/reports/council): the same JSON the server's PDF is drawn from. */
export interface ReportFile {
  id: string
  name: string
}
export interface ReportCommitment {
  id: string
  text: Text
  area: string
  status: string
  due_date: string | null
  made: string
  done_at: string | null
  evidence: { files: ReportFile[]; links: number; held_events: number }
  days_overdue?: number
  why?: string | null
  why_at?: string | null
}
export interface ReportOccasion {
  id: string
  title: Text
  kind: string
  starts_at: string
  local_date: string
  time_zone: string
}
export interface ReportYearActivity {
  year: number
  meetings: number
  events_held: number
  made: number
  done: number
  cases_shared: number
}
export interface ReportAreaFollowThrough {
  area: string
  made: number
  done: number
  dropped: number
  left_proposed: number
  overdue: number
  follow_through: number | null
}
export interface ReportSection {
  partnership: { id: string; home_city: Text | null; partner_city: Text | null; tier: string; status: string; since: string }
  years: { first: number; last: number }
  legal_steps: { kind: string; required: boolean; date: string | null; reference: string | null; note: string | null; documents: ReportFile[] }[]
  figures: { meetings: number; events_held: number; made: number; done: number; done_with_evidence: number; dropped: number; overdue: number; cases_shared: number; follow_through: number | null }
  /** the student exchange of the academic year starting in the report's year, trade to date */
  programmes?: {
    exchange: {
      academic_year: string
      agreements: number
      directions: { direction: string; seats: number; applications: number | null; allocated: number | null; accepted: number | null; declined: number | null }[]
    }
    trade: { exhibitors: number; meetings_scheduled: number; leads: { total: number }; deals: { currency: string; amount: string; count: number }[] }
  }
  health: PartnershipHealth
  activity: ReportYearActivity[]
  by_area: ReportAreaFollowThrough[]
  narrative: Text | null
  narrative_version: number | null
  agreed: ReportCommitment[]
  done: ReportCommitment[]
  overdue: ReportCommitment[]
  events: ReportOccasion[]
  meetings: ReportOccasion[]
}
export interface CouncilReport {
  year: number
  lang: Lang
  second: Lang | null
  today: string
  cut_off: string
  /** more partnerships than one report holds (200): the others are asked for one by one */
  truncated?: boolean
  partnerships: ReportSection[]
}
/** The kinds of notice the server's alerts make (docs/API.md, Notices and e-mail alerts). */
export const NOTICE_KINDS = ['digest', 'health', 'event_reminder'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]
/** The states of a message in the e-mail outbox. */
export const PEER_STATES = ['pending', 'active', 'revoked'] as const
export type PeerState = (typeof PEER_STATES)[number]
export const PEER_ROLES = ['inviter', 'invitee'] as const
export type PeerRole = (typeof PEER_ROLES)[number]
export const MAIL_STATES = ['pending', 'sending', 'sent', 'failed'] as const
export type MailState = (typeof MAIL_STATES)[number]

/** Exchange agreements (docs/API.md, Exchange agreements; ui/src/lib/agreements.ts). */
export const AGREEMENT_STATES = ['draft', 'proposed', 'approved'] as const
export const AGREEMENT_DIRECTIONS = ['home_to_partner', 'partner_to_home'] as const
// Calls and applications (src/api/exchange_calls.cpp).
export const CALL_WINDOWS = ['not_open', 'open', 'closed'] as const
export const APPLICATION_STATUSES = ['submitted', 'withdrawn'] as const
export const APPLICATION_EVENTS = ['submitted', 'changed', 'withdrawn'] as const
/** The fields of an application a change names (its history's `fields`). */
export const APPLICATION_FIELDS = [
  'name_native',
  'name_latin',
  'student_number',
  'home_department',
  'isced_code',
  'level',
  'academic_average',
  'average_scale',
  'language_score',
  'language_results',
  'choices',
] as const
export const ELIGIBILITY_RULES = ['level', 'language', 'field', 'offered'] as const
export const REFUSALS = ['no_seats', 'outranked', 'held'] as const
export const STUDY_LEVELS = ['bachelor', 'master', 'doctoral'] as const

/** Kinds of agreement texts both cities approve (docs/FEDERATION.md, "Approvals"). */
export const AGREEMENT_TEXT_KINDS = ['letter_of_intent', 'protocol', 'memorandum', 'other'] as const
/** Kinds of legal steps each city records on its own server. */
export const LEGAL_STEP_KINDS = ['council_decision', 'ministry_permission', 'foreign_affairs_office', 'province_approval', 'cpaffc_approval', 'cpaffc_filing', 'partner_notification', 'other'] as const
