import { common } from './vi/common';
import { errors } from './vi/errors';
import { domain } from './vi/domain';
import { web } from './vi/web';
import { imports } from './vi/imports';
import { records } from './vi/records';

export const vi = { ...common, ...errors, ...domain, ...web, ...imports, ...records } as const;
