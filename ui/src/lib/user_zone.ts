// The time zone in which the user reads trails and activity (history, timelines, audit, tokens):
// their own choice under Account, kept on this device (localStorage), or else the home city's
// zone (the home city of the partnerships this server keeps), or the browser's until that is
// known. Meetings and events are not read in it: they show their own zone and the other city's
// (DualTime.vue).
import { ref } from 'vue'
import { browserZone } from './format'
import { store } from './refdata'

const KEY = 'amity.zone'
const HOME_KEY = 'amity.homeZone'

function stored(key: string): string {
  try {
    return localStorage.getItem(key) ?? ''
  } catch {
    return ''
  }
}
const chosen = ref(stored(KEY))

/** The zone the user chose, or "" for the default (the home city's). */
export function chosenZone(): string {
  return chosen.value
}

/** Remembers the user's choice on this device; "" goes back to the home city's zone. */
export function setChosenZone(zone: string): void {
  chosen.value = zone
  try {
    if (zone) localStorage.setItem(KEY, zone)
    else localStorage.removeItem(KEY)
  } catch {
    /* private mode: the choice lasts this visit */
  }
}

/**
 * The home city's zone: the zone of the city that is home to most partnerships on this server,
 * remembered on the device so that every screen uses it before the partnerships are loaded.
 */
export function homeCityZone(): string {
  const counts = new Map<string, number>()
  for (const p of store.partnerships) counts.set(p.home_city_id, (counts.get(p.home_city_id) ?? 0) + 1)
  const homeId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  const zone = store.cities.find((c) => c.id === homeId)?.time_zone
  if (zone) {
    if (stored(HOME_KEY) !== zone) {
      try {
        localStorage.setItem(HOME_KEY, zone)
      } catch {
        /* not remembered */
      }
    }
    return zone
  }
  return stored(HOME_KEY) || browserZone()
}

/** The zone trails and activity are shown in (reactive: follows the choice and the data). */
export function userZone(): string {
  return chosen.value || homeCityZone()
}
