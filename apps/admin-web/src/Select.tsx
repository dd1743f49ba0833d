/** A labelled filter: "any" or one of the options. */
export function Select({ id, label, value, options, onChange }: { id: string; label: string; value?: string; options: string[]; onChange: (value: string) => void }) {
  return (
    <span>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">any</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option.replace('_', ' ')}
          </option>
        ))}
      </select>
    </span>
  );
}
