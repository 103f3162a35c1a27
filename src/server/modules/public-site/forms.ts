// The public forms without JavaScript: real <form method="post"> elements with labels, required
// marks, autocomplete and hints; after a refused post the same form comes back with the visitor's
// input (escaped) and a summary of the errors linking to each field.
import type { Locale } from '../../../contracts/enums';
import { COMPLAINT_KINDS, COMPLAINT_LIMITS } from '../../../contracts/complaints';
import { CONSULTATION_LIMITS, type PublicConsultationPage } from '../../../contracts/consultations';
import { PROPOSAL_LIMITS } from '../../../contracts/proposals';
import { t } from '../../../contracts/messages';
import type { PublicOrg } from './data';
import { html, raw, type SafeHtml } from './html';
import { orgHref } from './layout';
import { vnDay, type PageResult } from './pages';

export interface Field {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select' | 'date' | 'email-or-phone';
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  maxLength?: number;
  options?: { value: string; label: string }[];
}

export type Values = Record<string, string>;
export type Errors = Record<string, string>;

function control(f: Field, id: string, value: string, describedBy: string, invalid: boolean): SafeHtml {
  const common = html`id="${id}" name="${f.name}"${f.required ? raw(' required') : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${
    describedBy ? html` aria-describedby="${describedBy}"` : ''
  }${invalid ? raw(' aria-invalid="true"') : ''}`;
  if (f.kind === 'textarea') return html`<textarea ${common}${f.maxLength ? html` maxlength="${f.maxLength}"` : ''} rows="8">${value}</textarea>`;
  if (f.kind === 'select')
    return html`<select ${common}>${(f.options ?? []).map((o) => html`<option value="${o.value}"${o.value === value ? raw(' selected') : ''}>${o.label}</option>`)}</select>`;
  const type = f.kind === 'date' ? 'date' : 'text';
  return html`<input type="${type}" ${common} value="${value}"${f.maxLength ? html` maxlength="${f.maxLength}"` : ''}${f.kind === 'email-or-phone' ? raw(' inputmode="email"') : ''}>`;
}

export function renderForm(locale: Locale, o: { action: string; label: string; fields: Field[]; values: Values; errors: Errors; submit: string; testid: string }): SafeHtml {
  const errorFields = o.fields.filter((f) => o.errors[f.name]);
  const general = o.errors._;
  const count = errorFields.length + (general ? 1 : 0);
  const summary =
    count === 0
      ? html``
      : html`<div class="ps-errors" role="alert" data-testid="${o.testid}-errors"><h2>${t(locale, 'publicSite.forms.errorsTitle', { count })}</h2><ul>${
          general ? html`<li>${general}</li>` : ''
        }${errorFields.map((f) => html`<li><a href="#f-${f.name}">${f.label}: ${o.errors[f.name]!}</a></li>`)}</ul></div>`;
  return html`${summary}<form method="post" action="${o.action}" accept-charset="utf-8" aria-label="${o.label}" data-testid="${o.testid}">
<p class="ps-hint">${t(locale, 'publicSite.forms.required')}</p>${o.fields.map((f) => {
    const id = `f-${f.name}`;
    const error = o.errors[f.name];
    const describedBy = [f.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<label for="${id}">${f.label}${f.required ? raw(' <span aria-hidden="true">*</span>') : html` <span class="ps-hint">${t(locale, 'publicSite.forms.optional')}</span>`}</label>
${control(f, id, o.values[f.name] ?? '', describedBy, Boolean(error))}${f.hint ? html`<p class="ps-hint" id="${id}-hint">${f.hint}</p>` : ''}${
      error ? html`<p class="ps-error" id="${id}-error">${error}</p>` : ''
    }`;
  })}
<button type="submit">${o.submit}</button></form>`;
}

/** Only the form's own fields, as strings: anything else in the post is ignored. */
export function pick(body: unknown, fields: Field[]): Values {
  const src = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const out: Values = {};
  for (const f of fields) {
    const v = src[f.name];
    out[f.name] = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  }
  return out;
}

export function complaintFields(locale: Locale): Field[] {
  return [
    { name: 'kind', label: t(locale, 'web.complaints.field.kind'), kind: 'select', required: true, hint: t(locale, 'web.complaints.public.kindHint'), options: COMPLAINT_KINDS.map((k) => ({ value: k, label: t(locale, `web.complaints.kind.${k}`) })) },
    { name: 'name', label: t(locale, 'web.complaints.field.name'), kind: 'text', required: true, autocomplete: 'name', maxLength: COMPLAINT_LIMITS.nameMax },
    { name: 'contact', label: t(locale, 'web.complaints.field.contact'), kind: 'email-or-phone', required: true, autocomplete: 'email', hint: t(locale, 'web.complaints.field.contactHint'), maxLength: COMPLAINT_LIMITS.contactMax },
    { name: 'address', label: t(locale, 'web.complaints.field.address'), kind: 'text', autocomplete: 'street-address', maxLength: COMPLAINT_LIMITS.addressMax },
    { name: 'learnedOn', label: t(locale, 'web.complaints.field.learnedOn'), kind: 'date', hint: t(locale, 'web.complaints.field.learnedOnHint') },
    { name: 'content', label: t(locale, 'web.complaints.field.content'), kind: 'textarea', required: true, maxLength: COMPLAINT_LIMITS.contentMax, hint: t(locale, 'web.consultations.public.bodyHint', { min: COMPLAINT_LIMITS.contentMin, max: COMPLAINT_LIMITS.contentMax }) },
  ];
}

export function complaintFormPage(locale: Locale, org: PublicOrg, values: Values, errors: Errors, status = 200): PageResult {
  const fields = complaintFields(locale);
  const body = html`<h1>${t(locale, 'web.complaints.public.title')}</h1>
<p>${t(locale, 'web.complaints.public.intro', { org: org.name })}</p>
<p>${t(locale, 'web.complaints.public.privacy')}</p>
${renderForm(locale, { action: orgHref(org.code, '/gui-don'), label: t(locale, 'web.complaints.public.formLabel'), fields, values: { kind: 'COMPLAINT', ...values }, errors, submit: t(locale, 'web.complaints.public.send'), testid: 'ps-complaint-form' })}`;
  return {
    meta: { title: `${t(locale, 'web.complaints.public.title')} — ${org.name}`, description: t(locale, 'web.complaints.public.introNoOrg'), path: orgHref(org.code, '/gui-don'), org, noindex: status !== 200 },
    body,
    nav: 'complain',
    org,
    status,
  };
}

export function sentPage(locale: Locale, org: PublicOrg, o: { title: string; codeLabel: string; code: string; hint: string; statusHref?: string; statusLabel?: string; againHref: string; againLabel: string; nav: PageResult['nav'] }): PageResult {
  const body = html`<h1>${o.title}</h1><div class="ps-card" data-testid="ps-sent"><p>${o.codeLabel}</p><p class="ps-code" data-testid="ps-sent-code">${o.code}</p><p>${o.hint}</p></div>${
    o.statusHref ? html`<p><a href="${o.statusHref}">${o.statusLabel ?? t(locale, 'web.complaints.public.statusLink')}</a></p>` : ''
  }<p><a href="${o.againHref}">${o.againLabel}</a></p>`;
  return { meta: { title: `${o.title} — ${org.name}`, description: o.title, path: o.againHref, org, noindex: true }, body, nav: o.nav, org, status: 200 };
}

export function feedbackFields(locale: Locale): Field[] {
  return [
    { name: 'authorName', label: t(locale, 'web.consultations.public.authorName'), kind: 'text', required: true, autocomplete: 'name', maxLength: CONSULTATION_LIMITS.authorNameMax },
    { name: 'contact', label: t(locale, 'web.consultations.public.contact'), kind: 'email-or-phone', required: true, autocomplete: 'email', hint: t(locale, 'web.consultations.public.contactHint'), maxLength: CONSULTATION_LIMITS.contactMax },
    { name: 'body', label: t(locale, 'web.consultations.public.body'), kind: 'textarea', required: true, maxLength: CONSULTATION_LIMITS.bodyMax, hint: t(locale, 'web.consultations.public.bodyHint', { min: CONSULTATION_LIMITS.bodyMin, max: CONSULTATION_LIMITS.bodyMax }) },
  ];
}

const feedbackHref = (code: string, itemId: number) => orgHref(code, `/lay-y-kien/${itemId}`);

/** The consultation lists, each proposed awardee with a link to the comment form while the list is open. */
export function consultationsPage(locale: Locale, org: PublicOrg, p: PublicConsultationPage): PageResult {
  const body = html`<h1>${t(locale, 'web.consultations.public.title')}</h1>
<p>${t(locale, 'web.consultations.public.description', { name: org.name })}</p>${
    p.items.length === 0
      ? html`<p>${t(locale, 'web.consultations.public.empty')}</p>`
      : p.items.map(
          (c) => html`<section class="ps-card" data-testid="ps-consultation"><h2>${c.title}</h2>
<p class="ps-meta">${t(locale, `web.consultations.phase.${c.phase}`)} · ${t(locale, 'web.consultations.public.period', { from: vnDay(c.startsOn), to: vnDay(c.endsOn), days: c.workingDays })}</p>
${c.phase === 'OPEN' ? html`<p>${t(locale, 'web.consultations.public.invite')}</p>` : ''}<ul class="ps-list">${c.items.map(
            (i) => html`<li><h3>${i.subjectName}</h3><p class="ps-meta">${i.unitName}${i.unitName ? ' · ' : ''}${t(locale, 'web.consultations.public.award')}: ${i.awardName}</p><p>${i.publicSummary}</p>${
              c.phase === 'OPEN' ? html`<p><a href="${feedbackHref(org.code, i.id)}">${t(locale, 'web.consultations.public.formLabel', { name: i.subjectName })}</a></p>` : ''
            }</li>`,
          )}</ul></section>`,
        )
  }`;
  return {
    meta: { title: `${t(locale, 'web.consultations.public.title')} — ${org.name}`, description: t(locale, 'web.consultations.public.description', { name: org.name }), path: orgHref(org.code, '/lay-y-kien'), org },
    body,
    nav: 'consultations',
    org,
  };
}

export function feedbackFormPage(locale: Locale, org: PublicOrg, item: { id: number; subjectName: string; open: boolean }, values: Values, errors: Errors, status = 200): PageResult {
  const label = t(locale, 'web.consultations.public.formLabel', { name: item.subjectName });
  const body = html`<h1>${label}</h1>${
    item.open
      ? html`<p>${t(locale, 'web.consultations.public.privacy')}</p>${renderForm(locale, { action: feedbackHref(org.code, item.id), label, fields: feedbackFields(locale), values, errors, submit: t(locale, 'web.consultations.public.send'), testid: 'ps-feedback-form' })}`
      : html`<p>${t(locale, 'publicSite.consultations.closed')}</p>`
  }<p><a href="${orgHref(org.code, '/lay-y-kien')}">${t(locale, 'web.consultations.public.title')}</a></p>`;
  return { meta: { title: `${label} — ${org.name}`, description: label, path: feedbackHref(org.code, item.id), org, noindex: true }, body, nav: 'consultations', org, status };
}

export function proposalFields(locale: Locale): Field[] {
  return [
    { name: 'proposerName', label: t(locale, 'web.proposals.field.proposerName'), kind: 'text', required: true, autocomplete: 'name', maxLength: COMPLAINT_LIMITS.nameMax },
    { name: 'proposerContact', label: t(locale, 'web.proposals.field.contact'), kind: 'email-or-phone', required: true, autocomplete: 'email', hint: t(locale, 'web.proposals.field.contactHint'), maxLength: COMPLAINT_LIMITS.contactMax },
    { name: 'subjectName', label: t(locale, 'web.proposals.field.subjectName'), kind: 'text', required: true, autocomplete: 'off', maxLength: COMPLAINT_LIMITS.nameMax },
    { name: 'subjectUnit', label: t(locale, 'web.proposals.field.subjectUnit'), kind: 'text', autocomplete: 'off', hint: t(locale, 'web.proposals.field.subjectUnitHint'), maxLength: COMPLAINT_LIMITS.addressMax },
    { name: 'story', label: t(locale, 'web.proposals.field.story'), kind: 'textarea', required: true, maxLength: PROPOSAL_LIMITS.storyMax, hint: t(locale, 'web.consultations.public.bodyHint', { min: PROPOSAL_LIMITS.storyMin, max: PROPOSAL_LIMITS.storyMax }) },
  ];
}

export function proposalFormPage(locale: Locale, org: PublicOrg, values: Values, errors: Errors, status = 200): PageResult {
  const body = html`<h1>${t(locale, 'web.proposals.public.title')}</h1>
<p>${t(locale, 'web.proposals.public.intro', { org: org.name })}</p>
<p>${t(locale, 'web.proposals.public.privacy')}</p>
${renderForm(locale, { action: orgHref(org.code, '/de-xuat'), label: t(locale, 'web.proposals.public.formLabel'), fields: proposalFields(locale), values, errors, submit: t(locale, 'web.proposals.public.send'), testid: 'ps-proposal-form' })}`;
  return {
    meta: { title: `${t(locale, 'web.proposals.public.title')} — ${org.name}`, description: t(locale, 'web.proposals.public.introNoOrg'), path: orgHref(org.code, '/de-xuat'), org, noindex: status !== 200 },
    body,
    nav: 'propose',
    org,
    status,
  };
}
