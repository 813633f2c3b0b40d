import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { Home } from '@contracts/home'
import type { Me } from '@contracts/identity'
import { ResultPage } from '../../components/ResultPage'
import { Screen } from '../../components/Screen'
import { Loading } from '../../components/StateView'
import { useAsync } from '../../components/useAsync'
import { useShown } from '../../components/useShown'
import { getHome } from '../../services/api/home'
import { getMe } from '../../services/api/identity'
import { getLastCard } from '../../services/lastCard'
import { isLoggedIn } from '../../services/session'
import { getGridChoice, saveGridChoice } from './gridChoice'
import { Hero } from './Hero'
import { LoggedOut } from './LoggedOut'
import { MyGrid } from './MyGrid'
import { Services } from './Services'
import { StaffEntries } from './StaffEntries'
import { Todos } from './Todos'
import './index.scss'

interface HomeData {
  home: Home
  me: Me
}

/**
 * 首页: logged out, what the app is, 登录 and the card last scanned here; logged in, my community and grid (from my
 * household or my role, GET /me/home), how I am known here, my 待办 with counts, and my grid's services. Fresh each
 * time the tab is shown and on a pull down.
 */
export default function HomePage() {
  const shown = useShown()
  const [gridId, setGridId] = useState(getGridChoice)
  const data = useAsync<HomeData | null>(
    async () => {
      if (!isLoggedIn()) return null
      const [home, me] = await Promise.all([getHome(gridId), getMe()])
      return { home, me }
    },
    [shown, gridId],
    shown > 0,
  )
  usePullDownRefresh(() => {
    data.reload()
    void Taro.stopPullDownRefresh()
  })
  const lastCard = shown > 0 ? getLastCard() : null

  const pick = (id: string) => {
    saveGridChoice(id)
    setGridId(id)
  }

  if (data.data === undefined) {
    return (
      <Screen className="home-page">
        <Hero />
        {data.loading ? (
          <Loading />
        ) : (
          <ResultPage
            className="error-state home-load-error"
            title="首页暂时打不开"
            text={data.error ?? '加载失败，请稍后重试'}
            primary={{ text: '重试', onClick: data.reload, className: 'error-state__retry' }}
          />
        )}
      </Screen>
    )
  }
  if (data.data === null) {
    return (
      <Screen className="home-page">
        <Hero />
        <LoggedOut lastCard={lastCard} />
      </Screen>
    )
  }

  const { home, me } = data.data
  return (
    <Screen className="home-page">
      <Hero name={me.displayName} community={home.community?.name} />
      <MyGrid home={home} me={me} lastCard={lastCard} chosen={gridId} onPick={pick} switching={data.loading} />
      <Todos todos={home.todos} incomplete={home.incomplete ?? false} />
      <Services services={home.services} />
      <StaffEntries me={me} communityId={home.community?.communityId} />
      <Text className="muted home-refresh-hint">下拉可刷新</Text>
    </Screen>
  )
}
