import { useEffect, type PropsWithChildren, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useElderMode } from '@/hooks/useElderMode';
import { focusScrollBoxes } from './scroll-focus';

interface Props {
  /** Fixed at the bottom (action buttons); the page leaves room for it. */
  readonly footer?: ReactNode;
  readonly className?: string;
  /** The desktop console layout (staff pages at desktop width, see useWide): the page spans the window. */
  readonly wide?: boolean;
}

/** The root of every page: applies 长辈模式 and keeps room for a bottom bar. */
export function Screen({ children, footer, className, wide }: PropsWithChildren<Props>) {
  const [elder] = useElderMode();
  useEffect(() => focusScrollBoxes('.taro_page'), []);
  return (
    <View className={`page${elder ? ' elder' : ''}${wide ? ' console' : ''}${className ? ` ${className}` : ''}`}>
      {children}
      {footer ? (
        <>
          <View className="bottom-space" />
          <View className="bottom-bar">{footer}</View>
        </>
      ) : null}
    </View>
  );
}
