import { unitKindLabels } from '../../../../contracts/volunteering'
import type { Actor } from '../identity/actor'
import { beijingTime } from '../notifications/deliver'
import { fail, found } from '../shared/errors'
import { counterKey, TOTAL, zero } from './counters'
import { assertLead, communityPlace } from './facts'
import type { StatScope } from './model'
import type { VolunteeringDeps } from './ports'
import { getStats } from './stats'
import { monthsOf, periodLabel, rate } from './rules'

/*
 * What leaves the platform on paper or in a spreadsheet: the period's 平台记录 in the columns the national volunteer
 * system (全国志愿服务信息系统) takes for a batch of service hours, the roll-ups, and each unit's quarterly feedback card.
 */

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100
const pct = (r: number | undefined) => (r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`)

/** The national system's batch columns (姓名、证件、服务时长…) first, then what 民政部令第67号 asks a record to show. */
export const RECORD_COLUMNS = [
  '志愿者姓名',
  '证件类型',
  '证件号码',
  '联系电话',
  '服务项目（活动）名称',
  '服务内容',
  '服务地点',
  '服务日期',
  '开始时间',
  '结束时间',
  '服务时长（小时）',
  '所属单位',
  '所属社区',
  '组织单位',
  '记录单位',
  '记录人',
  '记录时间',
  '记录类型',
  '记录编号',
  '备注',
]

export const exportRecords = async (deps: VolunteeringDeps, actor: Actor, communityId: string, period: string) => {
  assertLead(actor.principal, await communityPlace(deps, communityId))
  const records = (
    await Promise.all(monthsOf(period).map((m) => deps.serviceRecords.forCommunityMonth(communityId, m)))
  ).flat()
  const phones = new Map(
    (await deps.identity.getUsers([...new Set(records.map((r) => r.volunteer.userId))])).map((u) => [
      u.userId,
      u.phone ?? '',
    ]),
  )
  const rows = records
    .sort((a, b) => (a.date + a.recordedAt).localeCompare(b.date + b.recordedAt))
    .map((r) => [
      r.volunteer.name,
      '居民身份证',
      '',
      phones.get(r.volunteer.userId) ?? '',
      r.activityTitle,
      r.content,
      r.place,
      r.date,
      beijingTime(r.startAt),
      beijingTime(r.endAt),
      hours(r.minutes),
      r.volunteer.unitName ?? '',
      r.communityName,
      r.organiser,
      r.recordingUnit,
      r.recordedBy,
      beijingTime(r.recordedAt),
      r.kind === 'service' ? '平台记录' : '更正记录',
      r.recordId,
      [...r.notes, ...(r.reason ? [`更正理由：${r.reason}`] : [])].join('；'),
    ])
  const columns = RECORD_COLUMNS.map((header) => ({ header, width: /内容|名称|地点|备注/.test(header) ? 30 : 16 }))
  return {
    filename: `平台记录-${periodLabel(period)}.xlsx`,
    binary: deps.spreadsheet.xlsx({ name: '服务时长', columns, rows }),
  }
}

export const exportStats = async (deps: VolunteeringDeps, actor: Actor, communityId: string, period: string) => {
  assertLead(actor.principal, await communityPlace(deps, communityId))
  const s = await getStats(deps, actor, { scope: 'community', id: communityId, period })
  const t = s.totals
  // One sheet, in sections: the totals, month by month, by unit, by person.
  const rows: (string | number)[][] = [
    ['社区', s.name, '', '', ''],
    ['服务时长（小时）', hours(t.minutes), '服务人次', t.services, ''],
    ['活动场次', t.activities, '发放积分', t.points, ''],
    ['已报到在职党员', t.members, '登记居民志愿者', t.volunteers, ''],
    ['参与服务的党员', t.servingMembers, '参与服务的居民志愿者', t.servingVolunteers, ''],
    ['报到率', pct(t.reportRate), '服务完成率', pct(t.serviceRate), ''],
    [],
    ['月份', '服务时长（小时）', '服务人次', '', ''],
    ...s.series.map((m) => [m.period, hours(m.minutes), m.services]),
    [],
    ['报到单位', '已报到党员', '参与服务党员', '服务人次', '服务时长（小时）'],
    ...s.units.map((u) => [u.name, u.members, u.servingMembers, u.services, hours(u.minutes)]),
    [],
    ['姓名', '所属单位', '服务人次', '服务时长（小时）', '积分'],
    ...s.people.map((p) => [p.name, p.unitName ?? '', p.services, hours(p.minutes), p.points]),
  ]
  const columns = [periodLabel(period), '', '', '', ''].map((header, i) => ({
    header: i === 0 ? `志愿服务统计 ${header}` : header,
    width: i === 0 ? 28 : 18,
  }))
  return {
    filename: `志愿服务统计-${s.name}-${periodLabel(period)}.xlsx`,
    binary: deps.spreadsheet.xlsx({ name: '志愿服务统计', columns, rows }),
  }
}

/** A unit's quarterly feedback card: its members' service in the community, for the community to send to the unit. */
export const feedbackCard = async (
  deps: VolunteeringDeps,
  actor: Actor,
  communityId: string,
  unitId: string,
  quarter: string,
) => {
  assertLead(actor.principal, await communityPlace(deps, communityId))
  const [community, unit] = [
    found(await deps.structure.getCommunity(communityId), 'community.notFound'),
    found(await deps.volunteerUnits.get(unitId), 'unit.notFound'),
  ]
  if (!unit.communityIds.includes(communityId)) fail('unit.notFound')
  const street = await deps.structure.getStreet(community.streetId)
  const members = (await deps.volunteerRegistrations.listForUnit(unitId)).filter(
    (r) => r.status === 'approved' && r.communityId === communityId,
  )
  const scope = `unitin:${unitId}:${communityId}` as StatScope
  const got = await deps.volunteerStats.read([
    { scope, period: quarter },
    { scope, period: TOTAL },
    ...members.map((m) => ({ scope: `person:${m.userId}` as StatScope, period: quarter })),
  ])
  const c = got.get(counterKey(scope, quarter)) ?? zero()
  const total = got.get(counterKey(scope, TOTAL)) ?? zero()
  const records = (
    await Promise.all(monthsOf(quarter).map((m) => deps.serviceRecords.forCommunityMonth(communityId, m)))
  )
    .flat()
    .filter((r) => r.unitId === unitId)
  const byActivity = new Map<string, { title: string; date: string; people: Set<string>; minutes: number }>()
  for (const r of records) {
    const e = byActivity.get(r.activityId) ?? {
      title: r.activityTitle,
      date: r.date,
      people: new Set<string>(),
      minutes: 0,
    }
    e.people.add(r.volunteer.userId)
    e.minutes += r.minutes
    byActivity.set(r.activityId, e)
  }
  const pdf = await deps.feedbackPrinter.renderPdf({
    unitName: `${unit.name}（${unitKindLabels[unit.kind]}）`,
    communityName: community.name,
    streetName: street?.name ?? '',
    periodLabel: periodLabel(quarter),
    totals: {
      members: total.members,
      servingMembers: c.servingMembers,
      minutes: c.minutes,
      services: c.services,
      activities: c.activities,
      ...(rate(total.members, unit.partyMembers) !== undefined
        ? { reportRate: rate(total.members, unit.partyMembers)! }
        : {}),
      ...(rate(c.servingMembers, total.members) !== undefined
        ? { serviceRate: rate(c.servingMembers, total.members)! }
        : {}),
    },
    people: members
      .map((m) => {
        const p = got.get(counterKey(`person:${m.userId}`, quarter)) ?? zero()
        return { name: m.name, minutes: p.minutes, services: p.services }
      })
      .sort((a, b) => b.minutes - a.minutes),
    activities: [...byActivity.values()]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({ title: e.title, date: e.date, people: e.people.size, minutes: e.minutes })),
    printedAt: beijingTime(deps.now().toISOString()),
  })
  return { filename: `反馈卡-${unit.name}-${periodLabel(quarter)}.pdf`, binary: pdf }
}
