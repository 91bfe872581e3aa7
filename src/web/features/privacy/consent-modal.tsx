import { Button, Group, Modal, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { LegalBasis } from '../../../contract/privacy';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { BASIS_OPTIONS, PURPOSE_OPTIONS, purposeLabel } from './consent-labels';
import { useRecordConsent } from './use-privacy';

const KNOWN = ['purpose', 'status', 'legalBasis', 'source', 'recordedAt', 'proof'];

/** Records a grant or a withdrawal: what for, on which basis, where, when, and the proof. */
export function ConsentModal({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const record = useRecordConsent(contactId);
  const [purpose, setPurpose] = useState<string | null>('email');
  const [status, setStatus] = useState<'granted' | 'withdrawn'>('granted');
  const [legalBasis, setLegalBasis] = useState<string | null>('consent');
  const [source, setSource] = useState('');
  const [recordedAt, setRecordedAt] = useState('');
  const [proof, setProof] = useState('');
  const errors = isApiError(record.error) ? fieldErrorsOf(record.error) : {};
  const other = !!record.error && (Object.keys(errors).length === 0 || Object.keys(errors).some((k) => !KNOWN.includes(k)));

  const submit = () =>
    record.mutate(
      {
        purpose: purpose ?? '',
        status,
        legalBasis: (legalBasis ?? '') as LegalBasis,
        source: source.trim(),
        ...(recordedAt ? { recordedAt: new Date(recordedAt).toISOString() } : {}),
        proof: proof.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(`${purposeLabel(purpose ?? '')}: consent ${status}`);
          onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title="Record consent" centered size="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {other && <ErrorAlert error={record.error} title="The consent was not recorded" />}
          <SegmentedControl
            aria-label="Given or withdrawn"
            value={status}
            onChange={(v) => setStatus(v as 'granted' | 'withdrawn')}
            data={[
              { value: 'granted', label: 'Given' },
              { value: 'withdrawn', label: 'Withdrawn' },
            ]}
          />
          <Select label="Purpose" withAsterisk data={PURPOSE_OPTIONS} value={purpose} onChange={setPurpose} allowDeselect={false} error={errors.purpose} data-testid="consent-purpose" />
          <Select label="Legal basis" withAsterisk data={BASIS_OPTIONS} value={legalBasis} onChange={setLegalBasis} allowDeselect={false} error={errors.legalBasis} data-testid="consent-basis" />
          <TextInput label="Source" withAsterisk placeholder="Newsletter form, phone call, signed contract…" value={source} onChange={(e) => setSource(e.currentTarget.value)} error={errors.source} data-testid="consent-source" data-autofocus />
          <TextInput
            label="When"
            description="Leave empty for now"
            type="datetime-local"
            value={recordedAt}
            onChange={(e) => setRecordedAt(e.currentTarget.value)}
            error={errors.recordedAt}
            data-testid="consent-when"
          />
          <Textarea label="Proof" placeholder="The wording shown, a form id, an IP address, a message id…" autosize minRows={2} maxRows={6} value={proof} onChange={(e) => setProof(e.currentTarget.value)} error={errors.proof} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending} data-testid="consent-save">
              Record
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
