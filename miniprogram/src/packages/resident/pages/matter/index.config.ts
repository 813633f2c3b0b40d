// Shared to a WeChat chat as a card (请帮忙附议 / 请为本户投票): index.tsx gives the title and the path.
export default definePageConfig({
  navigationBarTitleText: '议题详情',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
