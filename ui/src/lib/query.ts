// Filter values kept in the URL query, so a filtered list can be bookmarked and survives reload.
import { reactive, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

export function useQueryState<T extends Record<string, string>>(defaults: T): T {
  const route = useRoute()
  const router = useRouter()
  const state = reactive({ ...defaults }) as T
  for (const key of Object.keys(defaults)) {
    const value = route.query[key]
    if (typeof value === 'string') (state as Record<string, string>)[key] = value
  }
  watch(
    () => ({ ...state }),
    (value) => {
      const query: Record<string, string> = {}
      for (const [key, v] of Object.entries(route.query)) if (typeof v === 'string') query[key] = v
      for (const [key, v] of Object.entries(value)) {
        if (v && v !== defaults[key]) query[key] = v
        else delete query[key]
      }
      router.replace({ query })
    },
  )
  return state
}
