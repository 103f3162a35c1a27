// "Never lose work" for an editing form: while the form has unsaved changes a copy is autosaved in
// localStorage (offered back when the user returns, flagged when the server's copy changed since),
// and leaving asks first — in-app navigation through the router's blocker, closing or reloading the
// tab through the browser's beforeunload. The form calls `saved()` once the server accepted it: the
// local copy is dropped and nothing is blocked on the way out.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from '@tanstack/react-router';

export interface LocalDraft<F> {
  /** When the copy was written (ISO date-time). */
  savedAt: string;
  /** The server's version of the object the copy was based on; null for a new object. */
  version: number | null;
  form: F;
}

export const AUTOSAVE_MS = 800;

/**
 * The stored copy under `key`, or null when there is none or it cannot be read. `revive` checks the
 * parsed form (a copy written by an older client may not fit) and may renew what must not be reused
 * (e.g. React row keys); it returns null for a copy that cannot be used.
 */
export function readLocalDraft<F>(key: string, revive: (form: unknown) => F | null): LocalDraft<F> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<LocalDraft<unknown>> | null;
    if (!d || typeof d !== 'object' || typeof d.savedAt !== 'string' || d.form === undefined) return null;
    const form = revive(d.form);
    return form === null ? null : { savedAt: d.savedAt, version: typeof d.version === 'number' ? d.version : null, form };
  } catch {
    return null;
  }
}

/** Stores the copy; answers when it was written, or null when the browser refused (storage full or disabled). */
export function writeLocalDraft<F>(key: string, version: number | null, form: F): string | null {
  const savedAt = new Date().toISOString();
  try {
    window.localStorage.setItem(key, JSON.stringify({ savedAt, version, form } satisfies LocalDraft<F>));
    return savedAt;
  } catch {
    // The warning on leaving still protects the work.
    return null;
  }
}

export function clearLocalDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

export interface LocalDraftOptions<F> {
  /** localStorage key of this object's copy, e.g. `vinhdanh.planDraft.12` or `….new`. */
  storageKey: string;
  /** The server's version the form was loaded at; null for a new object. */
  version: number | null;
  /** The form as loaded: no changes yet. */
  initial: F;
  /** The form as edited now. */
  form: F;
  /** What would be saved, as a string: two forms with the same signature are the same object. */
  signature: (form: F) => string;
  /** See readLocalDraft. */
  revive: (form: unknown) => F | null;
  autosaveMs?: number;
}

export function useLocalDraft<F>({ storageKey, version, initial, form, signature: sign, revive, autosaveMs = AUTOSAVE_MS }: LocalDraftOptions<F>) {
  const [baseline] = useState(() => sign(initial));
  const signature = sign(form);
  const dirty = signature !== baseline;
  // A copy left from an earlier visit, until the user restores or discards it (one equal to the loaded form is not offered).
  const [stored, setStored] = useState(() => {
    const d = readLocalDraft(storageKey, revive);
    return d && sign(d.form) !== baseline ? d : null;
  });
  const [autosavedAt, setAutosavedAt] = useState<string | null>(null);
  // Set once the server accepted the form: nothing is autosaved or blocked on the way out.
  const leavingRef = useRef(false);

  // Autosave while there are unsaved changes (not while a stored copy awaits a decision: it would be overwritten).
  useEffect(() => {
    if (!dirty || stored) return;
    const timer = window.setTimeout(() => {
      if (!leavingRef.current) setAutosavedAt(writeLocalDraft(storageKey, version, form));
    }, autosaveMs);
    return () => window.clearTimeout(timer);
  }, [signature, dirty, stored, storageKey, version, form, autosaveMs]);

  // Leaving with unsaved changes asks first (in-app navigation), or lets the browser ask (closing the tab); the
  // latest changes are stored at once, so that leaving within the autosave pause loses nothing either.
  const latest = useRef({ dirty, waiting: stored !== null, storageKey, version, form });
  useEffect(() => {
    latest.current = { dirty, waiting: stored !== null, storageKey, version, form };
  }, [dirty, stored, storageKey, version, form]);
  const mustAsk = useCallback(() => {
    const l = latest.current;
    const ask = l.dirty && !leavingRef.current;
    if (ask && !l.waiting) setAutosavedAt(writeLocalDraft(l.storageKey, l.version, l.form));
    return ask;
  }, []);
  const blocker = useBlocker({ shouldBlockFn: mustAsk, enableBeforeUnload: mustAsk, withResolver: true });

  return {
    /** The form differs from what was loaded. */
    dirty,
    /** A copy from an earlier visit awaiting the user's decision. */
    stored,
    /** The stored copy was based on an older version than the one loaded: the server's copy changed since. */
    stale: stored !== null && stored.version !== null && stored.version !== version,
    /** When this visit's changes were last autosaved; null before the first autosave. */
    autosavedAt,
    /** Takes the stored copy (the caller puts it in the form); autosaving resumes. */
    restore: (): F | null => {
      const f = stored?.form ?? null;
      setStored(null);
      return f;
    },
    /** Drops the stored copy. */
    discard: () => {
      clearLocalDraft(storageKey);
      setStored(null);
    },
    /** The server accepted the form: drops the copy and lets the page go. Call before navigating away. */
    saved: () => {
      leavingRef.current = true;
      clearLocalDraft(storageKey);
    },
    /** Router blocker: `status === 'blocked'` while the leave dialog should show; `proceed()` / `reset()`. */
    blocker,
  };
}

export type LocalDraftState<F> = ReturnType<typeof useLocalDraft<F>>;
