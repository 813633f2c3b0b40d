import { useMemo, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { PublicCard } from '@contracts/grids'
import { ErrorState, Empty, Loading } from '../../components/StateView'
import { useAsync } from '../../components/useAsync'
import { useShown } from '../../components/useShown'
import { getCard, getGridContact } from '../../services/api/grids'
import { ApiError, messageOf } from '../../services/http'
import { forgetLastCard, getLastCard, saveLastCard } from '../../services/lastCard'
import { PAGES, goLogin, safeDecode, withQuery } from '../../services/nav'
import { dial } from '../../services/phone'
import { isLoggedIn } from '../../services/session'
import './index.scss'

const COMING_SOON = ['微心愿', '志愿活动'] as const

/**
 * The grid contact card (网格连心服务卡) a resident opens by scanning the card's code: in WeChat the code
 * arrives as the `scene` option, in H5 as the `scene` query parameter. Without one, the last card reopens.
 */
export default function GridPage() {
  const router = useRouter()
  const code = useMemo(() => {
    const scene = router.params.scene
    if (scene) return safeDecode(String(scene)).trim()
    return getLastCard()?.code ?? ''
  }, [router.params.scene])

  const card = useAsync(async () => {
    if (!code) throw new ApiError('card.missing', '没有服务卡编码，请扫描张贴在楼道的网格连心服务卡', 0)
    try {
      const result = await getCard(code)
      saveLastCard(code, result)
      return result
    } catch (e) {
      if (e instanceof ApiError && e.code === 'card.invalid') forgetLastCard(code)
      throw e
    }
  }, [code])

  // Neighbours share the card in WeChat groups: the shared link opens the same grid.
  useShareAppMessage(() => ({
    title: card.data ? `${card.data.gridName} · 网格连心服务卡` : '网格连心服务卡',
    path: withQuery(PAGES.grid, { scene: code }),
  }))

  if (card.loading && !card.data) return <Loading />
  if (card.error || !card.data) {
    const retryable = card.errorCode !== 'card.invalid' && card.errorCode !== 'card.missing'
    return (
      <View className="page">
        <ErrorState title="无法打开服务卡" message={card.error ?? '加载失败'} onRetry={retryable ? card.reload : undefined} />
        <View className="grid-page__home">
          <View className="btn btn--plain btn--small" onClick={() => void Taro.switchTab({ url: PAGES.home })}>
            返回首页
          </View>
        </View>
      </View>
    )
  }
  return <CardView code={code} card={card.data} />
}

function CardView({ code, card }: { code: string; card: PublicCard }) {
  // Re-render when the user comes back from the login page: the login hint and the call button change.
  useShown()
  const [calling, setCalling] = useState(false)
  const [phone, setPhone] = useState<string>()
  const [callError, setCallError] = useState<string>()

  const callWorker = async () => {
    if (calling) return
    setCallError(undefined)
    if (!isLoggedIn()) {
      goLogin()
      return
    }
    setCalling(true)
    try {
      const contact = await getGridContact(card.gridId)
      setPhone(contact.phone)
      await dial(contact.phone)
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setCallError(messageOf(e))
    } finally {
      setCalling(false)
    }
  }

  const bindHousehold = () => {
    void Taro.navigateTo({ url: withQuery(PAGES.bind, { gridCode: code }) })
  }

  const counts = [
    { key: 'matters', label: '议事', value: card.openCounts.matters },
    { key: 'polls', label: '投票', value: card.openCounts.polls },
    { key: 'wishes', label: '微心愿', value: card.openCounts.wishes },
    { key: 'activities', label: '志愿活动', value: card.openCounts.activities },
  ]

  return (
    <View className="page grid-page">
      <View className="grid-header">
        <Text className="grid-header__tag">网格连心服务卡</Text>
        <Text className="grid-header__name grid-name">{card.gridName}</Text>
        <Text className="grid-header__place grid-community">
          {card.streetName} · {card.communityName}
        </Text>
        {card.compoundNames.length > 0 && <Text className="grid-header__compounds">{card.compoundNames.join('、')}</Text>}
      </View>

      <View className="card worker-card grid-worker">
        {card.worker ? (
          <View className="worker">
            {card.worker.photoUrl ? (
              <Image className="worker__photo" src={card.worker.photoUrl} mode="aspectFill" />
            ) : (
              <View className="worker__photo worker__photo--initial">{card.worker.name.slice(0, 1)}</View>
            )}
            <View className="worker__info">
              <View>
                <Text className="worker__name grid-worker-name">{card.worker.name}</Text>
                <Text className="badge badge--soft">网格员</Text>
              </View>
              <Text className="worker__phone grid-worker-phone">{phone ?? card.worker.phoneMasked ?? '电话未登记'}</Text>
            </View>
            <View className={`btn btn--primary btn--small call-worker ${calling ? 'btn--loading' : ''}`} onClick={() => void callWorker()}>
              {calling ? '获取中…' : '拨打电话'}
            </View>
          </View>
        ) : (
          <Empty className="grid-worker-empty" text="该网格暂未配备网格员" />
        )}
        {card.worker && !isLoggedIn() && <Text className="worker__hint">登录后可查看完整号码并一键拨打</Text>}
        {callError && <Text className="field-error call-error">{callError}</Text>}
      </View>

      <View className="card">
        <View className="open-counts">
          {counts.map((c) => (
            <View key={c.key} className={`open-counts__item open-count--${c.key}`}>
              <Text className="open-counts__value">{c.value}</Text>
              <Text className="open-counts__label">{c.label}</Text>
            </View>
          ))}
        </View>
        <View className="btn btn--primary btn--block bind-household" onClick={bindHousehold}>
          绑定我的房屋
        </View>
        <View className="actions">
          <View className="actions__item actions__item--open grid-propose" onClick={() => void Taro.navigateTo({ url: PAGES.propose })}>
            <Text className="actions__label">提议事项</Text>
            <Text className="actions__hint">小区议事</Text>
          </View>
          {COMING_SOON.map((label) => (
            <View key={label} className="actions__item coming-soon" aria-disabled="true">
              <Text className="actions__label">{label}</Text>
              <Text className="actions__hint">即将开放</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">楼栋与楼长</Text>
          <Text className="card__hint">{card.buildings.length} 栋</Text>
        </View>
        {card.buildings.length === 0 && <Empty text="暂无楼栋" />}
        {card.buildings.map((b) => (
          <View key={b.buildingId} className="row grid-building">
            <View className="row__main">
              <Text className="row__title">{b.name}</Text>
              <Text className="row__sub">{b.compoundName}</Text>
            </View>
            <View className="heads">
              {b.heads.length === 0 && <Text className="muted">暂无楼长</Text>}
              {b.heads.map((h, i) => (
                <View key={i} className="heads__item building-head">
                  <Text className="heads__name">楼长 {h.name}</Text>
                  {h.phoneMasked && <Text className="heads__phone">{h.phoneMasked}</Text>}
                </View>
              ))}
            </View>
          </View>
        ))}
      </View>

      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">党员中心户 · 挂牌亮户</Text>
        </View>
        {card.partyHouseholds.length === 0 && <Empty text="暂无党员中心户" />}
        {card.partyHouseholds.map((p, i) => (
          <View key={i} className="row grid-party-household">
            <View className="party-mark">党</View>
            <View className="row__main">
              <Text className="row__title">{p.name}</Text>
              <Text className="row__sub">{p.address}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
