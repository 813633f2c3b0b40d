import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { Button } from '../../../../components/ui/Button'
import { a11y } from '../../../../lib/a11y'
import { matterLink, shareTitle } from './share'

/** H5's stand-in for WeChat's share card: the matter's link, to copy and paste into the building's chat. */
export function ShareSheet({ matter, onClose }: { matter: Matter; onClose: () => void }) {
  const link = matterLink(matter.matterId)
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: `${shareTitle(matter)} ${link}` })
      setCopied(true)
    } catch {
      void Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' })
    }
  }
  return (
    <View className="sheet share-sheet" {...a11y('dialog', { label: '分享给邻居' })}>
      <View className="sheet__mask" onClick={onClose} />
      <View className="sheet__panel">
        <Text className="sheet__title">分享给邻居</Text>
        <Text className="sheet__sub">{shareTitle(matter)}</Text>
        <Text className="share-sheet__link share-link" userSelect>
          {link}
        </Text>
        {copied && <Text className="share-sheet__done share-copied">✓ 链接已复制，可以粘贴到微信群里</Text>}
        <View className="sheet__actions">
          <Button kind="plain" className="share-close" onClick={onClose}>
            关闭
          </Button>
          <Button className="share-copy" onClick={() => void copy()}>
            复制链接
          </Button>
        </View>
      </View>
    </View>
  )
}
