/**
 * One setting as a row of radio buttons inside a fieldset: the legend names the
 * group ("Font", "Theme"…), arrow keys move between choices and Tab leaves the
 * group, as for any native radio group. The inputs are visually hidden; the
 * styled faces beside them show checked and focus state (see reader-controls.css).
 */
import type { ComponentChildren } from 'preact';

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  /** A preview drawn above the label (a face sample, a theme swatch). */
  preview?: ComponentChildren;
  /** Extra attributes for the face (e.g. data-font for the sample's face). */
  data?: Record<string, string>;
}

export function ChoiceGroup<T extends string>({
  name, legend, options, value, onChange, columns,
}: {
  name: string;
  legend: string;
  options: ChoiceOption<T>[];
  value: T;
  onChange: (value: T) => void;
  columns: 3 | 4;
}) {
  return (
    <fieldset class="min-w-0">
      {/*
        The eyebrow look is capitals; the name stays as written. Chromium exposes
        text-transform in accessible names ("FONT"), which screen readers may spell out
        letter by letter: the capitals are drawn by a hidden copy, the name comes from
        a visually hidden one.
      */}
      <legend class="mb-2">
        <span aria-hidden="true" class="eyebrow">{legend}</span>
        <span class="sr-only">{legend}</span>
      </legend>
      <div class={`grid gap-1.5 ${columns === 4 ? 'grid-cols-4' : 'grid-cols-3'}`}>
        {options.map((o) => (
          <label key={o.value} class="reader-choice">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
              // Labels may carry soft hyphens for narrow tiles; the spoken name should not.
              aria-label={o.label.replaceAll('\u00ad', '')}
            />
            <span class="reader-choice-face" {...o.data}>
              {o.preview}
              <span class="reader-choice-label">{o.label}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
