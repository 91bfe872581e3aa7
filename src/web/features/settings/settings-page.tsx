import { Tabs } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBuilding, IconForms, IconKey, IconLayoutKanban, IconPackage, IconPercentage, IconShieldLock, IconTarget, IconUsers } from '@tabler/icons-react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { RetentionSettings } from '../privacy/retention-settings';
import { CommissionRulesSettings } from '../commissions/commission-rules-settings';
import { ProductsSettings } from '../products/products-settings';
import { PipelinesSettings } from '../pipelines/pipelines-settings';
import { ScoringSettings } from '../scoring/scoring-settings';
import { ApiKeysSettings } from './api-keys-settings';
import { CustomFieldsSettings } from './custom-fields-settings';
import { MembersSettings } from './members-settings';
import { WorkspaceSettings } from './workspace-settings';

const TABS = [
  { value: 'workspace', label: 'Workspace', icon: IconBuilding, Panel: WorkspaceSettings },
  { value: 'members', label: 'Members', icon: IconUsers, Panel: MembersSettings },
  { value: 'fields', label: 'Custom fields', icon: IconForms, Panel: CustomFieldsSettings },
  { value: 'api-keys', label: 'API keys', icon: IconKey, Panel: ApiKeysSettings },
  { value: 'pipelines', label: 'Pipelines', icon: IconLayoutKanban, Panel: PipelinesSettings },
  { value: 'lead-scoring', label: 'Lead scoring', icon: IconTarget, Panel: ScoringSettings },
  { value: 'products', label: 'Products', icon: IconPackage, Panel: ProductsSettings },
  { value: 'commissions', label: 'Commissions', icon: IconPercentage, Panel: CommissionRulesSettings },
  { value: 'privacy', label: 'Privacy', icon: IconShieldLock, Panel: RetentionSettings },
];

export function SettingsPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const current = TABS.find((t) => t.value === tab);
  useDocumentTitle(`${current?.label ?? 'Settings'} · Settings · Rapport`);
  if (!current) return <Navigate to="/settings/workspace" replace />;
  return (
    <>
      <PageHeader title="Settings" description="Your workspace and its people, fields, keys, sales setup and privacy rules." />
      <Tabs value={current.value} onChange={(v) => v && navigate(`/settings/${v}`)} keepMounted={false}>
        <Tabs.List mb="md" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {TABS.map(({ value, label, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />} style={{ flexShrink: 0 }}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Panel />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
