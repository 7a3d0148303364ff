import { useId } from 'react';
import { Input, Label } from '@fluentui/react-components';

export function SearchField({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field field-grow">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(_e, data) => onChange(data.value)}
      />
    </div>
  );
}
