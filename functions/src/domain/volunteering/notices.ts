import type { Notice } from '../notifications/model'
import { beijingTime } from '../notifications/deliver'
import { activitySubject, isGuestId, type ActivityRecord } from './model'
import { hoursText } from './rules'

/**
 * Volunteering's WeChat messages, all on the `volunteer` topic (志愿活动提醒), each to the people it concerns. A
 * volunteer without a WeChat account is told by the organiser in person: they are never in an audience.
 */
const notice = (a: ActivityRecord, at: string, kind: string, text: string, userIds: string[]): Notice => ({
  communityId: a.communityId,
  subject: activitySubject(a),
  topic: 'volunteer',
  kind,
  text,
  at,
  audience: { kind: 'users', userIds: userIds.filter((id) => !isGuestId(id)) },
})
/** Those of a notice's audience who can be told (none: nothing to queue). */
export const hasAudience = (n: Notice) => n.audience.kind !== 'users' || n.audience.userIds.length > 0

const when = (a: ActivityRecord) => beijingTime(a.startAt).slice(5)

export const volunteerNotices = {
  placed: (a: ActivityRecord, at: string, userId: string) =>
    notice(a, at, 'signUpPlaced', `报名成功，${when(a)}开始，请准时到场签到`, [userId]),
  waiting: (a: ActivityRecord, at: string, userId: string, position: number) =>
    notice(a, at, 'signUpWaiting', `名额已满，您是候补第${position}位，有空位会通知您`, [userId]),
  promoted: (a: ActivityRecord, at: string, userIds: string[]) =>
    notice(a, at, 'promoted', `候补转正：您已获得名额，${when(a)}开始`, userIds),
  demoted: (a: ActivityRecord, at: string, userIds: string[]) =>
    notice(a, at, 'capacityLowered', '名额调减，您已转为候补，有空位会通知您', userIds),
  reminder: (a: ActivityRecord, at: string, userIds: string[], ahead: string) =>
    notice(a, at, 'reminder', `${ahead}开始（${when(a)}），地点：${a.place.name}`, userIds),
  toConfirm: (a: ActivityRecord, at: string) =>
    notice(a, at, 'confirmDue', '活动已结束，请核对签到名单并确认服务时长', [a.organiser.userId]),
  credited: (a: ActivityRecord, at: string, userId: string, minutes: number, points: number) =>
    notice(
      a,
      at,
      'hoursCredited',
      minutes > 0
        ? `服务时长${hoursText(minutes)}已记录${points > 0 ? `，积分${points}` : ''}`
        : '在场时间不足，未计时长；有异议可申请更正',
      [userId],
    ),
  cancelled: (a: ActivityRecord, at: string, userIds: string[], reason: string) =>
    notice(a, at, 'activityCancelled', `活动已取消（${when(a)}）：${reason}`, userIds),
  corrected: (a: ActivityRecord, at: string, userId: string, text: string) =>
    notice(a, at, 'correctionAnswered', text, [userId]),
}
