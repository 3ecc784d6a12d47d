import './canvas-status.css';

/** What the last canvas gesture did, read out by screen readers as it changes. */
export function CanvasStatus({ message }: { message: string }) {
  return (
    <p className="canvas-status" role="status" data-testid="canvas-status">
      {message}
    </p>
  );
}
