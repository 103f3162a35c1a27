import { useState, type FormEvent } from 'react';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { checkProposal, emptyProposal, proposalBody, type ProposalDraft, type ProposalField } from './proposal-fields';

/** The state of a proposal form: the draft, its messages (the client's checks, then the server's), and the submit. */
export function useProposalForm(opts: { member: boolean; error: unknown; pending: boolean; send: (body: ReturnType<typeof proposalBody>) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<ProposalDraft>(emptyProposal);
  const [errors, setErrors] = useState<Partial<Record<ProposalField, string>>>({});
  const server = serverFieldErrors(opts.error) as Partial<Record<ProposalField, string>>;
  // A field's message goes once the field is edited again.
  const change = (patch: Partial<ProposalDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !(k in patch))));
  };
  /** Checks the draft and sends it when it passes (the form's own submit, or a dialog's). */
  const send = () => {
    if (opts.pending) return;
    const out = checkProposal(draft, t, opts.member);
    setErrors(out);
    if (Object.keys(out).length > 0) return;
    opts.send(proposalBody(draft));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const reset = () => {
    setDraft(emptyProposal());
    setErrors({});
  };
  return { draft, change, submit, send, reset, errors: { ...server, ...errors } };
}
