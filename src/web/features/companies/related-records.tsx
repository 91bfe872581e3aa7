import { Anchor, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Company } from '../../../contract/companies';
import type { Contact } from '../../../contract/contacts';
import type { ObjectType } from '../../../contract/custom-fields';
import { useCan } from '../../app/session';
import { errorMessage } from '../../components/error-alert';
import { Section } from '../../components/section';
import { api, queryString } from '../../lib/api';
import { CreateRecordModal } from '../records/create-record-modal';
import { configOf } from '../records/object-config';
import type { RecordPage } from '../records/record-cache';

type Props = { title: string; type: ObjectType; field: 'companyId' | 'parentId'; company: Company; noun: string };

const secondary = (r: Contact | Company) => ('fullName' in r ? [r.title, r.email].filter(Boolean).join(' · ') : (r.domain ?? ''));

/** Records pointing at this company: its contacts, or its subsidiaries. */
export function RelatedRecords({ title, type, field, company, noun }: Props) {
  const canWrite = useCan('records:write');
  const [creating, setCreating] = useState(false);
  const config = configOf(type);
  const filter = { field, op: 'eq', value: company.id };
  const query = useQuery({
    queryKey: ['related', type, field, company.id],
    queryFn: () => api.get<RecordPage>(`/api/v1/${type}${queryString({ filter: JSON.stringify(filter), limit: 20, count: true, sort: config.primaryColumn })}`),
  });
  const rows = (query.data?.data ?? []) as (Contact | Company)[];
  const total = query.data?.total ?? 0;
  return (
    <Section
      title={`${title}${query.data ? ` · ${total.toLocaleString()}` : ''}`}
      testId={`related-${type}`}
      actions={
        canWrite &&
        !company.deletedAt && (
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => setCreating(true)}>
            Add
          </Button>
        )
      }
    >
      {query.isPending && <Skeleton height={14} />}
      {query.error && (
        <Text size="sm" c="red">
          {errorMessage(query.error)}
        </Text>
      )}
      {query.data && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No {noun} yet.
        </Text>
      )}
      <Stack gap={8}>
        {rows.map((r) => (
          <div key={r.id} style={{ minWidth: 0 }}>
            <Link className="record-link" to={`/${type}/${r.id}`}>
              {config.titleOf(r)}
            </Link>
            {secondary(r) && (
              <Text size="xs" c="dimmed" truncate>
                {secondary(r)}
              </Text>
            )}
          </div>
        ))}
      </Stack>
      {total > rows.length && (
        <Group mt="sm">
          <Anchor component={Link} to={`/${type}?filter=${encodeURIComponent(JSON.stringify(filter))}`} size="sm">
            See all {total.toLocaleString()}
          </Anchor>
        </Group>
      )}
      {creating && (
        <CreateRecordModal
          config={config}
          opened
          onClose={() => setCreating(false)}
          initial={{ [field]: company.id }}
          initialCompanyName={company.name}
          stay
        />
      )}
    </Section>
  );
}
