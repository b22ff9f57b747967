// A casebook's settings file (`jikenbo.settings.json` beside the database, or `--settings FILE`):
// the user's overrides of the JNSA model's tables, validated before any figure is computed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_JNSA_TABLES, type JnsaTables } from '../analyze/jnsa-damage.ts';
import { JikenboError } from '../core/errors.ts';
import { invalidInput } from '../core/invalid-input.ts';
import { DATA_TYPES, SECTORS } from '../core/record.ts';
import type { VariantGroup } from '../core/spelling-variants.ts';

export const SETTINGS_FILE = 'jikenbo.settings.json';

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const spellings = z.array(z.string().trim().min(1).max(50)).min(2).max(20);

const settingsSchema = z.strictObject({
  jnsa: z.strictObject({
    /** Partial rows: a data type's privacy and economic levels on the Simple-EP map. */
    dataTypes: z.partialRecord(z.enum(DATA_TYPES), z.strictObject({ privacy: level, economic: level })).optional(),
    /** 社会的責任度 per sector. */
    sectors: z.partialRecord(z.enum(SECTORS), z.union([z.literal(1), z.literal(2)])).optional(),
  }).optional(),
  /** The zone the web app shows times in (IANA name); JIKENBO_TIME_ZONE wins over it. */
  timeZone: z.string().min(1).max(100).optional(),
  /** Spelling groups a search folds besides the defaults (core/spelling-variants.ts). */
  search: z.strictObject({
    /** Groups always folded: ["ランサムウェア", "身代金ウイルス"]. */
    variants: z.array(spellings).max(500).optional(),
    /** Groups folded only when a search asks for related terms (wide). */
    onRequest: z.array(spellings).max(500).optional(),
  }).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

export interface LoadedSettings {
  /** The file read, or null when none was given and none sits beside the database. */
  file: string | null;
  jnsa: JnsaTables;
  /** The time zone the file names, or null. */
  timeZone: string | null;
  /** The file's spelling groups (none when absent). */
  searchVariants: VariantGroup[];
}

/** The settings beside `dbPath`, or from `explicit` (which must exist). */
export function loadSettings(dbPath: string, explicit?: string): LoadedSettings {
  const file = explicit ?? join(dirname(dbPath), SETTINGS_FILE);
  if (!existsSync(file)) {
    if (explicit) throw new JikenboError('bad_input', `settings file ${file} does not exist`, { subject: file });
    return { file: null, jnsa: DEFAULT_JNSA_TABLES, timeZone: null, searchVariants: [] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new JikenboError('bad_input', `settings file ${file}: not JSON (${(err as Error).message})`, { subject: file, cause: err });
  }
  const jnsa = parseSettings(raw, file);
  const parsed = settingsSchema.parse(raw);
  const searchVariants: VariantGroup[] = [
    ...(parsed.search?.variants ?? []).map((s) => ({ spellings: s })),
    ...(parsed.search?.onRequest ?? []).map((s) => ({ spellings: s, onRequest: true })),
  ];
  return { file, jnsa, timeZone: parsed.timeZone ?? null, searchVariants };
}

/** Validates settings and lays them over the default tables; errors name the file and the field. */
export function parseSettings(raw: unknown, file: string): JnsaTables {
  const result = settingsSchema.safeParse(raw);
  if (!result.success) throw invalidInput(result.error, { what: `settings file ${file}:`, fallback: '(top level)' });
  const jnsa = result.data.jnsa ?? {};
  return {
    dataTypes: { ...DEFAULT_JNSA_TABLES.dataTypes, ...jnsa.dataTypes },
    sectors: { ...DEFAULT_JNSA_TABLES.sectors, ...jnsa.sectors },
  };
}
