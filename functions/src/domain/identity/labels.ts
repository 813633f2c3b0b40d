import type { Role } from '../../../../contracts/common'
import { communityOfPath, isWithin, type Grant, type Principal } from '../shared/places'

/*
 * Names people know: staff are shown by role and place wherever they act (网格员 李红梅, 1号楼楼长 王建国). The label
 * is made when they act and stored with what they did (a timeline entry, a comment), so it says what they were
 * then, costs no read when shown, and older items without one still read as before (the name alone).
 */

/** The roles a label names, most telling first. Residents (and in-service members, who act as residents) get none. */
const order: readonly Role[] = [
  'committee',
  'communityAdmin',
  'gridWorker',
  'buildingHead',
  'propertyManager',
  'partyHousehold',
]

const labelOf = (g: Grant): string => {
  switch (g.role) {
    case 'committee':
      return g.placeType === 'compound' ? `${g.placeName}党支部` : '社区两委'
    case 'communityAdmin':
      return g.placeType === 'street' ? '街道管理员' : '社区管理员'
    case 'gridWorker':
      return '网格员'
    case 'buildingHead':
      return `${g.placeName}楼长`
    case 'propertyManager':
      return '物业'
    default:
      return '党员中心户'
  }
}

/**
 * How the caller is shown where they act on something at `placePath` (a matter's scope, a wish's household): the
 * role whose place is that place, above it or inside it, else any role they hold in its community. Undefined for a
 * resident.
 */
export const staffLabel = (principal: Pick<Principal, 'grants'>, placePath: string): string | undefined => {
  const community = communityOfPath(placePath)
  const related = (g: Grant) => isWithin(placePath, g.placePath) || isWithin(g.placePath, placePath)
  const candidates = principal.grants
    .filter(
      (g) =>
        order.includes(g.role) &&
        (related(g) || (community !== undefined && communityOfPath(g.placePath) === community)),
    )
    .sort((a, b) => Number(related(b)) - Number(related(a)) || order.indexOf(a.role) - order.indexOf(b.role))
  return candidates[0] && labelOf(candidates[0])
}

/**
 * One role in plain words with its place, as a person's list of roles reads it (首页's 我的身份, the accounts an admin
 * picks from): 网格员 · 第一网格, 1号楼楼长, 物业 · 阳光花园. Undefined for a role with no line (a resident's).
 */
export const roleLine = (g: Pick<Grant, 'role' | 'placeName'>): string | undefined => {
  switch (g.role) {
    case 'buildingHead':
      return `${g.placeName}楼长`
    case 'gridWorker':
      return `网格员 · ${g.placeName}`
    case 'committee':
      return `两委 · ${g.placeName}`
    case 'propertyManager':
      return `物业 · ${g.placeName}`
    case 'communityAdmin':
      return `社区管理员 · ${g.placeName}`
    case 'partyHousehold':
      return '党员中心户'
    case 'inServiceMember':
      return '在职党员'
    default:
      return undefined
  }
}

/**
 * 138****5678: enough to recognise, not enough to harvest. The full number is for logged-in residents. Shown
 * only where at least four characters stay hidden (11 or more): the first three and last four of a shorter
 * number would be all of it.
 */
export const maskPhone = (phone: string): string =>
  phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
