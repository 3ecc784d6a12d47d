/**
 * The CloudFormation template renderer: `renderTemplate` and what a deployer
 * needs around it (limits, `needsBodyS3Location`, `needsTemplateUrl`,
 * `serializeTemplate`).
 */
export { renderTemplate } from './render-template';
export {
  needsBodyS3Location,
  needsTemplateUrl,
  serializeTemplate,
  templateBytes,
} from './template-size';
export {
  INLINE_CODE_LIMIT,
  INLINE_TEMPLATE_BODY_LIMIT,
  S3_TEMPLATE_BODY_LIMIT,
  type RenderedTemplate,
  type TemplateAsset,
  type TemplateEnvironment,
  type TemplateOptions,
  type TemplateParameter,
} from './types';
