import { Text, View } from '@tarojs/components';
import type { JoinPlaces, StatsCut } from '@core';
import { joinPlaces } from '@/api';
import { Chips } from '@/components/action-forms/parts';
import { useLoad } from '@/hooks/useLoad';
import { useSession } from '@/hooks/useSession';
import './index.scss';

/** The community's compounds and buildings, for the cut's chips (the places a newcomer also picks from). */
export function usePlaces(): JoinPlaces | null {
  const { session } = useSession();
  const communityId = session?.community.id ?? null;
  return useLoad(() => (communityId ? joinPlaces(communityId) : Promise.resolve(null)), communityId ?? '').data ?? null;
}

/** The cut as page parameters carry it between the supervisor's pages (`?compoundId=…&buildingId=…`). */
export const cutQuery = (cut: StatsCut) =>
  [cut.compoundId ? `compoundId=${cut.compoundId}` : '', cut.buildingId ? `buildingId=${cut.buildingId}` : ''].filter(Boolean).join('&');
export const cutOfParams = (params: Partial<Record<string, string>>): StatsCut => ({
  compoundId: params.compoundId || null,
  buildingId: params.buildingId || null,
});

/** What a cut is called: 全社区, 阳光小区, 阳光小区 1号楼. */
export function cutName(cut: StatsCut, places: JoinPlaces | null): string {
  const compound = places?.compounds.find((c) => c.id === cut.compoundId)?.name;
  const building = places?.buildings.find((b) => b.id === cut.buildingId)?.name;
  return compound ? `${compound}${building ? ` ${building}` : ''}` : '全社区';
}

interface Props {
  readonly value: StatsCut;
  readonly onChange: (cut: StatsCut) => void;
  readonly places: JoinPlaces | null;
}

/**
 * 按小区 / 楼栋 查看: chips that cut every figure of the page to one compound, then one of its
 * buildings (the party grid's 小区党支部 and 楼栋党小组). Hidden in a community of one compound with one building.
 */
export function PlaceCut({ value, onChange, places }: Props) {
  if (!places || (places.compounds.length < 2 && places.buildings.length < 2)) return null;
  const buildings = places.buildings.filter((b) => b.compoundId === value.compoundId);
  return (
    <View className="place-cut" aria-label="按小区和楼栋查看">
      <View className="place-cut-row">
        <Text className="place-cut-label">小区</Text>
        <Chips
          options={[{ value: null, label: '全社区' }, ...places.compounds.map((c) => ({ value: c.id, label: c.name }))]}
          value={value.compoundId}
          onChange={(compoundId) => onChange({ compoundId, buildingId: null })}
        />
      </View>
      {value.compoundId && buildings.length > 0 ? (
        <View className="place-cut-row">
          <Text className="place-cut-label">楼栋</Text>
          <Chips
            options={[{ value: null, label: '全部楼栋' }, ...buildings.map((b) => ({ value: b.id, label: b.name }))]}
            value={value.buildingId}
            onChange={(buildingId) => onChange({ ...value, buildingId })}
          />
        </View>
      ) : null}
    </View>
  );
}
