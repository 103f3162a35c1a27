/*
 * Vinh Danh web client entry.
 *
 * Stable `data-testid`s for end-to-end tests (keep them when refactoring):
 *   login-username, login-password, login-submit   — login form (/dang-nhap)
 *   org-tree                                       — the organisation tree (/to-chuc)
 *   member-search                                  — search box of the member list (/doan-vien)
 *   member-table                                   — the member list (a table, or a card list on phones)
 *   member-row                                     — one member in that list (row or card)
 *   export-button                                  — "Xuất Excel" of the current filters
 *   import-file-input                              — the <input type="file"> of the import (/nhap-du-lieu)
 *   import-upload                                  — "upload and check" button
 *   import-errors                                  — the table of validation errors of a rejected file
 *   import-commit                                  — "Xác nhận nhập" button
 *   import-done                                    — success message once the import is committed
 *   elig-unit, elig-award, elig-year, elig-search  — filters of /xet-dieu-kien (unit, award, year, name)
 *   elig-status-all, elig-status-{STATUS}          — status counts that filter the list (aria-pressed)
 *   elig-summary                                   — "award, year, reference date, evaluated" line
 *   elig-table, elig-row, elig-row-status          — the candidates (table or cards) and a row's status badge
 *   elig-reasons                                   — every reason of an expanded row ([data-outcome] per item)
 *   elig-quota, elig-quota-row                     — quota per grassroots union
 *   elig-export                                    — "Xuất Excel" of the current filters (batch.xlsx)
 *   member-eligibility-link, member-records-link   — from a member's page to /doan-vien/:id/xet-dieu-kien and /ho-so
 *   org-records-link                               — from a unit's panel to /to-chuc/:id/ho-so
 *   elig-member-award, elig-member-year            — award and year on /doan-vien/:id/xet-dieu-kien
 *   elig-member-result, elig-member-status, elig-member-reasons — the answer from the stored records
 *   whatif-panel, whatif-add-{KIND}, whatif-draft  — "Thử với dữ liệu mới" and its drafts
 *   whatif-rating, whatif-status, whatif-reasons   — a draft's rating select; the answer computed in the browser
 *   rules-date, rules-target, rule-pack, rule, rule-param — /quy-tac-xet: date, award filter, packs, rules, parameters
 *   rule-param-change (data-param=KEY)             — "Thay đổi" of a parameter (administrators)
 *   param-value, param-effective                   — value and effective date in the change dialog
 *   param-history, param-history-row               — the history of parameter changes
 *   award-search, award-table, award-row           — /danh-muc-khen-thuong
 *   base-salary-table, base-salary-row             — "Mức lương cơ sở"
 *   records-history, records-add, records-timeline, record-item ([data-status]) — a records timeline
 *   plan-year, plan-status-filter, plan-table, plan-row, plan-open — /ke-hoach (filters, list, a row's title link)
 *   plan-status ([data-status])                    — "Dự thảo" badge or the number line of a plan
 *   plan-document, plan-number-line, plan-blocks, plan-signer, plan-recipients — /ke-hoach/:id, the document
 *   plan-download, plan-issue, plan-issue-date     — "Tải tệp Word", "Ban hành" and the issue date in its dialog
 *   inbox-badge, inbox-table, inbox-row, inbox-open ([data-unread]), inbox-kind, inbox-unread-only, inbox-unread, inbox-download — /hop-thu; request-year, request-table, request-row, request-open — /yeu-cau; summary-{total,onTime,late,missing,pending}, target-status-filter, target-search, target-table, target-row, target-status ([data-status]), target-select, target-select-page, remind-button, export-button — /yeu-cau/:id; outgoing-year, outgoing-doctype, outgoing-table, outgoing-row, outgoing-open, outgoing-deliveries, deliveries, delivery-row ([data-read]) — /so-van-ban-di; public-documents, public-document — /cong-khai/:code; issue-request, issue-request-kind, issue-request-deadline, issue-request-all, issue-request-chosen, issue-request-target, issue-request-target-row — the plan issue dialog
 *   plan-download-pdf, plan-edit, plan-create      — "Tải tệp PDF", "Sửa" (/ke-hoach/:id), "Tạo kế hoạch" (/ke-hoach)
 *   registration-row/-name/-status([data-status])/-reason/-select/-approve/-return/-withdraw/-export/-create, registration-unit-award([data-code]), registration-member([data-member-code])/-check/-award/-filter, registration-submit/-template/-file/-upload/-errors — /dang-ky, /dang-ky/moi
 *   plan-editor, plan-save, plan-paste, plan-paste-text, plan-paste-apply, plan-preview, plan-autosave — /ke-hoach/moi, /ke-hoach/:id/sua
 *   plan-org, plan-title, plan-theme, plan-place, plan-intro, plan-signer-{onbehalf,position,name} — fields of the editor
 *   plan-block ([data-kind]), plan-block-kind, plan-block-text, plan-block-number, plan-block-insert, plan-block-add — the blocks editor
 *   plan-basis-row, plan-basis-plan, plan-basis-text, plan-recipient-row, plan-recipient-kind, plan-recipient-text — basis and recipients
 *   plan-restore, plan-restore-apply, plan-restore-stale, plan-leave-stay, plan-leave-confirm, plan-form-invalid — local draft, leaving unsaved, invalid form
 *   <prefix>-restore(-apply, -stale, -discard), <prefix>-autosave, <prefix>-leave-(dialog, stay, confirm) — local draft of a form (src/web/lib/local-draft-ui.tsx; prefix plan, movement)
 *   movement-year, movement-status-filter, movement-kind-filter, movement-table, movement-row, movement-open, movement-create, movement-export, movement-status ([data-status]) — /phong-trao; movement-form, movement-org, movement-kind, movement-title, movement-slogan, movement-starts, movement-ends, movement-content, movement-criterion(-text, -measure, -target, -add), movement-awards, movement-save — /phong-trao/moi; movement-stepper, movement-figures, movement-criteria, movement-awards-list, movement-steps, movement-step-row ([data-step]), movement-download, movement-launch, movement-launch-(date, ask, deadline, all, pick, unit), movement-step ([data-step]), movement-step-date, movement-step-note — /phong-trao/:id; calendar, calendar-year, calendar-org-filter, calendar-month, calendar-event ([data-kind]) — /lich
 *   cluster-year, cluster-kind-filter, cluster-table, cluster-row, cluster-open, cluster-create, cluster-export — /cum-thi-dua; cluster-organiser, cluster-form-name, cluster-member-option ([data-org]), cluster-member-pick, cluster-member-role, cluster-member-order; cluster-members, cluster-member, cluster-role ([data-role]), cluster-edit, cluster-next-year, cluster-choose-leader, cluster-leader, cluster-leader-unit, cluster-leader-date, cluster-covenant(-text, -date, -save, -download) — /cum-thi-dua/:id
 *   sheet-page ([data-status]), sheet-status ([data-status]), sheet-template, sheet-deadline, sheet-days-left, sheet-next-step, sheet-return-reason, sheet-locked, sheet-criterion ([data-code]), sheet-points, sheet-note, sheet-save, sheet-submit, sheet-submit-total, sheet-unsaved, sheet-stale, sheet-problems, sheet-summary, sheet-section-total ([data-section]), sheet-self-total, sheet-verified-total, sheet-self-points, sheet-verify-points, sheet-verify-reason, sheet-verify-save, sheet-verify-errors, sheet-expected-level, sheet-approve, sheet-approve-total, sheet-return, sheet-result, sheet-classification ([data-level]), sheet-rank, sheet-diff, sheet-verified-points, sheet-verify-reason-text, sheet-amend, sheet-amend-criteria, sheet-amend-points, sheet-amend-line-reason, sheet-missing-evidence, sheet-draft (local draft prefix), evidence-block ([data-code]), evidence-required, evidence-file ([data-status]), evidence-download, evidence-upload, evidence-upload-input, evidence-revoke — /cham-diem/phieu/:id
 *   round-org-filter, round-year, round-status-filter, round-table, round-row, round-open, round-create, round-status ([data-status]), round-progress — /cham-diem; round-form-(organiser, year, title, template, deadline, units, advanced), round-band-{LEVEL}, round-tie-breaks, round-tie-break ([data-rule]), round-tie-break-add — its create dialog; round-header, round-template, round-deadline, round-mode, round-council, round-tab-(sheets, results), sheet-status-filter, sheet-table, sheet-row, sheet-open, sheet-status ([data-status]), sheet-select, sheet-select-page, round-extend, round-extend-(scope, deadline), round-remind, round-remind-result, level ([data-level]), results-(cluster, export, publish, published, tie-breaks, table, row), result-open, publish-(exclude, reason), results-distribution, distribution-group ([data-cluster]), distribution-table — /cham-diem/:id; template-status-filter, template-table, template-row, template-open, template-status ([data-status]) — /mau-cham-diem; template-(structure, section ([data-section]), criterion ([data-criterion]), frozen, retired, draft-note, problems, edit, publish, revise, retire, revise-owner), criterion-variant ([data-variant]), criterion-evidence-required, template-editor, template-edit-(name, section, section-title, criterion, criterion-text, criterion-max, add-criterion, save) — /mau-cham-diem/:id
 *   council-page, council-mode ([data-mode]), council-setup, council-scorers, council-save, council-saved, council-progress, council-progress-row, council-sheets, council-sheet-row, council-sheet-open, council-mark-status ([data-status]), council-mark, council-criterion ([data-code]), council-points, council-total, council-mark-save, council-mark-submit, council-mark-submitted, council-others-hidden, council-others, council-other, council-other-points, council-results, council-results-locked, council-scorer-stats, council-scorer-stat, council-results-table, council-results-row, council-raw-mean, council-z-mean, council-result-mark ([data-outlier]), council-outlier, council-finalize, council-finalized — /cham-diem/:id/hoi-dong
 *   nround-create, nround-year, nround-status-filter, nround-table, nround-row, nround-open, nround-status ([data-status]), nround-my-deadline — /de-nghi; nround-form-(org, year, title, kind, ceremony, awards, level ([data-below]), level-appraisal, level-add, decision, posting, opinion, nonleader) — its "Mở đợt xét" dialog
 *   nround-schedule, nround-level ([data-below], [data-mine]), nround-tab-(nominations, submissions), nomination-add, nomination-form-(subject, person, unit, award, procedure, summary, justification), nwhatif-panel, nwhatif-warnings, nomination-search, nomination-status-filter, nomination-eligibility-filter, nomination-award-filter, nomination-table, nomination-row, nomination-open, nomination-select, nomination-eligibility ([data-status]), nomination-status ([data-status]), nomination-missing ([data-count]), nomination-conflicts, submission-builder, submission-build, submission-table, submission-row, submission-open — /de-nghi/:id
 *   nomination-page ([data-status]), nomination-withdraw, nomination-fact-{status,eligibility,holder,proposer,unit,procedure,missing,submission}, nomination-submission-link, nomination-recused, nomination-conflict-list, nomination-conflict ([data-code]), nomination-eligibility-panel, nomination-eligibility-status ([data-status]), nomination-checked-at, nomination-reevaluate, nomination-reasons ([data-outcome] per item), nomination-justification-card, nomination-justification-needed, nomination-summary, nomination-justification, nomination-justification-save, nomination-justification-text, dossier, dossier-report-template, dossier-item ([data-kind], [data-present], [data-missing]), dossier-file ([data-status]), dossier-download, dossier-replace, dossier-revoke, dossier-input, dossier-upload, nomination-history, history-event ([data-kind]), history-reason, opinions, opinion ([data-state]), opinion-request, opinion-agency, opinion-question, opinion-due, opinion-answer, opinion-answer-text — /de-nghi/ho-so/:id
 *   submission-page ([data-status]), submission-route, submission-stepper, submission-status ([data-status]), submission-days-left ([data-overdue]), submission-return-reason, submission-problems, submission-download-docx, submission-download-xlsx, submission-actions, submission-action-{submit,resubmit,receive,start,finish,to-council,escalate,return,withdraw}, submission-remind, submission-lines, submission-line, line-open, line-state ([data-state]), line-reason, line-recused, line-accept, line-return, line-reject, line-fix — /de-nghi/to-trinh/:id; appraisal-overdue, appraisal-table, appraisal-row — /tham-dinh
 *   council-create, council-org-filter, council-status-filter, council-table, council-row, council-open, council-status ([data-status]), council-form-(org, name, term, start, end, max, standing, regulation) — /hoi-dong
 *   council-page ([data-status]), council-edit, council-end, council-member-count, council-tab-(members, rules, meetings), member-add, member-form-(person, role, title, joined), member-table, member-row, member-name, member-role ([data-role]), member-left, member-no-account, member-relations, member-relation, member-end, relation-(kind, person, org, text), vote-rules, vote-rule ([data-code]), vote-rule-text, vote-rule-own, vote-rule-edit, rule-(approval, denominator, quorum, written, secret, consultation, source), meeting-create, meeting-form-(title, date, time, place, presiding, secretary), meeting-table, meeting-row, meeting-open, meeting-items-count, meeting-status ([data-status]) — /hoi-dong/:id
 *   meeting-page ([data-status]), meeting-summary, meeting-quorum ([data-met]), meeting-item-counts, meeting-next, meeting-edit, meeting-form-(counters, notes), meeting-counters, meeting-open, meeting-open-blocked, meeting-close, meeting-cancel, meeting-cancelled-reason, meeting-minutes, meeting-count-minutes, attendance, attendance-row ([data-member], [data-status]), attendance-toggle, attendance-present, attendance-absent, attendance-reason, attendance-all-present, attendance-unmarked, agenda, agenda-add, agenda-method, agenda-mode-all, agenda-mode-pick, agenda-waiting, agenda-waiting-row, agenda-pick, agenda-empty, agenda-empty-items, item-status-filter, voting-bar, voting-open, voting-close, voting-clear, meeting-item ([data-item], [data-status]), item-select, item-subject, item-status ([data-status]), item-rule, item-method, item-method-label, item-consultation, item-recusals, item-recusal ([data-reason]), item-progress, item-voted, item-withdrawn-reason, item-result, item-outcome ([data-outcome]), item-explanation, item-counts, item-recuse, item-counts-enter, item-written, item-withdraw, recusal-(member, note), counts-(yes, no, abstain, invalid, written, sum), written-(member, choice), verify, verify-run, verify-result ([data-ok]), verify-problem — /hoi-dong/hop/:id
 *   decision-create, decision-org-filter, decision-status-filter, decision-table, decision-row, decision-open, decision-status ([data-status]), decision-create-(org, meeting, rounding), decision-fund-link — /quyet-dinh; fund-org, fund-year, fund-set-budget, fund-amount, fund-note, fund-budget, fund-paid, fund-to-recover, fund-balance, fund-download, fund-ledger, fund-ledger-row — /quy-thi-dua; decision-number, decision-subject, decision-base-salary, decision-total, decision-to-recover, decision-fund ([data-over]), decision-edit, decision-edit-subject, decision-sign, decision-sign-(date, name, publish), decision-over-budget (the over-budget confirmation), decision-revoke, decision-revoke-all, decision-docx, decision-certificates ([data-award]), decision-group ([data-award]), decision-lines, decision-line, decision-line-amount, decision-line-serial, decision-line-revoked — /quyet-dinh/:id; meeting-decision — "Lập dự thảo quyết định" on a closed meeting (/hoi-dong/hop/:id)
 *   ceremony-create, ceremony-org-filter, ceremony-status-filter, ceremony-table, ceremony-row, ceremony-open, ceremony-status ([data-status]), ceremony-create-(org, title, date, time, place, decisions, group-size) — /le-trao-tang; ceremony-attendance-open, ceremony-edit, ceremony-edit-(title, date, time, place, note), ceremony-decisions, ceremony-decisions-select, ceremony-held, ceremony-cancel, ceremony-when, ceremony-place, ceremony-counts, ceremony-download-(list, programme, xlsx), ceremony-decision-list, ceremony-decision, ceremony-programme, ceremony-programme-(edit, line, row, at, item, by, add, save), ceremony-recipients, ceremony-arrange, ceremony-arrange-(row, group, save), ceremony-regroup, ceremony-regroup-size, ceremony-group ([data-group]), ceremony-group-presenter, ceremony-presenters-save, ceremony-recipient, ceremony-attendance ([data-attendance]), ceremony-recipient-revoked, ceremony-attendance-panel, ceremony-attendance-row ([data-attendance]), ceremony-mark-(received, proxy, absent), ceremony-received-by, ceremony-attendance-save, ceremony-attendance-close, ceremony-attendance-counts — /le-trao-tang/:id (?mode=attendance)
 *   ballot-meetings, ballot-meeting ([data-status]), ballot-pending ([data-count]), ballot-go, ballots-none — /bo-phieu; ballot-page ([data-status]), ballot-not-member, ballot-not-open, ballot-over, ballot-empty, ballot-approve-all, ballot-items, ballot-item ([data-item], [data-state] open|voted|recused|closed, [data-choice]), ballot-subject, ballot-choice-{YES,NO,ABSTAIN}, ballot-voted, ballot-recused, ballot-cannot, ballot-submit-bar, ballot-progress, ballot-submit, ballot-confirm-text, receipt, receipt-code, receipt-copy, receipt-done, receipt-check, receipt-check-input, receipt-check-submit, receipt-check-result ([data-found]), receipt-check-item — /bo-phieu/:id
 *   ct-org, ct-kind, ct-{field} (title, verb, accentColor…), ct-preview, ct-preview-frame, ct-preview-download, ct-save, ct-reset, ct-saved, ct-unsaved, ct-history, ct-history-row — /mau-giay-khen
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from '@tanstack/react-router';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import { UNAUTHENTICATED_EVENT } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { AppProviders } from './providers';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// A request answered 401 means the session ended (expired, or signed out in another tab):
// forget the user and ask them to sign in again, coming back to where they were.
window.addEventListener(UNAUTHENTICATED_EVENT, () => {
  if (queryClient.getQueryData(queryKeys.me) === null) return;
  queryClient.setQueryData(queryKeys.me, null);
  const here = router.state.location.href;
  void router.navigate({ to: '/dang-nhap', search: { redirect: here } });
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
