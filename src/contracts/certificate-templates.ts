// Certificate templates (mẫu giấy khen, bằng khen) per organisation and kind: a small set of
// optional overrides on top of the default look. Colours come from a fixed palette so that no one
// prints a title nobody can read; texts have limits so they fit on the page.
import { z } from 'zod';
import { abilities } from './common';

export const CERTIFICATE_KINDS = ['GIAY_KHEN', 'BANG_KHEN'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const certificateKind = z.enum(CERTIFICATE_KINDS);

/** Named accent colours, dark enough on white paper (contrast ≥ 3:1 for the large title). */
export const CERTIFICATE_PALETTE = [
  { name: 'GOLD', hex: '#b8860b' },
  { name: 'RED', hex: '#a61b1b' },
  { name: 'CRIMSON', hex: '#8b0000' },
  { name: 'BLUE', hex: '#1f4e8c' },
  { name: 'NAVY', hex: '#14305c' },
  { name: 'GREEN', hex: '#1e6b3a' },
  { name: 'BROWN', hex: '#7a4a1e' },
  { name: 'PURPLE', hex: '#5b2a86' },
  { name: 'BLACK', hex: '#1a1a1a' },
] as const;
export type PaletteColour = (typeof CERTIFICATE_PALETTE)[number]['name'];
export const PALETTE_HEX: readonly string[] = CERTIFICATE_PALETTE.map((c) => c.hex);

/** CLASSIC: double border with corner ornaments (the default); DOUBLE: two plain lines; SIMPLE: one line. */
export const BORDER_STYLES = ['CLASSIC', 'DOUBLE', 'SIMPLE'] as const;
export type BorderStyle = (typeof BORDER_STYLES)[number];

/** Text limits: what still fits on one A4 landscape page at a readable size. */
export const CERTIFICATE_TEXT_LIMITS = {
  title: 30,
  issuerLine: 120,
  verb: 40,
  signerLine: 80,
  footer: 120,
} as const;

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max));

const accentColor = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => PALETTE_HEX.includes(s), 'certificateTemplates.api.colourNotInPalette');

/** The overrides an organisation may set; a missing field takes the default. */
export const templateSettings = z
  .object({
    title: text(CERTIFICATE_TEXT_LIMITS.title).optional(),
    issuerLine1: text(CERTIFICATE_TEXT_LIMITS.issuerLine).optional(),
    /** null: no second issuer line. */
    issuerLine2: text(CERTIFICATE_TEXT_LIMITS.issuerLine).nullable().optional(),
    verb: text(CERTIFICATE_TEXT_LIMITS.verb).optional(),
    accentColor: accentColor.optional(),
    borderStyle: z.enum(BORDER_STYLES).optional(),
    showEmblem: z.boolean().optional(),
    signerOnBehalf: text(CERTIFICATE_TEXT_LIMITS.signerLine).optional(),
    signerTitle: text(CERTIFICATE_TEXT_LIMITS.signerLine).optional(),
    footer: text(CERTIFICATE_TEXT_LIMITS.footer).optional(),
  })
  .strict();
export type TemplateSettings = z.output<typeof templateSettings>;
export type TemplateSettingsInput = z.input<typeof templateSettings>;
export const TEMPLATE_FIELDS = ['title', 'issuerLine1', 'issuerLine2', 'verb', 'accentColor', 'borderStyle', 'showEmblem', 'signerOnBehalf', 'signerTitle', 'footer'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const templateOrgParams = z.object({ orgId: z.coerce.number().int().positive() });
export const templateKindParams = templateOrgParams.extend({ kind: certificateKind });

/** Save (or reset with `settings: {}`): supersedes the active row; `expectedId` is the id the editor saw (null when none). */
export const saveTemplateInput = z.object({
  settings: templateSettings,
  expectedId: z.number().int().positive().nullable(),
});
export type SaveTemplateInput = z.input<typeof saveTemplateInput>;

export const previewTemplateInput = z.object({ settings: templateSettings });

/** Every field with its value after the defaults are applied. */
export const effectiveSettingsDto = z.object({
  title: z.string(),
  issuerLine1: z.string(),
  issuerLine2: z.string().nullable(),
  verb: z.string(),
  accentColor: z.string(),
  borderStyle: z.enum(BORDER_STYLES),
  showEmblem: z.boolean(),
  /** null: taken from each decision's signer block. */
  signerOnBehalf: z.string().nullable(),
  signerTitle: z.string().nullable(),
  footer: z.string().nullable(),
});
export type EffectiveSettingsDto = z.infer<typeof effectiveSettingsDto>;

export const effectiveTemplateDto = z.object({
  kind: certificateKind,
  /** The active row, null while the organisation prints the defaults. */
  id: z.number().nullable(),
  settings: templateSettings,
  effective: effectiveSettingsDto,
  defaults: effectiveSettingsDto,
  overridden: z.array(z.enum(TEMPLATE_FIELDS)),
  savedAt: z.string().nullable(),
  savedByName: z.string().nullable(),
});
export type EffectiveTemplateDto = z.infer<typeof effectiveTemplateDto>;

export const orgTemplatesDto = z.object({
  orgId: z.number(),
  orgName: z.string(),
  templates: z.array(effectiveTemplateDto),
  abilities,
});
export type OrgTemplatesDto = z.infer<typeof orgTemplatesDto>;

export const templateHistoryDto = z.object({
  id: z.number(),
  status: z.enum(['ACTIVE', 'SUPERSEDED']),
  settings: templateSettings,
  overridden: z.array(z.enum(TEMPLATE_FIELDS)),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type TemplateHistoryDto = z.infer<typeof templateHistoryDto>;
