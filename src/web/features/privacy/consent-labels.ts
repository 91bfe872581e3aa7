import { CONSENT_PURPOSES, LEGAL_BASES } from '../../../contract/privacy';

const PURPOSE_LABELS: Record<string, string> = {
  email: 'Marketing email',
  sms: 'Text messages',
  phone: 'Phone calls',
  newsletter: 'Newsletter',
  profiling: 'Profiling',
  third_party_sharing: 'Sharing with third parties',
};
const BASIS_LABELS: Record<string, string> = {
  consent: 'Consent (Art. 6(1)(a))',
  contract: 'Contract (Art. 6(1)(b))',
  legal_obligation: 'Legal obligation (Art. 6(1)(c))',
  vital_interests: 'Vital interests (Art. 6(1)(d))',
  public_task: 'Public task (Art. 6(1)(e))',
  legitimate_interests: 'Legitimate interests (Art. 6(1)(f))',
};

export const purposeLabel = (p: string) => PURPOSE_LABELS[p] ?? p.replace(/_/g, ' ');
export const basisLabel = (b: string) => BASIS_LABELS[b] ?? b;
export const PURPOSE_OPTIONS = CONSENT_PURPOSES.map((p) => ({ value: p, label: purposeLabel(p) }));
export const BASIS_OPTIONS = LEGAL_BASES.map((b) => ({ value: b, label: basisLabel(b) }));
