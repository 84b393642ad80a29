// The installable app's build step (a Vite plugin): after Vite has written the bundle it adds
//   - icons/*.png, drawn here (the brand's two overlapping circles), "any" and "maskable";
//   - manifest.{tr,zh,en}.webmanifest, one per language, with the name, short name and
//     description taken from the locale files (`pwa.*`), so the installed app is named in the
//     language the user works in (the UI points <link rel="manifest"> at its language; all three
//     share one `id`, so they are the same app);
//   - sw.js, the service worker (src/sw.js) with the list of files to keep for offline use and a
//     version that changes whenever any of them does, so a release is noticed by the browser.
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { deflateSync } from 'node:zlib'

export const THEME_COLOR = '#ffffff' // the top bar's colour: the status bar continues it
export const BACKGROUND_COLOR = '#f4f5f8' // the page's colour, for the splash screen
const LANGS = ['tr', 'zh', 'en']

// ——— PNG drawing ———

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}
/** An RGBA image (Uint8Array, size × size × 4) as PNG bytes. */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bits per channel
  header[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0 // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const hex = (color) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16))

/**
 * The brand drawn at `size` px: the circles of the favicon (centres 12 and 20 on a 32-unit
 * square, radius 9; the second at 55 % opacity) on a white tile. `maskable` fills the whole square
 * and keeps the drawing inside the central 80 % circle that every launcher mask leaves visible;
 * otherwise the tile has rounded corners and a transparent outside. 4 × 4 samples per pixel.
 */
export function drawIcon(size, maskable) {
  const first = hex('#c8102e')
  const second = hex('#de2910')
  const tile = [255, 255, 255]
  // The drawing reaches 13 units from the centre; maskable keeps it within 0.4 × size × 0.85.
  const unit = maskable ? (0.4 * 0.85 * size) / 13 : (0.42 * size) / 13
  const corner = size * 0.18
  const out = new Uint8Array(size * size * 4)
  const n = 4
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const px = x + (sx + 0.5) / n
          const py = y + (sy + 0.5) / n
          if (!maskable) {
            // outside the rounded tile: transparent
            const cx = Math.min(Math.max(px, corner), size - corner)
            const cy = Math.min(Math.max(py, corner), size - corner)
            if ((px - cx) ** 2 + (py - cy) ** 2 > corner ** 2) continue
          }
          const u = (px - size / 2) / unit + 16
          const v = (py - size / 2) / unit + 16
          let color = tile
          if ((u - 12) ** 2 + (v - 16) ** 2 <= 81) color = first
          if ((u - 20) ** 2 + (v - 16) ** 2 <= 81) color = color.map((c, i) => c * 0.45 + second[i] * 0.55)
          r += color[0]
          g += color[1]
          b += color[2]
          a += 1
        }
      }
      const o = (y * size + x) * 4
      if (a) {
        out[o] = Math.round(r / a)
        out[o + 1] = Math.round(g / a)
        out[o + 2] = Math.round(b / a)
      }
      out[o + 3] = Math.round((255 * a) / (n * n))
    }
  }
  return encodePng(size, out)
}

const ICONS = [
  { name: 'icon-192.png', size: 192, maskable: false },
  { name: 'icon-512.png', size: 512, maskable: false },
  { name: 'maskable-192.png', size: 192, maskable: true },
  { name: 'maskable-512.png', size: 512, maskable: true },
  { name: 'apple-touch-icon.png', size: 180, maskable: true },
]

/** The manifest of one language. `messages` is that language's locale file. */
export function manifest(lang, messages) {
  const text = messages.pwa
  return {
    id: '/',
    lang: { tr: 'tr-TR', zh: 'zh-CN', en: 'en-GB' }[lang],
    dir: 'ltr',
    name: text.name,
    short_name: text.shortName,
    description: text.description,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: ICONS.filter((icon) => icon.name !== 'apple-touch-icon.png').map((icon) => ({
      src: `/icons/${icon.name}`,
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.maskable ? 'maskable' : 'any',
    })),
  }
}

function walk(folder) {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}

/** Screens that only work online (search, administration, the translation queue, the account). */
const ONLINE_ONLY = /\/views\/(SearchView|AuditView|UsersView|UserForm|AccountView|TranslationsView|GlossaryView|GlossaryForm)\.vue$/

/** The Vite plugin. `root` is the ui/ folder. */
export function pwa(root) {
  let outDir = 'dist'
  return {
    name: 'amity-pwa',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    writeBundle(_options, bundle) {
      mkdirSync(join(outDir, 'icons'), { recursive: true })
      for (const icon of ICONS) writeFileSync(join(outDir, 'icons', icon.name), drawIcon(icon.size, icon.maskable))
      for (const lang of LANGS) {
        const messages = JSON.parse(readFileSync(join(root, 'src/locales', `${lang}.json`), 'utf8'))
        writeFileSync(join(outDir, `manifest.${lang}.webmanifest`), `${JSON.stringify(manifest(lang, messages), null, 2)}\n`)
      }
      // Screens that need the server anyway are left out of the first download (the worker
      // keeps one once it has been opened), and so are the icons and manifests, which only
      // installing reads.
      const onlineOnly = new Set(
        Object.values(bundle)
          .filter((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId && ONLINE_ONLY.test(chunk.facadeModuleId))
          .map((chunk) => `/${chunk.fileName}`),
      )
      // Everything else the app needs to start without a network; index.html is kept under "/",
      // the address every screen starts from.
      const files = walk(outDir)
        .map((full) => `/${relative(outDir, full).split(sep).join('/')}`)
        .filter((path) => path !== '/sw.js' && !onlineOnly.has(path) && !path.startsWith('/icons/') && !path.endsWith('.webmanifest'))
        .sort()
      const version = createHash('sha256')
      for (const path of files) version.update(path).update(readFileSync(join(outDir, path)))
      const template = readFileSync(join(root, 'src/sw.js'), 'utf8')
      version.update(template)
      const shell = files.map((path) => (path === '/index.html' ? '/' : path))
      const worker = template
        .replace("'__VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
        .replace("['__SHELL__']", JSON.stringify(shell))
      writeFileSync(join(outDir, 'sw.js'), worker)
    },
  }
}
