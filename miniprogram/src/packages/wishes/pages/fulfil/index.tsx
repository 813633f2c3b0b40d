import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { Wish } from '@contracts/microWishes'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { SubmitButton } from '../../../../components/ui/Button'
import { PhotoField, usePhotos } from '../../../../components/photos'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useSubmit, zodFieldErrors, type FieldErrors } from '../../../../components/useSubmit'
import { fulfilBodySchema, fulfilWish, getWish } from '../../../../services/api/microWishes'
import { PAGES, goBackOrHome, withQuery } from '../../../../services/nav'
import '../../components/wishes.scss'

type Field = 'note' | 'photoKeys'

/** The claimant reports the wish fulfilled: a photo of it delivered (or done) and a few words; the resident is then asked to confirm. */
export default function FulfilPage() {
  const { params } = useRouter()
  const wishId = String(params.wishId ?? '')
  const loggedIn = useRequireLogin()
  const wish = useAsync(() => getWish(wishId), [wishId], loggedIn)
  const screen = (content: JSX.Element) => <Screen className="fulfil-page">{content}</Screen>
  if (!loggedIn || (wish.loading && !wish.data)) return screen(<Loading />)
  if (!wish.data)
    return screen(
      <ResultPage
        className="fulfil-load-error"
        title="无法打开"
        text={wish.error}
        primary={{ text: '重试', onClick: wish.reload }}
        secondary={{ text: '返回', onClick: goBackOrHome }}
      />,
    )
  if (!wish.data.can.includes('fulfil'))
    return screen(
      <ResultPage className="fulfil-denied" title="现在不能报告" text="只有认领人可以在认领期内报告心愿已实现。" />,
    )
  return screen(<FulfilForm wish={wish.data} />)
}

function FulfilForm({ wish }: { wish: Wish }) {
  const [note, setNote] = useState('')
  const photos = usePhotos(3)
  const validate = (): FieldErrors<Field> => {
    const errors = zodFieldErrors<Field>(fulfilBodySchema.safeParse({ note, photoKeys: photos.keys }).error)
    if (photos.uploading) errors.photoKeys = '照片还在上传，请稍候'
    else if (photos.failed) errors.photoKeys = '有照片上传失败，请重试或删除'
    return errors
  }
  const form = useSubmit<Field>({ validate, values: { note, photoKeys: photos.keys } })
  const submit = () =>
    form.submit(async () => {
      const saved = await fulfilWish(wish.wishId, fulfilBodySchema.parse({ note, photoKeys: photos.keys }))
      void Taro.redirectTo({ url: withQuery(PAGES.wish, { wishId: saved.wishId }) })
      return saved
    })
  return (
    <View>
      {form.formError && <View className="alert fulfil-error">{form.formError}</View>}
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">{wish.title}</Text>
        </View>
        <View className="field">
          <Text className="field__label">送达的照片（至少一张）</Text>
          <Text className="field__hint">拍一张东西送到、或事情办好的照片。请不要拍到居民的脸和门牌。</Text>
          <PhotoField photos={photos} prefix="fulfil" />
          {form.errors.photoKeys && <Text className="field-error field-error--photoKeys">{form.errors.photoKeys}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">说明</Text>
          <Textarea
            className="field__textarea fulfil-note"
            placeholder="例如：助行器已送到家，教会了老人使用"
            maxlength={500}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
          {form.errors.note && <Text className="field-error field-error--note">{form.errors.note}</Text>}
        </View>
        <SubmitButton
          submitting={form.submitting}
          disabled={photos.uploading}
          className="fulfil-submit"
          onClick={() => void submit()}
        >
          报告已送达
        </SubmitButton>
        <Text className="muted">提交后请居民确认收到，确认后您将获得 {wish.points ?? 0} 积分。</Text>
      </View>
    </View>
  )
}
