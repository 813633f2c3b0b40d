import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input, Textarea, Picker, Image } from '@tarojs/components'
import type { ShopItemView } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { Button, SubmitButton } from '../../../../components/ui/Button'
import { SwitchRow } from '../../../../components/ui/SwitchRow'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useSubmit, zodFieldErrors } from '../../../../components/useSubmit'
import { a11y } from '../../../../lib/a11y'
import { beijingDate, beijingInstant } from '../../../../lib/time'
import { createShopItem, listShopItems, newItemSchema, updateShopItem } from '../../../../services/api/pointsBank'
import { newClientId } from '../../../../services/clientId'
import { messageOf } from '../../../../services/http'
import { uploadPhoto } from '../../../../services/upload'
import '../../components/points.scss'

type Field =
  'name' | 'price' | 'stock' | 'limit' | 'pickupPlace' | 'pickupDays' | 'activeUntil' | 'photoKey' | 'lowStockAt'

/** 上架 / 编辑商品: name, goods or service, photo, price, stock (on creation; later through 补货), limit, window, donor, pickup. */
export default function ItemPage() {
  const loggedIn = useRequireLogin()
  const { params } = useRouter()
  const communityId = String(params.communityId ?? '')
  const itemId = params.itemId ? String(params.itemId) : undefined
  const existing = useAsync(
    async () =>
      itemId ? ((await listShopItems(communityId, true)).items.find((i) => i.itemId === itemId) ?? null) : null,
    [itemId],
    loggedIn,
  )
  if (!loggedIn || existing.loading)
    return (
      <Screen className="item-page">
        <Loading />
      </Screen>
    )
  if (itemId && !existing.data)
    return (
      <Screen className="item-page">
        <ResultPage title="找不到这个商品" text={existing.error} />
      </Screen>
    )
  return (
    <Screen className="item-page">
      <ItemForm communityId={communityId} item={existing.data ?? undefined} />
    </Screen>
  )
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s))

function ItemForm({ communityId, item }: { communityId: string; item?: ShopItemView }) {
  const [v, setV] = useState({
    name: item?.name ?? '',
    kind: item?.kind ?? 'goods',
    description: item?.description ?? '',
    price: item ? String(item.price) : '',
    stock: '10',
    limitCount: item?.limit ? String(item.limit.count) : '',
    limitPeriod: item?.limit?.period ?? 'month',
    from: item?.activeFrom ? beijingDate(Date.parse(item.activeFrom)) : '',
    until: item?.activeUntil ? beijingDate(Date.parse(item.activeUntil) - 1) : '',
    donor: item?.donor ?? '',
    pickupPlace: item?.pickupPlace ?? '社区党群服务站',
    pickupDays: item ? String(item.pickupDays) : '7',
    lowStockAt: item ? String(item.lowStockAt) : '3',
    active: item?.active ?? true,
  })
  const [photo, setPhoto] = useState<{ key: string; url: string } | undefined>(item?.photo)
  const [uploading, setUploading] = useState(false)
  const [itemIdNew] = useState(newClientId)
  const [saved, setSaved] = useState(false)
  const set = (k: keyof typeof v) => (value: string | boolean) => setV((old) => ({ ...old, [k]: value }))
  const body = {
    name: v.name,
    kind: v.kind,
    description: v.description,
    price: num(v.price),
    ...(v.limitCount ? { limit: { count: num(v.limitCount), period: v.limitPeriod } } : {}),
    ...(v.from ? { activeFrom: beijingInstant(v.from, '00:00') } : {}),
    ...(v.until
      ? { activeUntil: new Date(Date.parse(beijingInstant(v.until, '00:00')) + 86_400_000).toISOString() }
      : {}),
    ...(v.donor.trim() ? { donor: v.donor } : {}),
    ...(photo ? { photoKey: photo.key } : {}),
    pickupPlace: v.pickupPlace,
    pickupDays: num(v.pickupDays),
    lowStockAt: num(v.lowStockAt) ?? 0,
    active: v.active,
    itemId: itemIdNew,
    stock: num(v.stock),
  }
  const validate = () => zodFieldErrors<Field>(newItemSchema.safeParse(item ? { ...body, stock: 0 } : body).error)
  const form = useSubmit<Field>({ validate, values: v as never })
  const submit = () =>
    form.submit(async () => {
      const { itemId: _i, stock: _s, ...fields } = newItemSchema.parse(item ? { ...body, stock: 0 } : body)
      if (item) await updateShopItem(item.itemId, fields)
      else await createShopItem(communityId, newItemSchema.parse(body))
      setSaved(true)
    })
  const pick = async () => {
    try {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })
      setUploading(true)
      const key = await uploadPhoto(chosen.tempFilePaths[0]!)
      setPhoto({ key, url: chosen.tempFilePaths[0]! })
    } catch (e) {
      if (e instanceof Error && /cancel/i.test(e.message)) return
      form.setFormError(messageOf(e))
    } finally {
      setUploading(false)
    }
  }
  if (saved)
    return (
      <ResultPage kind="success" className="item-saved" title={item ? '已保存' : '已上架'} text={`「${v.name}」`} />
    )
  const e = form.errors
  const text = (k: keyof typeof v, label: string, extra: Record<string, unknown> = {}, err?: string) => (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <Input
        className={`field__input item-${k}`}
        value={String(v[k])}
        onInput={(ev) => set(k)(ev.detail.value)}
        {...extra}
      />
      {err && <Text className={`field-error field-error--${k}`}>{err}</Text>}
    </View>
  )
  return (
    <View>
      {form.formError && <View className="alert item-error">{form.formError}</View>}
      <View className="card">
        {text('name', '名称', { maxlength: 30, placeholder: '如：洗衣液（2千克）' }, e.name)}
        <View className="field" {...a11y('radiogroup', { label: '类型' })}>
          <Text className="field__label">类型</Text>
          {(['goods', 'service'] as const).map((k) => (
            <View
              key={k}
              className={`chip item-kind--${k} ${v.kind === k ? 'is-active' : ''}`}
              {...a11y('radio', { checked: v.kind === k })}
              onClick={() => set('kind')(k)}
            >
              <Text>{k === 'goods' ? '实物' : '服务'}</Text>
            </View>
          ))}
        </View>
        <View className="field">
          <Text className="field__label">照片（选填）</Text>
          {photo && <Image className="shop-item__photo" src={photo.url} mode="aspectFill" />}
          <Button
            small
            kind="ghost"
            className="item-photo"
            busy={uploading}
            busyText="上传中…"
            onClick={() => void pick()}
          >
            {photo ? '换一张' : '上传照片'}
          </Button>
        </View>
        {text('price', '价格（积分）', { type: 'number', maxlength: 6 }, e.price)}
        {!item && text('stock', '库存（件）', { type: 'number', maxlength: 6 }, e.stock)}
        {text('limitCount', '每人限兑（件，不填为不限）', { type: 'number', maxlength: 3 }, e.limit)}
        {v.limitCount && (
          <View className="field">
            {(['day', 'month', 'year'] as const).map((p) => (
              <View
                key={p}
                className={`chip item-period--${p} ${v.limitPeriod === p ? 'is-active' : ''}`}
                onClick={() => set('limitPeriod')(p)}
              >
                <Text>{p === 'day' ? '每天' : p === 'month' ? '每月' : '每年'}</Text>
              </View>
            ))}
          </View>
        )}
        <View className="field">
          <Text className="field__label">兑换开始日期（选填）</Text>
          <Picker mode="date" value={v.from || beijingDate()} onChange={(ev) => set('from')(ev.detail.value)}>
            <View className="field__input item-from">{v.from || '立即开始'}</View>
          </Picker>
          <Text className="field__label">兑换结束日期（选填，当天24时结束）</Text>
          <Picker mode="date" value={v.until || beijingDate()} onChange={(ev) => set('until')(ev.detail.value)}>
            <View className="field__input item-until">{v.until || '长期有效'}</View>
          </Picker>
          {e.activeUntil && <Text className="field-error field-error--activeUntil">{e.activeUntil}</Text>}
        </View>
        {text('donor', '捐赠单位（共建单位，选填）', { maxlength: 40 })}
        {text('pickupPlace', '领取地点', { maxlength: 40 }, e.pickupPlace)}
        {text('pickupDays', '领取码有效天数', { type: 'number', maxlength: 2 }, e.pickupDays)}
        {text('lowStockAt', '库存剩几件时提醒我', { type: 'number', maxlength: 4 }, e.lowStockAt)}
        <View className="field">
          <Text className="field__label">说明（选填）</Text>
          <Textarea
            className="field__textarea item-description"
            maxlength={300}
            value={v.description}
            onInput={(ev) => set('description')(ev.detail.value)}
          />
        </View>
        <SwitchRow
          title="在架"
          sub="关闭后居民看不到这件商品"
          checked={v.active}
          onChange={(c) => set('active')(c)}
          className="item-active"
        />
        <SubmitButton submitting={form.submitting} className="item-submit" onClick={() => void submit()}>
          {item ? '保存' : '上架'}
        </SubmitButton>
      </View>
    </View>
  )
}
