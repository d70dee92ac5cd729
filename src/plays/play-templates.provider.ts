import { INSTALLED_PLUGINS, type InstalledPlugins } from '../plugin-host/installed-plugins.js';
import { PlayTemplateCatalog } from './play-template-catalog.js';

/** Core and plugin templates, loaded and validated at boot by the plugin host (file:line on any problem). */
export const playTemplatesProvider = {
  provide: PlayTemplateCatalog,
  useFactory: (installed: InstalledPlugins) => installed.templates,
  inject: [INSTALLED_PLUGINS],
};
