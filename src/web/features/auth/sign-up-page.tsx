import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import type { SignUp } from '../../../contract/auth';
import { ErrorAlert } from '../../components/error-alert';
import { AuthLayout } from './auth-layout';
import { useAuthSubmit } from './use-auth-form';

const FIELDS = ['name', 'email', 'password', 'workspaceName'];

export function SignUpPage() {
  const [form, setForm] = useState<SignUp>({ name: '', email: '', password: '', workspaceName: '' });
  const { mutation, errors } = useAuthSubmit<SignUp>('/api/v1/auth/sign-up');
  const set = (key: keyof SignUp) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ ...form, name: form.name.trim(), email: form.email.trim(), workspaceName: form.workspaceName.trim() });
  };
  const generalError = mutation.error && !FIELDS.some((f) => errors[f]);
  return (
    <AuthLayout
      title="Create your account"
      subtitle="You get a workspace of your own; invite your team from Settings."
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {generalError && <ErrorAlert error={mutation.error} title="Could not create the account" />}
          <TextInput label="Your name" autoComplete="name" required value={form.name} onChange={set('name')} error={errors.name} autoFocus />
          <TextInput label="Work email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={errors.email} />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            value={form.password}
            onChange={set('password')}
            error={errors.password}
            aria-invalid={!!errors.password}
          />
          <TextInput label="Workspace name" placeholder="Your company or team" required value={form.workspaceName} onChange={set('workspaceName')} error={errors.workspaceName} />
          <Button type="submit" loading={mutation.isPending} fullWidth mt="xs">
            Create account
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
