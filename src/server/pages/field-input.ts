// A record value written the way a person would type it into the review form (and parseFieldValue reads back).
import type { FieldValue } from '../../core/corrections.ts';

export function typedValue(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}
