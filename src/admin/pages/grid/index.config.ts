export default definePageConfig({ navigationBarTitleText: '党建网格', enablePullDownRefresh: true });
