/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** The API's base URL, fixed at build time (config/index.ts). */
    TARO_APP_API_URL?: string
    /** The backend stage the build talks to: `local` enables the demo-identity login in H5. */
    TARO_APP_STAGE?: string
  }
}
