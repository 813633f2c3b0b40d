/*
 * ULIDs (contracts/common.ts `ClientId`): 26 characters of Crockford base32 — 10 for the time in milliseconds
 * (so ids sort by time), 16 for 80 random bits. Pure: the caller supplies the randomness (services/clientId.ts).
 */

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const TIME_LEN = 10
const RANDOM_LEN = 16

/** The milliseconds since 1970 in 10 base32 digits, most significant first. */
export const encodeTime = (ms: number): string => {
  let rest = Math.floor(ms)
  let out = ''
  for (let i = 0; i < TIME_LEN; i++) {
    out = CROCKFORD[rest % 32] + out
    rest = Math.floor(rest / 32)
  }
  return out
}

/** A ULID for `now`, its random part drawn from `random32` (each call a value 0–31). */
export const ulid = (now: number, random32: () => number): string => {
  let random = ''
  for (let i = 0; i < RANDOM_LEN; i++) random += CROCKFORD[random32() & 31]
  return encodeTime(now) + random
}
