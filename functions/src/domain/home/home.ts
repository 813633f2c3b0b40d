import type { Home, HomeGrid } from '../../../../contracts/home'
import { homesOf, type Actor } from '../identity/actor'
import { roleLine } from '../identity/labels'
import { communityOfPath } from '../shared/places'
import type { GridRecord } from '../structure/ports'
import { pageWith, type HomeDeps } from './ports'

/** The roles whose place is a compound, a community or a street: they serve several grids and choose one. */
const wideRoles = ['committee', 'communityAdmin', 'propertyManager'] as const
const numeric = new Intl.Collator('zh-CN', { numeric: true })
const cnDigits = '零一二三四五六七八九'
/** Chinese numerals read as numbers (up to 99), so 第二网格 sorts after 第一网格 and 第十网格 after 第九网格, not by pinyin. */
const numbered = (name: string) =>
  name.replace(/[零一二三四五六七八九十]+/g, (run) => {
    const digit = (c = '') => cnDigits.indexOf(c)
    if (!run.includes('十')) return [...run].map(digit).join('')
    const [tens, ones] = run.split('十')
    return String((tens ? digit(tens) : 1) * 10 + (ones ? digit(ones) : 0))
  })
const byName = (a: string, b: string) => numeric.compare(numbered(a), numbered(b))

const roleLines = (
  actor: Actor,
  homes: { householdId: string; represents: boolean }[],
  organisations: { name: string }[],
) => {
  const lines = actor.user.memberships.map((m) => {
    const represents = homes.find((h) => h.householdId === m.householdId)?.represents
    return `${represents ? '户代表' : '住户'} · ${m.buildingName}${m.unit}单元${m.room}室`
  })
  for (const g of actor.principal.grants) {
    const line = roleLine(g)
    if (line) lines.push(line)
  }
  return [...new Set([...lines, ...organisations.map((o) => o.name)])]
}

/**
 * 首页 for the caller: which community and grid are theirs — from their household's building, else from their role's
 * place (a grid worker's grid, a building head's building's grid); staff of a compound or community choose among the
 * grids they serve — what each capability says they have to do (待办, read in parallel; one failing leaves the others),
 * and the services of the grid.
 */
export const myHome = async (deps: HomeDeps, actor: Actor, input: { gridId?: string }): Promise<Home> => {
  const grants = actor.principal.grants
  const [homes, organisations] = await Promise.all([
    homesOf(deps, actor),
    deps.organisations.ofMember(actor.principal.userId),
  ])
  const headBuildings = grants
    .filter((g) => g.role === 'buildingHead' && g.placeType === 'building')
    .map((g) => g.placeId)
  const buildings = await deps.structure.getBuildings([
    ...new Set([...actor.user.memberships.map((m) => m.buildingId), ...headBuildings]),
  ])
  const gridOfBuilding = new Map(buildings.map((b) => [b.buildingId, b.gridId]))
  // My own grids, in order: my household's, the one I work in, my building's as its head.
  const ownGridIds = [
    ...actor.user.memberships.map((m) => gridOfBuilding.get(m.buildingId)),
    ...grants.filter((g) => g.role === 'gridWorker' && g.placeType === 'grid').map((g) => g.placeId),
    ...headBuildings.map((b) => gridOfBuilding.get(b)),
  ].filter((id): id is string => Boolean(id))

  const communityId =
    homes.map((h) => communityOfPath(h.path)).find(Boolean) ??
    grants.map((g) => communityOfPath(g.placePath)).find(Boolean) ??
    organisations[0]?.communityId
  const communityIds = [
    ...new Set([
      ...homes.map((h) => communityOfPath(h.path)),
      ...grants.map((g) => communityOfPath(g.placePath)),
      ...organisations.map((o) => o.communityId),
    ]),
  ].filter((id): id is string => Boolean(id))

  // Staff of a compound or the community: the grids they serve, to choose from.
  const wide = communityId
    ? grants.filter(
        (g) =>
          (wideRoles as readonly string[]).includes(g.role) &&
          ['community', 'compound', 'street'].includes(g.placeType),
      )
    : []
  const structure = wide.length && communityId ? await deps.structure.listCommunity(communityId) : undefined
  const buildingNames = new Map((structure?.buildings ?? buildings).map((b) => [b.buildingId, b.name]))
  const compoundOf = new Map((structure?.buildings ?? []).map((b) => [b.buildingId, b.compoundId]))
  const served = (structure?.grids ?? [])
    .filter((grid) =>
      wide.some((g) =>
        g.placeType === 'compound'
          ? grid.buildingIds.some((b) => compoundOf.get(b) === g.placeId)
          : g.placeType === 'street' || communityOfPath(g.placePath) === grid.communityId,
      ),
    )
    .sort((a, b) => byName(a.name, b.name))
  const gridView = (g: GridRecord): HomeGrid => ({
    gridId: g.gridId,
    name: g.name,
    communityId: g.communityId,
    buildingNames: g.buildingIds
      .map((b) => buildingNames.get(b) ?? '')
      .filter(Boolean)
      .sort(byName),
    code: deps.gridCardCode(g),
  })

  const wanted = [input.gridId, ...ownGridIds].find(
    (id) => id && (ownGridIds.includes(id) || served.some((g) => g.gridId === id)),
  )
  const chosenId = wanted ?? (served.length === 1 ? served[0]!.gridId : undefined)
  const [grid, community, todoLists] = await Promise.all([
    chosenId
      ? (served.find((g) => g.gridId === chosenId) ?? deps.structure.getGrid(chosenId))
      : Promise.resolve(undefined),
    communityId ? deps.structure.getCommunity(communityId) : Promise.resolve(undefined),
    Promise.all(
      deps.todoSources.map((s) =>
        s.todos(actor, { communityIds, homes, organisationIds: organisations.map((o) => o.organisationId) }).then(
          (todos) => ({ ok: true as const, todos }),
          () => ({ ok: false as const, todos: [] }),
        ),
      ),
    ),
  ])
  let gridOut: HomeGrid | undefined
  if (grid) {
    const missing = grid.buildingIds.filter((b) => !buildingNames.has(b))
    for (const b of await deps.structure.getBuildings(missing)) buildingNames.set(b.buildingId, b.name)
    const worker = (await deps.identity.grantsAtPlace('grid', grid.gridId)).find((g) => g.role === 'gridWorker')
    const workerName = worker ? (await deps.identity.getUser(worker.userId))?.displayName : undefined
    gridOut = { ...gridView(grid), ...(workerName ? { workerName } : {}) }
  }

  const at = grid ? { gridId: grid.gridId, name: grid.name } : { communityId }
  return {
    ...(community ? { community: { communityId: community.communityId, name: community.name } } : {}),
    ...(gridOut ? { grid: gridOut } : {}),
    grids: served.map(gridView),
    roles: roleLines(actor, homes, organisations),
    todos: todoLists.flatMap((l) => l.todos),
    services: [
      { key: 'matters', label: '议事', hint: '提议、附议、投票', page: '/pages/matters/index', open: true },
      {
        key: 'wishes',
        label: '微心愿',
        hint: '心愿墙',
        page: pageWith('/packages/wishes/pages/wall/index', at),
        open: true,
      },
      {
        key: 'volunteer',
        label: '志愿活动',
        hint: '报名与签到',
        page: pageWith('/packages/volunteer/pages/activities/index', grid ? { gridId: grid.gridId } : { communityId }),
        open: true,
      },
      { key: 'points', label: '积分', hint: '积分超市', page: '/packages/points/pages/index/index', open: true },
    ],
    ...(todoLists.some((l) => !l.ok) ? { incomplete: true } : {}),
  }
}
