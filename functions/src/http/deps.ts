import { ulid } from 'ulid'
import { loadConfig, type Config } from '../config'
import { subscribeSender, wechatSessions } from '../adapters/wechat'
import { s3PhotoStore } from '../adapters/photoStore'
import { dynamoDeliberationStore } from '../storage/deliberationStore'
import type { NotificationDeps } from '../domain/notifications/ports'
import { dynamoNotificationStore } from '../storage/notificationStore'
import { DomainError } from '../domain/shared/errors'
import { newCardNo } from '../domain/grids/cardCode'
import type { GridDeps } from '../domain/grids/ports'
import type { IdentityDeps } from '../domain/identity/ports'
import { signToken } from '../domain/identity/sessionToken'
import type { StructureDeps } from '../domain/structure/ports'
import { dynamoIdentityStore } from '../storage/identityStore'
import { dynamoStructureStore } from '../storage/structureStore'

export type AppDeps = IdentityDeps & StructureDeps & GridDeps & NotificationDeps & { config: Config }

/** Card rendering, which only the grids function carries (pdfkit and the QR encoder would triple the other bundles). */
export type CardRendering = Pick<GridDeps, 'printer' | 'qr'>
export type CardRenderingFactory = (config: Config) => CardRendering

const noCardRendering: CardRenderingFactory = () => ({
  printer: { renderPdf: () => Promise.reject(new DomainError('internal')) },
  qr: { qrPng: () => Promise.reject(new DomainError('internal')) },
})

/** The real adapters, wired once per container. */
export const buildDeps = (config: Config, cards: CardRenderingFactory = noCardRendering): AppDeps => ({
  config,
  stage: config.stage,
  identity: dynamoIdentityStore,
  structure: dynamoStructureStore,
  deliberation: dynamoDeliberationStore,
  photos: s3PhotoStore(config),
  notifications: dynamoNotificationStore,
  sender: subscribeSender(config),
  subscribeTemplates: config.subscribeTemplates,
  wechat: wechatSessions(config),
  tokens: { issue: (userId) => signToken(config.sessionSecret, userId, new Date(), config.sessionTtlSeconds) },
  newId: ulid,
  newCardNo,
  now: () => new Date(),
  cardSecret: config.cardSecret,
  appUrl: config.appUrl,
  ...cards(config),
})

// One set per container (per function); keyed by the rendering factory because tests run every function in one process.
const cache = new Map<CardRenderingFactory | undefined, Promise<AppDeps>>()
export const appDeps = (cards?: CardRenderingFactory): Promise<AppDeps> => {
  let deps = cache.get(cards)
  if (!deps) cache.set(cards, (deps = loadConfig().then((c) => buildDeps(c, cards))))
  return deps
}
export const resetDeps = () => cache.clear()
