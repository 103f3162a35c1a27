import type { AnyRoute } from '../lib/http';
import { authRoutes } from './auth/auth.routes';
import { organisationRoutes } from './organisations/organisations.routes';
import { memberRoutes } from './members/members.routes';
import { userRoutes } from './users/users.routes';
import { auditRoutes } from './audit/audit.routes';
import { importRoutes } from './imports/imports.routes';
import { awardRoutes } from './awards/awards.routes';
import { recordRoutes } from './achievements/records.routes';
import { eligibilityRoutes } from './eligibility/eligibility.routes';
import { planRoutes } from './plans/plans.routes';
import { cascadeRoutes } from './cascade/cascade.routes';
import { registrationRoutes } from './registrations/registrations.routes';
import { clusterRoutes } from './clusters/clusters.routes';
import { movementRoutes } from './movements/movements.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { scoringRoutes } from './scoring/scoring.routes';
import { councilRoutes } from './scoring/council.routes';
import { evidenceRoutes } from './scoring/evidence.routes';
import { workCalendarRoutes } from './work-calendar/work-calendar.routes';
import { nominationRoutes } from './nominations/nominations.routes';
import { outboxRoutes } from './mail/outbox.routes';
import { consultationRoutes } from './consultations/consultations.routes';
import { councilBodyRoutes } from './councils/councils.routes';
import { decisionRoutes } from './decisions/decisions.routes';
import { certificateTemplateRoutes } from './certificates/templates.routes';
import { ceremonyRoutes } from './ceremonies/ceremonies.routes';
import { complaintRoutes } from './complaints/complaints.routes';
import { inspectionRoutes } from './inspections/inspections.routes';
import { modelRoutes } from './models/models.routes';
import { proposalRoutes } from './proposals/proposals.routes';
import { meRoutes } from './me/me.routes';
import { storyRoutes } from './stories/stories.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { reportTemplateRoutes } from './report-templates/report-templates.routes';
import { reportRoutes } from './reports/reports.routes';

/** Every capability's routes, mounted under /api/v1. */
export function allRoutes(): AnyRoute[] {
  return [...authRoutes, ...organisationRoutes, ...memberRoutes, ...userRoutes, ...auditRoutes, ...importRoutes, ...awardRoutes, ...recordRoutes, ...eligibilityRoutes, ...planRoutes, ...cascadeRoutes, ...registrationRoutes, ...clusterRoutes, ...movementRoutes, ...calendarRoutes, ...scoringRoutes, ...evidenceRoutes, ...councilRoutes, ...workCalendarRoutes, ...nominationRoutes, ...outboxRoutes, ...consultationRoutes, ...councilBodyRoutes, ...decisionRoutes, ...certificateTemplateRoutes, ...ceremonyRoutes, ...complaintRoutes, ...inspectionRoutes, ...modelRoutes, ...proposalRoutes, ...meRoutes, ...storyRoutes, ...dashboardRoutes, ...reportRoutes, ...reportTemplateRoutes] as AnyRoute[];
}
