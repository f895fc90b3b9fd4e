import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  GRIEVANCE_CATEGORIES,
  GRIEVANCE_CATEGORY_LABELS,
  GRIEVANCE_LEVEL_LABELS,
  GRIEVANCE_LEVELS,
  LEVEL_DEADLINES,
  LIMITS,
  PARTIES,
  PARTY_LABELS,
  type Department,
  type GrievanceCategory,
  type GrievanceLevel,
  type Meeting,
  type Party,
} from '@core';
import { asApiError } from '@/api';
import { listDepartments, listMeetings } from '@/api/grievances';
import { Chips, Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';

const hours = (minutes: number) =>
  minutes >= 24 * 60 ? `${Math.round(minutes / 60 / 24)}天` : minutes >= 60 ? `${Math.round(minutes / 60)}小时` : `${minutes}分钟`;

/** 分类定级: the category (corrected if the resident chose badly) and the level that sets the deadlines. */
export function ClassifyForm(p: FormProps<'classify'>) {
  const [category, setCategory] = useState<GrievanceCategory>(p.order.grievance?.category ?? 'other');
  const [level, setLevel] = useState<GrievanceLevel>(p.order.grievance?.level ?? 'normal');
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  const sla = LEVEL_DEADLINES[level];
  return (
    <View>
      <Field label="诉求类别" error={errors.category}>
        <Chips options={GRIEVANCE_CATEGORIES.map((c) => ({ value: c, label: GRIEVANCE_CATEGORY_LABELS[c] }))} value={category} onChange={setCategory} />
      </Field>
      <Field label="等级" error={errors.level}>
        <Chips options={GRIEVANCE_LEVELS.map((l) => ({ value: l, label: GRIEVANCE_LEVEL_LABELS[l] }))} value={level} onChange={setLevel} />
      </Field>
      <Text className="form-hint">
        {GRIEVANCE_LEVEL_LABELS[level]}：{hours(sla.dispatch)}内分派，转办后{hours(sla.complete)}内办结答复
      </Text>
      <SubmitRow label={p.submitLabel} busy={p.busy} error={errors._} onClick={() => void submit({ category, level })} />
    </View>
  );
}

type RouteTo = 'company' | 'department' | 'roundtable';
const ROUTES: readonly { value: RouteTo; label: string }[] = [
  { value: 'company', label: '物业公司自办' },
  { value: 'department', label: '转职能部门' },
  { value: 'roundtable', label: '提交圆桌会议' },
];

/** 转办: to the property company, a department of the directory, or a roundtable meeting (派单 to a team is its own button). */
export function RouteForm(p: FormProps<'route'>) {
  const [to, setTo] = useState<RouteTo>('department');
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  useEffect(() => {
    // Dispatchers and supervisors both route; only a dispatcher is also offered 派单 on the same 诉求.
    const as = p.order.actions.includes('dispatch') ? 'dispatcher' : 'supervisor';
    listDepartments(as)
      .then((r) => setDepartments(r.items))
      .catch((e) => setLoadError(asApiError(e).message));
    listMeetings(as)
      .then((r) => setMeetings(r.items.filter((m) => m.compoundId === p.order.compoundId)))
      .catch(() => setMeetings([]));
  }, [p.order]);
  return (
    <View>
      <Field label="转给谁办" error={errors.to}>
        <Chips options={ROUTES} value={to} onChange={setTo} />
      </Field>
      {to === 'department' ? (
        <Field label="职能部门" error={errors.departmentId ?? loadError ?? undefined}>
          <Chips options={(departments ?? []).map((d) => ({ value: d.id, label: d.name }))} value={departmentId ?? undefined} onChange={setDepartmentId} />
        </Field>
      ) : null}
      {to === 'roundtable' ? (
        <Field label="圆桌会议" error={errors.meetingId}>
          {meetings && meetings.length === 0 ? <Text className="form-hint">本小区还没有圆桌会议，请先在“圆桌会议”页召集</Text> : null}
          <Chips options={(meetings ?? []).map((m) => ({ value: m.id, label: m.title }))} value={meetingId ?? undefined} onChange={setMeetingId} />
        </Field>
      ) : null}
      <Field label="说明（可不填）" error={errors.note}>
        <LongText value={note} onChange={setNote} max={LIMITS.reason} placeholder="例如：路灯属供电所维护" />
      </Field>
      <SubmitRow
        label={p.submitLabel}
        busy={p.busy}
        error={errors._}
        onClick={() =>
          void submit({ to, departmentId: to === 'department' ? departmentId : null, meetingId: to === 'roundtable' ? meetingId : null, note: note.trim() })
        }
      />
    </View>
  );
}

/** 录入办理结果: the company's outcome, or the department's reply the supervisor took down, or what the roundtable item came to. */
export function ResolveForm(p: FormProps<'resolve'>) {
  const [text, setText] = useState('');
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  const route = p.order.grievance?.route;
  const label = route?.to === 'department' ? `${route.departmentName}的答复` : '办理结果';
  return (
    <View>
      <Field label={label} error={errors.text}>
        <LongText value={text} onChange={setText} max={LIMITS.notes} placeholder="居民和关注的邻居都会收到这条结果" />
      </Field>
      <SubmitRow label={p.submitLabel} busy={p.busy} error={errors._} onClick={() => void submit({ text: text.trim(), photos: [] })} />
    </View>
  );
}

const DUE_DAYS = [3, 7, 15, 30];

/** 记录会议决定: what the roundtable decided for this item, who carries it out, by when. */
export function AgendaForm(p: FormProps<'agenda_decide'>) {
  const [decision, setDecision] = useState('');
  const [responsible, setResponsible] = useState<Party>('property');
  const [days, setDays] = useState(7);
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  return (
    <View>
      <Field label="会议决定" error={errors.decision}>
        <LongText value={decision} onChange={setDecision} max={LIMITS.notes} placeholder="例如：业委会出资，物业三日内更换消防门" />
      </Field>
      <Field label="责任方" error={errors.responsible}>
        <Chips options={PARTIES.map((x) => ({ value: x, label: PARTY_LABELS[x] }))} value={responsible} onChange={setResponsible} />
      </Field>
      <Field label="完成期限" error={errors.dueAt}>
        <Chips options={DUE_DAYS.map((d) => ({ value: d, label: `${d}天内` }))} value={days} onChange={setDays} />
      </Field>
      <SubmitRow
        label={p.submitLabel}
        busy={p.busy}
        error={errors._}
        onClick={() => void submit({ decision: decision.trim(), responsible, dueAt: Date.now() + days * 86_400_000 })}
      />
    </View>
  );
}
