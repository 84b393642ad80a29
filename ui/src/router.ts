// Every screen of the workspace, one route table. Screens load on demand (code-split).
// Every screen but the login needs a signed-in user; `access` names screens only some roles
// use (App.vue shows the "no access" notice instead): "admin", or "home" (not partner users).
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { ensureSession, session } from './lib/session'

const routes: RouteRecordRaw[] = [
  { path: '/portal/fairs/:id', name: 'portal-fair', component: () => import('./views/PortalFair.vue'), props: true, meta: { title: 'portal.title', public: true, bare: true } },
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { title: 'auth.signIn', public: true, bare: true } },
  { path: '/account', name: 'account', component: () => import('./views/AccountView.vue'), meta: { title: 'nav.account' } },
  { path: '/users', name: 'users', component: () => import('./views/UsersView.vue'), meta: { title: 'nav.users', access: 'admin' } },
  { path: '/users/new', name: 'user-new', component: () => import('./views/UserForm.vue'), meta: { title: 'users.invite', section: 'users', access: 'admin' } },
  { path: '/users/:id', name: 'user', component: () => import('./views/UserForm.vue'), props: true, meta: { title: 'users.edit', section: 'users', access: 'admin' } },
  { path: '/notices', name: 'notices', component: () => import('./views/NoticesView.vue'), meta: { title: 'notices.title' } },
  { path: '/mail', name: 'mail', component: () => import('./views/MailView.vue'), meta: { title: 'mail.title', access: 'admin' } },
  { path: '/federation', name: 'federation', component: () => import('./views/FederationView.vue'), meta: { title: 'federation.title', access: 'admin' } },
  { path: '/audit', name: 'audit', component: () => import('./views/AuditView.vue'), meta: { title: 'nav.audit', access: 'admin' } },
  { path: '/', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { title: 'nav.dashboard' } },
  { path: '/partnerships', name: 'partnerships', component: () => import('./views/PartnershipList.vue'), meta: { title: 'nav.partnerships' } },
  { path: '/partnerships/new', name: 'partnership-new', component: () => import('./views/PartnershipForm.vue'), meta: { title: 'partnership.new', section: 'partnerships' } },
  { path: '/partnerships/:id', name: 'partnership', component: () => import('./views/PartnershipDetail.vue'), props: true, meta: { title: 'partnership.title', section: 'partnerships' } },
  { path: '/reports/council', name: 'council-report', component: () => import('./views/CouncilReportView.vue'), meta: { title: 'report.title', section: 'partnerships' } },
  { path: '/partnerships/:id/edit', name: 'partnership-edit', component: () => import('./views/PartnershipForm.vue'), props: true, meta: { title: 'partnership.edit', section: 'partnerships' } },
  { path: '/meetings/new', name: 'meeting-new', component: () => import('./views/MeetingForm.vue'), meta: { title: 'meeting.new', section: 'partnerships' } },
  { path: '/meetings/:id', name: 'meeting', component: () => import('./views/MeetingDetail.vue'), props: true, meta: { title: 'meeting.title', section: 'partnerships' } },
  { path: '/meetings/:id/edit', name: 'meeting-edit', component: () => import('./views/MeetingForm.vue'), props: true, meta: { title: 'meeting.edit', section: 'partnerships' } },
  { path: '/commitments', name: 'commitments', component: () => import('./views/CommitmentsView.vue'), meta: { title: 'nav.commitments' } },
  { path: '/commitments/new', name: 'commitment-new', component: () => import('./views/CommitmentForm.vue'), meta: { title: 'commitment.new', section: 'commitments' } },
  { path: '/commitments/:id', name: 'commitment', component: () => import('./views/CommitmentDetail.vue'), props: true, meta: { title: 'commitment.title', section: 'commitments' } },
  { path: '/commitments/:id/edit', name: 'commitment-edit', component: () => import('./views/CommitmentForm.vue'), props: true, meta: { title: 'commitment.edit', section: 'commitments' } },
  { path: '/calendar', name: 'calendar', component: () => import('./views/CalendarView.vue'), meta: { title: 'nav.calendar' } },
  { path: '/events/new', name: 'event-new', component: () => import('./views/EventForm.vue'), meta: { title: 'event.new', section: 'calendar' } },
  { path: '/events/:id', name: 'event', component: () => import('./views/EventDetail.vue'), props: true, meta: { title: 'event.title', section: 'calendar' } },
  { path: '/events/:id/edit', name: 'event-edit', component: () => import('./views/EventForm.vue'), props: true, meta: { title: 'event.edit', section: 'calendar' } },
  { path: '/cases', name: 'cases', component: () => import('./views/CaseLibrary.vue'), meta: { title: 'nav.cases' } },
  { path: '/cases/new', name: 'case-new', component: () => import('./views/CaseForm.vue'), meta: { title: 'case.new', section: 'cases' } },
  { path: '/cases/:id', name: 'case', component: () => import('./views/CaseDetail.vue'), props: true, meta: { title: 'case.title', section: 'cases' } },
  { path: '/cases/:id/edit', name: 'case-edit', component: () => import('./views/CaseForm.vue'), props: true, meta: { title: 'case.edit', section: 'cases' } },
  { path: '/agreements/:id', name: 'agreement', component: () => import('./views/AgreementDetail.vue'), props: true, meta: { title: 'agreement.title', section: 'partnerships' } },
  { path: '/calls/:id', name: 'call', component: () => import('./views/CallDetail.vue'), props: true, meta: { title: 'call.titleShort', section: 'partnerships' } },
  { path: '/exchange-applications/:id', name: 'application', component: () => import('./views/ApplicationDetail.vue'), props: true, meta: { title: 'application.title', section: 'partnerships' } },
  { path: '/products', name: 'products', component: () => import('./views/CatalogueView.vue'), meta: { title: 'nav.catalogue' } },
  { path: '/products/new', name: 'product-new', component: () => import('./views/ProductForm.vue'), meta: { title: 'product.new', section: 'products' } },
  { path: '/products/:id', name: 'product', component: () => import('./views/ProductDetail.vue'), props: true, meta: { title: 'product.title', section: 'products' } },
  { path: '/products/:id/edit', name: 'product-edit', component: () => import('./views/ProductForm.vue'), props: true, meta: { title: 'product.edit', section: 'products' } },
  { path: '/events/:id/meetings', name: 'fair-meetings', component: () => import('./views/FairMeetingsView.vue'), props: true, meta: { title: 'b2b.title', section: 'calendar' } },
  { path: '/exhibitors/new', name: 'exhibitor-new', component: () => import('./views/ExhibitorForm.vue'), meta: { title: 'fair.addExhibitor', section: 'calendar' } },
  { path: '/exhibitors/:id/edit', name: 'exhibitor-edit', component: () => import('./views/ExhibitorForm.vue'), props: true, meta: { title: 'fair.editExhibitor', section: 'calendar' } },
  { path: '/leads', name: 'leads', component: () => import('./views/LeadsView.vue'), meta: { title: 'nav.leads', section: 'products' } },
  { path: '/leads/new', name: 'lead-new', component: () => import('./views/LeadForm.vue'), meta: { title: 'lead.new', section: 'products' } },
  { path: '/leads/:id', name: 'lead', component: () => import('./views/LeadDetail.vue'), props: true, meta: { title: 'lead.one', section: 'products' } },
  { path: '/leads/:id/edit', name: 'lead-edit', component: () => import('./views/LeadForm.vue'), props: true, meta: { title: 'lead.edit', section: 'products' } },
  { path: '/directory', name: 'directory', component: () => import('./views/DirectoryView.vue'), meta: { title: 'nav.directory' } },
  { path: '/people/new', name: 'person-new', component: () => import('./views/PersonForm.vue'), meta: { title: 'person.new', section: 'directory' } },
  { path: '/people/:id/edit', name: 'person-edit', component: () => import('./views/PersonForm.vue'), props: true, meta: { title: 'person.edit', section: 'directory' } },
  { path: '/organizations/new', name: 'organization-new', component: () => import('./views/OrganizationForm.vue'), meta: { title: 'organization.new', section: 'directory' } },
  { path: '/organizations/:id/edit', name: 'organization-edit', component: () => import('./views/OrganizationForm.vue'), props: true, meta: { title: 'organization.edit', section: 'directory' } },
  { path: '/cities/new', name: 'city-new', component: () => import('./views/CityForm.vue'), meta: { title: 'city.new', section: 'directory' } },
  { path: '/cities/:id/edit', name: 'city-edit', component: () => import('./views/CityForm.vue'), props: true, meta: { title: 'city.edit', section: 'directory' } },
  { path: '/outbox', name: 'outbox', component: () => import('./views/OutboxView.vue'), meta: { title: 'offline.outboxTitle' } },
  { path: '/search', name: 'search', component: () => import('./views/SearchView.vue'), meta: { title: 'nav.search' } },
  { path: '/translations', name: 'translations', component: () => import('./views/TranslationsView.vue'), meta: { title: 'nav.translations', access: 'home' } },
  { path: '/glossary', name: 'glossary', component: () => import('./views/GlossaryView.vue'), meta: { title: 'nav.glossary' } },
  { path: '/glossary/new', name: 'glossary-new', component: () => import('./views/GlossaryForm.vue'), meta: { title: 'glossary.new', section: 'glossary' } },
  { path: '/glossary/:id/edit', name: 'glossary-edit', component: () => import('./views/GlossaryForm.vue'), props: true, meta: { title: 'glossary.edit', section: 'glossary' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFound.vue'), meta: { title: 'errors.pageNotFound' } },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  // An address with #field is scrolled by the screen once the field exists (see EditorForm).
  scrollBehavior: (to, _from, saved) => saved ?? (to.hash ? false : { top: 0 }),
})

/** A `next` address from the query, if it is a path of this app (never another site). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/'
}

// Nobody signed in: the login screen, which comes back to the address asked for.
router.beforeEach(async (to) => {
  await ensureSession()
  if (to.meta.public) {
    if (to.name === 'login' && session.user) return safeNext(to.query.next)
    return true
  }
  if (!session.user) return { name: 'login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  return true
})
