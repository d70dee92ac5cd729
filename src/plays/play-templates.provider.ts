import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { loadPlayTemplates, PlayTemplateCatalog } from './play-template-catalog.js';

/** Templates are loaded and validated at boot: an invalid file stops the process naming file:line. */
export const playTemplatesProvider = {
  provide: PlayTemplateCatalog,
  useFactory: (config: AppConfig) => loadPlayTemplates(config.PLAY_TEMPLATES_DIR),
  inject: [APP_CONFIG],
};
