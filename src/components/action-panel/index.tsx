import { useState, type ComponentType } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { ACTION_LABELS, type ActionInputRequest, type ActionType, type OrderView } from '@core';
import type { ApiError } from '@/api';
import { Button } from '@/components/nut/button';
import { Popup } from '@/components/nut/popup';
import { AnswerForm } from '@/components/action-forms/answer-form';
import { CompleteForm } from '@/components/action-forms/complete-form';
import { DispatchForm } from '@/components/action-forms/dispatch-form';
import { AgendaForm, ClassifyForm, ResolveForm, RouteForm } from '@/components/action-forms/grievance-forms';
import { InstructForm } from '@/components/action-forms/instruct-form';
import type { FormProps } from '@/components/action-forms/parts';
import { RatingForm } from '@/components/action-forms/rating-form';
import { ReasonForm } from '@/components/action-forms/reason-form';
import { RefuseForm } from '@/components/action-forms/refuse-form';
import { RevisitForm } from '@/components/action-forms/revisit-form';
import { TimeForm } from '@/components/action-forms/time-form';
import { windowText } from '@/components/format';
import { confirmAction, isFormProblem } from '@/hooks/feedback';
import './index.scss';

/** How each action asks for its input: a form in a sheet, a confirmation, or nothing at all. */
const FORMS: { readonly [A in ActionType]?: ComponentType<FormProps<A>> } = {
  cancel: ReasonForm,
  rework: ReasonForm,
  complain: ReasonForm,
  decline: ReasonForm,
  reopen: ReasonForm,
  confirm: RatingForm,
  dispatch: DispatchForm,
  reassign: DispatchForm,
  refuse: RefuseForm,
  complete: CompleteForm,
  instruct: InstructForm,
  revisit: RevisitForm,
  reply: AnswerForm,
  answer: AnswerForm,
  reschedule: TimeForm,
  propose_time: TimeForm,
  refuse_time: ReasonForm,
  classify: ClassifyForm,
  route: RouteForm,
  resolve: ResolveForm,
  unroute: ReasonForm,
  agenda_decide: AgendaForm,
};

/** Actions without input that cannot be taken back: asked once more before sending. */
const CONFIRM: Partial<Record<ActionType, string>> = {
  accept: '接单后请按约定时间上门服务。',
  grab: '抢到后这单就由您负责，请按约定时间上门。',
  start: '确认已到达现场，开始服务？',
  me_too: '不用再提一条，办理结果会通知您。',
};

const SUBMIT: Partial<Record<ActionType, string>> = {
  cancel: '确认取消工单',
  confirm: '提交评价，确认完成',
  rework: '提交返工申请',
  complain: '提交投诉',
  dispatch: '确认派单',
  reassign: '确认转单',
  refuse: '确认退单',
  decline: '确认退回',
  complete: '提交完工',
  instruct: '发出督办',
  reopen: '确认重新打开',
  revisit: '保存回访记录',
  reply: '发送回复',
  answer: '发送答复',
  reschedule: '确认改约',
  propose_time: '发给居民确认',
  refuse_time: '维持原来约的时间',
  classify: '确认分类定级',
  route: '确认转办',
  resolve: '发布办理结果',
  unroute: '退回重新分派',
  agenda_decide: '保存会议决定',
};

/** The main step for each role comes first and filled; the rest follow as outlines. */
const PRIMARY: readonly ActionType[] = [
  'confirm',
  'accept_time',
  'classify',
  'resolve',
  'agenda_decide',
  'route',
  'dispatch',
  'grab',
  'accept',
  'start',
  'complete',
  'revisit',
  'instruct',
  'urge',
];

interface Props {
  readonly order: OrderView;
  readonly busy: ActionType | null;
  readonly act: <A extends ActionType>(action: A, input: ActionInputRequest<A>) => Promise<ApiError | null>;
}

/** The buttons the server says this caller may press now, and the sheet each one opens. */
export function ActionPanel({ order, busy, act }: Props) {
  const [open, setOpen] = useState<ActionType | null>(null);
  const actions = [...order.actions].sort((a, b) => rank(a) - rank(b));
  if (actions.length === 0) return null;

  const press = async (action: ActionType) => {
    if (FORMS[action]) return setOpen(action);
    const question = action === 'accept_time' && order.waiting ? `改到${windowText(order.waiting.proposed)}，原因：${order.waiting.reason}` : CONFIRM[action];
    if (question && !(await confirmAction(`${ACTION_LABELS[action]}？`, question, ACTION_LABELS[action]))) return;
    await act(action, {});
  };

  // The sheet shows the form of the open action: each form is typed for its own actions' input.
  const Form = (open ? FORMS[open] : undefined) as ComponentType<FormProps> | undefined;
  return (
    <View className="action-panel">
      {order.waiting ? (
        <View className="action-waiting">
          <Text>
            服务队员提议改到 {windowText(order.waiting.proposed)}（{order.waiting.reason}），等待居民确认；确认前不计超时。
          </Text>
        </View>
      ) : null}
      <View className="action-buttons">
        {actions.map((a, i) => (
          <Button
            key={a}
            className={i === 0 && PRIMARY.includes(a) && actions.length > 1 ? 'action-button action-button-lead' : 'action-button'}
            type={i === 0 && PRIMARY.includes(a) ? 'primary' : 'default'}
            loading={busy === a}
            disabled={busy !== null}
            onClick={() => void press(a)}
          >
            {ACTION_LABELS[a]}
          </Button>
        ))}
      </View>
      <Popup visible={open !== null} position="bottom" round closeable destroyOnClose title={open ? ACTION_LABELS[open] : ''} onClose={() => setOpen(null)}>
        <ScrollView scrollY className="action-sheet">
          {open && Form ? (
            <Form
              action={open}
              order={order}
              busy={busy === open}
              submitLabel={SUBMIT[open] ?? ACTION_LABELS[open]}
              onSubmit={async (input) => {
                const failure = await act(open, input);
                // Done, or explained by the page (e.g. reloaded after a conflict): close the sheet.
                // Problems the user can fix here, or a network failure to retry, keep it open.
                if (!failure || !(isFormProblem(failure) || failure.retryable)) setOpen(null);
                return failure;
              }}
            />
          ) : null}
        </ScrollView>
      </Popup>
    </View>
  );
}

const rank = (a: ActionType) => {
  const i = PRIMARY.indexOf(a);
  return i < 0 ? PRIMARY.length : i;
};
