import { useRef, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { z } from 'zod'
import { ResidentMatch, type EarningRule } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Empty, Loading } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { a11y } from '../../../../lib/a11y'
import { awardPoints, findResidents, getPointsSettings } from '../../../../services/api/pointsBank'
import { newClientId } from '../../../../services/clientId'
import { messageOf } from '../../../../services/http'
import { capText } from '../../components/points'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import '../../components/points.scss'

type Match = z.infer<typeof ResidentMatch>

/** 积分发放: choose a rule, find the resident by name or room, confirm. Each confirmation awards once (its id is made with the choice). */
export default function AwardPage() {
  const loggedIn = useRequireLogin()
  const community = useStaffCommunity('award', loggedIn)
  const communityId = community.data?.communityId
  const settings = useAsync(() => getPointsSettings(communityId!), [communityId], !!communityId)
  const [rule, setRule] = useState<EarningRule>()
  const [q, setQ] = useState('')
  const [matches, setMatches] = useState<Match[]>()
  const [who, setWho] = useState<Match>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<{ name: string; rule: string; amount: number; balance: number }>()
  const awardId = useRef(newClientId())

  if (!loggedIn || community.loading || (communityId && !settings.data && settings.loading))
    return (
      <Screen className="award-page">
        <Loading />
      </Screen>
    )
  if (!community.data)
    return (
      <Screen className="award-page">
        <ResultPage className="award-denied" title="无权限" text={community.error ?? '您不能在这个社区发放积分'} />
      </Screen>
    )
  const rules = (settings.data?.rules ?? []).filter((r) => r.active)
  const search = async () => {
    setBusy(true)
    setError(undefined)
    try {
      setMatches((await findResidents(communityId!, q)).items)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const choose = (m: Match) => {
    awardId.current = newClientId()
    setWho(m)
  }
  const confirm = async () => {
    if (!rule || !who) return
    setBusy(true)
    setError(undefined)
    try {
      const res = await awardPoints(communityId!, { awardId: awardId.current, ruleId: rule.ruleId, userId: who.userId })
      setDone({ name: who.name, rule: rule.name, amount: rule.amount, balance: res.balance })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  if (done)
    return (
      <Screen className="award-page">
        <ResultPage
          kind="success"
          className="award-done"
          title="发放成功"
          text={`已为${done.name}发放「${done.rule}」${done.amount}分，现有${done.balance}分。`}
          primary={{
            text: '继续发放',
            className: 'award-again',
            onClick: () => {
              setDone(undefined)
              setWho(undefined)
              awardId.current = newClientId()
            },
          }}
        />
      </Screen>
    )
  return (
    <Screen className="award-page">
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">1. 选择事项</Text>
        </View>
        {rules.length === 0 && <Empty text="社区还没有设置积分规则" />}
        <View {...a11y('radiogroup', { label: '积分事项' })}>
          {rules.map((r) => (
            <View
              key={r.ruleId}
              className={`chip award-rule award-rule--${r.ruleId} ${rule?.ruleId === r.ruleId ? 'is-active' : ''}`}
              {...a11y('radio', { checked: rule?.ruleId === r.ruleId })}
              onClick={() => setRule(r)}
            >
              <Text>
                {r.name} +{r.amount}
              </Text>
            </View>
          ))}
        </View>
        {rule && <Text className="muted">{capText(rule.cap)}</Text>}
      </View>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">2. 找到居民</Text>
        </View>
        <Input
          className="field__input award-search"
          placeholder="姓名或房号，如 刘芳 或 101"
          value={q}
          maxlength={20}
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button
          block
          kind="ghost"
          className="award-find"
          disabled={!q.trim()}
          busy={busy && !who}
          busyText="查找中…"
          onClick={() => void search()}
        >
          查找
        </Button>
        {matches?.length === 0 && <Empty className="award-none" text="没有找到，请换个姓名或房号" />}
        {matches?.map((m) => (
          <View
            key={m.userId}
            className={`row staff-entry award-resident ${who?.userId === m.userId ? 'is-active' : ''}`}
            data-user-id={m.userId}
            {...a11y('radio', { checked: who?.userId === m.userId })}
            onClick={() => choose(m)}
          >
            <View className="row__main">
              <Text className="row__title">
                {m.name}
                {who?.userId === m.userId ? ' ✓' : ''}
              </Text>
              <Text className="row__sub">
                {m.household} · 现有 {m.balance} 分
              </Text>
            </View>
          </View>
        ))}
      </View>
      {error && <View className="alert award-error">{error}</View>}
      <View className="card">
        <Text className="row__title">
          {rule && who ? `为 ${who.name} 发放「${rule.name}」+${rule.amount}分` : '请先选择事项和居民'}
        </Text>
        <Button
          block
          className="award-confirm"
          disabled={!rule || !who}
          busy={busy && !!who}
          busyText="发放中…"
          onClick={() => void confirm()}
        >
          确认发放
        </Button>
      </View>
    </Screen>
  )
}
