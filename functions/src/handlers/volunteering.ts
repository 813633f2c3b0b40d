import { volunteeringRoutes } from '../../../contracts/volunteering'
import { pdfFeedbackPrinter } from '../adapters/feedbackPrinter'
import { siteQr } from '../adapters/siteQr'
import { xlsxWriter } from '../adapters/xlsx'
import { listActivities, publishActivity, showActivity } from '../domain/volunteering/activities'
import { attendanceView, proxyAttendance, scanAttendance, siteCode } from '../domain/volunteering/attendance'
import { findResidentsFor, signUpOnBehalf } from '../domain/volunteering/behalf'
import { cancelActivity } from '../domain/volunteering/cancel'
import { confirmActivity } from '../domain/volunteering/confirm'
import { exportRecords, exportStats, feedbackCard } from '../domain/volunteering/exports'
import type { VolunteeringDeps } from '../domain/volunteering/ports'
import { answerCorrection, listCorrections, myRecords, requestCorrection } from '../domain/volunteering/records'
import {
  decideRegistration,
  listRegistrations,
  myRegistration,
  putMyRegistration,
} from '../domain/volunteering/registrations'
import { cancelSignUp, changeCapacity, signUp } from '../domain/volunteering/signup'
import { getStats } from '../domain/volunteering/stats'
import {
  createUnit,
  getVolunteerSettings,
  listUnits,
  putVolunteerSettings,
  updateUnit,
} from '../domain/volunteering/units'
import type { AppDeps } from '../http/deps'
import { httpHandler, implement } from '../http/router'

/** Only this function draws QR codes, writes spreadsheets and prints feedback cards: the adapters join its deps here. */
let printer: ReturnType<typeof pdfFeedbackPrinter> | undefined
const v = (deps: AppDeps): VolunteeringDeps => ({
  ...deps,
  siteQr,
  spreadsheet: xlsxWriter,
  feedbackPrinter: (printer ??= pdfFeedbackPrinter(deps.config.cardFontPath)),
})
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const file = (contentType: string) => (f: { filename: string; binary: Buffer }) => ({ ...f, contentType })

export const routes = implement(volunteeringRoutes, {
  listUnits: async ({ params }, ctx) => ({ items: await listUnits(v(ctx.deps), ctx, params.communityId) }),
  createUnit: ({ params, body }, ctx) => createUnit(v(ctx.deps), ctx, params.communityId, body),
  updateUnit: ({ params, body }, ctx) => updateUnit(v(ctx.deps), ctx, params.unitId, body),
  getMyRegistration: async (_i, ctx) => ({ registration: await myRegistration(v(ctx.deps), ctx) }),
  putMyRegistration: async ({ body }, ctx) => ({ registration: await putMyRegistration(v(ctx.deps), ctx, body) }),
  listRegistrations: async ({ params, query }, ctx) => ({
    items: await listRegistrations(v(ctx.deps), ctx, params.communityId, query.status),
  }),
  decideRegistration: async ({ params, body }, ctx) => ({
    registration: await decideRegistration(v(ctx.deps), ctx, params.userId, body),
  }),
  getSettings: ({ params }, ctx) => getVolunteerSettings(v(ctx.deps), params.communityId),
  putSettings: ({ params, body }, ctx) => putVolunteerSettings(v(ctx.deps), ctx, params.communityId, body),
  publishActivity: ({ body }, ctx) => publishActivity(v(ctx.deps), ctx, body),
  listActivities: ({ query }, ctx) => listActivities(v(ctx.deps), ctx, query),
  getActivity: ({ params }, ctx) => showActivity(v(ctx.deps), ctx, params.activityId),
  changeCapacity: ({ params, body }, ctx) => changeCapacity(v(ctx.deps), ctx, params.activityId, body.capacity),
  signUp: ({ params }, ctx) => signUp(v(ctx.deps), ctx, params.activityId),
  cancelSignUp: ({ params }, ctx) => cancelSignUp(v(ctx.deps), ctx, params.activityId),
  getSiteCode: ({ params }, ctx) => siteCode(v(ctx.deps), ctx, params.activityId),
  checkIn: ({ params, body }, ctx) => scanAttendance(v(ctx.deps), ctx, params.activityId, 'checkIn', body),
  checkOut: ({ params, body }, ctx) => scanAttendance(v(ctx.deps), ctx, params.activityId, 'checkOut', body),
  proxyAttendance: ({ params, body }, ctx) =>
    proxyAttendance(v(ctx.deps), ctx, params.activityId, params.userId, body.action),
  findResidentsFor: ({ params, query }, ctx) => findResidentsFor(v(ctx.deps), ctx, params.activityId, query.q),
  signUpOnBehalf: ({ params, body }, ctx) => signUpOnBehalf(v(ctx.deps), ctx, params.activityId, body),
  cancelActivity: ({ params, body }, ctx) => cancelActivity(v(ctx.deps), ctx, params.activityId, body.reason),
  getAttendance: ({ params }, ctx) => attendanceView(v(ctx.deps), ctx, params.activityId),
  confirmActivity: ({ params, body }, ctx) => confirmActivity(v(ctx.deps), ctx, params.activityId, body),
  myRecords: (_i, ctx) => myRecords(v(ctx.deps), ctx),
  requestCorrection: ({ params, body }, ctx) => requestCorrection(v(ctx.deps), ctx, params.recordId, body),
  listCorrections: async ({ params }, ctx) => ({ items: await listCorrections(v(ctx.deps), ctx, params.activityId) }),
  answerCorrection: ({ params, body }, ctx) => answerCorrection(v(ctx.deps), ctx, params.requestId, body),
  getStats: ({ query }, ctx) => getStats(v(ctx.deps), ctx, query),
  exportRecords: async ({ params, query }, ctx) =>
    file(XLSX)(await exportRecords(v(ctx.deps), ctx, params.communityId, query.period)),
  exportStats: async ({ params, query }, ctx) =>
    file(XLSX)(await exportStats(v(ctx.deps), ctx, params.communityId, query.period)),
  feedbackCard: async ({ params, query }, ctx) =>
    file('application/pdf')(await feedbackCard(v(ctx.deps), ctx, params.communityId, params.unitId, query.period)),
})
export const handler = httpHandler(routes)
