/** Digits grouped the vi-VN way as they are typed: 150000 → "150.000". */
export function groupDigits(text: string): string {
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * An amount of money in đồng, shown with thousand separators ("150.000 đ") while typed; the value
 * handed out is the digits only ("150000"), '' when empty.
 */
export function MoneyInput({ value, onChange, label, max }: { value: string; onChange(digits: string): void; label: string; max?: number }) {
  const shown = groupDigits(value);
  return (
    <span className="money-input">
      <input
        aria-label={label}
        inputMode="numeric"
        value={shown}
        onChange={(e) => {
          let digits = e.target.value.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
          if (max !== undefined && digits && Number(digits) > max) digits = String(max);
          onChange(digits);
        }}
      />
      <span className="money-unit" aria-hidden>đ</span>
    </span>
  );
}
