import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The card code printed in the QR: `1` (key version) + a 10-character card number + a 20-character MAC,
 * 31 characters of [0-9a-z], inside WeChat's 32-character `scene`. Without the signing key nobody can make a
 * code that opens anything, and a forged, altered or retired code gets the same answer as a made-up one,
 * so the answer says nothing about which grids exist.
 */
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'
const VERSION = '1'
const CARD_NO_LENGTH = 10
const MAC_LENGTH = 20

const base32 = (bytes: Buffer, length: number): string => {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < length) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out
}

const mac = (secret: string, body: string) => base32(createHmac('sha256', secret).update(body).digest(), MAC_LENGTH)

export const newCardNo = (): string => base32(randomBytes(8), CARD_NO_LENGTH)

export const signCardCode = (secret: string, cardNo: string): string =>
  `${VERSION}${cardNo}${mac(secret, VERSION + cardNo)}`

/** The card number inside a genuine code, or undefined for anything else. */
export const readCardCode = (secret: string, code: string): string | undefined => {
  if (code.length !== 1 + CARD_NO_LENGTH + MAC_LENGTH || code[0] !== VERSION) return undefined
  const cardNo = code.slice(1, 1 + CARD_NO_LENGTH)
  const given = Buffer.from(code.slice(1 + CARD_NO_LENGTH))
  const expected = Buffer.from(mac(secret, VERSION + cardNo))
  return given.length === expected.length && timingSafeEqual(given, expected) ? cardNo : undefined
}
