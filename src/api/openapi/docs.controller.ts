import { Controller, Get, Header } from '@nestjs/common';
import { buildOpenApiDocument } from './openapi-document.js';
import { Public } from '../../auth/policy.decorators.js';

const VERSION = '0.1.0';

/** `/openapi.json` and a browsable Swagger UI at `/docs` (assets served locally, no CDN). */
@Controller()
export class DocsController {
  private readonly document = buildOpenApiDocument(VERSION);

  @Get('openapi.json')
  @Public()
  openapi() {
    return this.document;
  }

  @Get('docs')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  docs() {
    return `<!doctype html>
<html><head><meta charset="utf-8"><title>Retention API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true });</script>
</body></html>`;
  }
}
