export default definePageConfig({ navigationBarTitleText: '诉求与圆桌会议' });
