import { performance } from 'node:perf_hooks';
import {
  createDesign,
  recoverDesign,
  renderOpenApi,
  validate,
  type Diagnostic,
} from '@gatewright/core';
import { countBySeverity } from '../findings';
import { readModel } from '../workspace/read-model';

export interface CorpusLine {
  file: string;
  operations: number;
  findings: Record<Diagnostic['severity'], number>;
  millis: number;
}

/**
 * Imports, wires, renders and validates one description. A model that carries
 * API Gateway integrations keeps them (recovered); any other is mocked whole.
 */
export async function processDescription(file: string): Promise<CorpusLine> {
  const started = performance.now();
  const { model, diagnostics } = await readModel(file);
  const findings: Diagnostic[] = [...diagnostics];
  if (model) {
    const hasIntegrations = model.operations.some((o) => o.existingIntegration);
    const recovered = hasIntegrations ? recoverDesign(model, file) : undefined;
    const design =
      recovered?.design ?? createDesign(model, { pattern: 'mock-all', modelPath: file });
    findings.push(
      ...(recovered?.diagnostics ?? []),
      ...validate(model, design),
      ...renderOpenApi(model, design).diagnostics,
    );
  }
  return {
    file,
    operations: model?.operations.length ?? 0,
    findings: countBySeverity(findings),
    millis: performance.now() - started,
  };
}
