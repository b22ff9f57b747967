// The spelling groups a request's search folds: the defaults and the casebook's own (createApp's
// `searchVariants`, from jikenbo.settings.json), with the groups folded only on request when it asks (`wide`).
import type { Context } from 'hono';
import { variantGroups, type VariantGroup } from '../core/spelling-variants.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The casebook's own spelling groups, beside the defaults. */
    searchVariants: readonly VariantGroup[];
  }
}

export function spellingGroupsOf(c: Context, wide: boolean): VariantGroup[] {
  return variantGroups(c.get('searchVariants') ?? [], wide);
}
