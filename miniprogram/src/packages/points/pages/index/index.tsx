import { useEffect, useState } from 'react'
import type { z } from 'zod'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { expiryLabels, type PassbookEntry } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Empty, Loading } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { formatDate } from '../../../../lib/time'
import { getMyPassbook, getMyPoints, passbookPrintPath } from '../../../../services/api/pointsBank'
import { openApiFile } from '../../../../services/download'
import { messageOf } from '../../../../services/http'
import { goBackOrHome, withQuery } from '../../../../services/nav'
import { PassbookRow, capText } from '../../components/points'
import { POINTS_PAGES } from '../../components/pages'
import '../../components/points.scss'

/** 我的积分: the balance, what expires next, the way to the shop, the passbook (积分存折) page by page, and how to earn. */
export default function MyPointsPage() {
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const { params } = useRouter()
  const communityId = params.communityId
  const points = useAsync(() => getMyPoints(communityId), [shown, communityId], loggedIn && shown > 0)
  const book = usePassbook(points.data?.communityId, shown)
  const [printing, setPrinting] = useState(false)
  const [printError, setPrintError] = useState<string>()
  useReachBottom(() => book.more())

  if (!loggedIn || (points.loading && !points.data))
    return (
      <Screen className="points-page">
        <Loading />
      </Screen>
    )
  if (!points.data) {
    const notResident = points.errorCode === 'points.notResident'
    return (
      <Screen className="points-page">
        <ResultPage
          kind={notResident ? 'info' : 'error'}
          className="points-load-error"
          title={notResident ? '还没有积分账户' : '加载失败'}
          text={points.error}
          primary={
            notResident
              ? { text: '返回', onClick: goBackOrHome }
              : { text: '重试', onClick: points.reload, className: 'error-state__retry' }
          }
        />
      </Screen>
    )
  }
  const p = points.data
  const query = { communityId: p.communityId }
  const print = async () => {
    setPrinting(true)
    setPrintError(undefined)
    try {
      await openApiFile(passbookPrintPath(p.communityId), '积分存折.pdf', 'pdf')
    } catch (e) {
      setPrintError(messageOf(e))
    } finally {
      setPrinting(false)
    }
  }
  return (
    <Screen className="points-page">
      <View className="points-balance">
        <Text className="points-balance__label">{p.communityName} · 我的积分</Text>
        <Text className="points-balance__value points-balance-value">{p.balance}</Text>
        {p.expiring && (
          <Text className="points-balance__sub points-expiring">
            其中 {p.expiring.amount} 分将于
            {formatDate(new Date(Date.parse(p.expiring.at) - 1).toISOString().slice(0, 10))}24时前过期
          </Text>
        )}
      </View>
      <View className="card points-actions">
        <Button
          className="points-shop-link"
          onClick={() => void Taro.navigateTo({ url: withQuery(POINTS_PAGES.shop, query) })}
        >
          积分超市
        </Button>
        <Button
          kind="ghost"
          className="points-redemptions-link"
          onClick={() => void Taro.navigateTo({ url: withQuery(POINTS_PAGES.redemptions, query) })}
        >
          我的兑换
        </Button>
      </View>

      <View className="card passbook">
        <View className="card__title">
          <Text className="card__title-text">积分存折</Text>
          <Button
            kind="plain"
            small
            busy={printing}
            busyText="生成中…"
            className="passbook-print"
            onClick={() => void print()}
          >
            打印
          </Button>
        </View>
        {printError && <View className="alert passbook-print-error">{printError}</View>}
        {book.items.length === 0 && !book.loading && (
          <Empty className="passbook-empty" text="还没有积分记录。参加议事、志愿服务等活动可以获得积分。" />
        )}
        {book.items.map((e) => (
          <PassbookRow key={e.seq} e={e} />
        ))}
        {book.error && <View className="alert passbook-error">{book.error}</View>}
        {book.next !== undefined && (
          <Button
            kind="ghost"
            block
            busy={book.loading}
            busyText="加载中…"
            className="passbook-more"
            onClick={() => book.more()}
          >
            加载更多
          </Button>
        )}
        {book.next === undefined && book.items.length > 0 && <Text className="muted passbook-end">没有更多了</Text>}
      </View>

      <View className="card points-rules">
        <View className="card__title">
          <Text className="card__title-text">怎样获得积分</Text>
        </View>
        {p.rules.length === 0 && <Empty text="社区暂未公布积分规则" />}
        {p.rules.map((r) => (
          <View key={r.ruleId} className="row points-rule">
            <View className="row__main">
              <Text className="row__title">{r.name}</Text>
              <Text className="row__sub">{capText(r.cap)}</Text>
            </View>
            <Text className="points-rule__amount">+{r.amount}</Text>
          </View>
        ))}
        <Text className="muted">{expiryLabels[p.expiry]}。志愿服务时长、完成的微心愿也会获得积分。</Text>
      </View>
    </Screen>
  )
}

/** The passbook, newest first, 20 entries a page; loaded again when the page is shown again. */
function usePassbook(communityId: string | undefined, shown: number) {
  const [items, setItems] = useState<z.infer<typeof PassbookEntry>[]>([])
  const [next, setNext] = useState<number>()
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string>()
  const load = async (before?: number) => {
    if (!communityId) return
    setLoading(true)
    setError(undefined)
    try {
      const page = await getMyPassbook({ communityId, limit: 20, ...(before ? { before } : {}) })
      setItems((old) => (before ? [...old, ...page.items] : page.items))
      setNext(page.next)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setLoading(false)
    }
  }
  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [communityId, shown])
  return { items, next, loading, error, more: () => (next !== undefined && !loading ? void load(next) : undefined) }
}
