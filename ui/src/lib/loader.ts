// Loading a screen's data: a flag while it loads and the failure if it did not.
import { ref, shallowRef } from 'vue'
import { failureOf, type Failure } from './editor'

export function useLoader(load: () => Promise<void>) {
  const loading = ref(true)
  const failure = shallowRef<Failure | null>(null)
  async function run(): Promise<void> {
    loading.value = true
    failure.value = null
    try {
      await load()
    } catch (error) {
      failure.value = failureOf(error)
    } finally {
      loading.value = false
    }
  }
  return { loading, failure, run }
}
