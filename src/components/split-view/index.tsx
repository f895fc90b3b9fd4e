import { useEffect, type PropsWithChildren, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { focusScrollBoxes } from '@/components/screen/scroll-focus';
import './index.scss';

interface Props {
  /** What is open beside the list (an order's detail); null shows `hint` there. */
  readonly side: ReactNode | null;
  readonly hint: string;
  /** The side pane's name for screen readers, e.g. 工单详情. */
  readonly sideLabel: string;
}

/** Master–detail for the desktop console: the list on the left, the chosen item beside it, no page change. */
export function SplitView({ side, hint, sideLabel, children }: PropsWithChildren<Props>) {
  useEffect(() => focusScrollBoxes('.split-side'), []);
  return (
    <View className="split-view">
      <View className="split-main">{children}</View>
      <View className="split-side" role="region" aria-label={sideLabel}>
        {side ?? <Text className="muted split-hint">{hint}</Text>}
      </View>
    </View>
  );
}
