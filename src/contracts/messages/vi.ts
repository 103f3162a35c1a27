import { common } from './vi/common';
import { errors } from './vi/errors';
import { domain } from './vi/domain';
import { web } from './vi/web';
import { imports } from './vi/imports';
import { records } from './vi/records';
import { eligibility } from './vi/eligibility';
import { achievements } from './vi/achievements';
import { webAwards } from './vi/web-awards';
import { eligibilityApi } from './vi/eligibility-api';
import { plans } from './vi/plans';
import { webPlans } from './vi/web-plans';

export const vi = { ...common, ...errors, ...domain, ...web, ...imports, ...records, ...achievements, ...eligibilityApi, ...plans, ...eligibility, ...webAwards, ...webPlans } as const;
