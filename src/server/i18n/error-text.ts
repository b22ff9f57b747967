// What an error page says, in the reader's language. A JikenboError keeps its English message for the
// CLI, the logs and the API; one that names a catalogue key (`key`, `params`) is said in Japanese from
// that key, and one that does not gets the Japanese of its kind, never the English sentence.
import { HTTPException } from 'hono/http-exception';
import { JikenboError } from '../../core/errors.ts';
import { MESSAGES, type Locale, type MessageKey, type Translate } from '../../i18n/messages.ts';

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(MESSAGES.ja, key);

/** A field as the reader knows it: a record field's label, a form field's, or the name as sent. */
export function fieldName(t: Translate, field: string): string {
  const record = `field.${field}`;
  if (isMessageKey(record)) return t(record);
  const form = `form.field.${field}`;
  return isMessageKey(form) ? t(form) : field;
}

function keyed(t: Translate, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const values: Record<string, string | number> = { ...params };
  for (const name of ['field', 'what'] as const) if (typeof values[name] === 'string') values[name] = fieldName(t, values[name]);
  for (const name of ['role', 'need'] as const) {
    const role = `role.${values[name]}`;
    if (values[name] !== undefined && isMessageKey(role)) values[name] = t(role);
  }
  if (typeof values.problem === 'string' && isMessageKey(values.problem)) values.problem = t(values.problem, values);
  return t(key, values);
}

/** The message an error page shows. Internals never: an unexpected error is only "internal error". */
export function errorText(err: unknown, t: Translate, locale: Locale): string {
  if (err instanceof JikenboError && err.code !== 'internal') {
    if (locale === 'en') return err.message;
    if (err.key !== undefined && isMessageKey(err.key)) return keyed(t, err.key, err.params);
    const subject = err.subject && err.subject.length <= 60 ? t('error.generic.about', { subject: fieldName(t, err.subject) }) : '';
    return t(`error.generic.${err.code}`) + subject;
  }
  if (err instanceof HTTPException && err.status === 403) return t('error.cross_site');
  return t('error.internal');
}
