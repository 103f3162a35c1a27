// Security headers on every answer (API, web client, public site, files): a Content Security Policy
// that allows only Vinh Danh's own scripts and forbids framing, no MIME sniffing, no referrer leaving
// the site, and HSTS when the request came over HTTPS (directly, or through a trusted proxy).
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The policy. Styles allow 'unsafe-inline': Mantine writes its CSS variables in a style element and
 * charts set style attributes; scripts never run inline. `blob:` frames show the certificate preview
 * PDF the page itself produced. Nothing may frame Vinh Danh (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const HSTS = 'max-age=31536000; includeSubDomains';

const STATIC_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** An onSend hook: sets the headers unless a route chose its own value. */
export async function addSecurityHeaders(req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  for (const [name, value] of Object.entries(STATIC_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
  if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  return payload;
}
