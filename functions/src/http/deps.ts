import { ulid } from 'ulid'
import { wechatContentSafety } from '../adapters/contentSafety'
import { s3PhotoStore } from '../adapters/photoStore'
import { subscribeSender, wechatSessions } from '../adapters/wechat'
import { loadConfig, type Config } from '../config'
import type { DeliberationDeps } from '../domain/deliberation/ports'
import { deliberationTodos } from '../domain/deliberation/todos'
import { newCardNo, signCardCode } from '../domain/grids/cardCode'
import type { GridDeps } from '../domain/grids/ports'
import type { HomeDeps } from '../domain/home/ports'
import { bindingTodos } from '../domain/identity/todos'
import type { IdentityDeps } from '../domain/identity/ports'
import type { LedgerDeps } from '../domain/ledger/ports'
import type { PointsBankDeps } from '../domain/pointsBank/ports'
import type { MicroWishDeps } from '../domain/microWishes/ports'
import { wishTodos } from '../domain/microWishes/todos'
import { pointsTodos } from '../domain/pointsBank/todos'
import { signToken } from '../domain/identity/sessionToken'
import type { ModerationDeps } from '../domain/moderation/ports'
import type { NotificationDeps } from '../domain/notifications/ports'
import type { DueStore } from '../domain/schedule/ports'
import { DomainError } from '../domain/shared/errors'
import type { StructureDeps } from '../domain/structure/ports'
import type { OrganisationDeps } from '../domain/structure/organisations'
import type { UploadDeps } from '../domain/uploads/ports'
import type { VolunteeringDeps } from '../domain/volunteering/ports'
import { inServiceMembers } from '../domain/volunteering/registrations'
import { siteCodeKey } from '../domain/volunteering/siteCode'
import { volunteerTodos } from '../domain/volunteering/todos'
import { dynamoMatterStore } from '../storage/deliberation/matters'
import { dynamoPollStore } from '../storage/deliberation/polls'
import { dynamoRatingStore } from '../storage/deliberation/ratings'
import { dynamoDeliberationSettingsStore } from '../storage/deliberation/settings'
import { dynamoIdentityStore } from '../storage/identity/store'
import { dynamoLedgerStore } from '../storage/ledger/ledger'
import { dynamoAwardStore } from '../storage/pointsBank/awards'
import { dynamoShopStore } from '../storage/pointsBank/items'
import { dynamoRedemptionStore } from '../storage/pointsBank/redemptions'
import { dynamoCheckStore, dynamoPointsSettingsStore } from '../storage/pointsBank/settings'
import { dynamoWishSettingsStore } from '../storage/microWishes/settings'
import { dynamoWishStore } from '../storage/microWishes/wishes'
import { dynamoModerationStore } from '../storage/moderation/content'
import { dynamoNoticeStore } from '../storage/notifications/notices'
import { dynamoSubscriptionStore } from '../storage/notifications/subscriptions'
import { dynamoDueStore } from '../storage/schedule/due'
import { dynamoStructureStore } from '../storage/structure/store'
import { dynamoOrganisationStore } from '../storage/structure/organisations'
import { dynamoActivityStore } from '../storage/volunteering/activities'
import { dynamoAttendanceStore } from '../storage/volunteering/attendance'
import { dynamoRecordStore } from '../storage/volunteering/records'
import { dynamoRegistrationStore } from '../storage/volunteering/registrations'
import { dynamoVolunteerSettingsStore } from '../storage/volunteering/settings'
import { dynamoStatStore } from '../storage/volunteering/stats'
import { dynamoUnitStore } from '../storage/volunteering/units'

/** Everything any use case may ask for; each capability's use cases take only the part they name. */
export type AppDeps = IdentityDeps &
  StructureDeps &
  OrganisationDeps &
  GridDeps &
  DeliberationDeps &
  NotificationDeps &
  UploadDeps &
  ModerationDeps &
  LedgerDeps &
  PointsBankDeps &
  MicroWishDeps &
  VolunteeringDeps &
  HomeDeps & { schedule: DueStore; config: Config }

/** Card rendering, which only the grids function carries (pdfkit and the QR encoder would triple the other bundles). */
export type CardRendering = Pick<GridDeps, 'printer' | 'qr'>
export type CardRenderingFactory = (config: Config) => CardRendering

const noCardRendering: CardRenderingFactory = () => ({
  printer: { renderPdf: () => Promise.reject(new DomainError('internal')) },
  qr: { qrPng: () => Promise.reject(new DomainError('internal')) },
})

/** The real adapters, wired once per container. */
export const buildDeps = (config: Config, cards: CardRenderingFactory = noCardRendering): AppDeps => {
  const deps: AppDeps = {
    config,
    stage: config.stage,
    identity: dynamoIdentityStore,
    structure: dynamoStructureStore,
    organisations: dynamoOrganisationStore,
    matters: dynamoMatterStore,
    polls: dynamoPollStore,
    ratings: dynamoRatingStore,
    deliberationSettings: dynamoDeliberationSettingsStore,
    // The grid card counts the community's open matters; deliberation answers, grids does not import it.
    openMatters: {
      openInCommunity: async (communityId) =>
        (await dynamoMatterStore.listOpen(communityId)).map((m) => ({
          scope: { type: m.scope.type, id: m.scope.id },
          polling: m.status === 'polling',
        })),
    },
    notices: dynamoNoticeStore,
    subscriptions: dynamoSubscriptionStore,
    schedule: dynamoDueStore,
    ledger: dynamoLedgerStore,
    pointsSettings: dynamoPointsSettingsStore,
    shop: dynamoShopStore,
    redemptions: dynamoRedemptionStore,
    awards: dynamoAwardStore,
    checks: dynamoCheckStore,
    wishes: dynamoWishStore,
    // The grid card counts the wishes waiting on the grid's wall; micro-wishes answers, grids does not import it.
    openWishes: { onWall: (gridId) => dynamoWishStore.countOpen({ kind: 'grid', id: gridId }) },
    wishSettings: dynamoWishSettingsStore,
    // Who claims micro-wishes: volunteering's approved 双报到 registration (and its unit); without one, the wishes'
    // rule admits holders of the inServiceMember role at the community (no unit).
    servingMembers: {
      servingMember: async (communityId, userId) => {
        const m = await inServiceMembers({ volunteerRegistrations: dynamoRegistrationStore }).approvedMember(
          communityId,
          userId,
        )
        return m && { unitId: m.unitId, unitName: m.unitName }
      },
    },
    volunteerUnits: dynamoUnitStore,
    volunteerRegistrations: dynamoRegistrationStore,
    activities: dynamoActivityStore,
    attendance: dynamoAttendanceStore,
    serviceRecords: dynamoRecordStore,
    volunteerStats: dynamoStatStore,
    volunteerSettings: dynamoVolunteerSettingsStore,
    siteCodeSecret: siteCodeKey(config.cardSecret),
    // The QR, the spreadsheet and the PDF printer join the volunteering function's deps in its handler only.
    siteQr: { png: () => Promise.reject(new DomainError('internal')) },
    spreadsheet: {
      xlsx: () => {
        throw new DomainError('internal')
      },
    },
    feedbackPrinter: { renderPdf: () => Promise.reject(new DomainError('internal')) },
    photos: s3PhotoStore(config),
    safety: wechatContentSafety(config),
    moderation: dynamoModerationStore,
    pushToken: config.wechatPushToken,
    sender: subscribeSender(config),
    subscribeTemplates: config.subscribeTemplates,
    wechat: wechatSessions(config),
    tokens: { issue: (userId) => signToken(config.sessionSecret, userId, new Date(), config.sessionTtlSeconds) },
    newId: ulid,
    newCardNo,
    now: () => new Date(),
    cardSecret: config.cardSecret,
    appUrl: config.appUrl,
    gridCardCode: (grid) => signCardCode(config.cardSecret, grid.cardNo),
    todoSources: [],
    ...cards(config),
  }
  // 首页's 待办: what each capability says the caller has to do, so domain/home imports none of them. They read
  // through this same object (tests move its clock).
  deps.todoSources = [
    deliberationTodos(deps),
    bindingTodos(deps),
    wishTodos(deps),
    volunteerTodos(deps),
    pointsTodos(deps),
  ]
  return deps
}

// One set per container (per function); keyed by the rendering factory because tests run every function in one process.
const cache = new Map<CardRenderingFactory | undefined, Promise<AppDeps>>()
export const appDeps = (cards?: CardRenderingFactory): Promise<AppDeps> => {
  let deps = cache.get(cards)
  if (!deps) cache.set(cards, (deps = loadConfig().then((c) => buildDeps(c, cards))))
  return deps
}
export const resetDeps = () => cache.clear()
