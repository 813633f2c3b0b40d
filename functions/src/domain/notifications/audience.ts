import { isWithin } from '../shared/places'
import type { Audience, Subscriber } from './model'

/** Whether a consenting user is among the people a notice is for. */
export const reaches = (audience: Audience, s: Subscriber): boolean => {
  switch (audience.kind) {
    case 'users':
      return audience.userIds.includes(s.userId)
    case 'households':
      return s.homePaths.some((p) => isWithin(p, audience.placePath))
    case 'role':
      // A role held at the place or above it (the community's committee for a building's matter).
      return s.roles.some((r) => {
        const at = r.indexOf('@')
        return r.slice(0, at) === audience.role && isWithin(audience.placePath, r.slice(at + 1))
      })
  }
}

/** A short account of an audience for the delivery log. */
export const describeAudience = (a: Audience): string =>
  a.kind === 'users'
    ? `用户 ${a.userIds.join(',')}`
    : a.kind === 'role'
      ? `${a.role} @ ${a.placePath}`
      : `范围内各户 @ ${a.placePath}`
