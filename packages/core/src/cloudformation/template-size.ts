import { utf8Length } from './document-hash';
import { INLINE_TEMPLATE_BODY_LIMIT, type RenderedTemplate } from './types';

/**
 * The template as the deployer sends it: compact JSON, the smallest form
 * CloudFormation reads, so the inline limit goes furthest.
 */
export function serializeTemplate(template: RenderedTemplate['template']): string {
  return JSON.stringify(template);
}

/**
 * Whether the document must go to S3: `rendered` is a template rendered with
 * the document inline (no `bodyS3Location`), and it is over
 * `INLINE_TEMPLATE_BODY_LIMIT` bytes as `serializeTemplate` writes it. Then
 * render again with `bodyS3Location` (and `environment`) and upload
 * `document` there. A template still over the limit without the document is
 * uploaded and passed as `TemplateURL`.
 */
export function needsBodyS3Location(rendered: RenderedTemplate): boolean {
  const text = serializeTemplate(rendered.template);
  // A UTF-16 code unit is at most 3 UTF-8 bytes: most templates need no counting.
  if (text.length * 3 <= INLINE_TEMPLATE_BODY_LIMIT) return false;
  return utf8Length(text) > INLINE_TEMPLATE_BODY_LIMIT;
}
