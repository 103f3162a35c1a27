import { auditExportRoutes } from './audit-export';
import { listAuditEvents } from './audit.service';
import { defineRoute } from '../../lib/http';
import { pageOf } from '../../../contracts/common';
import { auditItem, auditListQuery } from '../../../contracts/audit';

export const auditRoutes = [
  ...auditExportRoutes,
  defineRoute({
    method: 'GET',
    url: '/audit',
    summary: 'Audit log in the administrator’s subtree, filtered by unit, user and date',
    tag: 'audit',
    query: auditListQuery,
    response: pageOf(auditItem),
    handler: ({ app, actor, query }) => listAuditEvents(app.db, actor, query),
  }),
];
