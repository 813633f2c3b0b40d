import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Stats } from '@contracts/volunteering'
import { Button } from '../../../../components/ui/Button'
import { exportPaths } from '../../../../services/api/volunteering'
import { openExport } from '../../lib/download'
import { currentQuarter } from '../../lib/labels'

/** The period's 平台记录 for the national volunteer system, the roll-up as Excel, and each unit's quarterly feedback card. */
export function Exports({
  communityId,
  period,
  units,
}: {
  communityId: string
  period: string
  units: Stats['units']
}) {
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<string>()
  const quarter = /Q/.test(period) ? period : currentQuarter()
  const run = async (key: string, path: string, name: string, type: 'xlsx' | 'pdf') => {
    setBusy(key)
    setError(undefined)
    try {
      await openExport(path, name, type)
    } catch (e) {
      setError(e instanceof Error ? e.message : '导出失败')
    } finally {
      setBusy(undefined)
    }
  }
  return (
    <View className="card stats-exports actions-stack">
      <View className="card__title">
        <Text className="card__title-text">导出</Text>
      </View>
      {error && <View className="alert export-error">{error}</View>}
      <Button
        block
        kind="ghost"
        busy={busy === 'records'}
        className="export-records"
        onClick={() => void run('records', exportPaths.records(communityId, period), `平台记录-${period}.xlsx`, 'xlsx')}
      >
        导出平台记录（全国志愿服务系统格式）
      </Button>
      <Button
        block
        kind="ghost"
        busy={busy === 'stats'}
        className="export-stats"
        onClick={() => void run('stats', exportPaths.stats(communityId, period), `志愿服务统计-${period}.xlsx`, 'xlsx')}
      >
        导出统计表（Excel）
      </Button>
      <Text className="muted">单位季度反馈卡（{quarter}）：</Text>
      {units.map((u) => (
        <Button
          key={u.unitId}
          block
          kind="ghost"
          busy={busy === u.unitId}
          className="export-feedback-card"
          onClick={() =>
            void run(
              u.unitId,
              exportPaths.feedbackCard(communityId, u.unitId, quarter),
              `反馈卡-${u.name}-${quarter}.pdf`,
              'pdf',
            )
          }
        >
          {u.name} 反馈卡（PDF）
        </Button>
      ))}
    </View>
  )
}
