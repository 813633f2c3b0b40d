export default definePageConfig({ navigationBarTitleText: '形成决议' })
