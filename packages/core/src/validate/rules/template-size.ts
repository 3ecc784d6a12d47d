import { diagnostic, type Diagnostic } from '../../diagnostics';
import { isJsonObject, pointer } from '../../json';
import type { RuleContext } from '../context';

/** API Gateway's quota for one mapping template. */
const MAX_TEMPLATE_BYTES = 300 * 1024;

/**
 * Mapping templates over API Gateway's 300 KB quota: request and response
 * templates of HTTP and raw integrations, custom mock bodies (rendered as a
 * response template) and gateway response templates.
 */
export function templateSize({ design, designAt }: RuleContext): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const check = (template: unknown, tokens: string[], operation?: string): void => {
    // A UTF-16 code unit is at most 3 UTF-8 bytes: most templates need no counting.
    if (typeof template !== 'string' || template.length * 3 <= MAX_TEMPLATE_BYTES) return;
    const bytes = utf8Length(template);
    if (bytes <= MAX_TEMPLATE_BYTES) return;
    findings.push(
      diagnostic(
        'validate.apigw-template-too-large',
        `Mapping template of ${Math.ceil(bytes / 1024)} KB is over API Gateway's ${MAX_TEMPLATE_BYTES / 1024} KB limit; shorten it or let the backend build the payload.`,
        designAt(pointer(...tokens), operation),
      ),
    );
  };
  const checkMap = (templates: unknown, tokens: string[], operation?: string): void => {
    if (!isJsonObject(templates)) return;
    for (const [contentType, template] of Object.entries(templates))
      check(template, [...tokens, contentType], operation);
  };
  const checkResponses = (responses: unknown, tokens: string[], operation: string): void => {
    if (!isJsonObject(responses)) return;
    for (const [selection, response] of Object.entries(responses)) {
      if (isJsonObject(response))
        checkMap(
          response['responseTemplates'],
          [...tokens, selection, 'responseTemplates'],
          operation,
        );
    }
  };

  for (const [key, { integration }] of Object.entries(design.operations)) {
    const base = ['operations', key, 'integration'];
    if (integration?.kind === 'http') {
      checkMap(integration.requestTemplates, [...base, 'requestTemplates'], key);
      checkResponses(integration.responses, [...base, 'responses'], key);
    } else if (integration?.kind === 'raw') {
      checkMap(
        integration.integration['requestTemplates'],
        [...base, 'integration', 'requestTemplates'],
        key,
      );
      checkResponses(
        integration.integration['responses'],
        [...base, 'integration', 'responses'],
        key,
      );
    } else if (integration?.kind === 'mock' && integration.response.source === 'custom') {
      check(integration.response.body, [...base, 'response', 'body'], key);
    }
  }
  for (const [type, response] of Object.entries(design.gatewayResponses)) {
    checkMap(response?.responseTemplates, ['gatewayResponses', type, 'responseTemplates']);
  }
  return findings;
}

/** API Gateway counts bytes; core has no TextEncoder type, and counting needs no copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
