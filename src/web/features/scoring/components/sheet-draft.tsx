// The points being typed on a sheet, kept as a local draft (use-local-draft): autosaved on this
// device, offered back on the next visit, and a question before leaving with unsaved changes.
import { useState } from 'react';
import { useLocalDraft } from '../../../lib/use-local-draft';
import type { SheetView } from '../api/sheets';
import { parsePoints } from './sheet-parts';

/** Per criterion code: the points as typed and the text beside them (the unit's note, or the verifier's reason). */
export type SheetDraft = Record<string, { points: number | string; text: string }>;

function revive(sheet: SheetView) {
  return (form: unknown): SheetDraft | null => {
    if (!form || typeof form !== 'object') return null;
    const out: SheetDraft = {};
    for (const c of sheet.criteria) {
      const e = (form as Record<string, unknown>)[c.code] as { points?: unknown; text?: unknown } | undefined;
      if (!e || (typeof e.points !== 'number' && typeof e.points !== 'string') || typeof e.text !== 'string') return null;
      out[c.code] = { points: e.points, text: e.text };
    }
    return out;
  };
}

export function useSheetDraft(kind: 'self' | 'verify', sheet: SheetView, initial: () => SheetDraft) {
  const [start] = useState(initial);
  const [form, setForm] = useState<SheetDraft>(start);
  const signature = (f: SheetDraft) => JSON.stringify(sheet.criteria.map((c) => [c.code, parsePoints(f[c.code]!.points), f[c.code]!.text.trim()]));
  const local = useLocalDraft({ storageKey: `vinhdanh.sheet.${kind}.${sheet.id}`, version: sheet.version, initial: start, form, signature, revive: revive(sheet) });
  return { form, setForm, local };
}
