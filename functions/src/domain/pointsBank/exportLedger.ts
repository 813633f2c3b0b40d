import { transferKindLabels, type TransferView } from '../../../../contracts/pointsBank'
import type { Actor } from '../identity/actor'
import type { Transfer } from '../ledger/model'
import { authorizeIn, LEDGER_ROLES } from './access'
import type { PointsBankDeps, SheetWriter } from './ports'
import { transferViews } from './views'

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')

/** 积分台账 as a spreadsheet: every transfer of the month (of one kind, if asked), one row per account it moved. */
export const exportTransfers = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId: string; month: string; kind?: TransferView['kind'] },
  sheet: SheetWriter,
) => {
  await authorizeIn(deps, actor, LEDGER_ROLES, input.communityId)
  const all: Transfer[] = []
  let cursor: string | undefined
  do {
    const page = await deps.ledger.transfers(
      input.communityId,
      input.month,
      { limit: 200, ...(cursor ? { cursor } : {}) },
      input.kind,
    )
    if (!page.ok) break
    all.push(...page.value.items)
    cursor = page.value.next
  } while (cursor)
  const views = await transferViews(deps, all.reverse())
  return sheet.xlsx({
    name: `积分台账 ${input.month}`,
    columns: [
      { header: '时间（北京时间）', width: 20 },
      { header: '类型', width: 10 },
      { header: '事由', width: 28 },
      { header: '来源', width: 18 },
      { header: '账户', width: 20 },
      { header: '积分变动', width: 10 },
      { header: '经办人', width: 10 },
      { header: '记录编号', width: 36 },
    ],
    rows: views.flatMap((t) =>
      t.legs.map((l) => [
        beijing(t.at),
        transferKindLabels[t.kind],
        t.reason,
        t.source.label,
        l.label,
        l.delta,
        t.by.name,
        t.transferId,
      ]),
    ),
  })
}
