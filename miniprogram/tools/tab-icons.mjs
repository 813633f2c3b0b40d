// Draws the tab bar icons (81×81 PNG, grey and red) without any image library:
// `node miniprogram/tools/tab-icons.mjs` rewrites miniprogram/src/assets/tab/*.png.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SIZE = 81
const SS = 4 // supersampling for smooth edges
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab')

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
const png = (inside, [r, g, b]) => {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) if (inside((x + (sx + 0.5) / SS) / SIZE, (y + (sy + 0.5) / SS) / SIZE)) hits++
      const o = y * (SIZE * 4 + 1) + 1 + x * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = Math.round((255 * hits) / (SS * SS))
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// A house: roof triangle and body, with a door cut out.
const home = (x, y) => {
  const roof = y >= 0.14 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.14) * 1.1
  const body = x >= 0.24 && x <= 0.76 && y >= 0.46 && y <= 0.84
  const door = x >= 0.43 && x <= 0.57 && y >= 0.62 && y <= 0.84
  return (roof || body) && !door
}
// A person: head and shoulders.
const mine = (x, y) => {
  const head = (x - 0.5) ** 2 + (y - 0.33) ** 2 <= 0.16 ** 2
  const shoulders = y >= 0.56 && y <= 0.84 && ((x - 0.5) / 0.32) ** 2 + ((y - 0.84) / 0.3) ** 2 <= 1
  return head || shoulders
}

// 议事: a speech bubble with a tail and three dots (people talking a matter through).
const matters = (x, y) => {
  const bubble = ((x - 0.5) / 0.36) ** 2 + ((y - 0.44) / 0.28) ** 2 <= 1
  const tail = y >= 0.6 && y <= 0.86 && x >= 0.26 && x <= 0.46 && x - 0.26 <= (0.86 - y) * 0.8
  const dot = [0.36, 0.5, 0.64].some((cx) => (x - cx) ** 2 + (y - 0.44) ** 2 <= 0.045 ** 2)
  return (bubble || tail) && !dot
}

const grey = [0x99, 0x99, 0x99]
const red = [0xc0, 0x39, 0x2b]
for (const [name, shape] of Object.entries({ home, matters, mine })) {
  writeFileSync(join(out, `${name}.png`), png(shape, grey))
  writeFileSync(join(out, `${name}-active.png`), png(shape, red))
}
console.log('tab icons written to', out)
