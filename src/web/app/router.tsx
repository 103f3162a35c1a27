import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, notFound, Outlet, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { meQueryOptions } from '../lib/session';
import { parseSearch, stringifySearch } from '../lib/search-params';
import { LoadingBlock } from '../components/ui/loading-block';
import { loginSearchSchema } from '../features/auth/routes/search';
import { resetPasswordSearchSchema } from '../features/auth/routes/search';
import { orgTreeSearchSchema } from '../features/organisations/routes/search';
import { memberSearchSchema } from '../features/members/routes/search';
import { importSearchSchema } from '../features/imports/routes/search';
import { userSearchSchema } from '../features/users/routes/search';
import { auditSearchSchema } from '../features/audit/routes/search';
import { outboxSearchSchema } from '../features/outbox/routes/search';
import { eligibilitySearchSchema, memberEligibilitySearchSchema, rulesSearchSchema } from '../features/eligibility/routes/search';
import { awardSearchSchema } from '../features/awards/routes/search';
import { recordsSearchSchema } from '../features/records/routes/search';
import { planSearchSchema } from '../features/plans/routes/search';
import { registrationFormSearchSchema, registrationSearchSchema } from '../features/registrations/routes/search';
import { clusterSearchSchema } from '../features/clusters/routes/search';
import { inboxSearchSchema } from '../features/inbox/routes/search';
import { requestListSearchSchema, requestSearchSchema } from '../features/compliance/routes/search';
import { outgoingSearchSchema } from '../features/outgoing/routes/search';
import { movementSearchSchema } from '../features/movements/routes/search';
import { calendarSearchSchema } from '../features/calendar/routes/search';
import { roundPageSearchSchema, roundSearchSchema, templateSearchSchema } from '../features/scoring/routes/search';
import { appraisalSearchSchema, nominationRoundPageSearchSchema, nominationRoundSearchSchema } from '../features/nominations/routes/search';
import { ballotSearchSchema, councilPageSearchSchema, councilSearchSchema, meetingPageSearchSchema } from '../features/councils/routes/search';
import { decisionSearchSchema, fundSearchSchema } from '../features/decisions/routes/search';
import { certificateTemplateSearchSchema } from '../features/certificate-templates/routes/search';
import { ceremonyPageSearchSchema, ceremonySearchSchema } from '../features/ceremonies/routes/search';
import { consultationListSearchSchema, consultationSearchSchema, publicConsultationSearchSchema } from '../features/consultations/routes/search';
import { complaintSearchSchema } from '../features/complaints/routes/search';
import { dashboardSearchSchema } from '../features/dashboard/routes/search';
import { reportsSearchSchema } from '../features/reports/routes/search';
import { reportTemplateSearchSchema } from '../features/report-templates/routes/search';
import { modelSearchSchema } from '../features/models/routes/search';
import { proposalSearchSchema } from '../features/proposals/routes/search';
import { storySearchSchema } from '../features/stories/routes/search';
import { inspectionSearchSchema } from '../features/inspections/routes/search';
import { AppLayout } from './shell/app-layout';
import { NotFoundPage, RouteError } from './route-feedback';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dang-nhap',
  validateSearch: loginSearchSchema,
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (me) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('../features/auth/routes/login-page'), 'LoginPage'),
});

/** Everything else needs a session; without one the user is sent to sign in and brought back. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: '/dang-nhap', search: { redirect: location.href } });
  },
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/home/routes/home-page'), 'HomePage'),
  // A member without an officer's role lands on their own record (/cua-toi).
  beforeLoad: async ({ context }) => { const me = await context.queryClient.ensureQueryData(meQueryOptions); if (me && me.personId !== null && me.roles.length > 0 && me.roles.every((r) => r.role === 'MEMBER')) throw redirect({ to: '/cua-toi' }); },
});

const idParam = z.coerce.number().int().positive();
function parseId(raw: string): number {
  const parsed = idParam.safeParse(raw);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

const orgTreeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/to-chuc',
  validateSearch: orgTreeSearchSchema,
  component: lazyRouteComponent(() => import('../features/organisations/routes/org-tree-page'), 'OrgTreePage'),
});

const orgRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/to-chuc/$orgId',
  validateSearch: orgTreeSearchSchema,
  params: { parse: ({ orgId }) => ({ orgId: parseId(orgId) }), stringify: ({ orgId }) => ({ orgId: String(orgId) }) },
  component: lazyRouteComponent(() => import('../features/organisations/routes/org-tree-page'), 'OrgTreePage'),
});

const membersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/doan-vien',
  validateSearch: memberSearchSchema,
  component: lazyRouteComponent(() => import('../features/members/routes/member-list-page'), 'MemberListPage'),
});

const memberRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/doan-vien/$memberId',
  params: { parse: ({ memberId }) => ({ memberId: parseId(memberId) }), stringify: ({ memberId }) => ({ memberId: String(memberId) }) },
  component: lazyRouteComponent(() => import('../features/members/routes/member-detail-page'), 'MemberDetailPage'),
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nhap-du-lieu',
  validateSearch: importSearchSchema,
  component: lazyRouteComponent(() => import('../features/imports/routes/import-page'), 'ImportPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nguoi-dung',
  validateSearch: userSearchSchema,
  component: lazyRouteComponent(() => import('../features/users/routes/users-page'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nhat-ky',
  validateSearch: auditSearchSchema,
  component: lazyRouteComponent(() => import('../features/audit/routes/audit-page'), 'AuditPage'),
});

const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/thu-dien-tu',
  validateSearch: outboxSearchSchema,
  component: lazyRouteComponent(() => import('../features/outbox/routes/outbox-page'), 'OutboxPage'),
});

const memberParams = { parse: ({ memberId }: { memberId: string }) => ({ memberId: parseId(memberId) }), stringify: ({ memberId }: { memberId: number }) => ({ memberId: String(memberId) }) };
const orgParams = { parse: ({ orgId }: { orgId: string }) => ({ orgId: parseId(orgId) }), stringify: ({ orgId }: { orgId: number }) => ({ orgId: String(orgId) }) };

const eligibilityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/xet-dieu-kien',
  validateSearch: eligibilitySearchSchema,
  component: lazyRouteComponent(() => import('../features/eligibility/routes/eligibility-page'), 'EligibilityPage'),
});

const memberEligibilityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/doan-vien/$memberId/xet-dieu-kien',
  params: memberParams,
  validateSearch: memberEligibilitySearchSchema,
  component: lazyRouteComponent(() => import('../features/eligibility/routes/member-eligibility-page'), 'MemberEligibilityPage'),
});

const rulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/quy-tac-xet',
  validateSearch: rulesSearchSchema,
  component: lazyRouteComponent(() => import('../features/eligibility/routes/rules-page'), 'RulesPage'),
});

const catalogueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/danh-muc-khen-thuong',
  validateSearch: awardSearchSchema,
  component: lazyRouteComponent(() => import('../features/awards/routes/catalogue-page'), 'CataloguePage'),
});

const memberRecordsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/doan-vien/$memberId/ho-so',
  params: memberParams,
  validateSearch: recordsSearchSchema,
  component: lazyRouteComponent(() => import('../features/records/routes/member-records-page'), 'MemberRecordsPage'),
});

const orgRecordsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/to-chuc/$orgId/ho-so',
  params: orgParams,
  validateSearch: recordsSearchSchema,
  component: lazyRouteComponent(() => import('../features/records/routes/org-records-page'), 'OrgRecordsPage'),
});

const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ke-hoach',
  validateSearch: planSearchSchema,
  component: lazyRouteComponent(() => import('../features/plans/routes/plan-list-page'), 'PlanListPage'),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ke-hoach/$planId',
  params: { parse: ({ planId }) => ({ planId: parseId(planId) }), stringify: ({ planId }) => ({ planId: String(planId) }) },
  component: lazyRouteComponent(() => import('../features/plans/routes/plan-page'), 'PlanPage'),
});

const planCreateRoute = createRoute({ getParentRoute: () => appRoute, path: '/ke-hoach/moi', component: lazyRouteComponent(() => import('../features/plans/routes/plan-editor-page'), 'PlanCreatePage') });
const planEditRoute = createRoute({ getParentRoute: () => appRoute, path: '/ke-hoach/$planId/sua', params: { parse: ({ planId }) => ({ planId: parseId(planId) }), stringify: ({ planId }) => ({ planId: String(planId) }) }, component: lazyRouteComponent(() => import('../features/plans/routes/plan-editor-page'), 'PlanEditPage') });
const registrationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/dang-ky', validateSearch: registrationSearchSchema, component: lazyRouteComponent(() => import('../features/registrations/routes/registration-list-page'), 'RegistrationListPage') });
const registrationFormRoute = createRoute({ getParentRoute: () => appRoute, path: '/dang-ky/moi', validateSearch: registrationFormSearchSchema, component: lazyRouteComponent(() => import('../features/registrations/routes/registration-form-page'), 'RegistrationFormPage') });

const clustersRoute = createRoute({ getParentRoute: () => appRoute, path: '/cum-thi-dua', validateSearch: clusterSearchSchema, component: lazyRouteComponent(() => import('../features/clusters/routes/cluster-list-page'), 'ClusterListPage') });
const clusterRoute = createRoute({ getParentRoute: () => appRoute, path: '/cum-thi-dua/$clusterId', params: { parse: ({ clusterId }) => ({ clusterId: parseId(clusterId) }), stringify: ({ clusterId }) => ({ clusterId: String(clusterId) }) }, component: lazyRouteComponent(() => import('../features/clusters/routes/cluster-page'), 'ClusterPage') });

const movementsRoute = createRoute({ getParentRoute: () => appRoute, path: '/phong-trao', validateSearch: movementSearchSchema, component: lazyRouteComponent(() => import('../features/movements/routes/movement-list-page'), 'MovementListPage') });
const movementCreateRoute = createRoute({ getParentRoute: () => appRoute, path: '/phong-trao/moi', component: lazyRouteComponent(() => import('../features/movements/routes/movement-create-page'), 'MovementCreatePage') });
const movementRoute = createRoute({ getParentRoute: () => appRoute, path: '/phong-trao/$movementId', params: { parse: ({ movementId }) => ({ movementId: parseId(movementId) }), stringify: ({ movementId }) => ({ movementId: String(movementId) }) }, component: lazyRouteComponent(() => import('../features/movements/routes/movement-page'), 'MovementPage') });
const movementEditRoute = createRoute({ getParentRoute: () => appRoute, path: '/phong-trao/$movementId/sua', params: { parse: ({ movementId }) => ({ movementId: parseId(movementId) }), stringify: ({ movementId }) => ({ movementId: String(movementId) }) }, component: lazyRouteComponent(() => import('../features/movements/routes/movement-create-page'), 'MovementEditPage') });
const calendarRoute = createRoute({ getParentRoute: () => appRoute, path: '/lich', validateSearch: calendarSearchSchema, component: lazyRouteComponent(() => import('../features/calendar/routes/calendar-page'), 'CalendarPage') });

const roundParams = { parse: ({ roundId }: { roundId: string }) => ({ roundId: parseId(roundId) }), stringify: ({ roundId }: { roundId: number }) => ({ roundId: String(roundId) }) };
const roundsRoute = createRoute({ getParentRoute: () => appRoute, path: '/cham-diem', validateSearch: roundSearchSchema, component: lazyRouteComponent(() => import('../features/scoring/routes/round-list-page'), 'RoundListPage') });
const roundRoute = createRoute({ getParentRoute: () => appRoute, path: '/cham-diem/$roundId', validateSearch: roundPageSearchSchema, params: roundParams, component: lazyRouteComponent(() => import('../features/scoring/routes/round-page'), 'RoundPage') });
const councilRoute = createRoute({ getParentRoute: () => appRoute, path: '/cham-diem/$roundId/hoi-dong', params: roundParams, component: lazyRouteComponent(() => import('../features/scoring/routes/council-page'), 'CouncilPage') });
const sheetRoute = createRoute({ getParentRoute: () => appRoute, path: '/cham-diem/phieu/$sheetId', params: { parse: ({ sheetId }) => ({ sheetId: parseId(sheetId) }), stringify: ({ sheetId }) => ({ sheetId: String(sheetId) }) }, component: lazyRouteComponent(() => import('../features/scoring/routes/sheet-page'), 'SheetPage') });
const templatesRoute = createRoute({ getParentRoute: () => appRoute, path: '/mau-cham-diem', validateSearch: templateSearchSchema, component: lazyRouteComponent(() => import('../features/scoring/routes/template-list-page'), 'TemplateListPage') });
const templateRoute = createRoute({ getParentRoute: () => appRoute, path: '/mau-cham-diem/$templateId', params: { parse: ({ templateId }) => ({ templateId: parseId(templateId) }), stringify: ({ templateId }) => ({ templateId: String(templateId) }) }, component: lazyRouteComponent(() => import('../features/scoring/routes/template-page'), 'TemplatePage') });

const nominationRoundsRoute = createRoute({ getParentRoute: () => appRoute, path: '/de-nghi', validateSearch: nominationRoundSearchSchema, component: lazyRouteComponent(() => import('../features/nominations/routes/round-list-page'), 'NominationRoundListPage') });
const nominationRoundRoute = createRoute({ getParentRoute: () => appRoute, path: '/de-nghi/$roundId', validateSearch: nominationRoundPageSearchSchema, params: roundParams, component: lazyRouteComponent(() => import('../features/nominations/routes/round-page'), 'NominationRoundPage') });
const nominationRoute = createRoute({ getParentRoute: () => appRoute, path: '/de-nghi/ho-so/$nominationId', params: { parse: ({ nominationId }) => ({ nominationId: parseId(nominationId) }), stringify: ({ nominationId }) => ({ nominationId: String(nominationId) }) }, component: lazyRouteComponent(() => import('../features/nominations/routes/nomination-page'), 'NominationPage') });
const submissionRoute = createRoute({ getParentRoute: () => appRoute, path: '/de-nghi/to-trinh/$submissionId', params: { parse: ({ submissionId }) => ({ submissionId: parseId(submissionId) }), stringify: ({ submissionId }) => ({ submissionId: String(submissionId) }) }, component: lazyRouteComponent(() => import('../features/nominations/routes/submission-page'), 'SubmissionPage') });
const appraisalRoute = createRoute({ getParentRoute: () => appRoute, path: '/tham-dinh', validateSearch: appraisalSearchSchema, component: lazyRouteComponent(() => import('../features/nominations/routes/appraisal-page'), 'AppraisalPage') });

const meetingParams = { parse: ({ meetingId }: { meetingId: string }) => ({ meetingId: parseId(meetingId) }), stringify: ({ meetingId }: { meetingId: number }) => ({ meetingId: String(meetingId) }) };
const councilsRoute = createRoute({ getParentRoute: () => appRoute, path: '/hoi-dong', validateSearch: councilSearchSchema, component: lazyRouteComponent(() => import('../features/councils/routes/council-list-page'), 'CouncilListPage') });
const councilPageRoute = createRoute({ getParentRoute: () => appRoute, path: '/hoi-dong/$councilId', validateSearch: councilPageSearchSchema, params: { parse: ({ councilId }) => ({ councilId: parseId(councilId) }), stringify: ({ councilId }) => ({ councilId: String(councilId) }) }, component: lazyRouteComponent(() => import('../features/councils/routes/council-page'), 'CouncilPage') });
const meetingRoute = createRoute({ getParentRoute: () => appRoute, path: '/hoi-dong/hop/$meetingId', validateSearch: meetingPageSearchSchema, params: meetingParams, component: lazyRouteComponent(() => import('../features/councils/routes/meeting-page'), 'MeetingPage') });
const ballotsRoute = createRoute({ getParentRoute: () => appRoute, path: '/bo-phieu', component: lazyRouteComponent(() => import('../features/councils/routes/ballot-list-page'), 'BallotListPage') });
const ballotRoute = createRoute({ getParentRoute: () => appRoute, path: '/bo-phieu/$meetingId', validateSearch: ballotSearchSchema, params: meetingParams, component: lazyRouteComponent(() => import('../features/councils/routes/ballot-page'), 'BallotPage') });
const decisionsRoute = createRoute({ getParentRoute: () => appRoute, path: '/quyet-dinh', validateSearch: decisionSearchSchema, component: lazyRouteComponent(() => import('../features/decisions/routes/decision-list-page'), 'DecisionListPage') });
const decisionRoute = createRoute({ getParentRoute: () => appRoute, path: '/quyet-dinh/$decisionId', params: { parse: ({ decisionId }) => ({ decisionId: parseId(decisionId) }), stringify: ({ decisionId }) => ({ decisionId: String(decisionId) }) }, component: lazyRouteComponent(() => import('../features/decisions/routes/decision-page'), 'DecisionPage') });
const fundRoute = createRoute({ getParentRoute: () => appRoute, path: '/quy-thi-dua', validateSearch: fundSearchSchema, component: lazyRouteComponent(() => import('../features/decisions/routes/fund-page'), 'FundPage') });
const certificateTemplatesRoute = createRoute({ getParentRoute: () => appRoute, path: '/mau-giay-khen', validateSearch: certificateTemplateSearchSchema, component: lazyRouteComponent(() => import('../features/certificate-templates/routes/certificate-templates-page'), 'CertificateTemplatesPage') });
const ceremoniesRoute = createRoute({ getParentRoute: () => appRoute, path: '/le-trao-tang', validateSearch: ceremonySearchSchema, component: lazyRouteComponent(() => import('../features/ceremonies/routes/ceremony-list-page'), 'CeremonyListPage') });
const ceremonyRoute = createRoute({ getParentRoute: () => appRoute, path: '/le-trao-tang/$ceremonyId', validateSearch: ceremonyPageSearchSchema, params: { parse: ({ ceremonyId }) => ({ ceremonyId: parseId(ceremonyId) }), stringify: ({ ceremonyId }) => ({ ceremonyId: String(ceremonyId) }) }, component: lazyRouteComponent(() => import('../features/ceremonies/routes/ceremony-page'), 'CeremonyPage') });

const inboxRoute = createRoute({ getParentRoute: () => appRoute, path: '/hop-thu', validateSearch: inboxSearchSchema, component: lazyRouteComponent(() => import('../features/inbox/routes/inbox-page'), 'InboxPage') });
const requestsRoute = createRoute({ getParentRoute: () => appRoute, path: '/yeu-cau', validateSearch: requestListSearchSchema, component: lazyRouteComponent(() => import('../features/compliance/routes/request-list-page'), 'RequestListPage') });
const requestRoute = createRoute({ getParentRoute: () => appRoute, path: '/yeu-cau/$requestId', validateSearch: requestSearchSchema, params: { parse: ({ requestId }) => ({ requestId: parseId(requestId) }), stringify: ({ requestId }) => ({ requestId: String(requestId) }) }, component: lazyRouteComponent(() => import('../features/compliance/routes/request-page'), 'RequestPage') });
const outgoingRoute = createRoute({ getParentRoute: () => appRoute, path: '/so-van-ban-di', validateSearch: outgoingSearchSchema, component: lazyRouteComponent(() => import('../features/outgoing/routes/outgoing-page'), 'OutgoingPage') });
const publicDocumentsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cong-khai/$orgCode', validateSearch: z.object({ page: z.coerce.number().int().positive().optional().catch(undefined) }), component: lazyRouteComponent(() => import('../features/public/routes/public-documents-page'), 'PublicDocumentsPage') });

const consultationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/lay-y-kien', validateSearch: consultationListSearchSchema, component: lazyRouteComponent(() => import('../features/consultations/routes/consultation-list-page'), 'ConsultationListPage') });
const consultationRoute = createRoute({ getParentRoute: () => appRoute, path: '/lay-y-kien/$consultationId', validateSearch: consultationSearchSchema, params: { parse: ({ consultationId }) => ({ consultationId: parseId(consultationId) }), stringify: ({ consultationId }) => ({ consultationId: String(consultationId) }) }, component: lazyRouteComponent(() => import('../features/consultations/routes/consultation-page'), 'ConsultationPage') });
const publicConsultationsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cong-khai/$orgCode/lay-y-kien', validateSearch: publicConsultationSearchSchema, component: lazyRouteComponent(() => import('../features/consultations/routes/public-consultations-page'), 'PublicConsultationsPage') });

const modelsRoute = createRoute({ getParentRoute: () => appRoute, path: '/mo-hinh', validateSearch: modelSearchSchema, component: lazyRouteComponent(() => import('../features/models/routes/model-list-page'), 'ModelListPage') });
const modelRoute = createRoute({ getParentRoute: () => appRoute, path: '/mo-hinh/$modelId', params: { parse: ({ modelId }) => ({ modelId: parseId(modelId) }), stringify: ({ modelId }) => ({ modelId: String(modelId) }) }, component: lazyRouteComponent(() => import('../features/models/routes/model-page'), 'ModelPage') });
const complaintsRoute = createRoute({ getParentRoute: () => appRoute, path: '/khieu-nai', validateSearch: complaintSearchSchema, component: lazyRouteComponent(() => import('../features/complaints/routes/complaint-list-page'), 'ComplaintListPage') });
const dashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/tong-quan', validateSearch: dashboardSearchSchema, component: lazyRouteComponent(() => import('../features/dashboard/routes/dashboard-page'), 'DashboardPage') });
const reportsRoute = createRoute({ getParentRoute: () => appRoute, path: '/bao-cao', validateSearch: reportsSearchSchema, component: lazyRouteComponent(() => import('../features/reports/routes/reports-page'), 'ReportsPage') });
const reportTemplatesRoute = createRoute({ getParentRoute: () => appRoute, path: '/bieu-mau-thong-ke', validateSearch: reportTemplateSearchSchema, component: lazyRouteComponent(() => import('../features/report-templates/routes/report-templates-page'), 'ReportTemplatesPage') });
const complaintRoute = createRoute({ getParentRoute: () => appRoute, path: '/khieu-nai/$complaintId', params: { parse: ({ complaintId }) => ({ complaintId: parseId(complaintId) }), stringify: ({ complaintId }) => ({ complaintId: String(complaintId) }) }, component: lazyRouteComponent(() => import('../features/complaints/routes/complaint-page'), 'ComplaintPage') });
const inspectionsRoute = createRoute({ getParentRoute: () => appRoute, path: '/kiem-tra', validateSearch: inspectionSearchSchema, component: lazyRouteComponent(() => import('../features/inspections/routes/inspection-list-page'), 'InspectionListPage') });
const inspectionRoute = createRoute({ getParentRoute: () => appRoute, path: '/kiem-tra/$inspectionId', params: { parse: ({ inspectionId }) => ({ inspectionId: parseId(inspectionId) }), stringify: ({ inspectionId }) => ({ inspectionId: String(inspectionId) }) }, component: lazyRouteComponent(() => import('../features/inspections/routes/inspection-page'), 'InspectionPage') });
const publicComplaintFormRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cong-khai/$orgCode/gui-don', component: lazyRouteComponent(() => import('../features/complaints/routes/public-complaint-form-page'), 'PublicComplaintFormPage') });
const complaintLookupRoute = createRoute({ getParentRoute: () => rootRoute, path: '/tra-cuu-don', component: lazyRouteComponent(() => import('../features/complaints/routes/public-complaint-status-page'), 'PublicComplaintStatusPage') });
const complaintStatusRoute = createRoute({ getParentRoute: () => rootRoute, path: '/tra-cuu-don/$code', component: lazyRouteComponent(() => import('../features/complaints/routes/public-complaint-status-page'), 'PublicComplaintStatusPage') });

const myRecordRoute = createRoute({ getParentRoute: () => appRoute, path: '/cua-toi', component: lazyRouteComponent(() => import('../features/me/routes/my-record-page'), 'MyRecordPage') });
const proposalsRoute = createRoute({ getParentRoute: () => appRoute, path: '/de-xuat-nguoi-tot', validateSearch: proposalSearchSchema, component: lazyRouteComponent(() => import('../features/proposals/routes/proposal-list-page'), 'ProposalListPage') });
const proposalRoute = createRoute({ getParentRoute: () => appRoute, path: '/de-xuat-nguoi-tot/$proposalId', params: { parse: ({ proposalId }) => ({ proposalId: parseId(proposalId) }), stringify: ({ proposalId }) => ({ proposalId: String(proposalId) }) }, component: lazyRouteComponent(() => import('../features/proposals/routes/proposal-page'), 'ProposalPage') });
const publicProposalFormRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cong-khai/$orgCode/de-xuat', component: lazyRouteComponent(() => import('../features/proposals/routes/public-proposal-form-page'), 'PublicProposalFormPage') });

const storiesRoute = createRoute({ getParentRoute: () => appRoute, path: '/guong-dien-hinh', validateSearch: storySearchSchema, component: lazyRouteComponent(() => import('../features/stories/routes/story-list-page'), 'StoryListPage') });
const storyRoute = createRoute({ getParentRoute: () => appRoute, path: '/guong-dien-hinh/$storyId', params: { parse: ({ storyId }) => ({ storyId: parseId(storyId) }), stringify: ({ storyId }) => ({ storyId: String(storyId) }) }, component: lazyRouteComponent(() => import('../features/stories/routes/story-page'), 'StoryPage') });

const forgotPasswordRoute = createRoute({ getParentRoute: () => rootRoute, path: '/quen-mat-khau', component: lazyRouteComponent(() => import('../features/auth/routes/forgot-password-page'), 'ForgotPasswordPage') });
const resetPasswordRoute = createRoute({ getParentRoute: () => rootRoute, path: '/dat-lai-mat-khau', validateSearch: resetPasswordSearchSchema, component: lazyRouteComponent(() => import('../features/auth/routes/reset-password-page'), 'ResetPasswordPage') });
const verifyRoute = createRoute({ getParentRoute: () => rootRoute, path: '/verify/$serial', component: lazyRouteComponent(() => import('../features/public/routes/verify-page'), 'VerifyPage') });

const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute, resetPasswordRoute,
  verifyRoute,
  publicDocumentsRoute,
  publicConsultationsRoute,
  publicComplaintFormRoute, complaintLookupRoute, complaintStatusRoute,
  publicProposalFormRoute,
  appRoute.addChildren([
    homeRoute,
    orgTreeRoute,
    orgRoute,
    membersRoute,
    memberRoute,
    importRoute,
    usersRoute,
    auditRoute,
    outboxRoute,
    eligibilityRoute,
    memberEligibilityRoute,
    rulesRoute,
    catalogueRoute,
    memberRecordsRoute,
    orgRecordsRoute,
    plansRoute,
    planRoute,
    planCreateRoute,
    planEditRoute,
    inboxRoute, requestsRoute, requestRoute, outgoingRoute,
    registrationsRoute,
    registrationFormRoute,
    clustersRoute,
    clusterRoute,
    movementsRoute, movementCreateRoute, movementRoute, movementEditRoute, calendarRoute,
    roundsRoute, roundRoute, councilRoute, sheetRoute, templatesRoute, templateRoute,
    nominationRoundsRoute, nominationRoundRoute, nominationRoute, submissionRoute, appraisalRoute,
    councilsRoute, councilPageRoute, meetingRoute, ballotsRoute, ballotRoute,
    decisionsRoute, decisionRoute, fundRoute,
    certificateTemplatesRoute,
    ceremoniesRoute, ceremonyRoute,
    consultationsRoute, consultationRoute,
    complaintsRoute, complaintRoute,
    dashboardRoute,
    reportsRoute,
    reportTemplatesRoute,
    modelsRoute, modelRoute,
    inspectionsRoute, inspectionRoute,
    myRecordRoute, proposalsRoute, proposalRoute,
    storiesRoute, storyRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: 'intent',
    // Let TanStack Query own caching; the router only decides what to show.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: LoadingBlock,
    defaultPendingMs: 300,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
