/**
 * Where the page's long main-thread tasks go (bench/web.ts --trace): reads a Chromium trace (devtools timeline + the
 * V8 sampling profiler) and, for every task on the page's main thread longer than 50 ms, lists the time by trace event
 * (message received, layout, style, GC…) and the JavaScript functions the profiler sampled most inside it. Names are
 * readable when the page is built without minifying (--trace does that).
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: what the task cost, whatever else the machine's cores were doing. */
  tdur?: number;
  cat?: string;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
      type?: string;
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

export interface TaskBreakdown {
  startMs: number;
  durationMs: number;
  /** The main thread's CPU time in the task (a shared machine stretches durationMs, not this). */
  cpuMs: number;
  /** Playwright's own work in the page (handing over the file), not the page's. */
  driver: boolean;
  /** Trace events directly under the task, ms by name (FunctionCall, EventDispatch:message, Layout, …). */
  events: Array<[string, number]>;
  /** Self time by JavaScript function (name @ file:line), the heaviest first. */
  functions: Array<[string, number]>;
  /** Inclusive time by JavaScript function (its callees counted too), the heaviest first. */
  inclusive: Array<[string, number]>;
}

function shortUrl(url: string): string {
  const slash = url.lastIndexOf('/');
  return slash >= 0 ? url.slice(slash + 1) : url;
}

function top(map: Map<string, number>, count: number): Array<[string, number]> {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => [name, Math.round(us / 100) / 10]);
}

export function longTasks(trace: { traceEvents: TraceEvent[] }, thresholdMs = 50): TaskBreakdown[] {
  const events = trace.traceEvents;
  // The page's renderer main thread: the CrRendererMain that ran the most tasks (the blank start page runs few).
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let main: { pid: number; tid: number } | null = null;
  let mostTasks = -1;
  for (const m of mains) {
    const count = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && e.name === 'RunTask').length;
    if (count > mostTasks) {
      mostTasks = count;
      main = { pid: m.pid, tid: m.tid };
    }
  }
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);

  // Profile samples of the main thread: ProfileChunk events carry nodes and time deltas after a Profile event.
  const nodes = new Map<number, ProfileNode>();
  const samples: Array<{ ts: number; node: number }> = [];
  // The Profile event sits on the sampled thread; its chunks come from the profiler's own thread under the same id.
  const profileStart = events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && e.id === profileStart?.id).sort((a, b) => a.ts - b.ts);
  let clock = (profileStart?.args?.data as { startTime?: number } | undefined)?.startTime ?? chunks[0]?.ts ?? 0;
  for (const chunk of chunks) {
    const data = chunk.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i += 1) {
      clock += deltas[i] ?? 0;
      samples.push({ ts: clock, node: ids[i] });
    }
  }
  samples.sort((a, b) => a.ts - b.ts);
  const label = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'}${url ? ` @ ${shortUrl(url)}:${lineNumber + 1}` : ''}`;
  };

  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= thresholdMs * 1000);
  const origin = onMain[0]?.ts ?? 0;
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const byEvent = new Map<string, number>();
    // Direct children: events inside the task that no other event inside the task encloses.
    let coveredUntil = task.ts;
    for (const e of onMain) {
      if (e === task || e.ts < task.ts || e.ts >= end) continue;
      if (e.ts < coveredUntil) continue;
      const type = e.args?.data?.type;
      const name = type ? `${e.name}:${type}` : e.name;
      byEvent.set(name, (byEvent.get(name) ?? 0) + (e.dur ?? 0));
      coveredUntil = e.ts + (e.dur ?? 0);
    }
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let previous = task.ts;
    for (const sample of samples) {
      if (sample.ts < task.ts) continue;
      if (sample.ts > end) break;
      const weight = sample.ts - previous;
      previous = sample.ts;
      const node = nodes.get(sample.node);
      if (!node) continue;
      self.set(label(node), (self.get(label(node)) ?? 0) + weight);
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = node; n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const name = label(n);
        if (seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + weight);
      }
    }
    return {
      startMs: Math.round((task.ts - origin) / 1000),
      durationMs: Math.round((task.dur ?? 0) / 1000),
      cpuMs: Math.round((task.tdur ?? task.dur ?? 0) / 1000),
      driver: [...byEvent.keys()].some((name) => name.includes('__playwright')),
      events: top(byEvent, 8),
      functions: top(self, 10),
      inclusive: top(inclusive, 25).filter(([name]) => !name.startsWith('(root)') && !name.startsWith('(program)')),
    };
  });
}
