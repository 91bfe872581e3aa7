import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web app; any non-API path gets index.html so deep links work. */
export async function installWebApp(app: FastifyInstance, webRoot: string) {
  const index = path.join(webRoot, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', async (_req, reply) =>
      reply.type('text/html').send('<h1>Rapport</h1><p>The web app is not built. Run <code>npm start</code> or <code>npm run build:web</code>. The API is at <a href="/api/docs">/api/docs</a>.</p>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  const html = fs.readFileSync(index, 'utf8');
  const sendIndex = (_req: unknown, reply: import('fastify').FastifyReply) => reply.type('text/html').header('cache-control', 'no-cache').send(html);
  app.get('/', sendIndex);
  app.get('/*', async (request, reply) => {
    const url = request.url.split('?')[0];
    if (url.startsWith('/api/')) return reply.callNotFound();
    const file = path.join(webRoot, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (file.startsWith(webRoot) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      if (url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile(path.relative(webRoot, file));
    }
    return sendIndex(request, reply);
  });
}
