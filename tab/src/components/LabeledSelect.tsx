import { useId } from 'react';
import { Label, Select } from '@fluentui/react-components';

export interface Option {
  value: string;
  label: string;
}

/** A native select with a visible label (works with keyboard, screen readers and on phones). */
export function LabeledSelect({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(_e, data) => onChange(data.value)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
