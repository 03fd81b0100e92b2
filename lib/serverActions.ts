import { readFileSync } from 'node:fs';
import path from 'node:path';

let known: ReadonlySet<string> | null | undefined;

/**
 * The ids of this build's Server Actions, read from the manifest `next build` writes; null when they
 * cannot be known (development, or a Next.js release that changed the manifest's shape), in which case
 * nothing is refused on their account.
 *
 * Ids are salted with NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, which `npm run portal` keeps in `.data/`, so a
 * form rendered by one build still names a valid action after a redeploy unless that action was renamed,
 * moved or removed (ADR 0009). This set catches those cases.
 */
export function knownActionIds(): ReadonlySet<string> | null {
  if (known !== undefined) return known;
  known = null;
  if (process.env.NODE_ENV !== 'production') return known;
  try {
    const file = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { node?: Record<string, unknown> };
    if (manifest.node && typeof manifest.node === 'object') known = new Set(Object.keys(manifest.node));
  } catch {
    // No manifest to read: leave the decision to Next.js.
  }
  return known;
}

const ACTION_ID_FIELD = '$ACTION_ID_';
const BOUND_ACTION_FIELD = /^\$ACTION_\d+:0$/;

/**
 * The Server Action ids a form posted without JavaScript names: React writes `$ACTION_ID_<id>` for a
 * plain action, and `$ACTION_<n>:0` holding `{"id": …}` for one with bound arguments.
 */
export function actionIdsIn(form: FormData): string[] {
  const ids: string[] = [];
  for (const [name, value] of form.entries()) {
    if (name.startsWith(ACTION_ID_FIELD)) ids.push(name.slice(ACTION_ID_FIELD.length));
    else if (BOUND_ACTION_FIELD.test(name) && typeof value === 'string') {
      try {
        const id = (JSON.parse(value) as { id?: unknown }).id;
        if (typeof id === 'string') ids.push(id);
      } catch {
        ids.push('');
      }
    }
  }
  return ids;
}

/** True when the form names an action this build does not have (rendered by an earlier deploy). */
export function namesUnknownAction(form: FormData, known: ReadonlySet<string> | null): boolean {
  if (!known) return false;
  return actionIdsIn(form).some((id) => !known.has(id));
}
