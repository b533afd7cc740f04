import { useId } from 'react';
import { CREDIBILITIES, CREDIBILITY_WORDING, RELIABILITIES, RELIABILITY_WORDING, type Credibility, type Reliability } from '../../main/common/admiralty';

const NONE = '';

/** A source's reliability, A to F, each with its standard words; or not graded. */
export function ReliabilitySelect({ value, onChange, label = 'Source reliability' }: { value: Reliability | null; onChange(value: Reliability | null): void; label?: string }) {
  const id = useId();
  return (
    <span className="grade-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? NONE} onChange={(event) => onChange((event.target.value || null) as Reliability | null)}>
        <option value={NONE}>Not graded</option>
        {RELIABILITIES.map((letter) => (
          <option key={letter} value={letter}>
            {letter}: {RELIABILITY_WORDING[letter].label}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A credibility, 1 to 6, each with its standard words; the first choice says what "none" means here. */
export function CredibilitySelect({ value, onChange, label, noneLabel }: { value: Credibility | null; onChange(value: Credibility | null): void; label: string; noneLabel: string }) {
  const id = useId();
  return (
    <span className="grade-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value === null ? NONE : String(value)} onChange={(event) => onChange(event.target.value ? (Number(event.target.value) as Credibility) : null)}>
        <option value={NONE}>{noneLabel}</option>
        {CREDIBILITIES.map((digit) => (
          <option key={digit} value={digit}>
            {digit}: {CREDIBILITY_WORDING[digit].label}
          </option>
        ))}
      </select>
    </span>
  );
}
