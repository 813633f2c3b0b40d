import { z } from 'zod'
import { ChinaMobile, ClientId, defineRoute, Id } from './common'
import {
  Activity,
  Attendance,
  availabilities,
  categories,
  CorrectionRequest,
  Instant,
  Location,
  OnBehalf,
  Period,
  Place,
  Registration,
  RegistrationStatus,
  ResidentFound,
  ServiceRecord,
  Stats,
  Text,
  Unit,
  UnitBody,
  VolunteerSettings,
} from './volunteeringModel'

export * from './volunteeringModel'

const communityParams = z.object({ communityId: Id })
const activityParams = z.object({ activityId: Id })
const staff = ['auth.required', 'auth.forbidden', 'community.notFound'] as const
const act = ['auth.required', 'auth.forbidden', 'activity.notFound'] as const
/** An activity called off answers this to everything that would change it (sign-up, check-in, confirm …). */
const live = [...act, 'activity.wrongStatus', 'activity.cancelled'] as const
/** What a route whose texts go through content safety may also answer (contracts/moderation.ts). */
const screened = ['content.risky', 'content.checkUnavailable'] as const
const siteRefusals = [
  'checkin.notSignedUp',
  'checkin.wrongActivity',
  'checkin.codeExpired',
  'checkin.badCode',
  'checkin.outside',
  'checkin.inaccurate',
  'checkin.notOpen',
] as const

export const listUnits = defineRoute({
  operationId: 'listVolunteerUnits',
  method: 'GET',
  path: '/communities/{communityId}/volunteer-units',
  summary: '与社区结对的报到单位',
  auth: 'user',
  params: communityParams,
  response: z.object({ items: z.array(Unit) }),
  errors: ['auth.required', 'community.notFound'],
})
export const createUnit = defineRoute({
  operationId: 'createVolunteerUnit',
  method: 'POST',
  path: '/communities/{communityId}/volunteer-units',
  summary: '社区管理员或街道登记报到单位，与本社区结对',
  auth: 'user',
  status: 201,
  params: communityParams,
  body: UnitBody.extend({ unitId: ClientId }),
  response: Unit,
  errors: [...staff, 'request.idConflict'],
})
export const updateUnit = defineRoute({
  operationId: 'updateVolunteerUnit',
  method: 'PUT',
  path: '/volunteer-units/{unitId}',
  summary: '修改报到单位（结对社区的管理员或街道）',
  auth: 'user',
  params: z.object({ unitId: Id }),
  /** `communityIds`: further communities to pair it with (each led by the caller). */
  // A set: the same community twice would be two writes of one item in the pairing's transaction (found by the fuzzer).
  body: UnitBody.extend({
    communityIds: z
      .array(Id)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, '结对社区不能重复')
      .optional(),
  }),
  response: Unit,
  errors: ['auth.required', 'auth.forbidden', 'unit.notFound'],
})

export const getMyRegistration = defineRoute({
  operationId: 'getMyVolunteerRegistration',
  method: 'GET',
  path: '/me/volunteer-registration',
  summary: '我的双报到 / 志愿者登记',
  auth: 'user',
  response: z.object({ registration: Registration.nullable() }),
  errors: ['auth.required'],
})
export const putMyRegistration = defineRoute({
  operationId: 'putMyVolunteerRegistration',
  method: 'PUT',
  path: '/me/volunteer-registration',
  summary: '登记（在职党员双报到：报到单位与居住社区；或居民志愿者），技能与可服务时间；社区审核',
  auth: 'user',
  body: z.object({
    communityId: Id,
    kind: z.enum(['member', 'volunteer']),
    unitId: Id.optional(),
    phone: ChinaMobile.optional(),
    skills: z.array(z.string().trim().min(1).max(12, '每项技能最多12个字')).max(10, '最多10项技能').default([]),
    availability: z.array(z.enum(availabilities)).max(4).default([]),
  }),
  response: z.object({ registration: Registration }),
  errors: [
    'auth.required',
    'community.notFound',
    'unit.notFound',
    'registration.unitRequired',
    'registration.unitNotPaired',
    ...screened,
  ],
})
export const listRegistrations = defineRoute({
  operationId: 'listVolunteerRegistrations',
  method: 'GET',
  path: '/communities/{communityId}/volunteer-registrations',
  summary: '社区的双报到登记（待审核、已通过、未通过）',
  auth: 'user',
  params: communityParams,
  query: z.object({ status: RegistrationStatus.optional() }),
  response: z.object({ items: z.array(Registration) }),
  errors: staff,
})
export const decideRegistration = defineRoute({
  operationId: 'decideVolunteerRegistration',
  method: 'POST',
  path: '/volunteer-registrations/{userId}/decision',
  summary: '社区审核登记：通过或不通过（说明理由）',
  auth: 'user',
  params: z.object({ userId: Id }),
  body: z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve') }),
    z.object({ decision: z.literal('refuse'), reason: Text(200, '理由') }),
  ]),
  response: z.object({ registration: Registration }),
  errors: ['auth.required', 'auth.forbidden', 'registration.notFound', 'registration.notPending'],
})

export const getSettings = defineRoute({
  operationId: 'getVolunteerSettings',
  method: 'GET',
  path: '/communities/{communityId}/volunteer-settings',
  summary: '社区的志愿时长认定规则（取整单位、到岗比例、每日上限）',
  auth: 'user',
  params: communityParams,
  response: VolunteerSettings,
  errors: ['auth.required', 'community.notFound'],
})
export const putSettings = defineRoute({
  operationId: 'putVolunteerSettings',
  method: 'PUT',
  path: '/communities/{communityId}/volunteer-settings',
  summary: '社区管理员修改时长认定规则（对此后发布的活动生效）',
  auth: 'user',
  params: communityParams,
  body: VolunteerSettings,
  response: VolunteerSettings,
  errors: staff,
})

export const publishActivity = defineRoute({
  operationId: 'publishActivity',
  method: 'POST',
  path: '/activities',
  summary: '发布志愿活动或需求（两委、网格员、社区管理员，或报到单位的联络员）',
  auth: 'user',
  status: 201,
  body: z.object({
    activityId: ClientId,
    communityId: Id,
    title: Text(30, '标题'),
    description: Text(1000, '活动内容'),
    category: z.enum(categories),
    place: Place,
    startAt: Instant,
    endAt: Instant,
    signUpDeadline: Instant,
    capacity: z.number().int().min(1, '至少1人').max(200, '最多200人'),
    pointsPerHour: z.number().int().min(0).max(100),
    audience: z.enum(['members', 'all']),
    unitId: Id.optional(),
  }),
  response: Activity,
  errors: [
    ...staff,
    'request.idConflict',
    'activity.timeInvalid',
    'unit.notFound',
    'registration.unitNotPaired',
    ...screened,
  ],
})
export const listActivities = defineRoute({
  operationId: 'listActivities',
  method: 'GET',
  path: '/activities',
  summary: '社区的志愿活动：将要开始和进行中的（按开始时间），或已结束的（最近的在前），或我报名的',
  auth: 'user',
  query: z.object({
    communityId: Id.optional(),
    gridId: Id.optional(),
    when: z.enum(['upcoming', 'past', 'mine']).default('upcoming'),
  }),
  response: z.object({ communityId: Id.optional(), items: z.array(Activity) }),
  errors: ['auth.required', 'community.notFound', 'grid.notFound'],
})
export const getActivity = defineRoute({
  operationId: 'getActivity',
  method: 'GET',
  path: '/activities/{activityId}',
  summary: '活动详情：名额、候补、我的报名与签到、我可做的操作',
  auth: 'user',
  params: activityParams,
  response: Activity,
  errors: ['auth.required', 'activity.notFound'],
})
export const changeCapacity = defineRoute({
  operationId: 'changeActivityCapacity',
  method: 'PATCH',
  path: '/activities/{activityId}',
  summary: '调整名额：调低时保留最早报名的，其余转为候补并通知；调高时候补依次递补',
  auth: 'user',
  params: activityParams,
  body: z.object({ capacity: z.number().int().min(1).max(200) }),
  response: Activity,
  errors: live,
})
export const signUp = defineRoute({
  operationId: 'signUpForActivity',
  method: 'POST',
  path: '/activities/{activityId}/sign-up',
  summary: '报名（线上认领）：名额内即报名成功，满员后进入候补；重复提交不变',
  auth: 'user',
  params: activityParams,
  response: Activity,
  errors: [
    ...live,
    'activity.signUpClosed',
    'activity.waitlistFull',
    'volunteer.notRegistered',
    'volunteer.membersOnly',
    'volunteer.otherCommunity',
  ],
})
export const cancelSignUp = defineRoute({
  operationId: 'cancelActivitySignUp',
  method: 'DELETE',
  path: '/activities/{activityId}/sign-up',
  summary: '取消报名（活动开始前）：候补第一位递补并收到通知；重复提交不变',
  auth: 'user',
  params: activityParams,
  response: Activity,
  errors: live,
})
export const getSiteCode = defineRoute({
  operationId: 'getActivitySiteCode',
  method: 'GET',
  path: '/activities/{activityId}/site-code',
  summary: '组织者手机上的现场签到码：每30秒更换（本时段与上一时段有效）',
  auth: 'user',
  params: activityParams,
  response: z.object({ code: z.string(), qr: z.string(), validUntil: z.string(), periodSeconds: z.number().int() }),
  errors: live,
})
const SiteScan = z.object({ code: z.string().min(1).max(200), location: Location })
export const checkIn = defineRoute({
  operationId: 'checkInToActivity',
  method: 'POST',
  path: '/activities/{activityId}/check-in',
  summary: '现场签到：扫描组织者的签到码并附定位；重复签到不变',
  auth: 'user',
  params: activityParams,
  body: SiteScan,
  response: Activity,
  errors: ['auth.required', 'activity.notFound', ...siteRefusals, 'activity.cancelled'],
})
export const checkOut = defineRoute({
  operationId: 'checkOutOfActivity',
  method: 'POST',
  path: '/activities/{activityId}/check-out',
  summary: '现场签退：扫码并附定位；重复签退不变',
  auth: 'user',
  params: activityParams,
  body: SiteScan,
  response: Activity,
  errors: ['auth.required', 'activity.notFound', ...siteRefusals, 'checkin.notCheckedIn', 'activity.cancelled'],
})
export const proxyAttendance = defineRoute({
  operationId: 'proxyActivityAttendance',
  method: 'POST',
  path: '/activities/{activityId}/attendance/{userId}/proxy',
  summary: '组织者为没有智能手机的志愿者代签到或代签退（记录代签人）',
  auth: 'user',
  params: z.object({ activityId: Id, userId: Id }),
  body: z.object({ action: z.enum(['checkIn', 'checkOut']) }),
  response: Attendance,
  errors: [...act, 'checkin.notSignedUp', 'checkin.notOpen', 'checkin.notCheckedIn', 'activity.cancelled'],
})
export const findResidentsFor = defineRoute({
  operationId: 'findResidentsForActivity',
  method: 'GET',
  path: '/activities/{activityId}/residents',
  summary: '代报名时按姓名或房号查找本社区居民（与积分发放同一查找）',
  auth: 'user',
  params: activityParams,
  query: z.object({ q: z.string().trim().min(1, '请输入姓名或房号').max(20) }),
  response: z.object({ items: z.array(ResidentFound) }),
  errors: act,
})
export const signUpOnBehalf = defineRoute({
  operationId: 'signUpOnBehalf',
  method: 'POST',
  path: '/activities/{activityId}/sign-ups-on-behalf',
  summary:
    '组织者代报名：为找到的居民，或没有微信的志愿者（姓名＋手机号）报名；名额与候补同自助报名，同一请求编号重复提交不变',
  auth: 'user',
  params: activityParams,
  body: z.object({ requestId: ClientId, volunteer: OnBehalf }),
  response: Attendance,
  errors: [...live, 'activity.signUpClosed', 'activity.waitlistFull', 'volunteer.membersOnly', 'volunteer.notResident'],
})
export const cancelActivity = defineRoute({
  operationId: 'cancelActivity',
  method: 'POST',
  path: '/activities/{activityId}/cancel',
  summary: '取消整个活动（开始前，如遇下雨）：写明原因，通知已报名和候补的人；不可撤销，重复提交不变',
  auth: 'user',
  params: activityParams,
  body: z.object({ reason: Text(100, '取消原因') }),
  response: Activity,
  errors: [...act, 'activity.wrongStatus', ...screened],
})
export const getAttendance = defineRoute({
  operationId: 'getActivityAttendance',
  method: 'GET',
  path: '/activities/{activityId}/attendance',
  summary: '签到名单：签到签退时间、代签、按规则认定的时长，以及多次被拒的签到',
  auth: 'user',
  params: activityParams,
  response: Attendance,
  errors: act,
})
export const confirmActivity = defineRoute({
  operationId: 'confirmActivity',
  method: 'POST',
  path: '/activities/{activityId}/confirm',
  summary: '活动结束后组织者确认一次：记录每人的服务时长并发放积分，各一次；重复确认不变',
  auth: 'user',
  params: activityParams,
  body: z
    .object({
      excluded: z
        .array(z.object({ userId: Id, reason: Text(100, '理由') }))
        .max(200)
        .default([]),
    })
    .default({}),
  response: Attendance,
  errors: live,
})

export const myRecords = defineRoute({
  operationId: 'myServiceRecords',
  method: 'GET',
  path: '/me/service-records',
  summary: '我的服务：时长、平台记录、由此获得的积分、更正申请',
  auth: 'user',
  response: z.object({
    minutes: z.number().int(),
    points: z.number().int(),
    records: z.array(ServiceRecord),
    corrections: z.array(CorrectionRequest),
  }),
  errors: ['auth.required'],
})
export const requestCorrection = defineRoute({
  operationId: 'requestServiceRecordCorrection',
  method: 'POST',
  path: '/service-records/{recordId}/correction-requests',
  summary: '志愿者对服务记录申请更正（民政部令第67号）',
  auth: 'user',
  status: 201,
  params: z.object({ recordId: Id }),
  body: z.object({ requestId: ClientId, text: Text(300, '更正理由') }),
  response: CorrectionRequest,
  errors: ['auth.required', 'record.notFound', 'request.idConflict', ...screened],
})
export const listCorrections = defineRoute({
  operationId: 'listActivityCorrections',
  method: 'GET',
  path: '/activities/{activityId}/correction-requests',
  summary: '本活动志愿者的更正申请',
  auth: 'user',
  params: activityParams,
  response: z.object({ items: z.array(CorrectionRequest) }),
  errors: act,
})
export const answerCorrection = defineRoute({
  operationId: 'answerServiceRecordCorrection',
  method: 'POST',
  path: '/correction-requests/{requestId}/answer',
  summary: '组织者答复更正申请：同意（按更正后的签到签退时间重新认定，另立更正记录）或不同意（说明理由）',
  auth: 'user',
  params: z.object({ requestId: Id }),
  body: z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept'), checkInAt: Instant, checkOutAt: Instant, answer: Text(200, '答复') }),
    z.object({ decision: z.literal('refuse'), answer: Text(200, '答复') }),
  ]),
  response: CorrectionRequest,
  errors: ['auth.required', 'auth.forbidden', 'correction.notFound', 'correction.notPending', 'correction.timeInvalid'],
})

export const getStats = defineRoute({
  operationId: 'getVolunteerStats',
  method: 'GET',
  path: '/volunteer-stats',
  summary: '志愿服务统计：社区、报到单位、街道或全市（全部街道）某一期的时长、人次、活动、报到率、服务完成率',
  auth: 'user',
  query: z.object({ scope: z.enum(['community', 'unit', 'street', 'all']), id: Id.optional(), period: Period }),
  response: Stats,
  errors: ['auth.required', 'auth.forbidden', 'community.notFound', 'unit.notFound', 'street.notFound'],
})
const exportQuery = z.object({ period: Period })
export const exportRecords = defineRoute({
  operationId: 'exportServiceRecords',
  method: 'GET',
  path: '/communities/{communityId}/service-records/export',
  summary: '导出一期的平台记录（Excel，列同全国志愿服务信息系统的时长导入）',
  auth: 'user',
  params: communityParams,
  query: exportQuery,
  response: z.any(),
  binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  errors: staff,
})
export const exportStats = defineRoute({
  operationId: 'exportVolunteerStats',
  method: 'GET',
  path: '/communities/{communityId}/volunteer-stats/export',
  summary: '导出一期的统计（Excel：汇总、按单位、按个人）',
  auth: 'user',
  params: communityParams,
  query: exportQuery,
  response: z.any(),
  binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  errors: staff,
})
export const feedbackCard = defineRoute({
  operationId: 'printUnitFeedbackCard',
  method: 'GET',
  path: '/communities/{communityId}/volunteer-units/{unitId}/feedback-card',
  summary: '报到单位的季度反馈卡（PDF）：其党员在本社区的服务时长与活动，供社区寄送单位',
  auth: 'user',
  params: z.object({ communityId: Id, unitId: Id }),
  query: z.object({ period: z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式为 2026-Q4') }),
  response: z.any(),
  binary: 'application/pdf',
  errors: [...staff, 'unit.notFound', 'feedback.fontMissing'],
})

export const volunteeringRoutes = {
  listUnits,
  createUnit,
  updateUnit,
  getMyRegistration,
  putMyRegistration,
  listRegistrations,
  decideRegistration,
  getSettings,
  putSettings,
  publishActivity,
  listActivities,
  getActivity,
  changeCapacity,
  signUp,
  cancelSignUp,
  getSiteCode,
  checkIn,
  checkOut,
  proxyAttendance,
  findResidentsFor,
  signUpOnBehalf,
  cancelActivity,
  getAttendance,
  confirmActivity,
  myRecords,
  requestCorrection,
  listCorrections,
  answerCorrection,
  getStats,
  exportRecords,
  exportStats,
  feedbackCard,
}
