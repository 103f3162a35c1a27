// Fills the decision document (Nghị định 30/2020 layout, decision-docx.ts) from a decision: the lines
// grouped by award and by individual/collective, the money of Điều 2 with the base salary, the draft
// mark and blank number before signing.
import type { Locale } from '../../../contracts/enums';
import { DECISION_DOC_TYPE, type DecisionDto } from '../../../contracts/decisions';
import { t } from '../../../contracts/messages';
import { placeDateLine } from '../plans/plans.service';
import { decisionDocx } from './documents/decision-docx';
import { decisionPdf } from './documents/decision-pdf';
import type { DecisionAwardGroup, DecisionDocData } from './documents/decision-data';
import type { DecisionRow } from './decisions.service';

/** Lists longer than this go to the annex. */
export const ANNEX_THRESHOLD = 10;

export function decisionDocData(d: DecisionRow, dto: DecisionDto, locale: Locale): DecisionDocData {
  const groups: DecisionAwardGroup[] = [];
  for (const i of dto.items.filter((x) => x.status === 'ACTIVE' || dto.status === 'REVOKED')) {
    let g = groups.find((x) => x.awardName === i.awardName && x.subjectKind === i.subjectKind && x.achievement === i.achievement);
    if (!g) {
      g = { awardName: i.awardName, subjectKind: i.subjectKind, achievement: i.achievement, lines: [] };
      groups.push(g);
    }
    g.lines.push({ name: i.subjectName, unit: i.unitName, amountVnd: i.amountVnd });
  }
  const total = dto.items.reduce((s, i) => s + (i.amountVnd ?? 0), 0);
  const hasMoney = dto.items.some((i) => i.amountVnd !== null) && dto.baseSalaryVnd !== null;
  return {
    superiorOrgName: d.parent_name,
    issuerName: d.org_name,
    numberLine: dto.numberText ? `Số: ${dto.numberText}` : `Số:      /${DECISION_DOC_TYPE}-${d.abbreviation}`,
    placeDateLine: placeDateLine(d.place, dto.signedOn, dto.signedOn ? Number(dto.signedOn.slice(0, 4)) : Number(new Date().getFullYear())),
    isDraft: dto.status === 'DRAFT',
    authorityLine: t('vi', 'decisions.doc.authority', { org: d.org_name }).toUpperCase(),
    subject: dto.subject,
    basis: dto.basis,
    articles: {
      awards: groups,
      money: hasMoney
        ? {
            baseSalaryVnd: dto.baseSalaryVnd!,
            baseSalarySource: dto.baseSalarySource ?? '',
            roundingText: t(locale, `decisions.rounding.${dto.rounding}`),
            totalVnd: total,
            fundName: t(locale, 'decisions.doc.fund', { org: d.org_name }),
          }
        : null,
      execution: dto.execution,
    },
    annexThreshold: ANNEX_THRESHOLD,
    signer: dto.signer,
    recipients: dto.recipients,
  };
}

export function renderDecision(d: DecisionRow, dto: DecisionDto, locale: Locale): Promise<Buffer> {
  return decisionDocx(decisionDocData(d, dto, locale), locale);
}

/** The same decision as a PDF (decision-pdf.ts), from the same data as the DOCX. */
export function renderDecisionPdf(d: DecisionRow, dto: DecisionDto, locale: Locale): Promise<Buffer> {
  return decisionPdf(decisionDocData(d, dto, locale), locale);
}
