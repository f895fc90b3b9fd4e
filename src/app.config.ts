// The main package holds only the start page; each role's pages load as their own subpackage.
export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    {
      root: 'resident',
      pages: ['pages/home/index', 'pages/create/index', 'pages/orders/index', 'pages/order/index', 'pages/grievance/index', 'pages/grievances/index'],
    },
    { root: 'dispatcher', pages: ['pages/inbox/index', 'pages/order/index'] },
    { root: 'worker', pages: ['pages/tasks/index', 'pages/order/index'] },
    {
      root: 'supervisor',
      pages: ['pages/board/index', 'pages/order/index', 'pages/stats/index', 'pages/assessment/index', 'pages/volunteers/index', 'pages/meetings/index'],
    },
    // 党建网格 (pages/grid) is the admin's and the 楼栋党小组长's: both arrange 结对认亲; the leader also follows their buildings' orders (grid-orders, grid-order).
    {
      root: 'admin',
      pages: [
        'pages/settings/index',
        'pages/members/index',
        'pages/grid/index',
        'pages/community/index',
        'pages/departments/index',
        'pages/grid-orders/index',
        'pages/grid-order/index',
      ],
    },
    // 消息: every role's inbox (and, in the H5 app, the simulated sender's outbox).
    { root: 'inbox', pages: ['pages/index/index'] },
    // 加入社区: newcomers apply or redeem an invitation before they hold any role.
    { root: 'join', pages: ['pages/index/index'] },
    // 晾晒: the public board, opened by anyone without choosing a user.
    { root: 'board', pages: ['pages/index/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '红色物业',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f4f4',
    backgroundTextStyle: 'dark',
  },
  lazyCodeLoading: 'requiredComponents',
  // 微信同声传译 for the elder mode's voice input, only when the deployer turned it on
  // (WX_PLUGIN_WECHATSI; config/index.ts hands it over): declaring a plugin the AppID has not added
  // breaks the build. Not in H5, which has no plugins.
  ...wechatSiPlugin(),
});

function wechatSiPlugin(): { plugins?: Record<string, { version: string; provider: string }> } {
  const declared = process.env.RP_WECHATSI_PLUGIN;
  if (!declared || process.env.TARO_ENV !== 'weapp') return {};
  return { plugins: { WechatSI: JSON.parse(declared) as { version: string; provider: string } } };
}
