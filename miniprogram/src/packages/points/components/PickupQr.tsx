import { useMemo } from 'react'
import { Image, View, Text } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { a11y } from '../../../lib/a11y'

/**
 * The pickup QR, drawn in pure JS (qrcode-generator, ~20 KB) into a GIF data URL: the same on WeChat (an Image
 * takes base64) and H5, no canvas. Shown large, with the six digits under it for reading out or typing.
 */
export function PickupQr({ text, code }: { text: string; code: string }) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M')
    qr.addData(text)
    qr.make()
    return qr.createDataURL(8, 4)
  }, [text])
  return (
    <View className="pickup-qr" data-qr={text}>
      <Image
        className="pickup-qr__image"
        src={src}
        mode="aspectFit"
        {...a11y('img', { label: `领取二维码，领取码 ${code.split('').join(' ')}` })}
      />
      <Text className="pickup-qr__label">领取码</Text>
      <Text className="pickup-qr__code pickup-code">{code.replace(/(\d{3})(\d{3})/, '$1 $2')}</Text>
    </View>
  )
}
