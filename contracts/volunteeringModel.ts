import { z } from 'zod'
import { ChinaMobile, Id } from './common'

/*
 * Volunteering and dual registration (志愿服务 / 双报到). In-service party members register with the community
 * where they live (residents who are not members register as volunteers); the community publishes activities
 * (需求发布); volunteers sign up up to capacity (线上认领), check in and out on site by scanning the organiser's
 * rotating code (实地报到); the organiser confirms once and each volunteer's hours become a service record
 * (平台记录, 民政部令第67号) and points, once. Roll-ups by person, unit and community come from counters.
 */

export const unitKinds = ['organ', 'enterprise', 'institution', 'social', 'other'] as const
export const unitKindLabels: Record<(typeof unitKinds)[number], string> = {
  organ: '机关',
  enterprise: '企业',
  institution: '事业单位',
  social: '社会组织',
  other: '其他',
}
export const categories = ['environment', 'elderly', 'civility', 'patrol', 'culture', 'service', 'other'] as const
export const categoryLabels: Record<(typeof categories)[number], string> = {
  environment: '环境整治',
  elderly: '助老助残',
  civility: '文明劝导',
  patrol: '治安巡逻',
  culture: '文体活动',
  service: '便民服务',
  other: '其他',
}
export const availabilities = ['weekdayDay', 'weekdayEvening', 'weekend', 'anytime'] as const
export const availabilityLabels: Record<(typeof availabilities)[number], string> = {
  weekdayDay: '工作日白天',
  weekdayEvening: '工作日晚上',
  weekend: '周末',
  anytime: '时间灵活',
}
/**
 * 报名中, 已满, 进行中, 已结束, 已确认: `open` and `full` are the sign-up phase, told apart by the places left; 已取消:
 * the organiser called it off before the start (for good).
 */
export const activityStatuses = ['open', 'full', 'ongoing', 'ended', 'confirmed', 'cancelled'] as const
export const ActivityStatus = z.enum(activityStatuses)
export type ActivityStatus = z.infer<typeof ActivityStatus>
export const activityStatusLabels: Record<ActivityStatus, string> = {
  open: '报名中',
  full: '已满',
  ongoing: '进行中',
  ended: '已结束',
  confirmed: '已确认',
  cancelled: '已取消',
}

export const Text = (max: number, what: string) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}最多${max}个字`)
export const Instant = z.string().datetime({ offset: true })
/** `2026`, `2026-11` or `2026-Q4`. */
export const Period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, '统计期格式为 2026、2026-11 或 2026-Q4')

export const Unit = z.object({
  unitId: Id,
  name: z.string(),
  kind: z.enum(unitKinds),
  contact: z.object({ name: z.string(), phone: z.string() }),
  /** 党员总数 declared by the unit: the base of its 报到率. */
  partyMembers: z.number().int().optional(),
  /** The unit's liaison (联络员), who may publish activities for the unit. */
  liaisonUserId: Id.optional(),
  communityIds: z.array(Id),
})
export type Unit = z.infer<typeof Unit>

export const UnitBody = z.object({
  name: Text(40, '单位名称'),
  kind: z.enum(unitKinds),
  contact: z.object({ name: Text(20, '联系人'), phone: ChinaMobile }),
  partyMembers: z.number().int().min(0).max(100_000).optional(),
  liaisonUserId: Id.optional(),
})

export const RegistrationStatus = z.enum(['pending', 'approved', 'refused'])
export const Registration = z.object({
  userId: Id,
  name: z.string(),
  phone: z.string().optional(),
  communityId: Id,
  communityName: z.string(),
  /** member: 在职党员 (双报到, with a unit); volunteer: a resident who is not a party member. */
  kind: z.enum(['member', 'volunteer']),
  unitId: Id.optional(),
  unitName: z.string().optional(),
  skills: z.array(z.string()),
  availability: z.array(z.enum(availabilities)),
  status: RegistrationStatus,
  reason: z.string().optional(),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
})
export type Registration = z.infer<typeof Registration>

export const CreditRule = z.object({
  /** Credited time is rounded down to this many minutes (e.g. 30: half hours). */
  unitMinutes: z.number().int().min(1).max(120),
  /** A presence covering less than this share of the activity's window is credited nothing. */
  attendanceShare: z.number().min(0).max(1),
  /** At most this many hours a day per volunteer, over all activities. */
  dailyCapHours: z.number().int().min(1).max(24),
})
export type CreditRule = z.infer<typeof CreditRule>
export const VolunteerSettings = CreditRule.extend({
  /** 应报到在职党员数 of the community, the base of its 报到率 (optional). */
  expectedMembers: z.number().int().min(0).max(1_000_000).optional(),
})
export type VolunteerSettings = z.infer<typeof VolunteerSettings>

export const Location = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Metres, as wx.getLocation reports it. */
  accuracy: z.number().min(0).max(100_000),
})
export const Place = z.object({
  name: Text(40, '活动地点'),
  /** gcj02, as wx.getLocation and wx.chooseLocation give it. */
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  radiusM: z.number().int().min(30, '签到范围至少30米').max(2000, '签到范围最多2000米'),
})

export const activityActions = [
  'signUp',
  'cancel',
  'checkIn',
  'checkOut',
  'manage',
  'showCode',
  'proxy',
  'changeCapacity',
  'confirm',
  /** The organiser signs up someone on their behalf (a resident found by name or room, or a volunteer without WeChat). */
  'signUpFor',
  /** The organiser calls the whole activity off before its start (for good). */
  'cancelActivity',
] as const
export const ActivityAction = z.enum(activityActions)

export const Activity = z.object({
  activityId: Id,
  communityId: Id,
  title: z.string(),
  description: z.string(),
  category: z.enum(categories),
  place: Place,
  startAt: z.string(),
  endAt: z.string(),
  signUpDeadline: z.string(),
  capacity: z.number().int(),
  placed: z.number().int(),
  waiting: z.number().int(),
  pointsPerHour: z.number().int(),
  audience: z.enum(['members', 'all']),
  organiser: z.object({ userId: Id, name: z.string() }),
  unit: z.object({ unitId: Id, name: z.string() }).optional(),
  status: ActivityStatus,
  /** Why, when and by whom the activity was called off (已取消). */
  cancelled: z.object({ at: z.string(), byName: z.string(), reason: z.string() }).optional(),
  rule: CreditRule,
  /** The caller: placed (已报名), waiting (候补, with the position from 1), or none; and their check-in. */
  me: z.object({
    state: z.enum(['placed', 'waiting', 'none']),
    position: z.number().int().optional(),
    checkInAt: z.string().optional(),
    checkOutAt: z.string().optional(),
  }),
  /** What the caller may do now (the server's own checks). */
  can: z.array(ActivityAction),
})
export type Activity = z.infer<typeof Activity>

export const Presence = z.object({
  at: z.string(),
  by: z.enum(['self', 'proxy', 'system']),
  byName: z.string().optional(),
  missed: z.boolean().optional(),
})
export const Credited = z.object({ minutes: z.number().int(), points: z.number().int(), note: z.string() })
export const AttendanceRow = z.object({
  userId: Id,
  name: z.string(),
  state: z.enum(['placed', 'waiting']),
  position: z.number().int().optional(),
  checkIn: Presence.optional(),
  checkOut: Presence.optional(),
  /** What the rule credits for this presence (before confirmation: a preview; after: what was recorded). */
  credited: Credited,
  /** After confirmation: whether the points reached the volunteer's account. */
  points: z.enum(['credited', 'pending', 'none']).optional(),
  /** Signed up by the organiser on their behalf (代报名): by whom and when. */
  signedUpBy: z.object({ byName: z.string(), at: z.string() }).optional(),
  /** A volunteer without a WeChat account (无微信账号): their phone, masked; hours recorded, no points. */
  guest: z.object({ phone: z.string() }).optional(),
})
/** A resident of the activity's community found by name or room (as 积分发放 finds them). */
export const ResidentFound = z.object({ userId: Id, name: z.string(), household: z.string() })
/** Who the organiser signs up: a resident with an account, or a volunteer without WeChat by name and phone. */
export const OnBehalf = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resident'), userId: Id }),
  z.object({ kind: z.literal('guest'), name: Text(20, '姓名'), phone: ChinaMobile }),
])
export const Refusals = z.object({
  userId: Id,
  name: z.string(),
  count: z.number().int(),
  lastReason: z.string(),
  lastAt: z.string(),
})
export const Attendance = z.object({ activity: Activity, rows: z.array(AttendanceRow), refusals: z.array(Refusals) })
export type Attendance = z.infer<typeof Attendance>

export const ServiceRecord = z.object({
  recordId: Id,
  /** service: 平台记录 of one activity; adjustment: a correction (更正记录) of one. */
  kind: z.enum(['service', 'adjustment']),
  volunteer: z.object({
    userId: Id,
    name: z.string(),
    kind: z.enum(['member', 'volunteer']),
    unitName: z.string().optional(),
    /** A volunteer without a WeChat account, signed up by the organiser: hours recorded, no points. */
    guest: z.boolean().optional(),
  }),
  communityId: Id,
  communityName: z.string(),
  activityId: Id,
  activityTitle: z.string(),
  content: z.string(),
  place: z.string(),
  /** The Beijing date of the service. */
  date: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  minutes: z.number().int(),
  points: z.number().int(),
  pointsState: z.enum(['credited', 'pending', 'none', 'notReclaimed']),
  organiser: z.string(),
  recordingUnit: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  /** Check-in or -out made by the organiser for the volunteer, or a check-out closed at the end. */
  notes: z.array(z.string()),
  adjusts: Id.optional(),
  reason: z.string().optional(),
})
export type ServiceRecord = z.infer<typeof ServiceRecord>

export const CorrectionRequest = z.object({
  requestId: Id,
  recordId: Id,
  activityId: Id,
  activityTitle: z.string(),
  userId: Id,
  name: z.string(),
  text: z.string(),
  at: z.string(),
  status: z.enum(['pending', 'accepted', 'refused']),
  answer: z.string().optional(),
  answeredBy: z.string().optional(),
  answeredAt: z.string().optional(),
  adjustmentId: Id.optional(),
})

export const Counts = z.object({
  minutes: z.number().int(),
  services: z.number().int(),
  activities: z.number().int(),
  points: z.number().int(),
  servingMembers: z.number().int(),
  servingVolunteers: z.number().int(),
})
export const Stats = z.object({
  scope: z.enum(['community', 'unit', 'street', 'all', 'person']),
  id: z.string(),
  name: z.string(),
  period: Period,
  totals: Counts.extend({
    members: z.number().int(),
    volunteers: z.number().int(),
    /** 报到率: members reported against those expected (the unit's party members, the community's expected count). */
    reportRate: z.number().optional(),
    /** 服务完成率: reported members who served in the period. */
    serviceRate: z.number().optional(),
  }),
  /** Month by month inside the period, for the chart. */
  series: z.array(z.object({ period: z.string(), minutes: z.number().int(), services: z.number().int() })),
  units: z.array(
    z.object({
      unitId: Id,
      name: z.string(),
      minutes: z.number().int(),
      services: z.number().int(),
      members: z.number().int(),
      servingMembers: z.number().int(),
    }),
  ),
  people: z.array(
    z.object({
      userId: Id,
      name: z.string(),
      unitName: z.string().optional(),
      minutes: z.number().int(),
      services: z.number().int(),
      points: z.number().int(),
    }),
  ),
})
export type Stats = z.infer<typeof Stats>
