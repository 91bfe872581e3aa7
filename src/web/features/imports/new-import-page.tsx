import { Alert, Button, Card, Checkbox, FileButton, Group, Progress, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFileUpload, IconInfoCircle, IconPlayerPlay, IconTestPipe } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { ImportPreview, ImportView } from '../../../contract/imports';
import { useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { api, queryString } from '../../lib/api';
import { MappingEditor } from './mapping-editor';
import { uploadFile } from './upload';
import { DELIMITERS, ENCODINGS, IMPORTS_KEY, IMPORT_OBJECTS, type ImportObject, asImportObject, useInvalidateImports, usePreviewOf } from './use-imports';
import { VCardSample } from './vcard-sample';

// The format and the header are guessed from the start of the file: no need to send it all.
const PREVIEW_BYTES = 256 * 1024;
const MATCH_KEYS: Record<ImportObject, { value: string; label: string }[]> = {
  contacts: [{ value: 'email', label: 'Email' }],
  companies: [
    { value: 'domain', label: 'Domain' },
    { value: 'name', label: 'Name' },
  ],
  leads: [
    { value: 'email', label: 'Email' },
    { value: 'name', label: 'Name' },
  ],
  deals: [{ value: 'name', label: 'Name' }],
};

/** Choose a file, check how it is read and where each column goes, then try it or import it. */
export function NewImportPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const invalidate = useInvalidateImports();
  const from = params.get('from');
  const [objectType, setObjectType] = useState<ImportObject>(asImportObject(params.get('object')));
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<{ encoding?: string; delimiter?: string }>({});
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [dedup, setDedup] = useState('skip');
  const [matchBy, setMatchBy] = useState<string | null>(null);
  const [createCompanies, setCreateCompanies] = useState(true);
  const [saveAs, setSaveAs] = useState<string | null>(null);
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle('New import · Rapport');

  const local = useQuery({
    queryKey: [...IMPORTS_KEY, 'local-preview', objectType, file?.name, file?.size, file?.lastModified, format.encoding ?? null, format.delimiter ?? null],
    queryFn: ({ signal }) =>
      uploadFile<ImportPreview>({ url: `/api/v1/imports/preview${queryString({ objectType, ...format, fileName: file!.name })}`, file: file!.slice(0, PREVIEW_BYTES), csrf: session.csrfToken, signal }),
    enabled: !!file && !from,
    staleTime: Infinity,
  });
  const stored = usePreviewOf(from, format);
  const previewQuery = from ? stored : local;
  const preview = previewQuery.data;

  // A new file (or another way of reading it) starts from the proposed mapping.
  useEffect(() => {
    if (preview) setMapping(preview.mapping);
  }, [preview]);

  const matchOptions = [...MATCH_KEYS[objectType], ...(preview?.targets ?? []).filter((t) => t.key.startsWith('custom.')).map((t) => ({ value: t.key, label: `${t.label.replace(/ \(custom\)$/, '')} (custom field)` }))];

  async function start(dryRun: boolean) {
    if (!mapping) return;
    setError(null);
    const options = { mapping, dedup: dedup as 'skip', matchBy: matchBy ?? undefined, dryRun, createCompanies: objectType === 'contacts' ? createCompanies : undefined, encoding: (format.encoding ?? preview?.format.encoding) as 'utf8', delimiter: format.delimiter ?? preview?.format.delimiter, saveMappingAs: saveAs?.trim() || undefined };
    try {
      let view: ImportView;
      if (from) view = await api.post<ImportView>(`/api/v1/imports/${from}/rerun`, options);
      else {
        setSent({ loaded: 0, total: file!.size });
        const query = queryString({ objectType, fileName: file!.name, dryRun, dedup, matchBy: matchBy ?? undefined, createCompanies: options.createCompanies, encoding: options.encoding, delimiter: options.delimiter, saveMappingAs: options.saveMappingAs, mapping: JSON.stringify(mapping) });
        view = await uploadFile<ImportView>({ url: `/api/v1/imports${query}`, file: file!, csrf: session.csrfToken, onProgress: (loaded, total) => setSent({ loaded, total }) });
      }
      void invalidate();
      navigate(`/imports/${view.id}`);
    } catch (err) {
      setError(err);
      setSent(null);
    }
  }

  const busy = sent !== null;
  return (
    <>
      <PageHeader title="New import" description="Bring contacts, companies, leads or deals in from a CSV file (HubSpot, Salesforce and Zoho exports are recognised), or contacts from a vCard file." actions={<Button component={Link} to="/imports" variant="default">All imports</Button>} />
      <Stack gap="md" maw={960}>
        <Card withBorder padding="lg">
          <Title order={3} size="h5" mb="sm">1. The file</Title>
          {from ? (
            <Text size="sm">Using the file of the earlier import; change how it is read and mapped below.</Text>
          ) : (
            <Group gap="md" align="center" wrap="wrap">
              <SegmentedControl aria-label="What to import" value={objectType} onChange={(v) => { setObjectType(v as ImportObject); setMatchBy(null); }} data={IMPORT_OBJECTS} disabled={busy} />
              <FileButton onChange={(f) => { setFile(f); setFormat({}); setMapping(null); setError(null); }} accept=".csv,.tsv,.txt,.vcf,text/csv,text/plain,text/vcard">
                {(props) => <Button {...props} leftSection={<IconFileUpload size={16} />} variant={file ? 'default' : 'filled'} disabled={busy}>{file ? 'Choose another file' : objectType === 'contacts' ? 'Choose a CSV or vCard file' : 'Choose a CSV file'}</Button>}
              </FileButton>
              {file && <Text size="sm" data-testid="chosen-file">{file.name} · {(file.size / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} KB</Text>}
            </Group>
          )}
        </Card>

        {previewQuery.error ? <ErrorAlert error={previewQuery.error} title="Could not read the file" /> : null}
        {(file || from) && previewQuery.isPending && <Text size="sm" c="dimmed">Reading the file…</Text>}

        {preview && mapping && (
          <>
            {preview.format.kind === 'vcard' ? (
              <VCardSample sample={preview.sample} />
            ) : (
            <>
            <Card withBorder padding="lg">
              <Title order={3} size="h5" mb="sm">2. How it is read</Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} maw={560}>
                <Select label="Encoding" data={ENCODINGS} value={format.encoding ?? preview.format.encoding} onChange={(v) => v && setFormat((f) => ({ ...f, encoding: v }))} allowDeselect={false} description="Detected; change it if letters look wrong" />
                <Select label="Separator" data={DELIMITERS} value={format.delimiter ?? preview.format.delimiter} onChange={(v) => v && setFormat((f) => ({ ...f, delimiter: v }))} allowDeselect={false} description="Detected from the first line" />
              </SimpleGrid>
            </Card>

            <Card withBorder padding="lg">
              <Group justify="space-between" mb="xs" wrap="wrap">
                <Title order={3} size="h5">3. Where each column goes</Title>
                {preview.saved.length > 0 && (
                  <Select placeholder="Use a saved mapping" aria-label="Use a saved mapping" data={preview.saved.map((m) => m.name)} clearable={false} onChange={(name) => {
                    const saved = preview.saved.find((m) => m.name === name);
                    if (saved) setMapping(Object.fromEntries(Object.entries(saved.mapping).filter(([h]) => preview.headers.includes(h))));
                  }} w={240} />
                )}
              </Group>
              <MappingEditor preview={preview} mapping={mapping} onChange={setMapping} />
              <Group mt="sm" gap="sm" align="flex-end">
                <Checkbox label="Save this mapping for next time as" checked={saveAs !== null} onChange={(e) => setSaveAs(e.currentTarget.checked ? (file?.name.replace(/\.[^.]+$/, '') ?? 'My mapping') : null)} />
                {saveAs !== null && <TextInput aria-label="Mapping name" value={saveAs} onChange={(e) => setSaveAs(e.currentTarget.value)} maxLength={100} size="xs" w={220} />}
              </Group>
            </Card>
            </>
            )}

            <Card withBorder padding="lg">
              <Title order={3} size="h5" mb="sm">{preview.format.kind === 'vcard' ? 3 : 4}. Rows that are already here</Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
                <Select label="Recognise a row as an existing record by" data={matchOptions} value={matchBy ?? matchOptions[0].value} onChange={setMatchBy} allowDeselect={false} />
                <div>
                  <Text size="sm" fw={500} mb={4}>When one matches</Text>
                  <SegmentedControl aria-label="When one matches" value={dedup} onChange={setDedup} data={[{ value: 'skip', label: 'Skip it' }, { value: 'update', label: 'Update it' }, { value: 'create', label: 'Create anyway' }]} />
                </div>
              </SimpleGrid>
              {objectType === 'contacts' && (
                <Checkbox
                  mt="md"
                  label="Create companies that don't exist yet"
                  description="A row naming a company that is not here yet gets it created and linked; otherwise the contact is left without a company"
                  checked={createCompanies}
                  onChange={(e) => setCreateCompanies(e.currentTarget.checked)}
                />
              )}
            </Card>

            {error ? <ErrorAlert error={error} title="The import did not start" /> : null}
            {sent && (
              <Stack gap={4} data-testid="upload-progress">
                <Text size="sm">Uploading… {Math.round((sent.loaded / Math.max(sent.total, 1)) * 100)}% of {(sent.total / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB</Text>
                <Progress value={(sent.loaded / Math.max(sent.total, 1)) * 100} animated />
              </Stack>
            )}
            <Alert variant="light" icon={<IconInfoCircle size={18} />}>
              A dry run reads every row and lists the ones that would fail, without writing anything. An import can be reverted afterwards.
            </Alert>
            <Group>
              <Button leftSection={<IconTestPipe size={16} />} variant="default" onClick={() => void start(true)} loading={busy}>Dry run</Button>
              <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void start(false)} loading={busy}>Import</Button>
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}
