import { useEffect } from 'react';
import { Tabs, TabPane } from '@/components/nut/tabs';
import { focusScrollBoxes } from '@/components/screen/scroll-focus';
import './index.scss';

export interface TabOption {
  readonly key: string;
  readonly label: string;
  readonly count?: number;
}

interface Props {
  readonly options: readonly TabOption[];
  readonly value: string;
  readonly onChange: (key: string) => void;
}

/** A row of tabs over one list (states, or 我的任务 / 抢单池), each with its count. */
export function FilterTabs({ options, value, onChange }: Props) {
  // A row of tabs wider than the screen scrolls sideways: a keyboard reaches it once it can take focus.
  useEffect(() => focusScrollBoxes('.filter-tabs .nut-tabs-titles'), []);
  return (
    <Tabs className="filter-tabs" value={value} onChange={(v) => onChange(String(v))} activeType="line" align="left" duration={0}>
      {options.map((o) => (
        <TabPane key={o.key} value={o.key} title={o.count === undefined ? o.label : `${o.label} ${o.count}`} />
      ))}
    </Tabs>
  );
}
