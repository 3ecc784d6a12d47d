/**
 * @gatewright/core: API model import, the design document, rendering (OpenAPI
 * with API Gateway extensions), CDK code emission and validation. Pure functions,
 * no DOM, no Node built-ins: the browser and the server both run it.
 */
export * from './diagnostics';
export * from './json';
export * from './references';
export type * from './model/types';
export { HTTP_METHODS } from './model/types';
export {
  groupOperations,
  type OperationGroup,
  type OperationGrouping,
} from './model/group-operations';
export type * from './design/types';
export { DESIGN_FORMAT_VERSION } from './design/types';
export { emptyDesign, DESIGN_SCHEMA_ID } from './design/defaults';
export type * from './integrations/types';

export { importModel } from './model/import-model';
export { deriveOperationName, operationKey } from './model/operation-names';
export { recoverDesign } from './model/recover-integrations';
export {
  loadDesign,
  serializeDesign,
  designFileFor,
  locateInDesignText,
} from './design/load-design';
export { createDesign, type DesignPattern } from './design/create-design';
export { exampleFromSchema } from './design/example-from-schema';
export { renderOpenApi, type RenderResult } from './openapi/render-openapi';
export { serializeOpenApi } from './openapi/serialize';
export { lambdaPermissions } from './integrations/lambda-permissions';
export { emitCdk, type CdkLanguage, type EmitResult } from './cdk/emit-cdk';
export { validate, type ValidateOptions } from './validate/validate';
export * from './cloudformation/index';
