/**
 * `npm run serve`: build the renderer if its sources changed since the last build, then
 * start the browser host (host/serve-main.ts) in this process.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildParts, ROOT } from './build-app';

/** Newest modification time under `dir` (skipping tests and node_modules), 0 if absent. */
export function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'test') newest = Math.max(newest, newestMtime(full));
    } else if (!/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** The renderer needs a build when out/renderer/index.html is missing or older than its inputs. */
export function rendererIsStale(root: string): boolean {
  const built = path.join(root, 'out', 'renderer', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const inputs = [path.join(root, 'renderer'), path.join(root, 'db', 'contract')];
  const newestInput = Math.max(...inputs.map(newestMtime), statSync(path.join(root, 'package.json')).mtimeMs);
  return newestInput > builtAt;
}

export async function runServe(root: string = ROOT, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (env.LOGBOOK_SKIP_BUILD !== '1' && rendererIsStale(root)) {
    console.log('正在构建页面… (building the renderer)');
    try {
      await buildParts(['renderer']);
    } catch (error) {
      console.error(
        `页面构建失败（renderer build failed）：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
      return 1;
    }
  }
  const { serve } = await import('../host/serve-main');
  let serving;
  try {
    serving = await serve({ root, env });
  } catch (error) {
    console.error(
      `无法启动浏览器版（could not start）：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
    return 1;
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      void serving.stop().finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('已退出。');
  return 0;
}
