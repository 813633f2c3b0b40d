import { ulid } from 'ulid'
import { loadConfig, type Config } from '../config'
import { pdfCardPrinter } from '../adapters/cardPrinter'
import { qrSource, wechatSessions } from '../adapters/wechat'
import { newCardNo } from '../domain/grids/cardCode'
import type { GridDeps } from '../domain/grids/ports'
import type { IdentityDeps } from '../domain/identity/ports'
import { signToken } from '../domain/identity/sessionToken'
import type { StructureDeps } from '../domain/structure/ports'
import { dynamoIdentityStore } from '../storage/identityStore'
import { dynamoStructureStore } from '../storage/structureStore'

export type AppDeps = IdentityDeps & StructureDeps & GridDeps & { config: Config }

/** The real adapters, wired once per container. */
export const buildDeps = (config: Config): AppDeps => ({
  config,
  stage: config.stage,
  identity: dynamoIdentityStore,
  structure: dynamoStructureStore,
  wechat: wechatSessions(config),
  tokens: { issue: (userId) => signToken(config.sessionSecret, userId, new Date(), config.sessionTtlSeconds) },
  newId: ulid,
  newCardNo,
  now: () => new Date(),
  cardSecret: config.cardSecret,
  appUrl: config.appUrl,
  printer: pdfCardPrinter(config.cardFontPath),
  qr: qrSource(config),
})

let deps: Promise<AppDeps> | undefined
export const appDeps = (): Promise<AppDeps> => (deps ??= loadConfig().then(buildDeps))
export const resetDeps = () => {
  deps = undefined
}
