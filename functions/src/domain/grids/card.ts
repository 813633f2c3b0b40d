import type { PublicCard } from '../../../../contracts/grids'
import { DomainError, found } from '../shared/errors'
import { authorize, type Principal } from '../shared/places'
import type { StoredGrant } from '../identity/ports'
import { readCardCode, signCardCode } from './cardCode'
import { cardLink, GRID_PAGE, type CardRenderInput, type GridDeps } from './ports'

/** 138****5678: enough to recognise, not enough to harvest. The full number is for logged-in residents. */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****')

const staffRoles = ['gridWorker', 'communityAdmin', 'committee'] as const

const gridPeople = async (deps: GridDeps, gridId: string, buildingIds: string[]) => {
  const [workers, perBuilding] = await Promise.all([
    deps.identity.grantsAtPlace('grid', gridId),
    Promise.all(buildingIds.map((b) => deps.identity.grantsInBuilding(b))),
  ])
  const worker = workers.find((g) => g.role === 'gridWorker')
  const inBuildings = perBuilding.flat()
  const userIds = [...new Set([...(worker ? [worker.userId] : []), ...inBuildings.map((g) => g.userId)])]
  const users = new Map((await Promise.all(userIds.map((id) => deps.identity.getUser(id)))).flatMap((u) => (u ? [[u.userId, u] as const] : [])))
  return { worker: worker && users.get(worker.userId), grants: inBuildings, users }
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
  const [community, street, buildings, openMatters] = await Promise.all([
    deps.structure.getCommunity(grid.communityId),
    deps.structure.getStreet(grid.streetId),
    deps.structure.getBuildings(grid.buildingIds),
    deps.deliberation.listOpenByCommunity(grid.communityId),
  ])
  // A matter is open in the grid when its scope takes in one of the grid's buildings.
  const inGrid = openMatters.filter(({ scope }) =>
    scope.type === 'building'
      ? grid.buildingIds.includes(scope.id)
      : scope.type === 'compound'
        ? buildings.some((b) => b.compoundId === scope.id)
        : scope.id === grid.communityId,
  )
  const compounds = await Promise.all([...new Set(buildings.map((b) => b.compoundId))].map((id) => deps.structure.getCompound(id)))
  const compoundName = new Map(compounds.flatMap((c) => (c ? [[c.compoundId, c.name] as const] : [])))
  const { worker, grants, users } = await gridPeople(deps, grid.gridId, grid.buildingIds)
  const person = (g: StoredGrant) => {
    const u = users.get(g.userId)
    return { name: u?.displayName ?? '', ...(u?.phone ? { phoneMasked: maskPhone(u.phone) } : {}), ...(u?.photoUrl ? { photoUrl: u.photoUrl } : {}) }
  }
  return {
    gridId: grid.gridId,
    gridName: grid.name,
    communityName: community?.name ?? '',
    streetName: street?.name ?? '',
    compoundNames: [...compoundName.values()],
    worker: worker
      ? {
          name: worker.displayName,
          ...(worker.phone ? { phoneMasked: maskPhone(worker.phone) } : {}),
          ...(worker.photoUrl ? { photoUrl: worker.photoUrl } : {}),
        }
      : null,
    buildings: buildings
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }))
      .map((b) => ({
        buildingId: b.buildingId,
        name: b.name,
        compoundName: compoundName.get(b.compoundId) ?? '',
        heads: grants.filter((g) => g.role === 'buildingHead' && g.placeId === b.buildingId).map(person),
      })),
    partyHouseholds: grants.filter((g) => g.role === 'partyHousehold').map((g) => ({ name: users.get(g.userId)?.displayName ?? '', address: g.placeName })),
    openCounts: { ...grid.openCounts, matters: inGrid.length, polls: inGrid.filter((m) => m.status === 'polling').length },
  }
}

/** The grid worker's full number, for the tap-to-call button of a logged-in resident. */
export const getGridContact = async (deps: GridDeps, input: { gridId: string }) => {
  const grid = found(await deps.structure.getGrid(input.gridId), 'grid.notFound')
  const { worker } = await gridPeople(deps, grid.gridId, [])
  if (!worker?.phone) throw new DomainError('grid.notFound')
  return { name: worker.displayName, phone: worker.phone }
}

const staffGrid = async (deps: GridDeps, actor: Principal, gridId: string) => {
  const grid = found(await deps.structure.getGrid(gridId), 'grid.notFound')
  authorize(actor, staffRoles, found(await deps.structure.resolvePlace({ type: 'grid', id: grid.gridId }), 'grid.notFound'))
  return grid
}

export const getCardCode = async (deps: GridDeps, actor: Principal, input: { gridId: string }) => {
  const grid = await staffGrid(deps, actor, input.gridId)
  const code = signCardCode(deps.cardSecret, grid.cardNo)
  return { gridId: grid.gridId, code, link: cardLink(deps.appUrl, code), page: GRID_PAGE }
}

const renderInput = async (deps: GridDeps, gridId: string): Promise<CardRenderInput> => {
  const grid = found(await deps.structure.getGrid(gridId), 'grid.notFound')
  const code = signCardCode(deps.cardSecret, grid.cardNo)
  const card = await getPublicCard(deps, { code })
  const { worker } = await gridPeople(deps, grid.gridId, [])
  return {
    gridName: card.gridName,
    communityName: card.communityName,
    streetName: card.streetName,
    workerName: card.worker?.name ?? '（待配备）',
    workerPhone: worker?.phone ?? '',
    heads: card.buildings.map((b) => `${b.name}：${b.heads.map((h) => h.name).join('、') || '待定'}`),
    partyHouseholds: card.partyHouseholds.map((p) => `${p.address} ${p.name}`),
    qrPng: await deps.qr.qrPng(code, cardLink(deps.appUrl, code)),
    code,
  }
}

/** A print-ready card for one grid: the worker's full phone is printed, as on the paper cards in the texts. */
export const printGridCard = async (deps: GridDeps, actor: Principal, input: { gridId: string }) => {
  await staffGrid(deps, actor, input.gridId)
  return deps.printer.renderPdf([await renderInput(deps, input.gridId)])
}

/** Every grid of a community, one page each, for a print run. */
export const printCommunityCards = async (deps: GridDeps, actor: Principal, input: { communityId: string }) => {
  const community = found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  authorize(
    actor,
    ['communityAdmin', 'committee'],
    found(await deps.structure.resolvePlace({ type: 'community', id: community.communityId }), 'community.notFound'),
  )
  const { grids } = await deps.structure.listCommunity(community.communityId)
  const inputs = await Promise.all(grids.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true })).map((g) => renderInput(deps, g.gridId)))
  return deps.printer.renderPdf(inputs)
}
