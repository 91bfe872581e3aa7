import { Button, Combobox, Group, Stack, Text, Textarea, useCombobox } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import type { Comment } from '../../../contract/comments';
import { useCurrentSession } from '../../app/session';
import { api, isApiError } from '../../lib/api';
import { errorAt, fieldErrorsOf } from '../../lib/field-errors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useMembers } from '../settings/use-members';
import { type ActiveMention, activeMention, commentHtml, insertMention, matchMembers } from './mentions';

/**
 * A comment box where `@` offers the workspace's members; picking one writes the mention token
 * the server parses (`@[Name](user:id)`), and that member is notified.
 */
export function CommentComposer({ objectType, objectId }: { objectType: 'contacts' | 'companies'; objectId: string }) {
  const me = useCurrentSession().user.id;
  const members = useMembers();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [at, setAt] = useState<ActiveMention | null>(null);
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLTextAreaElement>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const people = useMemo(() => (members.data ?? []).filter((m) => m.userId !== me).map((m) => ({ userId: m.userId, name: m.name || m.email, email: m.email })), [members.data, me]);
  const matches = at ? matchMembers(people, at.query) : [];

  const track = (value: string, caret: number) => {
    const found = activeMention(value, caret);
    setAt(found);
    if (found) {
      combobox.openDropdown();
      // The first match is chosen, so Enter picks it.
      requestAnimationFrame(() => combobox.selectFirstOption());
    } else combobox.closeDropdown();
  };

  const pick = (userId: string) => {
    const member = people.find((p) => p.userId === userId);
    if (!member || !at) return;
    const next = insertMention(text, at, member);
    setText(next.text);
    setAt(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const post = useMutation({
    mutationFn: (body: string) => api.post<Comment>('/api/v1/comments', { objectType, objectId, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['timeline'] }),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError('Write something first');
    setError(undefined);
    try {
      await post.mutateAsync(commentHtml(text));
      setText('');
      notifySuccess('Comment posted');
    } catch (err) {
      const fields = fieldErrorsOf(isApiError(err) ? err : null);
      if (fields.body) setError(errorAt(fields, 'body'));
      else notifyError(err, 'Comment not posted');
    }
  };

  return (
    <form onSubmit={submit} data-testid="comment-form">
      <Stack gap="sm">
        <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" withinPortal>
          <Combobox.Target withKeyboardNavigation={matches.length > 0}>
            <Textarea
              ref={input}
              label="Comment"
              description="Type @ to mention a member; they are notified."
              placeholder="Write a comment…"
              autosize
              minRows={2}
              value={text}
              error={error}
              onChange={(e) => {
                setText(e.currentTarget.value);
                track(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length);
              }}
              onKeyUp={(e) => {
                if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') track(e.currentTarget.value, e.currentTarget.selectionStart ?? 0);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void submit(e);
                if (e.key === 'Escape' && combobox.dropdownOpened) {
                  e.stopPropagation();
                  combobox.closeDropdown();
                }
              }}
              onBlur={() => combobox.closeDropdown()}
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={!at} aria-label="Mention a member">
            <Combobox.Options>
              {matches.length === 0 ? (
                <Combobox.Empty>{members.isPending ? 'Loading members…' : 'No member by that name'}</Combobox.Empty>
              ) : (
                matches.map((m) => (
                  <Combobox.Option value={m.userId} key={m.userId}>
                    <Text size="sm">{m.name}</Text>
                    <Text size="xs" opacity={0.75}>
                      {m.email}
                    </Text>
                  </Combobox.Option>
                ))
              )}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        <Group justify="flex-end">
          <Button type="submit" loading={post.isPending}>
            Post comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
