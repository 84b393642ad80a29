// Parts of a long screen rendered after its first paint: the screen's own content is rendered
// and painted in one task, the sections further down (which fetch and render their own data) in
// a later one, so that no single task holds them all (a long task on a phone's slower CPU).
import { ref, watch, type Ref, type WatchSource } from 'vue'

/** A flag that turns true just after the first paint that follows `ready` becoming truthy. */
export function afterPaint(ready: WatchSource<unknown>): Readonly<Ref<boolean>> {
  const shown = ref(false)
  const show = () => {
    shown.value = true
  }
  watch(
    ready,
    (value) => {
      if (!value || shown.value) return
      // After the next frame; a timer too, since a hidden page gets no frames.
      requestAnimationFrame(() => setTimeout(show, 0))
      setTimeout(show, 250)
    },
    { immediate: true },
  )
  return shown
}
