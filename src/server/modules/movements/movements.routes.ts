import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  createMovementInput,
  launchMovementInput,
  movementDetailDto,
  movementDto,
  movementListQuery,
  movementStepInput,
  updateMovementInput,
  type MovementDetailDto,
} from '../../../contracts/movements';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { t } from '../../../contracts/messages';
import { findOrg, readableSubtrees } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import { placeDateLine } from '../plans/plans.service';
import { createMovement, launchMovement, movementPolicy, presentMovement, stepMovement, updateMovement } from './movements.service';
import { findMovement, listMovements, movementFiguresOf, movementSteps, reportSigning, visibleMovementsWhere, type MovementRow } from './movements.repository';
import { renderMovementReport } from './movement-docx';
import { MOVEMENT_EXPORT_MAX_ROWS, movementWorkbook, registrationFiguresOf } from './movement-export';
import { MOVEMENT_STATUSES } from '../../../domain/movements/movement-rules';

async function loadDetail(app: AppContext, actor: AuthActor, id: number): Promise<{ dto: MovementDetailDto; row: MovementRow }> {
  const m = await findMovement(app.db, id);
  if (!m || !movementPolicy.read(actor, m)) throw notFound();
  const [steps, figures] = await Promise.all([movementSteps(app.db, id), m.status === 'DRAFT' ? Promise.resolve(null) : movementFiguresOf(app.db, id)]);
  return { dto: { ...presentMovement(actor, m), steps, figures }, row: m };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const REPORT_ABBREVIATIONS: Record<string, string> = { TLD: 'TLĐ', LDLD_TINH: 'LĐLĐ', LDLD_HUYEN: 'LĐLĐ', CDCS: 'CĐCS', NGHIEP_DOAN: 'NĐ' };

export const movementRoutes = [
  defineRoute({
    method: 'GET',
    url: '/movements',
    summary: 'Movements launched in the organisations in scope, and the launched movements addressed to them from above; paged',
    tag: 'movements',
    query: movementListQuery,
    response: pageOf(movementDto),
    async handler({ app, actor, query }) {
      const paths = await readableSubtrees(app.db, actor, query.orgId);
      const where = visibleMovementsWhere(actor, paths, query.orgId === undefined);
      const { rows, total } = await listMovements(app.db, { where, year: query.year, status: query.status, kind: query.kind }, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map((m) => presentMovement(actor, m)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/movements/export.xlsx',
    summary: 'Exactly the filtered movement list as an Excel file, with the registration figures (first 20,000 rows)',
    tag: 'movements',
    query: movementListQuery.omit({ page: true, pageSize: true }),
    produces: XLSX,
    async handler({ app, actor, query, reply }) {
      const paths = await readableSubtrees(app.db, actor, query.orgId);
      const where = visibleMovementsWhere(actor, paths, query.orgId === undefined);
      const [{ rows, total }, org] = await Promise.all([
        listMovements(app.db, { where, year: query.year, status: query.status, kind: query.kind }, MOVEMENT_EXPORT_MAX_ROWS, 0),
        query.orgId === undefined ? Promise.resolve(null) : findOrg(app.db, query.orgId),
      ]);
      const figures = await registrationFiguresOf(app.db, rows.map((m) => Number(m.id)));
      const filter = [
        query.year !== undefined ? t('vi', 'movement.export.filterYear', { year: query.year }) : null,
        query.status ? t('vi', `movement.status.${query.status}`) : null,
        query.kind ? t('vi', `movement.kind.${query.kind}`) : null,
        org ? t('vi', 'movement.export.filterUnit', { name: org.name }) : null,
      ].filter(Boolean).join(', ') || t('vi', 'movement.export.all');
      const buffer = await movementWorkbook(rows, figures, { filter, total });
      const name = `phong-trao-thi-dua${query.year !== undefined ? `-${query.year}` : ''}.xlsx`;
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${name}"`).send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/movements/:id',
    summary: 'A movement with its steps, abilities and, once launched, the figures of its registration request',
    tag: 'movements',
    params: idParams,
    response: movementDetailDto,
    handler: async ({ app, actor, params }) => (await loadDetail(app, actor, params.id)).dto,
  }),
  defineRoute({
    method: 'POST',
    url: '/movements',
    summary: 'Draft a movement for an organisation (managers of the organisation)',
    tag: 'movements',
    body: createMovementInput,
    response: movementDetailDto,
    async handler({ app, actor, body }) {
      const id = await createMovement(app, actor, body);
      return (await loadDetail(app, actor, id)).dto;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/movements/:id',
    summary: 'Edit a draft movement (optimistic version)',
    tag: 'movements',
    params: idParams,
    body: updateMovementInput,
    response: movementDetailDto,
    async handler({ app, actor, params, body }) {
      await updateMovement(app, actor, params.id, body);
      return (await loadDetail(app, actor, params.id)).dto;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/movements/:id/launch',
    summary: 'Launch a draft; optionally ask the units below to register under it by a deadline',
    tag: 'movements',
    params: idParams,
    body: launchMovementInput,
    response: movementDetailDto,
    async handler({ app, actor, params, body }) {
      await launchMovement(app, actor, params.id, body);
      return (await loadDetail(app, actor, params.id)).dto;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/movements/:id/steps',
    summary: 'Record the next step: in progress, sơ kết, tổng kết or closed (with a note for reviews and closing)',
    tag: 'movements',
    params: idParams,
    body: movementStepInput,
    response: movementDetailDto,
    async handler({ app, actor, params, body }) {
      await stepMovement(app, actor, params.id, body);
      return (await loadDetail(app, actor, params.id)).dto;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/movements/:id/summary.docx',
    summary: 'Báo cáo sơ kết / tổng kết of the movement as a Word document (Nghị định 30/2020 layout) with its figures',
    tag: 'movements',
    params: idParams,
    produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    async handler({ app, actor, params, reply }) {
      const { dto, row } = await loadDetail(app, actor, params.id);
      const signing = await reportSigning(app.db, row);
      const today = todayInVietnam();
      const final = dto.status === 'FINAL_REVIEW' || dto.status === 'CLOSED';
      const statusLabels = Object.fromEntries(MOVEMENT_STATUSES.map((s) => [s, t('vi', `movement.status.${s}`)]));
      const buffer = await renderMovementReport({
        header: {
          parentOrgName: row.parent_name,
          orgName: dto.orgName,
          numberLine: `Số:      /BC-${REPORT_ABBREVIATIONS[row.org_kind] ?? 'CĐ'}`,
          placeDateLine: placeDateLine(signing.place ?? '……………', today, Number(today.slice(0, 4))),
        },
        heading: final ? 'BÁO CÁO TỔNG KẾT' : 'BÁO CÁO SƠ KẾT',
        movement: dto,
        kindLabel: t('vi', `movement.kind.${dto.kind}`),
        statusLabels,
        signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: signing.signerPosition, name: signing.signerName || ' ' },
        recipients: ['Các đơn vị trực thuộc;', 'Lưu: VP.'],
        draft: dto.status !== 'CLOSED',
      });
      const name = `${final ? 'bao-cao-tong-ket' : 'bao-cao-so-ket'}-phong-trao-${dto.id}`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${name}.docx"`)
        .send(buffer);
    },
  }),
];
