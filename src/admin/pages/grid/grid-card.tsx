import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { GridBuilding, GridView } from '@core';
import { asApiError, pairHousehold, type GridRole } from '@/api';
import { Button } from '@/components/nut/button';
import { showFailure, toastOk } from '@/hooks/feedback';

/**
 * One building of the grid: its 党支部 and 党小组长, and each household with the party member who looks
 * after it (结对认亲). Tapping 结对 opens the residents who may be paired with it.
 */
export function BuildingCard({
  building,
  members,
  role,
  onChanged,
}: {
  readonly building: GridBuilding;
  readonly members: GridView['members'];
  readonly role: GridRole;
  readonly onChanged: (grid: GridView) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const pair = async (householdId: string, memberId: string | null) => {
    try {
      onChanged(await pairHousehold(role, householdId, memberId));
      toastOk(memberId ? '已结对' : '已解除结对');
      setOpen(null);
    } catch (e) {
      showFailure(asApiError(e));
    }
  };
  return (
    <View className="card">
      <Text className="card-title">
        {building.compoundName}
        {building.name}
      </Text>
      <Text className="muted">
        {building.branchName ? `${building.branchName} · ` : ''}楼栋党小组长：{building.leaders.length ? building.leaders.join('、') : '未设'}
      </Text>
      {building.households.length === 0 ? <Text className="muted">本楼还没有登记住户</Text> : null}
      {building.households.map((h) => (
        <View key={h.id} className="members-row">
          <View className="row-between">
            <View className="grid-household">
              <Text className="members-name">
                {h.door} · {h.contactName}
              </Text>
              <Text className={h.partyMember ? 'grid-paired' : 'muted'}>{h.partyMember ? `结对党员：${h.partyMember.name}` : '未结对'}</Text>
            </View>
            <Button size="small" onClick={() => setOpen(open === h.id ? null : h.id)}>
              {open === h.id ? '收起' : h.partyMember ? '更换' : '结对'}
            </Button>
          </View>
          {open === h.id ? (
            <View className="chips grid-members">
              {members.map((m) => (
                <View key={m.id} className={`chip${h.partyMember?.userId === m.id ? ' active' : ''}`} onClick={() => void pair(h.id, m.id)}>
                  <Text>{m.name}</Text>
                </View>
              ))}
              {h.partyMember ? (
                <View className="chip" onClick={() => void pair(h.id, null)}>
                  <Text>解除结对</Text>
                </View>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
