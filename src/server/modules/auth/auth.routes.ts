import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import {
  loginInput,
  me,
  passwordResetConfirmInput,
  passwordResetConfirmResult,
  passwordResetRequestInput,
  passwordResetRequestResult,
  setLocaleInput,
} from '../../../contracts/auth';
import { confirmPasswordReset, passwordResetAnswer, requestPasswordReset } from './password-reset.service';
import { login } from './auth.service';
import { actorFromToken, destroySession, SESSION_COOKIE } from '../../lib/session';
import { presentMe } from './auth.presenter';
import { AppError } from '../../lib/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../lib/context';
import { LIMITS } from '../../../contracts/limits';

function secureCookies(app: AppContext, req: FastifyRequest) {
  return app.config.SECURE_COOKIES === 'true' || req.protocol === 'https';
}

function setSessionCookie(app: AppContext, req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(app, req),
    path: '/',
    maxAge: LIMITS.sessionDays * 86_400,
  });
}

export const authRoutes = [
  defineRoute({
    method: 'POST',
    url: '/auth/login',
    summary: 'Sign in; sets the session cookie',
    tag: 'auth',
    auth: 'public',
    body: loginInput,
    response: me,
    async handler({ body, req, reply, app }) {
      const session = await login(app, body.username, body.password, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      setSessionCookie(app, req, reply, session.token);
      const actor = await actorFromToken(app, session.token);
      if (!actor) throw new AppError('INTERNAL');
      return presentMe(app, actor);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/auth/logout',
    summary: 'Sign out',
    tag: 'auth',
    response: z.object({ ok: z.boolean() }),
    async handler({ actor, app, reply }) {
      await destroySession(app, actor.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/auth/me',
    summary: 'The signed-in user, their roles and scope',
    tag: 'auth',
    response: me,
    handler: async ({ actor, app }) => presentMe(app, actor),
  }),
  defineRoute({
    method: 'PUT',
    url: '/auth/locale',
    summary: 'Choose the interface language',
    tag: 'auth',
    body: setLocaleInput,
    response: me,
    async handler({ actor, app, body, reply }) {
      await app.db.execute(sql`update app_user set locale = ${body.locale} where id = ${actor.userId}`);
      reply.setCookie('vd_locale', body.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 });
      return presentMe(app, { ...actor, locale: body.locale });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/auth/password-reset',
    summary: 'Ask for a password reset link by e-mail (same answer whether or not the account exists)',
    tag: 'auth',
    auth: 'public',
    body: passwordResetRequestInput,
    response: passwordResetRequestResult,
    async handler({ body, req, locale, app }) {
      requestPasswordReset(app, body.usernameOrEmail, req.ip);
      return passwordResetAnswer(locale);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/auth/password-reset/confirm',
    summary: 'Set a new password with the token from the reset e-mail; ends every session of the user',
    tag: 'auth',
    auth: 'public',
    body: passwordResetConfirmInput,
    response: passwordResetConfirmResult,
    async handler({ body, app }) {
      await confirmPasswordReset(app, body.token, body.newPassword);
      return { ok: true as const };
    },
  }),
];
