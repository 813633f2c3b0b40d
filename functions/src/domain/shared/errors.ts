import type { ErrorCode, ErrorDetail } from '../../../../contracts/errors'

/** A rule said no. The code names which rule; the HTTP layer maps it to a status through the one error map. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetail[],
  ) {
    super(code)
    this.name = 'DomainError'
  }
}

export const fail = (code: ErrorCode, details?: ErrorDetail[]): never => {
  throw new DomainError(code, details)
}

export const found = <T>(value: T | undefined | null, code: ErrorCode): T => {
  if (value === undefined || value === null) throw new DomainError(code)
  return value
}
