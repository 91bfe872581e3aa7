import { Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { Activity } from '../../../contract/activities';
import type { Filter } from '../../../contract/filter';
import type { Lead, ScoreRule } from '../../../contract/leads';
import { useCan } from '../../app/session';
import { Section } from '../../components/section';
import { api, queryString } from '../../lib/api';
import { useScoreRules } from '../scoring/use-score-rules';

export type RuleOutcome = { rule: ScoreRule; points: number; detail: string };

/**
 * Which rules gave the lead its points. The server decides each filter rule (the lead's id plus
 * the rule's filter, asked of the lead list: the same compiler that scored it) and counts the
 * linked activities of each type, so this reads what the score was made of, not a guess.
 */
async function explain(lead: Lead, rules: ScoreRule[], signal: AbortSignal): Promise<RuleOutcome[]> {
  return Promise.all(
    rules.map(async (rule): Promise<RuleOutcome> => {
      if (rule.kind === 'activity') {
        const page = await api.get<{ data: Activity[] }>(`/api/v1/activities${queryString({ objectType: 'leads', objectId: lead.id, type: rule.activityType, limit: 200 })}`, { signal });
        const n = page.data.length;
        return { rule, points: n * rule.points, detail: `${n} × ${rule.activityType}` };
      }
      const filter: Filter = { and: [{ field: 'id', op: 'eq', value: lead.id }, rule.filter as Filter] };
      const page = await api
        .get<{ data: Lead[] }>(`/api/v1/leads${queryString({ filter: JSON.stringify(filter), limit: 1 })}`, { signal })
        .catch(() => ({ data: [] as Lead[] }));
      return { rule, points: page.data.length ? rule.points : 0, detail: page.data.length ? 'matches' : 'does not match' };
    }),
  );
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The score and the rules behind it. */
export function LeadScorePanel({ lead }: { lead: Lead }) {
  const rules = useScoreRules();
  const canManage = useCan('sales:manage');
  const outcome = useQuery({
    queryKey: ['lead-score', lead.id, lead.version, lead.score, rules.dataUpdatedAt],
    enabled: !!rules.data,
    queryFn: ({ signal }) => explain(lead, rules.data!, signal),
  });
  const sum = outcome.data?.reduce((n, o) => n + o.points, 0);
  return (
    <Section title="Score" testId="lead-score" actions={<Badge size="lg" variant="filled" data-testid="lead-score-value">{lead.score}</Badge>}>
      {rules.data && rules.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No scoring rules yet.{' '}
          {canManage ? (
            <Link className="record-link" to="/settings/lead-scoring">
              Add rules
            </Link>
          ) : (
            'An admin can add them in Settings'
          )}{' '}
          to rank leads by fit and engagement.
        </Text>
      ) : !outcome.data ? (
        <Skeleton height={60} />
      ) : (
        <Stack gap={4}>
          {outcome.data.map((o) => (
            <Group key={o.rule.id} justify="space-between" gap="xs" wrap="nowrap" opacity={o.points === 0 ? 0.55 : 1} data-testid="score-rule-outcome">
              <Text size="sm" truncate>
                {o.rule.name}{' '}
                <Text span size="xs" c="dimmed">
                  ({o.detail})
                </Text>
              </Text>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {signed(o.points)}
              </Text>
            </Group>
          ))}
          {sum !== lead.score && (
            <Text size="xs" c="orange.8">
              The rules now add up to {sum}; the stored score follows on the lead’s next change.
            </Text>
          )}
        </Stack>
      )}
    </Section>
  );
}
