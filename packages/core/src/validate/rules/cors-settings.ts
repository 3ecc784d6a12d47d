import { diagnostic, type Diagnostic } from '../../diagnostics';
import { corsAllowOrigin } from '../../integrations/cors-headers';
import type { RuleContext } from '../context';

/**
 * CORS settings browsers or API Gateway cannot honour as written. The CORS
 * headers Gatewright renders are static (mock preflights, mapped and gateway
 * responses), so `Access-Control-Allow-Origin` names one origin, the first
 * listed; and browsers refuse a credentialed response whose origin is `*`.
 */
export function corsSettings({ design, designAt }: RuleContext): Diagnostic[] {
  const { cors } = design;
  if (!cors.enabled) return [];
  const findings: Diagnostic[] = [];
  const origin = corsAllowOrigin(cors);
  if (cors.allowCredentials === true && origin === '*') {
    findings.push(
      diagnostic(
        'validate.cors-credentials-wildcard',
        `CORS allows credentials with the origin "*", and browsers refuse credentialed responses that allow any origin. ` +
          `List the origin of your web app in allowOrigins, or turn allowCredentials off.`,
        designAt('/cors/allowCredentials'),
      ),
    );
  }
  const ignored = (cors.allowOrigins ?? []).slice(1);
  if (ignored.length > 0) {
    findings.push(
      diagnostic(
        'validate.cors-multiple-origins',
        `CORS lists ${cors.allowOrigins!.length} origins, but API Gateway's static Access-Control-Allow-Origin header holds one, ` +
          `so only "${origin}" is sent and ${ignored.map((o) => `"${o}"`).join(', ')} will be refused by browsers. ` +
          `Keep one origin, or serve several from a proxy backend that echoes the request's allowed origin.`,
        designAt('/cors/allowOrigins'),
      ),
    );
  }
  return findings;
}
