import { View, Text } from '@tarojs/components'
import type { WishFigures } from '@contracts/microWishes'
import { BarChart } from '../../../../components/BarChart'
import { Empty } from '../../../../components/StateView'

type Row = WishFigures['community']

const pct = (r: number) => `${Math.round(r * 100)}%`
/** 4.5 天; under a day said so (not "0 天"); the number and 天 kept on one line. */
const days = (d: number) => (d < 1 ? '不到\u00a01\u00a0天' : `${d.toFixed(1).replace(/\.0$/, '')}\u00a0天`)

/** 实现率 in words: out of ten claims that ended, how many were fulfilled. */
const rateInWords = (r: number) =>
  r >= 1
    ? '认领的心愿都已实现，没有过期或被放弃的。'
    : `认领结束的心愿中，每 10 个约有 ${Math.round(r * 10)} 个实现；其余的过期或被放弃，已回到心愿墙。`

/** The community's totals as big numbers, two to a row, each with its name under it. */
export function Totals({ row }: { row: Row }) {
  const tiles: [string, number, string][] = [
    ['居民提交', row.posted, 'figures-posted'],
    ['审核发布', row.vetted, 'figures-vetted'],
    ['被认领', row.claimed, 'figures-claimed'],
    ['已实现', row.fulfilled, 'figures-fulfilled'],
    ['认领过期', row.lapsed, 'figures-lapsed'],
    ['主动放弃', row.released, 'figures-released'],
  ]
  return (
    <View className="card figures-totals">
      <View className="card__title">
        <Text className="card__title-text">全社区</Text>
      </View>
      <View className="figures-tiles">
        {tiles.map(([label, value, cls]) => (
          <View key={label} className={`figures-tile ${cls}`}>
            <Text className="figures-tile__value">{value}</Text>
            <Text className="figures-tile__label">{label}</Text>
          </View>
        ))}
      </View>
      {row.refused > 0 && (
        <Text className="figures-note figures-refused">另有 {row.refused} 个心愿核实后未予发布。</Text>
      )}
    </View>
  )
}

/** 实现率 and the time from publication to fulfilment, said in words: what a number means, not just the number. */
export function Outcome({ row }: { row: Row }) {
  return (
    <View className="card figures-outcome">
      <View className="card__title">
        <Text className="card__title-text">实现情况</Text>
      </View>
      <View className="figures-line figures-rate">
        <Text className="figures-line__label">实现率</Text>
        <Text className="figures-line__value">
          {row.fulfilmentRate === undefined ? '暂无' : pct(row.fulfilmentRate)}
        </Text>
      </View>
      <Text className="figures-note">
        {row.fulfilmentRate === undefined ? '还没有结束的认领，暂时算不出实现率。' : rateInWords(row.fulfilmentRate)}
      </Text>
      <View className="figures-line figures-days">
        <Text className="figures-line__label">平均用时</Text>
        <Text className="figures-line__value">
          {row.meanDaysToFulfil === undefined ? '暂无' : days(row.meanDaysToFulfil)}
        </Text>
      </View>
      <Text className="figures-note">
        {row.meanDaysToFulfil === undefined
          ? '还没有实现的心愿。'
          : `从心愿上墙到居民确认实现，${row.meanDaysToFulfil < 1 ? '平均' : '平均用了 '}${days(row.meanDaysToFulfil)}。`}
      </Text>
    </View>
  )
}

const rest = (r: Row, withPosted: boolean) => [
  ...(withPosted ? [`提交 ${r.posted}`] : []),
  `认领 ${r.claimed}`,
  `过期 ${r.lapsed}`,
  `实现率 ${r.fulfilmentRate === undefined ? '暂无' : pct(r.fulfilmentRate)}`,
  ...(r.meanDaysToFulfil === undefined ? [] : [`平均${r.meanDaysToFulfil < 1 ? '' : ' '}${days(r.meanDaysToFulfil)}`]),
]

/**
 * One card of rows (by grid, by 报到单位): the bar is the wishes fulfilled, the number written beside it, the other
 * figures on a line under it. Units claim wishes, they post none: their line leaves 提交 out.
 */
export function Breakdown({
  title,
  rows,
  className,
  empty,
  withPosted,
}: {
  title: string
  rows: (Row & { name: string })[]
  className: string
  empty: string
  withPosted: boolean
}) {
  return (
    <View className={`card ${className}`}>
      <View className="card__title">
        <Text className="card__title-text">{title}</Text>
        <Text className="card__hint">条形为已实现数</Text>
      </View>
      {rows.length === 0 ? (
        <Empty text={empty} />
      ) : (
        <BarChart
          className="figures-chart"
          title={`${title}，已实现的心愿`}
          bars={rows.map((r) => ({
            label: r.name,
            value: r.fulfilled,
            text: `实现 ${r.fulfilled}`,
            sub: rest(r, withPosted),
          }))}
        />
      )}
    </View>
  )
}
