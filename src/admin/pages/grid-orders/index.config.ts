export default definePageConfig({ navigationBarTitleText: '本楼栋工单', enablePullDownRefresh: true });
