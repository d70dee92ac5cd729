import { Module } from '@nestjs/common';
import { crudControllerFor } from './crud-controller.factory.js';
import { CrudService } from './crud.service.js';
import { RESOURCES } from './resource-definitions.js';

/** CRUD endpoints for every domain resource, derived from their definitions. */
@Module({
  controllers: RESOURCES.map(crudControllerFor),
  providers: [CrudService],
  exports: [CrudService],
})
export class ResourcesModule {}
