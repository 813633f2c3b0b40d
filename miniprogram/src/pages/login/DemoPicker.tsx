import { View, Text } from '@tarojs/components'
import { roleLabels } from '@contracts/common'
import type { Session } from '@contracts/identity'
import { ErrorState, Empty, Loading } from '../../components/StateView'
import { useAsync } from '../../components/useAsync'
import { a11y, hidden } from '../../lib/a11y'
import { demoLogin, listDemoIdentities } from '../../services/api/identity'

/** The local stage's stand-in for wx.login in H5: the seeded demo identities, one tap each. */
export function DemoPicker({
  busy,
  onPick,
}: {
  busy: string | undefined
  onPick: (key: string, run: () => Promise<Session>) => void
}) {
  const list = useAsync(listDemoIdentities, [])
  return (
    <View className="card demo-picker">
      <View className="card__title">
        <Text className="card__title-text">选择演示身份</Text>
        <Text className="card__hint">本地环境</Text>
      </View>
      {list.loading && !list.data && <Loading text="正在获取演示身份…" />}
      {list.error && !list.data && <ErrorState title="无法获取演示身份" message={list.error} onRetry={list.reload} />}
      {list.data && list.data.identities.length === 0 && <Empty text="没有可用的演示身份，请先初始化演示数据" />}
      {list.data?.identities.map((identity) => (
        <View
          key={identity.key}
          className={`row demo-identity demo-identity--${identity.key} ${busy === identity.key ? 'is-busy' : ''}`}
          data-key={identity.key}
          {...a11y('button', { label: `以${identity.label}登录` })}
          onClick={() => onPick(identity.key, () => demoLogin(identity.key))}
        >
          <View className="row__main">
            <Text className="row__title">{identity.label}</Text>
            <Text className="row__sub">{identity.roles.map((r) => roleLabels[r]).join(' · ')}</Text>
          </View>
          <Text className="demo-identity__go" {...hidden()}>
            {busy === identity.key ? '登录中…' : '登录 ›'}
          </Text>
        </View>
      ))}
    </View>
  )
}
