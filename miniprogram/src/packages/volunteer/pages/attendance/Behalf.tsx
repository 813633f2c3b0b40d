import { useRef, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { Attendance, ResidentFound } from '@contracts/volunteering'
import type { z } from 'zod'
import { Empty } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { a11y } from '../../../../lib/a11y'
import { findResidentsFor, signUpOnBehalf } from '../../../../services/api/volunteering'
import { newClientId } from '../../../../services/clientId'
import { messageOf } from '../../../../services/http'

type Found = z.infer<typeof ResidentFound>
type Way = 'resident' | 'guest'

/**
 * 代报名: the organiser signs up someone who cannot use the app — a resident found by name or room, or a volunteer
 * without WeChat by name and phone (their hours are recorded, no points). One request id per choice, so a second
 * tap on a slow network signs them up once.
 */
export function Behalf({ data, onChange }: { data: Attendance; onChange: (d: Attendance) => void }) {
  const [open, setOpen] = useState(false)
  const [way, setWay] = useState<Way>('resident')
  const [q, setQ] = useState('')
  const [matches, setMatches] = useState<Found[]>()
  const [who, setWho] = useState<Found>()
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [busy, setBusy] = useState<'find' | 'submit'>()
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<string>()
  const requestId = useRef(newClientId())
  const a = data.activity
  if (!a.can.includes('signUpFor')) return null

  const search = async () => {
    setBusy('find')
    setError(undefined)
    try {
      setMatches((await findResidentsFor(a.activityId, q.trim())).items)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(undefined)
    }
  }
  const ready = way === 'resident' ? Boolean(who) : name.trim().length > 0 && /^1\d{10}$/.test(phone)
  const submit = async () => {
    if (!ready || busy) return
    setBusy('submit')
    setError(undefined)
    try {
      const volunteer =
        way === 'resident'
          ? { kind: 'resident' as const, userId: who!.userId }
          : { kind: 'guest' as const, name: name.trim(), phone }
      const next = await signUpOnBehalf(a.activityId, { requestId: requestId.current, volunteer })
      const shown = way === 'resident' ? who!.name : name.trim()
      const row = next.rows.find((r) => (way === 'resident' ? r.userId === who!.userId : r.name === shown && r.guest))
      onChange(next)
      setDone(
        row?.state === 'waiting' ? `已为${shown}代报名：名额已满，候补第${row.position}位` : `已为${shown}代报名成功`,
      )
      requestId.current = newClientId()
      setOpen(false)
      setWho(undefined)
      setMatches(undefined)
      setQ('')
      setName('')
      setPhone('')
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(undefined)
    }
  }
  const choose = (w: Way) => {
    setWay(w)
    setError(undefined)
    requestId.current = newClientId()
  }
  return (
    <View className="card behalf">
      <View className="card__title">
        <Text className="card__title-text">代报名</Text>
      </View>
      <Text className="muted">为不会用手机报名的居民，或没有微信的志愿者报名；名额和候补与自己报名相同。</Text>
      {done && <View className="alert alert--ok behalf-done">{done}</View>}
      {!open && (
        <Button block kind="ghost" className="behalf-open" onClick={() => (setOpen(true), setDone(undefined))}>
          代报名
        </Button>
      )}
      {open && (
        <View className="behalf-form">
          <View className="behalf-ways" {...a11y('radiogroup', { label: '代报名方式' })}>
            <View
              className={`chip behalf-way behalf-way--resident ${way === 'resident' ? 'is-active' : ''}`}
              {...a11y('radio', { checked: way === 'resident' })}
              onClick={() => choose('resident')}
            >
              <Text>找本社区居民</Text>
            </View>
            <View
              className={`chip behalf-way behalf-way--guest ${way === 'guest' ? 'is-active' : ''}`}
              {...a11y('radio', { checked: way === 'guest' })}
              onClick={() => choose('guest')}
            >
              <Text>没有微信</Text>
            </View>
          </View>
          {way === 'resident' ? (
            <View>
              <Text className="field__label">姓名或房号</Text>
              <Input
                className="field__input behalf-search"
                placeholder="如 张大爷 或 101"
                value={q}
                maxlength={20}
                onInput={(e) => setQ(e.detail.value)}
                onConfirm={() => void search()}
              />
              <Button
                block
                kind="ghost"
                className="behalf-find"
                disabled={!q.trim()}
                busy={busy === 'find'}
                busyText="查找中…"
                onClick={() => void search()}
              >
                查找
              </Button>
              {matches?.length === 0 && (
                <Empty className="behalf-none" text="没有找到，请换个姓名或房号，或选「没有微信」" />
              )}
              {matches?.map((m) => (
                <View
                  key={m.userId}
                  className={`row staff-entry behalf-resident ${who?.userId === m.userId ? 'is-active' : ''}`}
                  data-user-id={m.userId}
                  {...a11y('radio', { checked: who?.userId === m.userId, label: `${m.name}，${m.household}` })}
                  onClick={() => (setWho(m), (requestId.current = newClientId()))}
                >
                  <View className="row__main">
                    <Text className="row__title">
                      {m.name}
                      {who?.userId === m.userId ? ' ✓' : ''}
                    </Text>
                    <Text className="row__sub">{m.household}</Text>
                  </View>
                </View>
              ))}
            </View>
          ) : (
            <View>
              <Text className="field__label">姓名</Text>
              <Input
                className="field__input behalf-name"
                placeholder="如 王秀英"
                value={name}
                maxlength={20}
                onInput={(e) => setName(e.detail.value)}
              />
              <Text className="field__label">手机号（家人的也可以）</Text>
              <Input
                className="field__input behalf-phone"
                type="number"
                placeholder="11位手机号"
                value={phone}
                maxlength={11}
                onInput={(e) => setPhone(e.detail.value.replace(/\D/g, ''))}
              />
              <View className="alert alert--grey behalf-guest-note">
                没有微信账号的志愿者：服务时长记入平台记录，不计积分，也收不到微信通知，请当面告知。
              </View>
            </View>
          )}
          {error && <View className="alert behalf-error">{error}</View>}
          <View className="behalf-actions">
            <Button kind="plain" className="behalf-cancel" disabled={busy === 'submit'} onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button
              className="behalf-submit"
              disabled={!ready}
              busy={busy === 'submit'}
              busyText="报名中…"
              onClick={() => void submit()}
            >
              {way === 'resident' && who
                ? `为${who.name}报名`
                : way === 'guest' && name.trim()
                  ? `为${name.trim()}报名`
                  : '确认代报名'}
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
