import { useMemo } from 'react'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { Loading } from '../../components/StateView'
import { ResultPage } from '../../components/ResultPage'
import { useAsync } from '../../components/useAsync'
import { getCard } from '../../services/api/grids'
import { ApiError } from '../../services/http'
import { forgetLastCard, getLastCard, saveLastCard } from '../../services/lastCard'
import { PAGES, goBackOrHome, goHome, safeDecode, withQuery } from '../../services/nav'
import { CardView } from './CardView'
import './index.scss'

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

  if (card.loading && !card.data) {
    return (
      <Screen className="grid-page">
        <Loading />
      </Screen>
    )
  }
  if (!card.data) {
    const retryable = card.errorCode !== 'card.invalid' && card.errorCode !== 'card.missing'
    return (
      <Screen className="grid-page">
        <ResultPage
          className="error-state grid-error"
          title="无法打开服务卡"
          text={card.error ?? '加载失败'}
          primary={
            retryable
              ? { text: '重试', onClick: card.reload, className: 'error-state__retry' }
              : { text: '返回首页', onClick: goHome, className: 'grid-home' }
          }
          secondary={retryable ? { text: '返回', onClick: goBackOrHome, className: 'result-back' } : undefined}
        />
      </Screen>
    )
  }
  return <CardView code={code} card={card.data} />
}
