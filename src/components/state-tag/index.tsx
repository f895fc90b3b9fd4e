import { Text } from '@tarojs/components';
import { STATE_LABELS, type OrderState } from '@core';
import './index.scss';

/** A state's name in the domain's words, coloured by how much it asks of someone. */
export function StateTag({ state, large }: { readonly state: OrderState; readonly large?: boolean }) {
  return <Text className={`state-tag state-${state}${large ? ' large' : ''}`}>{STATE_LABELS[state]}</Text>;
}
