import { View } from '@tarojs/components';
import './index.scss';

interface Props {
  readonly checked: boolean;
  readonly onChange: (on: boolean) => void;
  /** What it switches, read out by screen readers (e.g. 长辈模式). */
  readonly label: string;
  readonly disabled?: boolean;
}

/**
 * An on/off switch that says what it is: role switch, its state and its name. NutUI's Switch writes
 * `aria-role` and `tab-index` attributes in H5 (not ARIA), so screen readers heard a nameless box.
 * Sized by the same `--nutui-switch-*` variables, so 长辈模式 keeps its larger switch.
 */
export function Toggle({ checked, onChange, label, disabled = false }: Props) {
  return (
    <View
      className={`toggle${checked ? ' on' : ''}${disabled ? ' disabled' : ''}`}
      role="switch"
      aria-checked={checked}
      aria-disabled={disabled}
      aria-label={label}
      onClick={() => {
        if (!disabled) onChange(!checked);
      }}
    >
      <View className="toggle-knob" />
    </View>
  );
}
