/**
 * The measuring pass of a print in this browser, the one that will print it: the service's
 * measuring document laid out in a hidden sandboxed frame (no script runs in it; same origin
 * so that this page can read its layout), measured by the contract's measureFlows, removed.
 */
import { measureFlows, overflowingPages, type FlowMeasure } from '../../db/contract';

const TIMEOUT_MS = 30_000;

export async function measureInFrame(html: string): Promise<FlowMeasure[]> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.setAttribute('aria-hidden', 'true');
  frame.title = '打印排版';
  frame.tabIndex = -1;
  Object.assign(frame.style, {
    position: 'fixed',
    left: '-12000px',
    top: '0',
    width: '1200px',
    height: '900px',
    border: '0',
    visibility: 'hidden',
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loaded = new Promise<void>((resolve, reject) => {
    frame.onload = () => resolve();
    timer = setTimeout(() => reject(new Error('排版超时：打印页面未能载入，请重试')), TIMEOUT_MS);
  });
  frame.srcdoc = html;
  document.body.appendChild(frame);
  try {
    await loaded;
    const doc = frame.contentDocument;
    if (!doc) throw new Error('无法读取打印页面，未能排版');
    await doc.fonts?.ready;
    return measureFlows(doc);
  } finally {
    clearTimeout(timer);
    frame.remove();
  }
}

/** Pages of a laid-out print whose content does not fit its sheet (empty when all fit). */
export function overflowIn(frame: HTMLIFrameElement | null): number[] {
  const doc = frame?.contentDocument;
  return doc ? overflowingPages(doc) : [];
}
