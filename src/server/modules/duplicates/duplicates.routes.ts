import { type TSchema, Type } from '@sinclair/typebox';
import { Company } from '../../../contract/companies';
import { Contact } from '../../../contract/contacts';
import { CompanyDuplicatePage, ContactDuplicatePage, DismissDuplicates, DuplicatesQuery, MergeRecords } from '../../../contract/duplicates';
import { Problem } from '../../../contract/errors';
import { ctxOf } from '../../http/auth';
import type { App } from '../../http/types';
import { AppError } from '../../platform/errors';
import type { Services } from '../../services';
import { createMergeService } from './merge.service';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** `If-Match: "3"` (or W/"3") → 3; the survivor's version, as on PATCH. */
function versionFromIfMatch(value: string | undefined): number | undefined {
  if (!value || value.trim() === '*') return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(value.trim());
  if (!m) throw new AppError('precondition_failed', 'If-Match: send the ETag you received, e.g. "3"', { field: 'If-Match' });
  return Number(m[1]);
}

/** Possible duplicates, "not a duplicate" and merge, for contacts and companies. */
export function registerDuplicateRoutes(app: App, services: Services) {
  const duplicates = services.duplicates;
  const merges = createMergeService({ scoped: services.scoped, contacts: services.contacts, companies: services.companies });
  const kinds: { path: 'contacts' | 'companies'; tag: string; page: TSchema; item: TSchema; merge: typeof merges.mergeContacts | typeof merges.mergeCompanies }[] = [
    { path: 'contacts', tag: 'Contacts', page: ContactDuplicatePage, item: Contact, merge: merges.mergeContacts },
    { path: 'companies', tag: 'Companies', page: CompanyDuplicatePage, item: Company, merge: merges.mergeCompanies },
  ];
  for (const { path, tag, page, item, merge } of kinds) {
    app.get(
      `/api/v1/${path}/duplicates`,
      {
        schema: {
          tags: [tag],
          summary: `Possible duplicates: groups of ${path} sharing a normalised ${path === 'contacts' ? 'email or phone, or with a similar name at one company' : 'domain or name'}`,
          querystring: DuplicatesQuery,
          response: { 200: page, ...errors },
        },
      },
      async (req) => duplicates.list(ctxOf(req), path, req.query),
    );

    app.post(
      `/api/v1/${path}/duplicates/dismiss`,
      { schema: { tags: [tag], summary: 'Not duplicates: these records stop being suggested together', body: DismissDuplicates, response: { 204: Type.Null(), ...errors } } },
      async (req, reply) => {
        await duplicates.dismiss(ctxOf(req), path, req.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `/api/v1/${path}/merge`,
      {
        schema: {
          tags: [tag],
          summary: 'Merge records into a survivor, choosing each field’s value; links move to the survivor, the others are deleted',
          headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 100, description: 'The survivor’s ETag' })) }),
          body: MergeRecords,
          response: { 200: item, ...errors, 409: Problem, 412: Problem },
        },
      },
      async (req, reply) => {
        const survivor = await merge(ctxOf(req), req.body, versionFromIfMatch(req.headers['if-match']));
        reply.header('etag', `"${survivor.version}"`);
        return survivor;
      },
    );
  }
}
