import * as v from '@contracts/volunteering'
import { call, type CallInput } from '../http'

/*
 * 志愿服务 calls, typed from the contracts. Each wraps one route; the pages import these, never the routes.
 */
type In<C> = CallInput<C>

export const listUnits = (communityId: string) => call(v.listUnits, { params: { communityId } })
export const createUnit = (communityId: string, body: In<typeof v.createUnit>['body']) =>
  call(v.createUnit, { params: { communityId }, body })
export const getMyRegistration = () => call(v.getMyRegistration, {})
export const putMyRegistration = (body: In<typeof v.putMyRegistration>['body']) => call(v.putMyRegistration, { body })
export const listRegistrations = (communityId: string, status?: 'pending' | 'approved' | 'refused') =>
  call(v.listRegistrations, { params: { communityId }, query: status ? { status } : {} })
export const decideRegistration = (userId: string, body: In<typeof v.decideRegistration>['body']) =>
  call(v.decideRegistration, { params: { userId }, body })
export const getSettings = (communityId: string) => call(v.getSettings, { params: { communityId } })

export const publishActivity = (body: In<typeof v.publishActivity>['body']) => call(v.publishActivity, { body })
export const listActivities = (query: In<typeof v.listActivities>['query']) =>
  call(v.listActivities, { query: query ?? {} })
export const getActivity = (activityId: string) => call(v.getActivity, { params: { activityId } })
export const changeCapacity = (activityId: string, capacity: number) =>
  call(v.changeCapacity, { params: { activityId }, body: { capacity } })
export const signUp = (activityId: string) => call(v.signUp, { params: { activityId } })
export const cancelSignUp = (activityId: string) => call(v.cancelSignUp, { params: { activityId } })
export const getSiteCode = (activityId: string) => call(v.getSiteCode, { params: { activityId } })
export const checkIn = (activityId: string, body: In<typeof v.checkIn>['body']) =>
  call(v.checkIn, { params: { activityId }, body })
export const checkOut = (activityId: string, body: In<typeof v.checkOut>['body']) =>
  call(v.checkOut, { params: { activityId }, body })
export const proxyAttendance = (activityId: string, userId: string, action: 'checkIn' | 'checkOut') =>
  call(v.proxyAttendance, { params: { activityId, userId }, body: { action } })
export const findResidentsFor = (activityId: string, q: string) =>
  call(v.findResidentsFor, { params: { activityId }, query: { q } })
export const signUpOnBehalf = (activityId: string, body: In<typeof v.signUpOnBehalf>['body']) =>
  call(v.signUpOnBehalf, { params: { activityId }, body })
export const cancelActivity = (activityId: string, reason: string) =>
  call(v.cancelActivity, { params: { activityId }, body: { reason } })
export const getAttendance = (activityId: string) => call(v.getAttendance, { params: { activityId } })
export const confirmActivity = (activityId: string, excluded: { userId: string; reason: string }[] = []) =>
  call(v.confirmActivity, { params: { activityId }, body: { excluded } })

export const myRecords = () => call(v.myRecords, {})
export const requestCorrection = (recordId: string, body: In<typeof v.requestCorrection>['body']) =>
  call(v.requestCorrection, { params: { recordId }, body })
export const listCorrections = (activityId: string) => call(v.listCorrections, { params: { activityId } })
export const answerCorrection = (requestId: string, body: In<typeof v.answerCorrection>['body']) =>
  call(v.answerCorrection, { params: { requestId }, body })
export const getStats = (query: In<typeof v.getStats>['query']) => call(v.getStats, { query: query! })

/** The binary exports, as paths the download helper fetches with the session (they are not JSON). */
export const exportPaths = {
  records: (communityId: string, period: string) =>
    `/communities/${communityId}/service-records/export?period=${encodeURIComponent(period)}`,
  stats: (communityId: string, period: string) =>
    `/communities/${communityId}/volunteer-stats/export?period=${encodeURIComponent(period)}`,
  feedbackCard: (communityId: string, unitId: string, period: string) =>
    `/communities/${communityId}/volunteer-units/${unitId}/feedback-card?period=${encodeURIComponent(period)}`,
}
