import { useState } from 'react'
import { View, Text, Input, Picker } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { MatterForm, useMatterSubmit } from '../../components/MatterForm'
import { SubmitButton } from '../../../../components/ui/Button'
import { SwitchRow } from '../../../../components/ui/SwitchRow'
import { zodFieldErrors, type FieldErrors } from '../../../../components/useSubmit'
import { a11y } from '../../../../lib/a11y'
import { beijingClock, beijingDate, beijingInstant as instant } from '../../../../lib/time'
import { percent } from '../../../../components/matter'
import { openPoll, pollBodySchema } from '../../../../services/api/deliberation'
import './index.scss'

type Field = 'options' | 'opensAt' | 'closesAt' | 'rule' | 'secret'

/**
 * 民主商议 → 发起表决: the building head for a building-scope matter in their building, the committee for
 * compound and community scope. The rule and the electorate are frozen when the poll opens.
 */
export default function OpenPollPage() {
  return (
    <MatterForm
      action="openPoll"
      deniedText="楼长发起本楼议题的表决，两委发起小区和社区议题的表决；议题须已通过两委审议。"
    >
      {(m) => <PollForm matter={m} />}
    </MatterForm>
  )
}

/** The next full hour `days` from now (Beijing's hours are UTC's: the offset is whole). Dates and times in the form are Beijing's. */
const hourLater = (days: number) => (Math.floor((Date.now() + days * 24 * 3600 * 1000) / 3600_000) + 1) * 3600_000

function PollForm({ matter }: { matter: Matter }) {
  const [options, setOptions] = useState<string[]>(['同意', '不同意'])
  const [openNow, setOpenNow] = useState(true)
  const start = hourLater(0)
  const [opensDate, setOpensDate] = useState(beijingDate(start))
  const [opensTime, setOpensTime] = useState(beijingClock(start))
  const end = hourLater(3)
  const [closesDate, setClosesDate] = useState(beijingDate(end))
  const [closesTime, setClosesTime] = useState(beijingClock(end))
  const [secret, setSecret] = useState(false)
  const [minTurnout, setMinTurnout] = useState('66.67')
  const [passShare, setPassShare] = useState('50')
  const [passOption, setPassOption] = useState(0)
  const setOption = (i: number, value: string) => setOptions((all) => all.map((o, j) => (j === i ? value : o)))
  const removeOption = (i: number) => {
    setOptions((all) => all.filter((_, j) => j !== i))
    setPassOption((p) => (p === i ? 0 : p > i ? p - 1 : p))
  }

  const share = (text: string) => (text.trim() === '' ? NaN : Number(text) / 100)
  const input = () => ({
    options: options.map((o) => o.trim()),
    opensAt: openNow ? new Date().toISOString() : instant(opensDate, opensTime),
    closesAt: instant(closesDate, closesTime),
    secret,
    rule: { minTurnout: share(minTurnout), passShare: share(passShare), passOption },
  })
  const validate = (): FieldErrors<Field> => {
    const body = input()
    // The contract's own schema (options 2–10, closes after opens, the passing option exists).
    const errors = zodFieldErrors<Field>(pollBodySchema.safeParse(body).error, (field, message, path) =>
      field === 'rule'
        ? '请填写0–100之间的比例'
        : field === 'options' && path.length > 1
          ? '选项不能为空，最多20字'
          : message,
    )
    if (!errors.closesAt && new Date(body.closesAt).getTime() <= Date.now()) errors.closesAt = '截止时间须在将来'
    return errors
  }
  const { errors, formError, submitting, send } = useMatterSubmit<Field>(matter.matterId, {
    validate,
    values: {
      options,
      opensAt: `${openNow}${opensDate}${opensTime}`,
      closesAt: `${closesDate}${closesTime}`,
      rule: [minTurnout, passShare, passOption],
      secret,
    },
  })
  const submit = () => send(() => openPoll(matter.matterId, pollBodySchema.parse(input())))

  return (
    <View>
      {formError && <View className="alert poll-error">{formError}</View>}
      <View className="card">
        <View className="field">
          <Text className="field__label">表决选项（2–10个）</Text>
          {options.map((o, i) => (
            <View key={i} className="form-row">
              <Input
                className={`field__input poll-option-input poll-option-input--${i}`}
                type="text"
                maxlength={20}
                placeholder={`选项${i + 1}`}
                value={o}
                onInput={(e) => setOption(i, e.detail.value)}
              />
              {options.length > 2 && (
                <View
                  className="form-row__remove poll-option-remove"
                  {...a11y('button', { label: `删除选项${i + 1}` })}
                  onClick={() => removeOption(i)}
                >
                  ×
                </View>
              )}
            </View>
          ))}
          {options.length < 10 && (
            <View
              className="form-add poll-option-add"
              {...a11y('button')}
              onClick={() => setOptions((all) => [...all, ''])}
            >
              ＋ 添加选项
            </View>
          )}
          {errors.options && <Text className="field-error field-error--options">{errors.options}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">开始时间</Text>
          <View className="chips">
            <View
              className={`chip poll-opens-now ${openNow ? 'is-active' : ''}`}
              {...a11y('radio', { checked: openNow })}
              onClick={() => setOpenNow(true)}
            >
              <Text>立即开始</Text>
            </View>
            <View
              className={`chip poll-opens-later ${openNow ? '' : 'is-active'}`}
              {...a11y('radio', { checked: !openNow })}
              onClick={() => setOpenNow(false)}
            >
              <Text>定时开始</Text>
            </View>
          </View>
          {!openNow && (
            <View className="picker-box poll-opens-at">
              <Picker
                mode="date"
                value={opensDate}
                start={beijingDate()}
                onChange={(e) => setOpensDate(String(e.detail.value))}
              >
                <View
                  className="picker-field poll-opens-date"
                  {...a11y('button', { label: `开始日期（北京时间）：${opensDate}` })}
                >
                  {opensDate}
                </View>
              </Picker>
              <Picker mode="time" value={opensTime} onChange={(e) => setOpensTime(String(e.detail.value))}>
                <View
                  className="picker-field poll-opens-time"
                  {...a11y('button', { label: `开始时间（北京时间）：${opensTime}` })}
                >
                  {opensTime}
                </View>
              </Picker>
            </View>
          )}
          {errors.opensAt && <Text className="field-error field-error--opensAt">{errors.opensAt}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">截止时间</Text>
          <View className="picker-box poll-closes-at" data-closes-at={instant(closesDate, closesTime)}>
            <Picker
              mode="date"
              value={closesDate}
              start={beijingDate()}
              onChange={(e) => setClosesDate(String(e.detail.value))}
            >
              <View
                className="picker-field poll-closes-date"
                {...a11y('button', { label: `截止日期（北京时间）：${closesDate}` })}
              >
                {closesDate}
              </View>
            </Picker>
            <Picker mode="time" value={closesTime} onChange={(e) => setClosesTime(String(e.detail.value))}>
              <View
                className="picker-field poll-closes-time"
                {...a11y('button', { label: `截止时间（北京时间）：${closesTime}` })}
              >
                {closesTime}
              </View>
            </Picker>
          </View>
          {errors.closesAt && <Text className="field-error field-error--closesAt">{errors.closesAt}</Text>}
        </View>

        <View className="field">
          <SwitchRow
            className="poll-secret"
            title="无记名投票"
            sub="开启后不公开各户的选择"
            checked={secret}
            onChange={setSecret}
          />
        </View>

        <View className="field">
          <Text className="field__label">通过规则</Text>
          <View className="percent-row">
            <Text>至少</Text>
            <Input
              className="field__input poll-min-turnout"
              type="digit"
              value={minTurnout}
              onInput={(e) => setMinTurnout(e.detail.value)}
            />
            <Text>% 的户参与投票</Text>
          </View>
          <View className="percent-row poll-rule-share">
            <Text>且选项</Text>
          </View>
          <View className="chips">
            {options.map((o, i) => (
              <View
                key={i}
                className={`chip poll-pass-option poll-pass-option--${i} ${passOption === i ? 'is-active' : ''}`}
                {...a11y('radio', { checked: passOption === i })}
                onClick={() => setPassOption(i)}
              >
                <Text>{o.trim() || `选项${i + 1}`}</Text>
              </View>
            ))}
          </View>
          <View className="percent-row">
            <Text>得票超过投票户的</Text>
            <Input
              className="field__input poll-pass-share"
              type="digit"
              value={passShare}
              onInput={(e) => setPassShare(e.detail.value)}
            />
            <Text>% 即为通过</Text>
          </View>
          {errors.rule && <Text className="field-error field-error--rule">{errors.rule}</Text>}
          {!Number.isNaN(share(minTurnout)) && !Number.isNaN(share(passShare)) && (
            <Text className="muted poll-rule-preview">
              即：参与率 ≥ {percent(share(minTurnout))}，“{options[passOption]?.trim() || `选项${passOption + 1}`}”占比
              &gt; {percent(share(passShare))}
            </Text>
          )}
        </View>

        <Text className="muted poll-freeze-note">
          发起后，规则和选民（开票时范围内的全部房屋）即冻结并公布；一户一票，投出后不可更改。
        </Text>
        <SubmitButton submitting={submitting} className="form-submit poll-submit" onClick={() => void submit()}>
          发起表决
        </SubmitButton>
      </View>
    </View>
  )
}
