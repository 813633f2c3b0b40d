import type { IdentityStore } from './ports'

/*
 * Staff find a resident by name or room (积分发放, 代报名): the approved bindings of the buildings they may act in
 * (one Query per building, AP6), matched on the name, the room (101, 1-101, 1单元101) or the household's label.
 */
export const householdLabel = (m: { buildingName: string; unit: string; room: string }) =>
  `${m.buildingName} ${m.unit}单元 ${m.room}室`

export const residentsMatching = async (
  identity: Pick<IdentityStore, 'bindingQueue'>,
  buildingIds: string[],
  query: string,
  limit = 20,
) => {
  const q = query.replace(/\s+/g, '')
  const found: { userId: string; name: string; household: string }[] = []
  for (let i = 0; i < buildingIds.length && found.length < limit; i += 8) {
    const queues = await Promise.all(buildingIds.slice(i, i + 8).map((b) => identity.bindingQueue(b, 'approved')))
    for (const r of queues.flat()) {
      const room = `${r.unit}-${r.room}`
      if (
        r.userName.includes(q) ||
        r.room === q ||
        room === q ||
        `${r.unit}单元${r.room}` === q ||
        householdLabel(r).replace(/\s+/g, '').includes(q)
      )
        found.push({ userId: r.userId, name: r.userName, household: householdLabel(r) })
    }
  }
  return found.slice(0, limit)
}
