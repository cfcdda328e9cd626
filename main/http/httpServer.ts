import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApiHandlers } from '#shared/api/contract';
import type { Logger } from '#main/logger';
import type { Authentication } from '#main/kernel/authentication';
import type { SyncServer } from '#main/sync/syncServer';
import { apiPrefix, createApiRoute } from '#main/http/apiRoute';

export interface HttpServerOptions {
  handlers: ApiHandlers;
  authentication: Authentication;
  sync: SyncServer;
  logger: Logger;
  /** Proxies whose X-Forwarded-For names the client's address (hosted mode behind a load balancer). */
  trustedProxies?: ReadonlySet<string>;
  /** Serves everything outside /api and /sync (the renderer), when given. */
  serveStatic?: (request: IncomingMessage, response: ServerResponse) => void;
}

/** One HTTP server for server mode: the JSON API, the sync sockets, and the renderer's files. */
export function createHttpServer(options: HttpServerOptions): Server {
  const handleApi = createApiRoute(options.handlers, options.authentication, options.logger, options.trustedProxies);
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(apiPrefix)) {
      void handleApi(request, response);
    } else if (options.serveStatic) {
      options.serveStatic(request, response);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found\n');
    }
  });
  server.on('upgrade', (request, socket, head) => {
    if (!options.sync.handleUpgrade(request, socket, head)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    }
  });
  server.on('clientError', (error, socket) => {
    options.logger.log('warn', 'http.client_error', { error });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  return server;
}
