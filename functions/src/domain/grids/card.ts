import type { PublicCard } from '../../../../contracts/grids'
import type { Building, Compound } from '../../../../contracts/structure'
import { maskPhone } from '../identity/labels'
import type { StoredGrant, UserProfile } from '../identity/ports'
import { DomainError, found } from '../shared/errors'
import { authorize, type Principal } from '../shared/places'
import type { GridRecord } from '../structure/ports'
import { readCardCode, signCardCode } from './cardCode'
import { cardLink, GRID_PAGE, type CardRenderInput, type GridDeps } from './ports'

export { maskPhone }

const staffRoles = ['gridWorker', 'communityAdmin', 'committee'] as const
// One collator for every sort: `localeCompare(…, 'zh-CN')` builds a new one on each call.
const byName = new Intl.Collator('zh-CN', { numeric: true })

/** What a card needs around its grid, read once for every grid printed in one run. */
interface CardContext {
  communityName: string
  streetName: string
  buildings: Map<string, Building>
  compoundNames: Map<string, string>
  open: Awaited<ReturnType<GridDeps['openMatters']['openInCommunity']>>
}

/** The people of several grids at once: each grid's worker, each building's heads and party households, one read of their profiles. */
const peopleOf = async (deps: GridDeps, grids: GridRecord[]) => {
  const [workers, inBuildings] = await Promise.all([
    Promise.all(grids.map((g) => deps.identity.grantsAtPlace('grid', g.gridId))),
    Promise.all(grids.flatMap((g) => g.buildingIds).map((b) => deps.identity.grantsInBuilding(b))),
  ])
  const grants = inBuildings.flat()
  const workerOf = new Map(grids.map((g, i) => [g.gridId, workers[i]!.find((w) => w.role === 'gridWorker')]))
  const userIds = [
    ...new Set([...[...workerOf.values()].flatMap((w) => (w ? [w.userId] : [])), ...grants.map((g) => g.userId)]),
  ]
  const users = new Map((await deps.identity.getUsers(userIds)).map((u) => [u.userId, u] as const))
  return { worker: (gridId: string) => workerOf.get(gridId) && users.get(workerOf.get(gridId)!.userId), grants, users }
}
type People = Awaited<ReturnType<typeof peopleOf>>

const person = (u: UserProfile | undefined) => ({
  name: u?.displayName ?? '',
  ...(u?.phone ? { phoneMasked: maskPhone(u.phone) } : {}),
  ...(u?.photoUrl ? { photoUrl: u.photoUrl } : {}),
})

const cardOf = (grid: GridRecord, ctx: CardContext, people: People): PublicCard => {
  const buildings = grid.buildingIds.flatMap((id) => (ctx.buildings.get(id) ? [ctx.buildings.get(id)!] : []))
  // Open in the grid: what concerns one of its buildings, a compound it lies in, or its community.
  const inGrid = ctx.open.filter(({ scope }) =>
    scope.type === 'building'
      ? grid.buildingIds.includes(scope.id)
      : scope.type === 'compound'
        ? buildings.some((b) => b.compoundId === scope.id)
        : scope.id === grid.communityId,
  )
  const here = (g: StoredGrant) => g.buildingId !== undefined && grid.buildingIds.includes(g.buildingId)
  const worker = people.worker(grid.gridId)
  return {
    gridId: grid.gridId,
    gridName: grid.name,
    communityName: ctx.communityName,
    streetName: ctx.streetName,
    compoundNames: [...new Set(buildings.map((b) => ctx.compoundNames.get(b.compoundId) ?? ''))].filter(Boolean),
    worker: worker ? person(worker) : null,
    buildings: buildings
      .sort((a, b) => byName.compare(a.name, b.name))
      .map((b) => ({
        buildingId: b.buildingId,
        name: b.name,
        compoundName: ctx.compoundNames.get(b.compoundId) ?? '',
        heads: people.grants
          .filter((g) => g.role === 'buildingHead' && g.placeId === b.buildingId)
          .map((g) => person(people.users.get(g.userId))),
      })),
    partyHouseholds: people.grants
      .filter((g) => g.role === 'partyHousehold' && here(g))
      .map((g) => ({ name: people.users.get(g.userId)?.displayName ?? '', address: g.placeName })),
    openCounts: { ...grid.openCounts, matters: inGrid.length, polls: inGrid.filter((m) => m.polling).length },
  }
}

/** The context of one grid: its community, street, buildings and their compounds. */
const contextOfGrid = async (deps: GridDeps, grid: GridRecord): Promise<CardContext> => {
  const [community, street, buildings, open] = await Promise.all([
    deps.structure.getCommunity(grid.communityId),
    deps.structure.getStreet(grid.streetId),
    deps.structure.getBuildings(grid.buildingIds),
    deps.openMatters.openInCommunity(grid.communityId),
  ])
  const compounds = await Promise.all(
    [...new Set(buildings.map((b) => b.compoundId))].map((id) => deps.structure.getCompound(id)),
  )
  return {
    communityName: community?.name ?? '',
    streetName: street?.name ?? '',
    buildings: new Map(buildings.map((b) => [b.buildingId, b])),
    compoundNames: new Map(compounds.flatMap((c) => (c ? [[c.compoundId, c.name] as const] : []))),
    open,
  }
}

/** Resolves a scanned code to its grid, or the one answer every bad code gets. */
const gridForCode = async (deps: GridDeps, code: string) => {
  const cardNo = readCardCode(deps.cardSecret, code)
  const gridId = cardNo && (await deps.structure.gridIdForCard(cardNo))
  const grid = gridId && (await deps.structure.getGrid(gridId))
  if (!grid || grid.cardNo !== cardNo) throw new DomainError('card.invalid')
  return grid
}

/**
 * The public card a scan opens, readable without login: the grid worker (phone masked), the building heads
 * and party households (挂牌亮户), and what is open in the grid.
 */
export const getPublicCard = async (deps: GridDeps, input: { code: string }): Promise<PublicCard> => {
  const grid = await gridForCode(deps, input.code)
  const [ctx, people, wishes] = await Promise.all([
    contextOfGrid(deps, grid),
    peopleOf(deps, [grid]),
    deps.openWishes?.onWall(grid.gridId),
  ])
  const card = cardOf(grid, ctx, people)
  return wishes === undefined ? card : { ...card, openCounts: { ...card.openCounts, wishes } }
}

/** The grid worker's full number, for the tap-to-call button of a logged-in resident. */
export const getGridContact = async (deps: GridDeps, input: { gridId: string }) => {
  const grid = found(await deps.structure.getGrid(input.gridId), 'grid.notFound')
  const worker = (await deps.identity.grantsAtPlace('grid', grid.gridId)).find((g) => g.role === 'gridWorker')
  const user = worker && (await deps.identity.getUser(worker.userId))
  if (!user?.phone) throw new DomainError('grid.notFound')
  return { name: user.displayName, phone: user.phone }
}

/** A building's heads with their full numbers, for a logged-in resident's tap-to-call; in the card's order, with a phone only. */
export const getBuildingHeadContacts = async (deps: GridDeps, input: { buildingId: string }) => {
  const building = found(await deps.structure.getBuilding(input.buildingId), 'building.notFound')
  const heads = (await deps.identity.grantsInBuilding(building.buildingId)).filter(
    (g) => g.role === 'buildingHead' && g.placeId === building.buildingId,
  )
  const users = new Map((await deps.identity.getUsers(heads.map((h) => h.userId))).map((u) => [u.userId, u]))
  return {
    items: heads.flatMap((h) =>
      users.get(h.userId)?.phone
        ? [{ name: users.get(h.userId)!.displayName, phone: users.get(h.userId)!.phone! }]
        : [],
    ),
  }
}

const staffGrid = async (deps: GridDeps, actor: Principal, gridId: string) => {
  const grid = found(await deps.structure.getGrid(gridId), 'grid.notFound')
  authorize(
    actor,
    staffRoles,
    found(await deps.structure.resolvePlace({ type: 'grid', id: grid.gridId }), 'grid.notFound'),
  )
  return grid
}

export const getCardCode = async (deps: GridDeps, actor: Principal, input: { gridId: string }) => {
  const grid = await staffGrid(deps, actor, input.gridId)
  const code = signCardCode(deps.cardSecret, grid.cardNo)
  return { gridId: grid.gridId, code, link: cardLink(deps.appUrl, code), page: GRID_PAGE }
}

/** The printed cards of some grids sharing one context: the worker's full phone is printed, as on the paper cards in the texts. */
const renderInputs = async (deps: GridDeps, grids: GridRecord[], ctx: CardContext): Promise<CardRenderInput[]> => {
  const people = await peopleOf(deps, grids)
  return Promise.all(
    grids.map(async (grid) => {
      const card = cardOf(grid, ctx, people)
      const code = signCardCode(deps.cardSecret, grid.cardNo)
      return {
        gridName: card.gridName,
        communityName: card.communityName,
        streetName: card.streetName,
        workerName: card.worker?.name ?? '（待配备）',
        workerPhone: people.worker(grid.gridId)?.phone ?? '',
        heads: card.buildings.map((b) => `${b.name}：${b.heads.map((h) => h.name).join('、') || '待定'}`),
        partyHouseholds: card.partyHouseholds.map((p) => `${p.address} ${p.name}`),
        qrPng: await deps.qr.qrPng(code, cardLink(deps.appUrl, code)),
        code,
      }
    }),
  )
}

/** A print-ready card for one grid. */
export const printGridCard = async (deps: GridDeps, actor: Principal, input: { gridId: string }) => {
  const grid = await staffGrid(deps, actor, input.gridId)
  return deps.printer.renderPdf(await renderInputs(deps, [grid], await contextOfGrid(deps, grid)))
}

/** Every grid of a community, one page each, for a print run: the community's places are read once for all of them. */
export const printCommunityCards = async (deps: GridDeps, actor: Principal, input: { communityId: string }) => {
  const community = found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  authorize(
    actor,
    ['communityAdmin', 'committee'],
    found(await deps.structure.resolvePlace({ type: 'community', id: community.communityId }), 'community.notFound'),
  )
  const [{ compounds, buildings, grids }, street, open] = await Promise.all([
    deps.structure.listCommunity(community.communityId),
    deps.structure.getStreet(community.streetId),
    deps.openMatters.openInCommunity(community.communityId),
  ])
  const ctx: CardContext = {
    communityName: community.name,
    streetName: street?.name ?? '',
    buildings: new Map(buildings.map((b) => [b.buildingId, b])),
    compoundNames: new Map(compounds.map((c: Compound) => [c.compoundId, c.name])),
    open,
  }
  return deps.printer.renderPdf(
    await renderInputs(
      deps,
      [...grids].sort((a, b) => byName.compare(a.name, b.name)),
      ctx,
    ),
  )
}
