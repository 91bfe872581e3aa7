import { Badge, Button, Group, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useCan } from '../../app/session';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Section } from '../../components/section';
import { formatDate } from '../../lib/format';
import { basisLabel, purposeLabel } from './consent-labels';
import { ConsentModal } from './consent-modal';
import { useConsents } from './use-privacy';

/** The contact's consent: what is in force per purpose, and every grant and withdrawal with its proof. */
export function ConsentSection({ contactId, disabled }: { contactId: string; disabled: boolean }) {
  const canWrite = useCan('records:write');
  const consents = useConsents(contactId);
  const [open, setOpen] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const data = consents.data;
  const history = showAll ? (data?.data ?? []) : (data?.data ?? []).slice(0, 5);
  return (
    <Section
      title="Consent records"
      testId="consent-records"
      actions={
        canWrite &&
        !disabled && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setOpen(true)}>
            Record consent
          </Button>
        )
      }
    >
      {consents.error && <ErrorAlert error={consents.error} title="Could not load the consent records" />}
      {consents.isPending && <Skeleton height={48} />}
      {data && data.data.length === 0 && (
        <EmptyState icon={<IconShieldCheck size={24} />} title="No consent recorded" description="Record when this person gave or withdrew consent, on which legal basis, and the proof." />
      )}
      {data && data.data.length > 0 && (
        <Stack gap="sm">
          <Group gap="xs" data-testid="consent-current">
            {data.current.map((c) => (
              <Tooltip key={c.id} label={`${basisLabel(c.legalBasis)} · ${c.source} · ${formatDate(c.recordedAt, true)}`}>
                <Badge variant="light" color={c.status === 'granted' ? 'teal' : 'gray'} style={{ textTransform: 'none' }}>
                  {purposeLabel(c.purpose)}: {c.status === 'granted' ? 'given' : 'withdrawn'}
                </Badge>
              </Tooltip>
            ))}
          </Group>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={4} fz="sm" data-testid="consent-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Purpose</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Basis</Table.Th>
                  <Table.Th>Source and proof</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.recordedAt, true)}</Table.Td>
                    <Table.Td>{purposeLabel(c.purpose)}</Table.Td>
                    <Table.Td>{c.status === 'granted' ? 'Given' : 'Withdrawn'}</Table.Td>
                    <Table.Td>{basisLabel(c.legalBasis)}</Table.Td>
                    <Table.Td>
                      {c.source}
                      {c.proof && (
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {c.proof}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.data.length > 5 && (
            <Button variant="subtle" size="xs" onClick={() => setShowAll((v) => !v)} style={{ alignSelf: 'flex-start' }}>
              {showAll ? 'Show the latest 5' : `Show all ${data.data.length}`}
            </Button>
          )}
        </Stack>
      )}
      {open && <ConsentModal contactId={contactId} onClose={() => setOpen(false)} />}
    </Section>
  );
}
