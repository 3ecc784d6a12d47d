import type { Diagnostic, Severity } from '@gatewright/core';
import { useMemo } from 'react';
import { backendOfFinding } from '../findings/findings-by-node';
import '../findings/findings.css';
import './outputs.css';

export interface ProblemsTabProps {
  findings: readonly Diagnostic[];
  /** A finding was chosen: show its node and its place in the code. */
  onChoose: (finding: Diagnostic) => void;
}

const SEVERITIES: readonly { severity: Severity; heading: string; icon: string }[] = [
  { severity: 'error', heading: 'Errors', icon: '✕' },
  { severity: 'warning', heading: 'Warnings', icon: '⚠' },
  { severity: 'info', heading: 'Information', icon: 'ℹ' },
];

/** The validation findings on the current design, by severity; each leads to its place. */
export function ProblemsTab({ findings, onChoose }: ProblemsTabProps) {
  const groups = useMemo(
    () =>
      SEVERITIES.map((group) => ({
        ...group,
        findings: findings.filter((finding) => finding.severity === group.severity),
      })).filter((group) => group.findings.length > 0),
    [findings],
  );
  if (groups.length === 0) {
    return <p className="problems-empty">No problems: the design validates cleanly.</p>;
  }
  return (
    <div className="problems">
      {groups.map((group) => (
        <section key={group.severity} aria-label={group.heading}>
          <h3 className={`severity-${group.severity}`}>
            {group.heading} ({group.findings.length})
          </h3>
          <ul>
            {group.findings.map((finding, index) => (
              <li key={index}>
                <button type="button" className="problem" onClick={() => onChoose(finding)}>
                  <span className={`severity-${finding.severity}`} aria-hidden="true">
                    {group.icon}
                  </span>
                  <span className="problem-place">{placeOf(finding)}</span>
                  <span className="problem-message">{finding.message}</span>
                  <span className="problem-code">{finding.code}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Where a finding is, for people: its operation or backend, else its file and line. */
function placeOf(finding: Diagnostic): string {
  const { location } = finding;
  if (location.operation !== undefined) return location.operation;
  const backend = backendOfFinding(finding);
  if (backend !== undefined) return `Backend ${backend}`;
  const file = location.file ?? 'design';
  return location.line !== undefined
    ? `${file}:${location.line}`
    : `${file} ${location.pointer ?? ''}`;
}
