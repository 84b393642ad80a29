// Whether the screen is a phone's: below the breakpoint the app shows its phone shell (a short
// top bar and a menu drawer), lists as cards, one board column at a time and the calendar as an
// agenda. The same width is the breakpoint of the CSS (`@media (max-width: 760px)`).
import { readonly, ref } from 'vue'

export const PHONE_QUERY = '(max-width: 760px)'

const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(PHONE_QUERY) : null
const phone = ref(query?.matches ?? false)
query?.addEventListener('change', (event) => {
  phone.value = event.matches
})

/** True while the viewport is at most 760 CSS px wide (reactive). */
export const isPhone = readonly(phone)
