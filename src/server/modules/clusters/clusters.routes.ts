import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import { chooseLeaderInput, clusterDto, clusterListQuery, covenantInput, createClusterInput, updateClusterInput } from '../../../contracts/clusters';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { findOrg, readableSubtrees } from '../organisations/organisations.repository';
import { t } from '../../../contracts/messages';
import { findCluster, listClusters } from './clusters.repository';
import { carryOverCluster, clusterPolicy, createCluster, presentCluster, updateCluster } from './clusters.service';
import { chooseLeader, saveCovenant } from './cluster-year-end';
import { covenantDocxModel, renderCovenantDocx } from './cluster-docx';
import { CLUSTER_EXPORT_MAX_ROWS, clusterWorkbook } from './cluster-export';

async function loadReadable(app: AppContext, actor: AuthActor, id: number) {
  const c = await findCluster(app.db, id);
  if (!c || !clusterPolicy.read(actor, c)) throw notFound();
  return c;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const clusterRoutes = [
  defineRoute({
    method: 'GET',
    url: '/clusters',
    summary: 'Emulation clusters and blocks organised in, or with members in, the subtrees in scope; paged',
    tag: 'clusters',
    query: clusterListQuery,
    response: pageOf(clusterDto),
    async handler({ app, actor, query }) {
      const paths = await readableSubtrees(app.db, actor, query.orgId);
      const { rows, total } = await listClusters(app.db, { paths, year: query.year, kind: query.kind }, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map((c) => presentCluster(actor, c)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/clusters/export.xlsx',
    summary: 'Exactly the filtered cluster list as an Excel file, one row per member unit (first 20,000 rows)',
    tag: 'clusters',
    query: clusterListQuery.omit({ page: true, pageSize: true }),
    produces: XLSX,
    async handler({ app, actor, query, reply }) {
      const paths = await readableSubtrees(app.db, actor, query.orgId);
      const [{ rows, total }, org] = await Promise.all([
        listClusters(app.db, { paths, year: query.year, kind: query.kind }, CLUSTER_EXPORT_MAX_ROWS, 0),
        query.orgId === undefined ? Promise.resolve(null) : findOrg(app.db, query.orgId),
      ]);
      const filter = [
        query.year !== undefined ? t('vi', 'cluster.export.filterYear', { year: query.year }) : null,
        query.kind ? t('vi', `cluster.export.kind.${query.kind}`) : null,
        org ? t('vi', 'cluster.export.filterUnit', { name: org.name }) : null,
      ].filter(Boolean).join(', ') || t('vi', 'cluster.export.all');
      const buffer = await clusterWorkbook(rows, { filter, moreClusters: total > rows.length });
      const name = `cum-khoi-thi-dua${query.year !== undefined ? `-${query.year}` : ''}.xlsx`;
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${name}"`).send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/clusters/:id',
    summary: 'A cluster or block with its members, roles, covenant and leader',
    tag: 'clusters',
    params: idParams,
    response: clusterDto,
    handler: async ({ app, actor, params }) => presentCluster(actor, await loadReadable(app, actor, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/clusters',
    summary: 'Create a cluster or block of units below the organiser for a year (managers of the organiser)',
    tag: 'clusters',
    body: createClusterInput,
    response: clusterDto,
    async handler({ app, actor, body }) {
      const id = await createCluster(app, actor, body);
      return presentCluster(actor, await loadReadable(app, actor, id));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/clusters/:id',
    summary: 'Rename, change members and roles (optimistic version)',
    tag: 'clusters',
    params: idParams,
    body: updateClusterInput,
    response: clusterDto,
    async handler({ app, actor, params, body }) {
      await updateCluster(app, actor, params.id, body);
      return presentCluster(actor, await loadReadable(app, actor, params.id));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/clusters/:id/next-year',
    summary: 'Create next year’s cluster with the same active members, head and deputy rotated',
    tag: 'clusters',
    params: idParams,
    response: clusterDto,
    async handler({ app, actor, params }) {
      const id = await carryOverCluster(app, actor, params.id);
      return presentCluster(actor, await loadReadable(app, actor, id));
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/clusters/:id/covenant',
    summary: 'Save the signed covenant (giao ước thi đua): commitments and signing date',
    tag: 'clusters',
    params: idParams,
    body: covenantInput,
    response: clusterDto,
    async handler({ app, actor, params, body }) {
      await saveCovenant(app, actor, params.id, body);
      return presentCluster(actor, await loadReadable(app, actor, params.id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/clusters/:id/covenant.docx',
    summary: 'The covenant as a Word document (Nghị định 30/2020 layout) with a signature cell per member',
    tag: 'clusters',
    params: idParams,
    produces: DOCX,
    async handler({ app, actor, params, reply }) {
      const c = await loadReadable(app, actor, params.id);
      const buffer = await renderCovenantDocx(covenantDocxModel(presentCluster(actor, c), c.parent_name));
      return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="giao-uoc-thi-dua-${c.year}-${c.id}.docx"`).send(buffer);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/clusters/:id/leader',
    summary: 'Record the unit chosen to lead the cluster for the year (bình xét, suy tôn); a replacement revokes the earlier record',
    tag: 'clusters',
    params: idParams,
    body: chooseLeaderInput,
    response: clusterDto,
    async handler({ app, actor, params, body }) {
      await chooseLeader(app, actor, params.id, body);
      return presentCluster(actor, await loadReadable(app, actor, params.id));
    },
  }),
];
