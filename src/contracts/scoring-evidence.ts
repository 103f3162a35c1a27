// Evidence files of a score sheet (issue 5): per criterion, checked by content, kept outside the web
// root, each version kept (a replacement supersedes, a withdrawal revokes with a reason).
import { z } from 'zod';
import { abilities, reason } from './common';

export const EVIDENCE_STATUSES = ['ACTIVE', 'SUPERSEDED', 'REVOKED'] as const;

export const evidenceDto = z.object({
  id: z.number().int(),
  sheetId: z.number().int(),
  criterionCode: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  status: z.enum(EVIDENCE_STATUSES),
  revokedReason: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** The earlier file this one replaces. */
  supersedesId: z.number().int().nullable(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
  abilities,
});
export type EvidenceDto = z.infer<typeof evidenceDto>;

export const evidenceListQuery = z.object({ includeRevoked: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

/** Text fields sent before the file in the multipart upload. */
export const evidenceUploadFields = z.object({
  criterionCode: z.string().trim().min(1).max(40),
  supersedesId: z.coerce.number().int().positive().optional(),
});

export const revokeEvidenceInput = z.object({ reason });
