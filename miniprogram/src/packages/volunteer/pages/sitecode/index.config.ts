export default definePageConfig({ navigationBarTitleText: '现场签到码', pageOrientation: 'portrait' })
