export default definePageConfig({ navigationBarTitleText: '红色物业 · 社区服务' });
