import { ACTION_LABELS, type ActionType } from '@core';

/** What the toast says after an action went through, in plain words. */
const SUCCESS: Partial<Record<ActionType, string>> = {
  cancel: '工单已取消',
  urge: '已催单，我们会尽快处理',
  confirm: '感谢您的评价',
  rework: '已申请返工',
  complain: '投诉已提交给社区',
  dispatch: '派单成功',
  reassign: '转单成功',
  refuse: '已退单',
  accept: '接单成功',
  grab: '抢单成功',
  decline: '已退回',
  start: '已开始服务',
  complete: '已完工上报',
  instruct: '督办已发出',
  reopen: '工单已重新打开',
  revisit: '回访已记录',
  reply: '已回复督办',
  answer: '已答复居民',
  reschedule: '已改约，已通知服务方',
  propose_time: '已发给居民确认',
  accept_time: '已同意新时间',
  refuse_time: '已告知服务队员按原时间服务',
};

export const successText = (action: ActionType): string => SUCCESS[action] ?? `${ACTION_LABELS[action]}成功`;
