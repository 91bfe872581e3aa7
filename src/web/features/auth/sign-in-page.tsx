import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import type { SignIn } from '../../../contract/auth';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { AuthLayout } from './auth-layout';
import { useAuthSubmit, useNextPath } from './use-auth-form';

export function SignInPage() {
  const { data: session } = useSession();
  const next = useNextPath();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { mutation, errors } = useAuthSubmit<SignIn>('/api/v1/auth/sign-in');
  if (session?.workspace) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ email: email.trim(), password });
  };
  const generalError = mutation.error && !errors.email && !errors.password;
  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back to your workspace."
      footer={
        <>
          New to Rapport?{' '}
          <Anchor component={Link} to="/sign-up">
            Create an account
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {generalError && <ErrorAlert error={mutation.error} title="Could not sign you in" />}
          <TextInput label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} autoFocus />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errors.password}
            aria-invalid={!!errors.password} />
          <Button type="submit" loading={mutation.isPending} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
