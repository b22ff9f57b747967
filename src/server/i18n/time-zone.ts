// Times as a reader of the casebook reads them: stored in UTC, shown in the casebook's time zone
// (Asia/Tokyo unless JIKENBO_TIME_ZONE or the settings file says otherwise), the zone always written.
import { JikenboError } from '../../core/errors.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

/** The zone as given, checked: an IANA name Intl knows (`Asia/Tokyo`, `UTC`, `Europe/London`). */
export function checkTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new JikenboError('bad_input', `time zone "${zone.slice(0, 60)}" is not an IANA time zone such as Asia/Tokyo`, { subject: 'timeZone' });
  }
}

const formats = new Map<string, { parts: Intl.DateTimeFormat; offset: Intl.DateTimeFormat }>();

function formatsOf(zone: string) {
  let f = formats.get(zone);
  if (!f) {
    f = {
      parts: new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
      offset: new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }),
    };
    formats.set(zone, f);
  }
  return f;
}

/** The zone's name for a reader: JST for Japan's, else UTC or its offset (`UTC+01:00`) at that instant. */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  if (zone === 'Asia/Tokyo') return 'JST';
  const name = formatsOf(zone).offset.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' || name === 'GMT+00:00' ? 'UTC' : name.replace('GMT', 'UTC');
}

/** `2024-05-01T03:04:05.000Z` → `2024-05-01 12:04:05 JST`; text that is not a time is returned as it is. */
export function formatTime(iso: string | null | undefined, zone: string, options: { seconds?: boolean } = {}): string {
  if (!iso) return '—';
  // SQLite's CURRENT_TIMESTAMP writes `2024-05-01 03:04:05` (UTC, no zone): read it as UTC too.
  const at = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso.replace(' ', 'T')}Z`);
  if (Number.isNaN(at.getTime())) return iso;
  const p = Object.fromEntries(formatsOf(zone).parts.formatToParts(at).map((x) => [x.type, x.value]));
  const time = `${p.hour}:${p.minute}${options.seconds === false ? '' : `:${p.second}`}`;
  return `${p.year}-${p.month}-${p.day} ${time} ${zoneLabel(zone, at)}`;
}
