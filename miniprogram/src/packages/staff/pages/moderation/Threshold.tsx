import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { ModerationSettings } from '@contracts/moderation'
import { Button } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { getModerationSettings, putModerationSettings } from '../../../../services/api/moderation'
import { messageOf } from '../../../../services/http'

/** 举报隐藏门槛 (community admin): how many residents' reports hide a comment or photo until the committee decides. */
export function Threshold({ communityId }: { communityId: string }) {
  const settings = useAsync(() => getModerationSettings(communityId), [communityId])
  const [value, setValue] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  useEffect(() => {
    if (settings.data) setValue(String(settings.data.reportsToHide))
  }, [settings.data])

  const save = async () => {
    const parsed = ModerationSettings.safeParse({ reportsToHide: Number(value) })
    if (!parsed.success) {
      setError('请填写 1 到 50 之间的整数')
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      await putModerationSettings(communityId, parsed.data.reportsToHide)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card moderation-threshold">
      <View className="card__title">
        <Text className="card__title-text">举报隐藏门槛</Text>
      </View>
      <View className="field">
        <View className="moderation-threshold__row">
          <Input
            className="field__input moderation-threshold-input"
            type="number"
            value={value}
            onInput={(e) => setValue(e.detail.value)}
          />
          <Text>人举报即先隐藏</Text>
        </View>
        <Text className="muted">
          一条评论或一张照片被这么多位居民举报后，先对其他居民隐藏，由两委核实后恢复或移除。每人对同一内容只算一次。
        </Text>
        {error && <Text className="field-error moderation-threshold-error">{error}</Text>}
      </View>
      <Button small busy={busy} className="moderation-threshold-save" onClick={() => void save()}>
        保存
      </Button>
    </View>
  )
}
