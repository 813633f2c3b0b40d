import type { WishCategory } from '../../../../contracts/microWishes'
import type { Actor } from '../identity/actor'
import { queued } from '../notifications/deliver'
import { fail, found } from '../shared/errors'
import { communityOfPath, holdsRole, type PlaceRef } from '../shared/places'
import { checkPhotos } from '../uploads/uploads'
import { advance } from './advance'
import { screenWishText, wishContent } from './content'
import { communityPathOf } from './facts'
import { DAY_MS, type WishRecord } from './model'
import { actorOf, event, notices } from './notices'
import type { MicroWishDeps } from './ports'
import { settingsFor } from './settings'
import { normaliseRoom, normaliseUnit } from '../structure/address'

interface WishText {
  title: string
  text: string
  categoryId: WishCategory
  photoKeys: string[]
  wantedBy: string
}

/** The resident a grid worker posts for: their household (by id, or by address) and name. */
interface OnBehalf {
  householdId?: string
  buildingId?: string
  unit?: string
  room?: string
  residentName: string
  residentPhone?: string
}

const bodyParts = (input: { title: string; text: string }) => [
  { field: 'body.title', text: input.title },
  { field: 'body.text', text: input.text },
]

/** Beijing's calendar day of an instant (the day residents live in). */
const beijingDay = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10)

/** A wish is wanted by a day after today and at most half a year on: a small wish, soon. */
const checkWantedBy = (deps: MicroWishDeps, wantedBy: string) => {
  const now = deps.now().getTime()
  if (wantedBy <= beijingDay(now) || wantedBy > beijingDay(now + 183 * DAY_MS))
    fail('wish.dateInvalid', [{ path: 'body.wantedBy', message: '请选择明天到半年内的日期' }])
}

/** The household a wish is for, and who may post for it: a member of the household, or the worker of its grid. */
const householdFor = async (
  deps: MicroWishDeps,
  actor: Actor,
  input: { householdId?: string; onBehalf?: OnBehalf },
): Promise<PlaceRef> => {
  if (input.onBehalf) {
    const { householdId, buildingId, unit, room } = input.onBehalf
    const id =
      householdId ??
      (buildingId && unit && room
        ? await deps.structure.findHouseholdId(buildingId, normaliseUnit(unit), normaliseRoom(room))
        : undefined)
    const ref = found(
      id ? await deps.structure.resolvePlace({ type: 'household', id }) : undefined,
      'household.notFound',
    )
    // "A grid worker can post one on behalf of a resident who cannot": a resident of the grid they serve.
    if (!holdsRole(actor.principal, ['gridWorker'], ref)) fail('auth.forbidden')
    return ref
  }
  const memberships = actor.user.memberships
  if (memberships.length === 0) fail('wish.noHousehold')
  const householdId = input.householdId ?? memberships[0]!.householdId
  if (!memberships.some((m) => m.householdId === householdId)) fail('auth.forbidden')
  return found(await deps.structure.resolvePlace({ type: 'household', id: householdId }), 'household.notFound')
}

/**
 * A resident posts a wish for their household, or a grid worker for a resident of their grid (recorded so, with
 * the resident named). It goes to the worker of the household's grid to vet. A household has at most the
 * community's number of open wishes (held by a counter in the same transaction). The client names the wish
 * (`wishId`), so a double tap or a retry returns the first wish.
 */
export const postWish = async (
  deps: MicroWishDeps,
  actor: Actor,
  input: WishText & { wishId: string; householdId?: string; onBehalf?: OnBehalf },
): Promise<WishRecord> => {
  const earlier = await deps.wishes.get(input.wishId)
  if (earlier) return earlier.posterId === actor.principal.userId ? earlier : fail('request.idConflict')
  const ref = await householdFor(deps, actor, input)
  const gridId = ref.gridId ?? fail('wish.noGrid')
  const communityId = communityOfPath(ref.path)!
  const [household, grid, settings] = await Promise.all([
    deps.structure.getHousehold(ref.id),
    deps.structure.getGrid(gridId),
    settingsFor(deps, communityId),
  ])
  if (!household || !grid) return fail('wish.noGrid')
  const building = found(await deps.structure.getBuilding(household.buildingId), 'household.notFound')
  checkWantedBy(deps, input.wantedBy)
  await checkPhotos(deps, actor, input.photoKeys)
  const at = deps.now().toISOString()
  const me = actor.user.user
  const wish: WishRecord = {
    wishId: input.wishId,
    communityId,
    placePath: ref.path,
    gridId,
    gridName: grid.name,
    gridPath: `${communityPathOf(ref.path)}/grid:${gridId}`,
    beneficiary: {
      householdId: household.householdId,
      buildingId: building.buildingId,
      buildingName: building.name,
      unit: household.unit,
      room: household.room,
      name: input.onBehalf?.residentName ?? me.displayName,
      ...(input.onBehalf
        ? input.onBehalf.residentPhone
          ? { phone: input.onBehalf.residentPhone }
          : {}
        : me.phone
          ? { phone: me.phone }
          : {}),
    },
    posterId: me.userId,
    posterName: me.displayName,
    ...(me.phone ? { posterPhone: me.phone } : {}),
    onBehalf: input.onBehalf !== undefined,
    title: input.title,
    text: input.text,
    categoryId: input.categoryId,
    photoKeys: input.photoKeys,
    wantedBy: input.wantedBy,
    status: 'awaitingVetting',
    claims: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  // Content safety: a risky title or text is refused here and nothing is stored; one held for review is written held.
  const held = await screenWishText(
    deps,
    actor,
    wish,
    { key: wishContent.body(wish.wishId), parts: bodyParts(input), scene: 'forum', photoKeys: input.photoKeys },
    at,
  )
  const label = wish.onBehalf ? '网格员代居民发布心愿' : '居民发布心愿'
  const told = wish.onBehalf ? [] : [notices.toGridWorker(wish, at, 'wishToVet', '待您核实审核')]
  const written = await deps.wishes.create(wish, event('post', label, actorOf(actor, wish), at, wish.status), {
    household: { delta: 1, limit: settings.openLimit },
    stats: { delta: { posted: 1 } },
    notices: told.map((n) => queued(n, deps.newId)),
    content: held,
  })
  if (!written.ok) {
    if (written.refused === 'openLimit') fail('wish.openLimit')
    // The same request raced itself (two taps at once): the first one's wish is the answer.
    const first = found(await deps.wishes.get(input.wishId), 'wish.notFound')
    return first.posterId === actor.principal.userId ? first : fail('request.idConflict')
  }
  return wish
}

/** A returned wish goes back to the grid worker when its poster revises it. */
export const reviseWish = (deps: MicroWishDeps, actor: Actor, input: WishText & { wishId: string }) =>
  advance(deps, actor, input.wishId, 'revise', async (w, { at }) => {
    checkWantedBy(deps, input.wantedBy)
    await checkPhotos(deps, actor, input.photoKeys)
    const content = await screenWishText(
      deps,
      actor,
      { ...w, title: input.title },
      {
        key: wishContent.body(w.wishId),
        parts: bodyParts(input),
        scene: 'forum',
        photoKeys: input.photoKeys,
        replaces: true,
      },
      at,
    )
    return {
      effects: { content },
      status: 'awaitingVetting',
      set: {
        title: input.title,
        text: input.text,
        categoryId: input.categoryId,
        photoKeys: input.photoKeys,
        wantedBy: input.wantedBy,
      },
      clear: ['returnNote'],
      label: '发布人修改后重新提交',
      notices: (next) => [notices.toGridWorker(next, at, 'wishToVet', '已修改，待您重新审核')],
    }
  })

/** The poster takes a wish back before anyone has claimed it. */
export const withdrawWish = (deps: MicroWishDeps, actor: Actor, input: { wishId: string; reason?: string }) =>
  advance(deps, actor, input.wishId, 'withdraw', () => ({
    status: 'withdrawn',
    set: { closedReason: input.reason ?? '发布人撤回' },
    label: '发布人撤回心愿',
    ...(input.reason ? { note: input.reason } : {}),
  }))
