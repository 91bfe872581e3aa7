import { ActionIcon, Group, Input, Paper, Tooltip } from '@mantine/core';
import { IconBold, IconItalic, IconLink, IconList, IconListNumbers, IconUnderline } from '@tabler/icons-react';
import { type ClipboardEvent, useEffect, useId, useRef } from 'react';

type Props = { label: string; value: string; onChange: (html: string) => void; error?: string; placeholder?: string; minHeight?: number };

const TOOLS = [
  { command: 'bold', label: 'Bold', icon: IconBold },
  { command: 'italic', label: 'Italic', icon: IconItalic },
  { command: 'underline', label: 'Underline', icon: IconUnderline },
  { command: 'insertUnorderedList', label: 'Bulleted list', icon: IconList },
  { command: 'insertOrderedList', label: 'Numbered list', icon: IconListNumbers },
];

/**
 * A small rich-text box: bold, italic, underline, lists and links. It yields HTML; the server
 * keeps only harmless formatting, so pasted content arrives as plain text to stay predictable.
 */
export function RichTextEditor({ label, value, onChange, error, placeholder, minHeight = 96 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  // The box owns its content while typing; only an outside reset (value emptied) is written in.
  useEffect(() => {
    if (ref.current && value === '' && ref.current.innerHTML !== '') ref.current.innerHTML = '';
  }, [value]);

  const emit = () => {
    const el = ref.current;
    if (!el) return;
    onChange(el.textContent?.trim() ? el.innerHTML : '');
  };
  const run = (command: string, arg?: string) => {
    ref.current?.focus();
    // execCommand is deprecated but still the only editing API every browser ships.
    document.execCommand(command, false, arg);
    emit();
  };
  const link = () => {
    const href = window.prompt('Link address (https://…)');
    if (href && /^(https?:|mailto:|tel:)/i.test(href.trim())) run('createLink', href.trim());
  };
  const paste = (e: ClipboardEvent<HTMLDivElement>) => {
    e.preventDefault();
    document.execCommand('insertText', false, e.clipboardData.getData('text/plain'));
    emit();
  };

  return (
    <Input.Wrapper label={label} error={error} id={id}>
      <Paper withBorder radius="sm" style={error ? { borderColor: 'var(--mantine-color-error)' } : undefined}>
        <Group gap={2} p={4} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          {TOOLS.map(({ command, label: l, icon: Icon }) => (
            <Tooltip key={command} label={l} withArrow>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={l} onMouseDown={(e) => e.preventDefault()} onClick={() => run(command)}>
                <Icon size={16} />
              </ActionIcon>
            </Tooltip>
          ))}
          <Tooltip label="Link" withArrow>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Link" onMouseDown={(e) => e.preventDefault()} onClick={link}>
              <IconLink size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <div
          ref={ref}
          id={id}
          className="rich-text rich-text-editor"
          contentEditable
          role="textbox"
          aria-multiline="true"
          aria-label={label}
          aria-invalid={error ? true : undefined}
          data-placeholder={placeholder}
          onInput={emit}
          onPaste={paste}
          suppressContentEditableWarning
          style={{ minHeight, padding: '8px 12px', outline: 'none', fontSize: 'var(--mantine-font-size-sm)' }}
        />
      </Paper>
    </Input.Wrapper>
  );
}
