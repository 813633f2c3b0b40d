import { View, Text } from '@tarojs/components'

/** The red band at the top: who I am and my community, or (logged out) what the app is. */
export function Hero({ name, community }: { name?: string; community?: string }) {
  return (
    <View className="home-hero">
      {name ? (
        <>
          <Text className="home-hero__title home-user">{name === '微信用户' ? '您好' : `${name}，您好`}</Text>
          <Text className="home-hero__sub home-community">{community ?? '网格连心 · 有事找网格'}</Text>
        </>
      ) : (
        <>
          <Text className="home-hero__title">网格连心</Text>
          <Text className="home-hero__sub">党建引领 · 小区治理 · 有事找网格</Text>
        </>
      )}
    </View>
  )
}
