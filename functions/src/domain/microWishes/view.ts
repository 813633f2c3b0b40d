import type { Wish, WishSummary } from '../../../../contracts/microWishes'
import type { ContentModeration } from '../../../../contracts/moderation'
import {
  checkMethodLabels,
  hardshipLabels,
  wishCategoryLabels,
  wishStatusLabels,
} from '../../../../contracts/microWishes'
import { communityOf, homesOf, type Actor } from '../identity/actor'
import { residentAccount } from '../ledger/model'
import { DomainError, found } from '../shared/errors'
import { communityOfPath } from '../shared/places'
import { moderationFor, wishContent } from './content'
import { factsFor } from './facts'
import { addressOf, maskName, type WishEvent, type WishRecord } from './model'
import type { MicroWishDeps } from './ports'
import { settingsFor } from './settings'
import { canView, isInsider, possibleActions, type Facts } from './states'

const photo = async (deps: MicroWishDeps, key: string | undefined) =>
  key ? { photo: { key, url: await deps.photos.viewUrl(key) } } : {}
/** Presigned only for those the caller sees (content safety decided which, and which carry a mark). */
const photos = (deps: MicroWishDeps, shown: { key: string; moderation?: ContentModeration }[]) =>
  Promise.all(
    shown.map(async (p) => ({
      key: p.key,
      url: await deps.photos.viewUrl(p.key),
      ...(p.moderation ? { moderation: p.moderation } : {}),
    })),
  )

/** When the wish next needs something: the claim's deadline, or the day it confirms itself. */
const deadlineOf = (w: WishRecord) =>
  w.status === 'claimed' ? w.claim?.deadline : w.status === 'fulfilled' ? w.fulfilment?.autoConfirmAt : undefined

/** A wish in a list: public parts only (the surname, the building), whoever asks. */
export const summary = async (deps: MicroWishDeps, w: WishRecord): Promise<WishSummary> => {
  const deadline = deadlineOf(w)
  return {
    wishId: w.wishId,
    communityId: w.communityId,
    gridId: w.gridId,
    gridName: w.gridName,
    buildingName: w.beneficiary.buildingName,
    title: w.title,
    categoryId: w.categoryId,
    categoryName: wishCategoryLabels[w.categoryId],
    maskedName: maskName(w.beneficiary.name),
    byGridWorker: w.onBehalf,
    wantedBy: w.wantedBy,
    status: w.status,
    statusLabel: wishStatusLabels[w.status],
    ...(w.vetting ? { points: w.vetting.points } : {}),
    ...(await photo(deps, w.photoKeys[0])),
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    ...(deadline ? { deadline } : {}),
  }
}

/** Notes anyone who may read the wish sees: the claimant's report and the thanks. The rest is for those it concerns. */
const publicNotes = new Set(['fulfil', 'confirm', 'thank'])

/** `withheld`: actions whose notes content safety keeps from this viewer (a held report of delivery, a held thank-you). */
const timelineFor = (w: WishRecord, events: WishEvent[], f: Facts, withheld: Set<string>) => {
  const insider = isInsider(f)
  const seesNotes = insider || f.isClaimant
  return events.map((e) => ({
    at: e.at,
    action: e.action,
    label: e.label,
    // The resident's own steps carry their name; on the wall's side of the wish it is 姓** like everywhere else.
    actorName: !insider && !w.onBehalf && e.actorId === w.posterId ? maskName(e.actorName) : e.actorName,
    ...(e.actorRole ? { actorRole: e.actorRole } : {}),
    ...(e.note && !withheld.has(e.action) && (seesNotes || publicNotes.has(e.action)) ? { note: e.note } : {}),
    status: e.status,
  }))
}

/** Only the claimant, while the claim runs: the resident's name, phone and address, or the grid worker who posted it. */
const contactFor = (w: WishRecord) =>
  w.onBehalf
    ? {
        name: w.posterName,
        ...(w.posterPhone ? { phone: w.posterPhone } : {}),
        address: addressOf(w.beneficiary),
        via: 'gridWorker' as const,
        note: '网格员代居民发布，请先与网格员联系，一同上门',
      }
    : {
        name: w.beneficiary.name,
        ...(w.beneficiary.phone ? { phone: w.beneficiary.phone } : {}),
        address: addressOf(w.beneficiary),
        via: 'resident' as const,
      }

/**
 * The wish page. Any logged-in user may read a wish on the wall or past it (masked, as on the wall); before the
 * wall only its poster, household and staff. Each part is for whom it concerns: the address and the reasons for
 * the poster, household and staff; how it was checked and the hardship category for the staff; the contact for
 * the claimant alone, and only while the claim runs (a lapsed or released claimant no longer sees it).
 */
export const getWish = async (deps: MicroWishDeps, actor: Actor, input: { wishId: string }): Promise<Wish> => {
  const w = found(await deps.wishes.get(input.wishId), 'wish.notFound')
  const f = await factsFor(deps, actor, w, await settingsFor(deps, w.communityId))
  if (!canView(w, f)) throw new DomainError('wish.notFound')
  const insider = isInsider(f)
  const staff = f.isGridWorker || f.isCommunityStaff
  const concerned = insider || f.isClaimant
  // Content safety: the moderation of everything the page shows, in one batched read.
  const keys = {
    body: wishContent.body(w.wishId),
    fulfilment: wishContent.fulfilment(w.wishId),
    thanks: wishContent.thanks(w.wishId),
  }
  const seen = await moderationFor(
    deps,
    { userId: actor.principal.userId, isStaff: staff },
    [keys.body, ...(w.fulfilment ? [keys.fulfilment] : []), ...(w.thanks ? [keys.thanks] : [])],
    [...w.photoKeys, ...(w.fulfilment?.photoKeys ?? [])],
  )
  const body = seen.text(keys.body, w.posterId)
  // Held and not the caller's to see: the wish is not announced at all.
  if (!body.show && !body.moderation) throw new DomainError('wish.notFound')
  const note = w.fulfilment ? seen.text(keys.fulfilment, w.claim?.userId ?? '') : undefined
  const thanks = w.thanks ? seen.text(keys.thanks, w.posterId) : undefined
  const own = seen.photos(w.photoKeys)
  const delivered = seen.photos(w.fulfilment?.photoKeys ?? [])
  const [events, wishPhotos, fulfilmentPhotos, head] = await Promise.all([
    deps.wishes.timeline(w.wishId),
    photos(deps, own.shown),
    photos(deps, delivered.shown),
    summary(deps, { ...w, photoKeys: own.shown.map((p) => p.key) }),
  ])
  const withheld = own.withheld + delivered.withheld
  const running = f.isClaimant && (w.status === 'claimed' || w.status === 'fulfilled' || w.status === 'disputed')
  return {
    ...head,
    text: body.show ? w.text : '',
    ...(body.show ? {} : { title: '（内容审核中）' }),
    photos: wishPhotos,
    ...(withheld ? { photosWithheld: withheld } : {}),
    ...(body.moderation ? { moderation: body.moderation } : {}),
    ...(w.publishedAt ? { publishedAt: w.publishedAt } : {}),
    ...(w.vetting ? { claimDays: w.vetting.claimDays } : {}),
    ...(w.claim &&
    (w.status === 'claimed' || w.status === 'fulfilled' || w.status === 'disputed' || w.status === 'confirmed')
      ? {
          claim: {
            claimantName: w.claim.name,
            ...(w.claim.unitName ? { unitName: w.claim.unitName } : {}),
            claimedAt: w.claim.claimedAt,
            deadline: w.claim.deadline,
          },
        }
      : {}),
    ...(w.fulfilment
      ? {
          fulfilment: {
            note: note?.show ? w.fulfilment.note : '',
            photos: fulfilmentPhotos,
            at: w.fulfilment.at,
            autoConfirmAt: w.fulfilment.autoConfirmAt,
            ...(note?.moderation ? { moderation: note.moderation } : {}),
          },
        }
      : {}),
    ...(w.confirmation
      ? {
          confirmation: {
            at: w.confirmation.at,
            byName:
              insider || w.confirmation.byId !== w.posterId || w.onBehalf
                ? w.confirmation.byName
                : maskName(w.confirmation.byName),
            auto: w.confirmation.auto,
          },
        }
      : {}),
    ...(w.thanks && (thanks?.show || thanks?.moderation)
      ? {
          thanks: {
            text: thanks.show ? w.thanks.text : '',
            at: w.thanks.at,
            ...(thanks.moderation ? { moderation: thanks.moderation } : {}),
          },
        }
      : {}),
    ...(w.status === 'confirmed' && w.vetting
      ? {
          credit: {
            amount: w.credited?.amount ?? w.vetting.points,
            ...(w.credited ? { at: w.credited.at } : {}),
            pending: !w.credited,
          },
        }
      : {}),
    ...(insider ? { address: addressOf(w.beneficiary) } : {}),
    ...(insider && w.onBehalf ? { onBehalfOf: w.beneficiary.name } : {}),
    ...(insider && w.returnNote ? { returnNote: w.returnNote } : {}),
    ...(insider && w.refusedReason ? { refusedReason: w.refusedReason } : {}),
    ...(concerned && w.dispute ? { dispute: { reason: w.dispute.reason, at: w.dispute.at } } : {}),
    ...(staff && w.vetting
      ? {
          vetting: {
            method: w.vetting.method,
            methodLabel: checkMethodLabels[w.vetting.method],
            note: w.vetting.note,
            hardship: w.vetting.hardship,
            hardshipLabel: hardshipLabels[w.vetting.hardship],
            byName: w.vetting.byName,
            at: w.vetting.at,
          },
        }
      : {}),
    ...(running ? { contact: contactFor(w) } : {}),
    iPosted: f.isPoster,
    iClaimed: f.isClaimant,
    timeline: timelineFor(
      w,
      events,
      f,
      new Set([...(note && !note.show ? ['fulfil'] : []), ...(thanks && !thanks.show ? ['confirm', 'thank'] : [])]),
    ),
    can: possibleActions(w, f),
  }
}

/** 我的心愿: what the caller posted, for their household or for residents of their grid. */
export const listMyWishes = async (deps: MicroWishDeps, actor: Actor) => ({
  items: await Promise.all((await deps.wishes.ofPoster(actor.principal.userId)).map((w) => summary(deps, w))),
})

const byName = new Intl.Collator('zh-CN', { numeric: true })

const emptyRecord = { active: 0, claimed: 0, fulfilled: 0, lapsed: 0, released: 0, pointsEarned: 0 }

/** 我的认领: the member's claims (how each ended), their service record, and their points in the community. */
export const listMyClaims = async (deps: MicroWishDeps, actor: Actor, input: { communityId?: string }) => {
  const userId = actor.principal.userId
  const [record, claims] = await Promise.all([deps.wishes.member(userId), deps.wishes.claimsOf(userId)])
  const wishes = new Map(
    (await deps.wishes.getMany([...new Set(claims.map((c) => c.wishId))])).map((w) => [w.wishId, w]),
  )
  const items = await Promise.all(
    claims.map(async (c) => {
      const w = wishes.get(c.wishId)
      return {
        wishId: c.wishId,
        title: c.title,
        claimedAt: c.claimedAt,
        deadline: c.deadline,
        outcome: c.outcome,
        points: c.points,
        ...(w ? { wish: await summary(deps, w) } : {}),
      }
    }),
  )
  const communityId =
    input.communityId ?? [...wishes.values()][0]?.communityId ?? communityOf(actor, await homesOf(deps, actor))
  const account = residentAccount(userId)
  const balance = communityId
    ? ((await deps.ledger.heads(communityId, [account])).get(account)?.balance ?? 0)
    : undefined
  const { unitId: _unit, ...shown } = { ...emptyRecord, ...record }
  return {
    record: shown,
    items,
    ...(balance !== undefined ? { balance } : {}),
    ...(communityId ? { communityId } : {}),
  }
}

/** The grid worker's work: each grid they serve, its wishes to vet and its disputes, oldest first. */
export const wishQueue = async (deps: MicroWishDeps, actor: Actor) => {
  const grids = actor.principal.grants.filter((g) => g.role === 'gridWorker' && g.placeType === 'grid')
  const read = await Promise.all(
    grids.map(async (g) => {
      const [vetting, disputes, grid] = await Promise.all([
        deps.wishes.ofGrid(g.placeId, 'awaitingVetting'),
        deps.wishes.ofGrid(g.placeId, 'disputed'),
        deps.structure.getGrid(g.placeId),
      ])
      const buildings = grid ? await deps.structure.getBuildings(grid.buildingIds) : []
      return {
        vetting,
        disputes,
        buildings: buildings
          .map((b) => ({ buildingId: b.buildingId, name: b.name }))
          .sort((a, b) => byName.compare(a.name, b.name)),
      }
    }),
  )
  return {
    vetting: await Promise.all(read.flatMap((r) => r.vetting).map((w) => summary(deps, w))),
    disputes: await Promise.all(read.flatMap((r) => r.disputes).map((w) => summary(deps, w))),
    grids: grids.map((g, i) => ({
      gridId: g.placeId,
      gridName: g.placeName,
      communityId: communityOfPath(g.placePath)!,
      buildings: read[i]!.buildings,
    })),
  }
}
