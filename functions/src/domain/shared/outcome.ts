import type { ErrorCode } from '../../../../contracts/errors'
import { DomainError } from './errors'

/**
 * How a store reports a write that a condition refused: never by throwing a domain error (storage knows no
 * rules), always by this outcome, which the domain turns into the error code a caller sees. A refusal names the
 * condition that failed (`exists`, `moved`, `already`, …) in the store's own words.
 */
export type Outcome<R extends string, T = undefined> = { ok: true; value: T } | { ok: false; refused: R }

export function done(): Outcome<never, undefined>
export function done<T>(value: T): Outcome<never, T>
export function done<T>(value?: T): Outcome<never, T | undefined> {
  return { ok: true, value }
}
export const refused = <R extends string>(reason: R): Outcome<R, never> => ({ ok: false, refused: reason })

/** The value of a successful outcome, or the error code the domain gives each refusal. */
export const orFail = <R extends string, T>(outcome: Outcome<R, T>, codes: Record<R, ErrorCode>): T => {
  if (outcome.ok) return outcome.value
  throw new DomainError(codes[outcome.refused])
}
