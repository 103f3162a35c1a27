import type { vi } from './vi';
import { common } from './en/common';
import { errors } from './en/errors';
import { domain } from './en/domain';
import { web } from './en/web';
import { imports } from './en/imports';
import { records } from './en/records';

// Typed against the Vietnamese catalogue: a missing or extra key is a compile error.
export const en: Record<keyof typeof vi, string> = { ...common, ...errors, ...domain, ...web, ...imports, ...records };
