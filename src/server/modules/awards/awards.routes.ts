import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  awardCodeParams, awardItem, awardListQuery, baseSalaryItem, createAwardInput, createBaseSalaryInput, supersedeBaseSalaryInput,
  updateAwardInput,
} from '../../../contracts/awards';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { baseSalaryOn } from '../../../domain/catalogue/base-salary';
import { activeBaseSalarySteps, findAward, listAwards, listBaseSalaries } from './awards.repository';
import { presentAward, presentBaseSalary, todayIso } from './awards.presenter';
import { addBaseSalary, createAward, supersedeBaseSalary, updateAward } from './awards.service';

async function loadAward(app: AppContext, actor: AuthActor, code: string) {
  const [a, steps] = await Promise.all([findAward(app.db, code), activeBaseSalarySteps(app.db)]);
  if (!a) throw notFound();
  return presentAward(actor, a, steps);
}

async function loadBaseSalaries(app: AppContext) {
  const [rows, steps] = await Promise.all([listBaseSalaries(app.db), activeBaseSalarySteps(app.db)]);
  const current = baseSalaryOn(todayIso(), steps);
  const currentId = current ? Number(rows.find((r) => r.status === 'ACTIVE' && r.effective_from === current.effectiveFrom)?.id ?? 0) || null : null;
  return { items: rows.map((r) => presentBaseSalary(r, currentId)) };
}

const baseSalaryList = z.object({ items: z.array(baseSalaryItem) });

export const awardRoutes = [
  defineRoute({
    method: 'GET',
    url: '/awards',
    summary: 'The award catalogue: filters, diacritic-free search, server-side pagination; reward money for today',
    tag: 'awards',
    query: awardListQuery,
    response: pageOf(awardItem),
    async handler({ app, actor, query }) {
      const [{ rows, total }, steps] = await Promise.all([listAwards(app.db, query), activeBaseSalarySteps(app.db)]);
      const today = todayIso();
      return { items: rows.map((a) => presentAward(actor, a, steps, today)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/awards/:code',
    summary: 'One catalogue entry',
    tag: 'awards',
    params: awardCodeParams,
    response: awardItem,
    handler: ({ app, actor, params }) => loadAward(app, actor, params.code),
  }),
  defineRoute({
    method: 'POST',
    url: '/awards',
    summary: 'Add a catalogue entry (system administrators)',
    tag: 'awards',
    body: createAwardInput,
    response: awardItem,
    async handler({ app, actor, body }) {
      const created = await createAward(app, actor, body);
      return loadAward(app, actor, created.code);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/awards/:code',
    summary: 'Change names, description, granting levels, coefficient, kind, level or deactivate (system administrators; optimistic version)',
    tag: 'awards',
    params: awardCodeParams,
    body: updateAwardInput,
    response: awardItem,
    async handler({ app, actor, params, body }) {
      await updateAward(app, actor, params.code, body);
      return loadAward(app, actor, params.code);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/base-salaries',
    summary: 'Base salary steps (mức lương cơ sở), superseded ones included',
    tag: 'awards',
    response: baseSalaryList,
    handler: ({ app }) => loadBaseSalaries(app),
  }),
  defineRoute({
    method: 'POST',
    url: '/base-salaries',
    summary: 'Add a base salary step (system administrators)',
    tag: 'awards',
    body: createBaseSalaryInput,
    response: baseSalaryList,
    async handler({ app, actor, body }) {
      await addBaseSalary(app, actor, body);
      return loadBaseSalaries(app);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/base-salaries/:id/supersede',
    summary: 'Correct a step: a new row replaces it, the old row is kept as SUPERSEDED (system administrators)',
    tag: 'awards',
    params: idParams,
    body: supersedeBaseSalaryInput,
    response: baseSalaryList,
    async handler({ app, actor, params, body }) {
      await supersedeBaseSalary(app, actor, params.id, body);
      return loadBaseSalaries(app);
    },
  }),
];
