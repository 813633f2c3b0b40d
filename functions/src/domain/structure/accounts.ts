import type { CommunityAccount } from '../../../../contracts/structure'
import type { Role } from '../../../../contracts/common'
import { maskPhone, roleLine } from '../identity/labels'
import type { IdentityStore, StoredGrant } from '../identity/ports'
import { found } from '../shared/errors'
import { authorize, isWithin, type Principal } from '../shared/places'
import type { StructureStore } from './ports'

/*
 * The community's accounts: whoever holds a role in the community or one of its places (the committee, the admins,
 * the property managers of a compound, the grid workers, the building heads, the party households). The community
 * admin picks an organisation's acting accounts from them by name, so nobody has to know an account's id.
 */

export interface AccountsDeps {
  structure: Pick<StructureStore, 'resolvePlace' | 'listCommunity'>
  identity: Pick<IdentityStore, 'grantsAtPlace' | 'grantsInBuilding' | 'getUsers'>
}

/** Most telling first: an account is listed by its highest role, then by name. */
const order: readonly Role[] = [
  'committee',
  'communityAdmin',
  'propertyManager',
  'gridWorker',
  'buildingHead',
  'partyHousehold',
  'inServiceMember',
]
const rank = (g: StoredGrant) => (order.includes(g.role) ? order.indexOf(g.role) : order.length)
const byName = new Intl.Collator('zh-CN', { numeric: true })

/**
 * Read by the community admin and the committee. The grants come from the places themselves (no Scan): the
 * community's, each compound's and each grid's (AP4), and each building's, which holds its heads and its
 * households' party households (AP5), all in parallel; then the users in one BatchGetItem.
 */
export const listCommunityAccounts = async (
  deps: AccountsDeps,
  actor: Principal,
  input: { communityId: string; q?: string },
): Promise<{ items: CommunityAccount[] }> => {
  const place = found(
    await deps.structure.resolvePlace({ type: 'community', id: input.communityId }),
    'community.notFound',
  )
  authorize(actor, ['communityAdmin', 'committee'], place)
  const { compounds, buildings, grids } = await deps.structure.listCommunity(input.communityId)
  const lists = await Promise.all([
    deps.identity.grantsAtPlace('community', input.communityId),
    ...compounds.map((c) => deps.identity.grantsAtPlace('compound', c.compoundId)),
    ...grids.map((g) => deps.identity.grantsAtPlace('grid', g.gridId)),
    ...buildings.map((b) => deps.identity.grantsInBuilding(b.buildingId)),
  ])
  const grantsOf = new Map<string, StoredGrant[]>()
  for (const g of lists.flat()) {
    if (!isWithin(g.placePath, place.path) || roleLine(g) === undefined) continue
    const mine = grantsOf.get(g.userId) ?? []
    if (!mine.some((x) => x.role === g.role && x.placeId === g.placeId)) mine.push(g)
    grantsOf.set(g.userId, mine)
  }
  const q = input.q?.trim().toLowerCase()
  const users = (await deps.identity.getUsers([...grantsOf.keys()])).filter(
    (u) => !q || u.displayName.toLowerCase().includes(q),
  )
  const accounts = users.map((u) => {
    const grants = grantsOf.get(u.userId)!.sort((a, b) => rank(a) - rank(b) || byName.compare(a.placeName, b.placeName))
    return {
      top: rank(grants[0]!),
      account: {
        userId: u.userId,
        name: u.displayName,
        ...(u.phone ? { phoneMasked: maskPhone(u.phone) } : {}),
        roles: [...new Set(grants.map((g) => roleLine(g)!))],
      },
    }
  })
  accounts.sort((a, b) => a.top - b.top || byName.compare(a.account.name, b.account.name))
  return { items: accounts.map((a) => a.account) }
}
