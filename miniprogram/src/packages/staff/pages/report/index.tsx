import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { MatterForm, useMatterSubmit } from '../../components/MatterForm'
import { PhotoField, usePhotos } from '../../../../components/photos'
import { reportBodySchema, reportDone } from '../../../../services/api/deliberation'
import './index.scss'

type Field = 'note' | 'photoKeys'

/** 报告办结: the responsible party (or the committee) reports the resolution done, with a note and photos; the households then rate it. */
export default function ReportPage() {
  return (
    <MatterForm action="report" deniedText="由决议的责任方或两委报告办结。">
      {(m) => <ReportForm matter={m} />}
    </MatterForm>
  )
}

function ReportForm({ matter }: { matter: Matter }) {
  const [note, setNote] = useState('')
  const photos = usePhotos(9)
  const { errors, setErrors, formError, setFormError, submitting, send } = useMatterSubmit<Field>(matter.matterId)

  const submit = async () => {
    if (submitting) return
    setFormError(undefined)
    const local: Partial<Record<Field, string>> = {}
    if (photos.uploading) local.photoKeys = '照片还在上传，请稍候'
    else if (photos.failed) local.photoKeys = '有照片上传失败，请重试或删除'
    const parsed = reportBodySchema.safeParse({ note, photoKeys: photos.keys })
    if (!parsed.success)
      for (const issue of parsed.error.issues) local[issue.path[0] as Field] ??= issue.path[0] === 'note' ? '请填写办理情况（最多1000字）' : issue.message
    setErrors(local)
    if (Object.keys(local).length > 0 || !parsed.success) return
    await send(() => reportDone(matter.matterId, parsed.data))
  }

  return (
    <View>
      {formError && <View className="alert report-error">{formError}</View>}
      <View className="card">
        {matter.resolution && (
          <View className="field">
            <Text className="field__label">决议任务</Text>
            {matter.resolution.tasks.map((t, i) => (
              <Text key={i} className="muted report-task">
                {i + 1}. {t}
              </Text>
            ))}
          </View>
        )}
        <View className="field">
          <Text className="field__label">办理情况</Text>
          <Textarea
            className="field__textarea report-note-input"
            placeholder="说明完成了哪些工作（最多1000字）"
            maxlength={1000}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
          {errors.note && <Text className="field-error field-error--note">{errors.note}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">现场照片（最多9张）</Text>
          <PhotoField photos={photos} prefix="report" />
          {errors.photoKeys && <Text className="field-error field-error--photoKeys">{errors.photoKeys}</Text>}
        </View>
        <View className={`btn btn--primary btn--block report-submit ${submitting || photos.uploading ? 'btn--loading' : ''}`} onClick={() => void submit()}>
          {submitting ? '提交中…' : '报告办结，开启大众评议'}
        </View>
      </View>
    </View>
  )
}
