export default definePageConfig({ navigationBarTitleText: '督单', enablePullDownRefresh: true });
