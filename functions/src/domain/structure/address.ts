/*
 * A household's address as people write it: 「1单元」「１单元」「第1单元」 and 「1」 are one unit, 「101室」「101号」 and
 * 「101」 one room. The register keeps the bare form (what the staff's import gives); a resident's request, a lookup
 * and a registration are read through these, so nobody is refused for writing the word.
 */
const bare = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase()

export const normaliseUnit = (unit: string): string => {
  const s = bare(unit)
    .replace(/^第/, '')
    .replace(/(单元|单)$/, '')
  return s || bare(unit)
}

export const normaliseRoom = (room: string): string => {
  const s = bare(room).replace(/(室|号|房)$/, '')
  return s || bare(room)
}

const numeric = new Intl.Collator('zh-CN', { numeric: true })

/** A building's addresses as choices: its units in order, each with its rooms in order. */
export const unitsAndRooms = (addresses: { unit: string; room: string }[]) => {
  const units = new Map<string, string[]>()
  for (const a of addresses) units.set(a.unit, [...(units.get(a.unit) ?? []), a.room])
  return [...units.entries()]
    .sort(([a], [b]) => numeric.compare(a, b))
    .map(([unit, rooms]) => ({ unit, rooms: rooms.sort((a, b) => numeric.compare(a, b)) }))
}
