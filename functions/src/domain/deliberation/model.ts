import type { z } from 'zod'
import type {
  Category,
  DeliberationSettings,
  MatterStatus,
  PollRule,
  ResponsibleParty,
  Triage,
} from '../../../../contracts/deliberation'

export type ScopeRef = { type: 'building' | 'compound' | 'community'; id: string; name: string; path: string }

export interface TimelineEvent {
  at: string
  action: string
  label: string
  actorId: string
  actorName: string
  note?: string
  status: MatterStatus
}

export interface MatterRecord {
  matterId: string
  communityId: string
  scope: ScopeRef
  categoryId: string
  categoryName: string
  title: string
  text: string
  photoKeys: string[]
  proposerId: string
  proposerName: string
  status: MatterStatus
  secondsCount: number
  secondsNeeded: number
  createdAt: string
  updatedAt: string
  version: number
  returnNote?: string
  closedReason?: string
  triage?: z.infer<typeof Triage>
  responsibleParty?: z.infer<typeof ResponsibleParty>
  escalation?: { deadline: string; answeredAt?: string; answer?: string }
  pollId?: string
  /** The open poll's closing time, kept on the matter so a list shows the deadline without reading the poll. */
  pollClosesAt?: string
  resolution?: {
    responsibleParty: z.infer<typeof ResponsibleParty>
    tasks: string[]
    dueDate: string
    publishedAt: string
    round: number
  }
  report?: { note: string; photoKeys: string[]; at: string; round: number }
  evaluation?: {
    round: number
    closesAt: string
    counts?: { satisfied: number; basic: number; unsatisfied: number }
    score?: number
  }
}

export interface PollRecord {
  pollId: string
  matterId: string
  communityId: string
  options: string[]
  opensAt: string
  closesAt: string
  secret: boolean
  rule: z.output<typeof PollRule>
  electorate: number
  state: 'scheduled' | 'open' | 'closing' | 'closed'
  openedBy: string
  result?: { counts: number[]; ballots: number; turnout: number; passShareReached: number; passed: boolean }
}

export type { Category, DeliberationSettings }

/** 六议六不议: the defaults every community starts with, editable by its admin. From the Laoshan and Yuehu texts. */
export const defaultSettings: DeliberationSettings = {
  categories: [
    { categoryId: 'public-affairs', name: '小区公共事务', kind: 'deliberate' },
    { categoryId: 'shared-facilities', name: '公共设施建设与维护', kind: 'deliberate' },
    { categoryId: 'public-funds', name: '公共收益与资金使用', kind: 'deliberate' },
    { categoryId: 'environment-order', name: '环境卫生与秩序', kind: 'deliberate' },
    { categoryId: 'conventions', name: '居民公约与自治规则', kind: 'deliberate' },
    { categoryId: 'common-interests', name: '安全、停车等共同利益', kind: 'deliberate' },
    {
      categoryId: 'against-law',
      name: '违反法律法规和政策的事项',
      kind: 'exclude',
      reason: '违反法律法规和政策的事项不得议事，请通过合法途径反映。',
    },
    {
      categoryId: 'beyond-authority',
      name: '超出小区职权范围的事项',
      kind: 'exclude',
      reason: '超出小区职权范围，请向相关职能部门反映。',
    },
    {
      categoryId: 'private-disputes',
      name: '纯属个人私事或邻里私人纠纷',
      kind: 'exclude',
      reason: '个人私事和私人纠纷不属于公共议事范围，可申请网格员或人民调解员协助调解。',
    },
    {
      categoryId: 'already-decided',
      name: '已经法定程序决定的事项',
      kind: 'exclude',
      reason: '已经法定程序作出决定的事项不再重复议事。',
    },
    {
      categoryId: 'party-internal',
      name: '党组织内部事务',
      kind: 'exclude',
      reason: '党组织内部事务按党内规定办理，不提交居民议事。',
    },
    {
      categoryId: 'commercial',
      name: '商业经营和营利性事项',
      kind: 'exclude',
      reason: '商业经营和营利性事项不属于居民议事范围。',
    },
  ],
  secondsNeeded: 3,
  evaluationDays: 7,
  satisfactionThreshold: 0.8,
  escalationDays: 15,
}

/** Shards for a poll's households and ballots: many households, many partitions. */
export const SHARDS = 16
export const shardOf = (householdId: string): number => {
  let h = 0
  for (let i = 0; i < householdId.length; i++) h = (h * 31 + householdId.charCodeAt(i)) | 0
  return Math.abs(h) % SHARDS
}

/**
 * A vote that passed the time check has this long to be written before the tally: longer than the deliberation
 * function may run (serverless.yml gives it 29 s), so every accepted vote is counted. The scheduler runs every
 * minute, so a poll closes 30 to 90 seconds after its closing time.
 */
export const CLOSE_GRACE_MS = 30_000

/** The matter page in the mini-program, which a message about a matter opens. */
export const MATTER_PAGE = 'packages/resident/pages/matter/index'

/** What notices about a matter are about. */
export const matterSubject = (m: Pick<MatterRecord, 'matterId' | 'title'>) => ({
  kind: 'matter',
  id: m.matterId,
  title: m.title,
  page: `${MATTER_PAGE}?matterId=${m.matterId}`,
})
