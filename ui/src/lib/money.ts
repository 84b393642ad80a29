// Amounts kept in hundredths of a currency's unit (exhibitors' covered costs, won deals), shown
// per currency in the UI language and never converted into another currency.
import type { Lang } from '../api/types'

/** 12500050 CNY → "CN¥125,000.50" (or the UI language's way of writing it). */
export function formatMoney(hundredths: number, currency: string, lang: Lang): string {
  const locale = lang === 'zh' ? 'zh-CN' : lang
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2 }).format(hundredths / 100)
  } catch {
    return `${(hundredths / 100).toFixed(2)} ${currency}`
  }
}

/** "125000.50", "125 000,5" → 12500050; null when the text is not an amount with at most two decimals. */
export function parseHundredths(text: string): number | null {
  const compact = text.replace(/[\s\u00a0']/g, '').replace(',', '.')
  if (!/^\d+(\.\d{1,2})?$/.test(compact)) return null
  const [units, fraction = ''] = compact.split('.')
  return Number(units) * 100 + Number(fraction.padEnd(2, '0'))
}

/** Sums per currency, in currency order: [{ currency: 'CNY', hundredths: 3600000 }, …]. */
export function sumByCurrency(items: { hundredths: number; currency: string }[]): { currency: string; hundredths: number }[] {
  const sums = new Map<string, number>()
  for (const item of items) sums.set(item.currency, (sums.get(item.currency) ?? 0) + item.hundredths)
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, hundredths]) => ({ currency, hundredths }))
}
