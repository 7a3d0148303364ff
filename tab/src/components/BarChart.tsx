export interface Bar {
  key: string;
  label: string;
  value: number;
}

/** A horizontal bar chart in plain HTML/CSS: each bar carries its label and number as text. */
export function BarChart({ title, bars, unit }: { title: string; bars: Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.key} className="bar-row">
            <span className="bar-label">{b.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(b.value / max) * 100}%` }} />
            </span>
            <span className="bar-value">
              {b.value}
              {unit ? ` ${unit}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
