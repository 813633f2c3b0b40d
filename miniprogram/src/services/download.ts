import Taro from '@tarojs/taro'
import { ApiError } from './http'
import { API_URL, IS_H5 } from './env'
import { getSession } from './session'

/**
 * Opens a file the API makes (the passbook PDF, the ledger's .xlsx) with the session token: in WeChat downloaded
 * and shown with openDocument (which can forward or print it); in H5 fetched and saved under its name.
 */
export async function openApiFile(path: string, filename: string, fileType: 'pdf' | 'xlsx'): Promise<void> {
  const session = getSession()
  const header: Record<string, string> = session ? { Authorization: `Bearer ${session.token}` } : {}
  if (IS_H5) {
    const res = await fetch(`${API_URL}${path}`, { headers: header }).catch(() => undefined)
    if (!res) throw new ApiError('network', '无法连接服务器，请检查网络后重试', 0)
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }
      throw new ApiError(body.error?.code ?? 'internal', body.error?.message ?? '文件生成失败，请稍后重试', res.status)
    }
    const url = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = url
    a.download = filename
    a.className = 'file-download'
    document.body.appendChild(a)
    a.click()
    setTimeout(() => {
      URL.revokeObjectURL(url)
      a.remove()
    }, 30_000)
    return
  }
  const res = await Taro.downloadFile({ url: `${API_URL}${path}`, header }).catch(() => undefined)
  if (!res) throw new ApiError('network', '无法连接服务器，请检查网络后重试', 0)
  if (res.statusCode !== 200) throw new ApiError('internal', '文件生成失败，请稍后重试', res.statusCode)
  await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true })
}
