import { utf8Length } from './document-hash';
import { INLINE_TEMPLATE_BODY_LIMIT, S3_TEMPLATE_BODY_LIMIT, type RenderedTemplate } from './types';

/**
 * The template as the deployer sends it: compact JSON, the smallest form
 * CloudFormation reads, so the inline limit goes furthest.
 */
export function serializeTemplate(template: RenderedTemplate['template']): string {
  return JSON.stringify(template);
}

/**
 * Whether the document must go to S3: `rendered` was rendered with the
 * document inline (no `bodyS3Location`), and it is over
 * `INLINE_TEMPLATE_BODY_LIMIT` bytes as `serializeTemplate` writes it. Then
 * render again with `bodyS3Location` and `environment`, and upload `document`
 * there. The same for the sandbox: ministack does not read `BodyS3Location`
 * (the API comes up empty), so its deployer imports the document itself
 * afterwards, with `sandboxFixups` (see README.md).
 */
export function needsBodyS3Location(rendered: RenderedTemplate): boolean {
  return templateBytes(rendered) > INLINE_TEMPLATE_BODY_LIMIT;
}

/**
 * Whether the template is over `INLINE_TEMPLATE_BODY_LIMIT` bytes, so it must
 * be uploaded to S3 and passed as `TemplateURL` (up to
 * `S3_TEMPLATE_BODY_LIMIT`; `renderTemplate` reports a template over that).
 */
export function needsTemplateUrl(rendered: RenderedTemplate): boolean {
  return templateBytes(rendered) > INLINE_TEMPLATE_BODY_LIMIT;
}

/** The template's size in bytes as `serializeTemplate` writes it. */
export function templateBytes(rendered: Pick<RenderedTemplate, 'template'>): number {
  return utf8Length(serializeTemplate(rendered.template));
}

/** Whether the template is over what CloudFormation reads from S3. */
export function overS3TemplateLimit(rendered: Pick<RenderedTemplate, 'template'>): boolean {
  return templateBytes(rendered) > S3_TEMPLATE_BODY_LIMIT;
}
