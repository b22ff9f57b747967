// Checks a MISP event by the format's own rules: the MISP core format (IETF draft-dulaunoy-misp-core-format:
// the event's uuid, info, date, threat_level_id 1-4, analysis 0-2, distribution levels, Tag and
// Attribute lists) and, for each attribute, the types and categories of MISP's describeTypes.json
// (see MISP_ATTRIBUTE_TYPES). A check of the shape, not of MISP itself: no MISP instance is needed.
import { MISP_ATTRIBUTE_TYPES } from './misp.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** A taxonomy machine tag: namespace:predicate="value" or namespace:value, on one line. */
const MACHINE_TAG = /^[a-z0-9-]+:(?:[a-z0-9-]+="[^"\n]+"|[^"=\n]+)$/i;
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

function isDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** The problems of one `{"Event": …}` document, as "path: reason"; none when MISP would take it. */
export function checkMispEvent(doc: unknown): string[] {
  const problems: string[] = [];
  const e = (doc as { Event?: Record<string, unknown> })?.Event;
  if (!e || typeof e !== 'object') return ['Event: missing'];
  if (typeof e.info !== 'string' || !e.info.trim()) problems.push('Event.info: required, a non-empty string');
  if (typeof e.uuid !== 'string' || !UUID.test(e.uuid)) problems.push(`Event.uuid: not an RFC 4122 uuid (${String(e.uuid)})`);
  if (!isDate(e.date)) problems.push(`Event.date: not a YYYY-MM-DD date (${String(e.date)})`);
  if (!['1', '2', '3', '4'].includes(String(e.threat_level_id))) problems.push('Event.threat_level_id: must be 1 (high) to 4 (undefined)');
  if (!['0', '1', '2'].includes(String(e.analysis))) problems.push('Event.analysis: must be 0 (initial), 1 (ongoing) or 2 (completed)');
  // 4 (a sharing group) needs a sharing_group_id, which an export cannot know.
  if (!['0', '1', '2', '3'].includes(String(e.distribution))) problems.push('Event.distribution: must be 0 to 3');
  if (e.timestamp !== undefined && !/^\d+$/.test(String(e.timestamp))) problems.push('Event.timestamp: must be seconds since 1970');
  if (!Array.isArray(e.Tag)) problems.push('Event.Tag: must be a list');
  else {
    const seen = new Set<string>();
    e.Tag.forEach((t: { name?: unknown }, i) => {
      if (typeof t?.name !== 'string' || !MACHINE_TAG.test(t.name)) problems.push(`Event.Tag[${i}].name: not a tag (${String(t?.name)})`);
      else if (seen.has(t.name)) problems.push(`Event.Tag[${i}].name: repeated (${t.name})`);
      else seen.add(t.name);
    });
  }
  if (!Array.isArray(e.Attribute)) problems.push('Event.Attribute: must be a list');
  else {
    const uuids = new Set<string>();
    const values = new Set<string>();
    e.Attribute.forEach((a: Record<string, unknown>, i) => {
      const at = `Event.Attribute[${i}]`;
      const allowed = (MISP_ATTRIBUTE_TYPES as Record<string, readonly string[]>)[String(a?.type)];
      if (!allowed) {
        problems.push(`${at}.type: not a MISP attribute type jikenbo knows (${String(a?.type)})`);
        return;
      }
      if (!allowed.includes(String(a.category))) problems.push(`${at}.category: ${String(a.category)} does not take type ${String(a.type)}`);
      if (typeof a.value !== 'string' || !a.value.trim()) problems.push(`${at}.value: required`);
      else if (a.type === 'domain' && !HOSTNAME.test(a.value)) problems.push(`${at}.value: not a domain name (${a.value})`);
      else if (a.type === 'link' && !/^https?:\/\/[^\s]+$/.test(a.value)) problems.push(`${at}.value: not a URL (${a.value})`);
      if (typeof a.uuid !== 'string' || !UUID.test(a.uuid)) problems.push(`${at}.uuid: not an RFC 4122 uuid`);
      else if (uuids.has(a.uuid)) problems.push(`${at}.uuid: repeated`);
      else uuids.add(a.uuid);
      if (typeof a.to_ids !== 'boolean') problems.push(`${at}.to_ids: must be true or false`);
      if (!['0', '1', '2', '3', '5'].includes(String(a.distribution))) problems.push(`${at}.distribution: must be 0 to 3 or 5 (inherit)`);
      // MISP refuses a second attribute with the same type, category and value in one event.
      const key = `${String(a.type)}|${String(a.category)}|${String(a.value)}`;
      if (values.has(key)) problems.push(`${at}: repeats another attribute's type, category and value`);
      values.add(key);
    });
  }
  return problems;
}
