import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, LIMITS, type ActionInputRequest, type ServiceCategory, type TeamView } from '@core';
import { Button } from '@/components/nut/button';
import { useTeams } from '@/hooks/useTeams';
import { Chips, Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';
import './dispatch-form.scss';

interface Target {
  readonly teamId: string;
  readonly workerId: string | null;
}

const sameTarget = (a: Target | null, b: Target) => a !== null && a.teamId === b.teamId && a.workerId === b.workerId;

/** Whether a team takes orders of this category: one that names none takes every kind. */
const covers = (team: TeamView, category: ServiceCategory) => team.categories.length === 0 || team.categories.includes(category);
/** Teams that take the order's category come first. */
const byFit = (category: ServiceCategory) => (a: TeamView, b: TeamView) => Number(covers(b, category)) - Number(covers(a, category));

/** 派单 / 转单: to a team's pool or to one member, seeing each member's duty and open load. */
export function DispatchForm<A extends 'dispatch' | 'reassign'>(p: FormProps<A>) {
  const { teams: all, loading, error, reload } = useTeams('dispatcher');
  // A deleted team only names its past orders: nothing is sent to it.
  const teams = all.filter((t) => !t.removed);
  const [target, setTarget] = useState<Target | null>(null);
  const [reason, setReason] = useState('');
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  const reassign = p.action === 'reassign';
  const current = p.order.assignment;

  if (loading) return <Text className="muted">正在加载服务队…</Text>;
  if (error) {
    return (
      <View>
        <Text className="field-error">{error.message}</Text>
        <Button onClick={() => void reload()}>重新加载</Button>
      </View>
    );
  }
  if (teams.length === 0) return <Text className="muted">还没有可派的服务队，请联系社区管理员。</Text>;

  return (
    <View>
      {[...teams].sort(byFit(p.order.category)).map((team) => {
        const pool = { teamId: team.id, workerId: null };
        const isCurrentPool = current?.mode === 'pool' && current.teamId === team.id;
        return (
          <View key={team.id} className="dispatch-team">
            <Text className="dispatch-team-name">{team.name}</Text>
            <Text className="muted">擅长：{team.categories.map((c) => CATEGORY_LABELS[c]).join('、') || '不限'}</Text>
            {covers(team, p.order.category) ? null : (
              <Text className="dispatch-team-unfit">本队不做「{CATEGORY_LABELS[p.order.category]}」，派给他们前请先确认</Text>
            )}
            <View className={`dispatch-option${sameTarget(target, pool) ? ' active' : ''}`} onClick={() => setTarget(pool)}>
              <Text className="dispatch-option-name">派到本队抢单池</Text>
              <Text className="muted">{isCurrentPool ? '当前处理' : '在岗队员都可抢单'}</Text>
            </View>
            {team.members.map((m) => {
              const t = { teamId: team.id, workerId: m.id };
              const full = m.openOrders >= m.maxOpenOrders;
              const isCurrent = current?.mode === 'member' && current.workerId === m.id;
              return (
                <View key={m.id} className={`dispatch-option${sameTarget(target, t) ? ' active' : ''}`} onClick={() => setTarget(t)}>
                  <View className="row">
                    <Text className="dispatch-option-name">{m.name}</Text>
                    <Text className={`dispatch-duty ${m.onDuty ? 'on' : 'off'}`}>{m.onDuty ? '在岗' : '休息中'}</Text>
                    {isCurrent ? <Text className="dispatch-duty off">当前处理人</Text> : null}
                  </View>
                  <Text className={full ? 'dispatch-load full' : 'muted'}>
                    在办 {m.openOrders}/{m.maxOpenOrders}
                    {full ? ' 已满' : ''}
                  </Text>
                </View>
              );
            })}
          </View>
        );
      })}
      {errors.teamId || errors.workerId ? <Text className="field-error">{errors.teamId ?? errors.workerId}</Text> : null}
      {reassign ? (
        <Field label="转单原因" error={errors.reason}>
          <Chips options={['原队员请假', '原队员手头太多', '更合适的队员'].map((t) => ({ value: t, label: t }))} value={reason} onChange={setReason} />
          <View className="gap" />
          <LongText value={reason} onChange={setReason} max={LIMITS.reason} placeholder="原处理人会看到这个原因" />
        </Field>
      ) : null}
      <SubmitRow
        label={target ? p.submitLabel : '请先选择派给谁'}
        busy={p.busy}
        disabled={!target}
        error={errors._}
        // 转单 takes a reason beside the target; 派单 the target alone.
        onClick={() => target && void submit((reassign ? { ...target, reason: reason.trim() } : { ...target }) as ActionInputRequest<A>)}
      />
    </View>
  );
}
