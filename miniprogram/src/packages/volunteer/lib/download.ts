import Taro from '@tarojs/taro'
import { API_URL, IS_H5 } from '../../../services/env'
import { getSession } from '../../../services/session'

/**
 * Opens an export (an .xlsx, a PDF) the API sends as a file: in WeChat downloaded with the session and opened with
 * openDocument (where 转发 / 用其他应用打开 send it on); in H5 saved by the browser.
 */
export const openExport = async (path: string, filename: string, fileType: 'xlsx' | 'pdf') => {
  const token = getSession()?.token
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  if (IS_H5) {
    const res = await fetch(`${API_URL}${path}`, { headers: header })
    if (!res.ok)
      throw new Error(
        ((await res.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ??
          '导出失败，请稍后重试',
      )
    const url = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = url
    a.download = filename
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return
  }
  const res = await Taro.downloadFile({ url: `${API_URL}${path}`, header })
  if (res.statusCode !== 200) throw new Error('导出失败，请稍后重试')
  await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true })
}
