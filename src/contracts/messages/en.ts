import type { vi } from './vi';
import { common } from './en/common';
import { errors } from './en/errors';
import { domain } from './en/domain';
import { web } from './en/web';
import { imports } from './en/imports';
import { records } from './en/records';
import { eligibility } from './en/eligibility';
import { achievements } from './en/achievements';
import { webAwards } from './en/web-awards';
import { eligibilityApi } from './en/eligibility-api';
import { plans } from './en/plans';
import { webPlans } from './en/web-plans';
import { cascade } from './en/cascade';
import { webCascade } from './en/web-cascade';
import { movements } from './en/movements';
import { webMovements } from './en/web-movements';
import { registrations } from './en/registrations';
import { webRegistrations } from './en/web-registrations';
import { clusters } from './en/clusters';
import { webClusters } from './en/web-clusters';
import { scoring } from './en/scoring';
import { scoringApi } from './en/scoring-api';

// Typed against the Vietnamese catalogue: a missing or extra key is a compile error.
export const en: Record<keyof typeof vi, string> = { ...common, ...errors, ...domain, ...web, ...imports, ...records, ...achievements, ...eligibilityApi, ...plans, ...eligibility, ...webAwards, ...webPlans, ...cascade, ...webCascade, ...movements, ...webMovements, ...registrations, ...webRegistrations, ...clusters, ...webClusters, ...scoring, ...scoringApi };
