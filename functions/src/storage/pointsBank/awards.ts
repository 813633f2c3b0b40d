import {
  $add,
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  number,
  string,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import type { AwardStore } from '../../domain/pointsBank/ports'
import { done, refused } from '../../domain/shared/outcome'
import { GridLinkTable as table } from '../table'
import { transferRefusal, transferWrites } from '../ledger/ledger'
import { cancellationCodes } from '../transactions'

/** How often a rule was awarded to a resident in one period (the rule's cap), written with each award. */
export const awardKeys = {
  cap: (communityId: string, ruleId: string, userId: string) => `AWARDCAP#${communityId}#${ruleId}#${userId}`,
}

export const AwardCapEntity = new Entity({
  name: 'AwardCap',
  table,
  schema: item({
    communityId: string().key(),
    ruleId: string().key(),
    userId: string().key(),
    period: string().key(),
    count: number(),
  }),
  computeKey: ({ communityId, ruleId, userId, period }) => ({
    pk: awardKeys.cap(communityId, ruleId, userId),
    sk: period,
  }),
})

export const dynamoAwardStore: AwardStore = {
  async award(plan, cap) {
    const own = cap
      ? [
          AwardCapEntity.build(UpdateTransaction)
            .item({
              communityId: cap.communityId,
              ruleId: cap.ruleId,
              userId: cap.userId,
              period: cap.period,
              count: $add(1),
            })
            .options({
              condition: {
                or: [
                  { attr: 'count', exists: false },
                  { attr: 'count', lt: cap.times },
                ],
              },
            }),
        ]
      : []
    try {
      await executeTransactWrite(...transferWrites(plan), ...own)
      return done()
    } catch (error) {
      const why = transferRefusal(error, plan)
      if (why) return refused(why)
      if (cap && cancellationCodes(error)?.at(-1) === 'ConditionalCheckFailed') return refused('capReached')
      throw error
    }
  },
  async capUsed(communityId, ruleId, userId, period) {
    const { Item } = await AwardCapEntity.build(GetItemCommand)
      .key({ communityId, ruleId, userId, period })
      .options({ consistent: true })
      .send()
    return Item?.count ?? 0
  },
}
