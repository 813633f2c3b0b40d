import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { MatterForm, useMatterSubmit } from '../../components/MatterForm'
import { SubmitButton } from '../../../../components/ui/Button'
import { zodFieldErrors } from '../../../../components/useSubmit'
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
  const validate = () => {
    const errors = zodFieldErrors<Field>(
      reportBodySchema.safeParse({ note, photoKeys: photos.keys }).error,
      (field, message) => (field === 'note' ? '请填写办理情况（最多1000字）' : message),
    )
    if (photos.uploading) errors.photoKeys = '照片还在上传，请稍候'
    else if (photos.failed) errors.photoKeys = '有照片上传失败，请重试或删除'
    return errors
  }
  const { errors, formError, submitting, send } = useMatterSubmit<Field>(matter.matterId, {
    validate,
    values: { note, photoKeys: photos.keys },
  })
  const submit = () => send(() => reportDone(matter.matterId, reportBodySchema.parse({ note, photoKeys: photos.keys })))

  return (
    <View>
      {formError && <View className="alert report-error">{formError}</View>}
      <View className="card">
        {matter.resolution && (
          <View className="field">
            <Text className="field__label">决议任务</Text>
            {matter.resolution.tasks.map((t, i) => (
              <Text key={i} className="report-task">
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
        <SubmitButton
          submitting={submitting}
          disabled={photos.uploading}
          className="form-submit report-submit"
          onClick={() => void submit()}
        >
          报告办结，开启大众评议
        </SubmitButton>
      </View>
    </View>
  )
}
