import { Anchor, Button, PasswordInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { AcceptInvitation } from '../../../contract/auth';
import { ErrorAlert } from '../../components/error-alert';
import { AuthLayout } from './auth-layout';
import { useAuthSubmit } from './use-auth-form';

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { mutation, errors } = useAuthSubmit<AcceptInvitation>('/api/v1/auth/accept-invitation');

  if (!token) {
    return (
      <AuthLayout title="Invitation link incomplete">
        <ErrorAlert error={new Error('This link has no invitation token. Open the full link you were sent, or ask for a new invitation.')} title="Missing token" />
      </AuthLayout>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(mode === 'new' ? { token, name: name.trim(), password } : { token, password });
  };
  const generalError = mutation.error && !errors.name && !errors.password;
  return (
    <AuthLayout
      title="Join your team on Rapport"
      subtitle="You were invited to a workspace. Set up your account to accept."
      footer={
        <Anchor component={Link} to="/sign-in">
          Back to sign in
        </Anchor>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            value={mode}
            onChange={(v) => setMode(v as 'new' | 'existing')}
            data={[
              { value: 'new', label: 'I am new here' },
              { value: 'existing', label: 'I have an account' },
            ]}
          />
          {generalError && <ErrorAlert error={mutation.error} title="Could not accept the invitation" />}
          {mode === 'new' && <TextInput label="Your name" autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />}
          <PasswordInput
            label={mode === 'new' ? 'Choose a password' : 'Your password'}
            description={mode === 'new' ? 'At least 10 characters' : 'The password of your existing Rapport account'}
            autoComplete={mode === 'new' ? 'new-password' : 'current-password'}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            aria-invalid={!!errors.password}
          />
          <Button type="submit" loading={mutation.isPending} fullWidth mt="xs">
            Accept invitation
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
