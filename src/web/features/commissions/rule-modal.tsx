import { Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { COMMISSION_BASES, type CommissionRule } from '../../../contract/commissions';
import type { Role } from '../../../contract/roles';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { notifySuccess } from '../../lib/notify';
import { isDecimal3 } from '../quotes/money';
import { ROLE_OPTIONS } from '../settings/roles';
import { useMembers } from '../settings/use-members';
import { BASIS_LABELS, useSaveRule } from './use-commissions';

/** A new rule names who (a person or a role) and on what; an existing one changes name and rate. */
export function RuleModal({ rule, onClose }: { rule: CommissionRule | null; onClose: () => void }) {
  const save = useSaveRule();
  const members = useMembers();
  const [name, setName] = useState(rule?.name ?? '');
  const [target, setTarget] = useState<'user' | 'role'>(rule?.userId ? 'user' : 'role');
  const [userId, setUserId] = useState<string | null>(rule?.userId ?? null);
  const [role, setRole] = useState<Role | null>((rule?.role as Role | null) ?? 'member');
  const [basis, setBasis] = useState<CommissionRule['basis']>(rule?.basis ?? 'deal_won');
  const [rate, setRate] = useState(rule?.ratePercent ?? '');
  const [rateError, setRateError] = useState<string | null>(null);
  const errors = isApiError(save.error) ? fieldErrorsOf(save.error) : {};
  const submit = () => {
    if (!isDecimal3(rate) || Number(rate) > 100) return setRateError('Enter a percentage from 0 to 100, at most three decimals');
    setRateError(null);
    const body = rule
      ? { name: name.trim(), ratePercent: rate.trim() }
      : { name: name.trim(), basis, ratePercent: rate.trim(), ...(target === 'user' ? { userId } : { role }) };
    save.mutate({ id: rule?.id, body }, { onSuccess: () => (notifySuccess(rule ? 'Rule saved' : 'Rule added'), onClose()) });
  };
  return (
    <Modal opened onClose={onClose} title={rule ? `Edit ${rule.name}` : 'New commission rule'} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {save.error && !errors.name && !errors.userId && !errors.role && !errors.ratePercent && <ErrorAlert error={save.error} title="Could not save the rule" />}
          <TextInput label="Name" placeholder="e.g. Account executives" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
          {!rule && (
            <>
              <SegmentedControl
                value={target}
                onChange={(v) => setTarget(v as typeof target)}
                data={[
                  { value: 'role', label: 'Everyone with a role' },
                  { value: 'user', label: 'One person' },
                ]}
              />
              {target === 'user' ? (
                <Select label="Person" description="Their own rule wins over their role’s" data={members.options} value={userId} onChange={setUserId} error={errors.userId} searchable required comboboxProps={{ withinPortal: true }} />
              ) : (
                <Select label="Role" data={ROLE_OPTIONS.map((r) => ({ value: r.value, label: r.label }))} value={role} onChange={(v) => setRole(v as Role | null)} error={errors.role ?? errors.userId} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
              )}
              <Select
                label="Paid on"
                data={COMMISSION_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }))}
                value={basis}
                onChange={(v) => v && setBasis(v as typeof basis)}
                allowDeselect={false}
                error={errors.basis}
                comboboxProps={{ withinPortal: true }}
              />
            </>
          )}
          <TextInput label="Rate (%)" placeholder="e.g. 5 or 2.5" value={rate} onChange={(e) => setRate(e.currentTarget.value)} error={rateError ?? errors.ratePercent} inputMode="decimal" required w={200} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim() || !rate.trim() || (!rule && target === 'user' && !userId)}>
              {rule ? 'Save rule' : 'Add rule'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
