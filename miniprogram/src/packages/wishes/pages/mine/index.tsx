import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Screen } from '../../../../components/Screen'
import { Button } from '../../../../components/ui/Button'
import { Empty, ErrorState, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { listMyWishes } from '../../../../services/api/microWishes'
import { PAGES } from '../../../../services/nav'
import { WishRow } from '../../components/wish'

/** 我的心愿: what I posted (for my household, or, as a grid worker, for residents), newest first, with where each stands. */
export default function MyWishesPage() {
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const list = useAsync(() => listMyWishes(), [shown], loggedIn && shown > 0)
  return (
    <Screen className="my-wishes-page">
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">我的心愿</Text>
          {list.data && <Text className="card__hint my-wishes-count">{list.data.items.length} 个</Text>}
        </View>
        {list.loading && !list.data ? (
          <Loading />
        ) : list.error && !list.data ? (
          <ErrorState message={list.error} onRetry={list.reload} />
        ) : list.data?.items.length === 0 ? (
          <Empty className="my-wishes-empty" text="还没有发布过心愿" />
        ) : (
          list.data?.items.map((w) => <WishRow key={w.wishId} wish={w} className="my-wish" />)
        )}
      </View>
      <View className="wish-links">
        <Button className="my-wishes-post" onClick={() => void Taro.navigateTo({ url: PAGES.postWish })}>
          发布新心愿
        </Button>
      </View>
    </Screen>
  )
}
