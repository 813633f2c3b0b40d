import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm'
import { topics, type Topic } from '../../contracts/notifications'
import type { TopicTemplate } from './domain/notifications/ports'

/**
 * Settings come from the environment that serverless.yml sets. Secrets are never in it on a deployed stage:
 * there the environment names SSM SecureString parameters (`SESSION_SECRET_PARAM`, …) and they are read once
 * per container. Locally `npm start` and the tests put the values themselves in the environment.
 */
export interface Config {
  stage: string
  appUrl: string
  wechatApiBase: string
  wechatAppId: string
  wechatSecret: string
  /** The Token set for message push (消息推送) in the WeChat console: WeChat signs every push with it. */
  wechatPushToken: string
  sessionSecret: string
  cardSecret: string
  sessionTtlSeconds: number
  qrMode: 'wechat' | 'link'
  cardFontPath?: string
  photoBucket: string
  /** Only locally: the s3rver stand-in. */
  s3Endpoint?: string
  /** The WeChat subscribe-message template of each notification topic (`WECHAT_SUBSCRIBE_TEMPLATES`, JSON). */
  subscribeTemplates: Partial<Record<Topic, TopicTemplate>>
}

/** The keywords of the template every topic is configured with unless it says otherwise (README: notifications). */
const DEFAULT_KEYS = { title: 'thing1', text: 'thing2', time: 'time3' }

/**
 * `{"progress":"<template id>", "points":{"id":"<template id>","keys":{"title":"thing4","text":"thing2","time":"time1"}}, …}`:
 * a topic's template id, or its id with the template's own keyword names. Unknown topics and malformed entries are
 * ignored, bad JSON means none (nothing is sent, and each notice's delivery says so).
 */
const parseTemplates = (json: string | undefined): Partial<Record<Topic, TopicTemplate>> => {
  let raw: Record<string, unknown>
  try {
    raw = JSON.parse(json || '{}') as Record<string, unknown>
  } catch {
    return {}
  }
  const out: Partial<Record<Topic, TopicTemplate>> = {}
  for (const t of topics) {
    const v = raw[t]
    if (typeof v === 'string' && v) out[t] = { id: v, keys: DEFAULT_KEYS }
    else if (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') {
      const keys = (v as { keys?: Record<string, unknown> }).keys ?? {}
      const pick = (k: keyof typeof DEFAULT_KEYS) =>
        typeof keys[k] === 'string' ? (keys[k] as string) : DEFAULT_KEYS[k]
      out[t] = { id: (v as { id: string }).id, keys: { title: pick('title'), text: pick('text'), time: pick('time') } }
    }
  }
  return out
}

const secretNames = ['SESSION_SECRET', 'CARD_SECRET', 'WECHAT_SECRET', 'WECHAT_PUSH_TOKEN'] as const

let loaded: Promise<Config> | undefined

const readSecrets = async (): Promise<Record<(typeof secretNames)[number], string>> => {
  const out = {} as Record<(typeof secretNames)[number], string>
  const fromSsm: [(typeof secretNames)[number], string][] = []
  for (const name of secretNames) {
    const direct = process.env[name]
    const param = process.env[`${name}_PARAM`]
    if (direct) out[name] = direct
    else if (param) fromSsm.push([name, param])
    else out[name] = ''
  }
  if (fromSsm.length > 0) {
    const ssm = new SSMClient({})
    const { Parameters = [] } = await ssm.send(
      new GetParametersCommand({ Names: fromSsm.map(([, p]) => p), WithDecryption: true }),
    )
    for (const [name, param] of fromSsm) out[name] = Parameters.find((p) => p.Name === param)?.Value ?? ''
  }
  return out
}

export const loadConfig = (): Promise<Config> =>
  (loaded ??= (async () => {
    const secrets = await readSecrets()
    const stage = process.env.STAGE ?? 'local'
    if (!secrets.SESSION_SECRET || !secrets.CARD_SECRET)
      throw new Error('SESSION_SECRET and CARD_SECRET must be configured')
    return {
      stage,
      appUrl: process.env.APP_URL ?? 'http://localhost:10086',
      wechatApiBase: process.env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
      wechatAppId: process.env.WECHAT_APPID ?? '',
      wechatSecret: secrets.WECHAT_SECRET,
      wechatPushToken: secrets.WECHAT_PUSH_TOKEN,
      sessionSecret: secrets.SESSION_SECRET,
      cardSecret: secrets.CARD_SECRET,
      sessionTtlSeconds: Number(process.env.SESSION_TTL_SECONDS ?? 12 * 3600),
      qrMode: (process.env.QR_MODE as Config['qrMode'] | undefined) ?? (stage === 'local' ? 'link' : 'wechat'),
      ...(process.env.CARD_FONT_PATH ? { cardFontPath: process.env.CARD_FONT_PATH } : {}),
      photoBucket: process.env.PHOTO_BUCKET ?? 'gridlink-local-photos',
      ...(process.env.S3_ENDPOINT ? { s3Endpoint: process.env.S3_ENDPOINT } : {}),
      subscribeTemplates: parseTemplates(process.env.WECHAT_SUBSCRIBE_TEMPLATES),
    }
  })())

/** Tests change the environment between suites. */
export const resetConfig = () => {
  loaded = undefined
}
