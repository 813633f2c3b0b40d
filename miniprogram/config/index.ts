import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { internalComponents } from '@tarojs/shared/dist/template'
import devConfig from './dev'
import prodConfig from './prod'
// One list for the template (here) and the runtime (src/lib/a11y.ts): the two must name the same attributes.
import WEAPP_VIEW_ARIA from '../src/lib/weappViewAria.json'

// WeChat reads aria-role / aria-label on <view> to screen readers; Taro's template leaves them out. Add them to
// the table the WeChat template is generated from (src/lib/a11y.ts adds the same to the runtime's copy).
for (const attr of WEAPP_VIEW_ARIA) (internalComponents.View as Record<string, string>)[attr] = ''

/** The repository root: node_modules and contracts/ live there, the Taro project in miniprogram/. */
const repoRoot = path.resolve(__dirname, '../..')
const contractsDir = path.join(repoRoot, 'contracts')

/**
 * Build-time constants. A value in the shell (`TARO_APP_API_URL=https://… npx taro build …`) or the default
 * below; Taro's own .env files in miniprogram/ (.env, .env.<mode>) override both, as Taro documents.
 */
const buildEnv = {
  TARO_APP_API_URL: process.env.TARO_APP_API_URL || 'http://127.0.0.1:3000',
  TARO_APP_STAGE: process.env.TARO_APP_STAGE || 'local',
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gridlink',
    date: '2025-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // dist/weapp, dist/h5; TARO_OUTPUT_DIR moves it (the browser tests build a separate copy against their own API).
    outputRoot: process.env.TARO_OUTPUT_DIR || `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: Object.fromEntries(Object.entries(buildEnv).map(([k, v]) => [k, JSON.stringify(v)])),
    defineConstants: {},
    alias: {
      '@contracts': contractsDir,
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      // contracts/ sits outside the Taro project: compile it like our own sources.
      compile: { include: [contractsDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // `taro build --type h5 --watch` serves here; the local stack may move it with H5_PORT.
      devServer: { host: '0.0.0.0', port: Number(process.env.H5_PORT) || 10086 },
      compile: { include: [contractsDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of zod and
        // the shared components; splitting async chunks too shares them.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
