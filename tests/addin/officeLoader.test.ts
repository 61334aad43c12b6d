/**
 * Loading office.js where the CDN is blocked: the bundled copy is used, a closed-network build never tries the CDN, and
 * when nothing loads the pane knows it (and says so, see App's office-missing bar). The real browser path is in
 * tests/e2e/taskpane.e2e.ts (the CDN routed to fail); this checks the order and the timeout with a stand-in document.
 */
import { BUNDLED_OFFICE_URL, OFFICE_CDN_URL, loadOfficeJs } from '../../taskpane/officeLoader';

type Outcome = 'load' | 'error' | 'hang';

/** A document whose script tags load, fail or never answer per URL; a loaded script defines Office. */
function fakeDocument(outcomes: Record<string, Outcome>, scope: { Office?: unknown }) {
  const requested: string[] = [];
  const doc = {
    createElement: () => {
      const listeners: Record<string, () => void> = {};
      return {
        src: '',
        async: true,
        addEventListener: (type: string, listener: () => void) => (listeners[type] = listener),
        remove: () => undefined,
        fire(type: string) {
          listeners[type]?.();
        },
      };
    },
    head: {
      appendChild: (script: { src: string; fire: (type: string) => void }) => {
        requested.push(script.src);
        const outcome = outcomes[script.src] ?? 'error';
        if (outcome === 'hang') return;
        setTimeout(() => {
          if (outcome === 'load') scope.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
          script.fire(outcome);
        }, 1);
      },
    },
  };
  return { doc: doc as unknown as Document, requested };
}

test('the CDN answers: office.js comes from the CDN', async () => {
  const scope: { Office?: unknown } = {};
  const { doc, requested } = fakeDocument({ [OFFICE_CDN_URL]: 'load' }, scope);
  await expect(loadOfficeJs({ document: doc, scope })).resolves.toBe('cdn');
  expect(requested).toEqual([OFFICE_CDN_URL]);
});

test('the CDN is blocked: the bundled copy is used', async () => {
  const scope: { Office?: unknown } = {};
  const { doc, requested } = fakeDocument({ [OFFICE_CDN_URL]: 'error', [BUNDLED_OFFICE_URL]: 'load' }, scope);
  await expect(loadOfficeJs({ document: doc, scope })).resolves.toBe('bundled');
  expect(requested).toEqual([OFFICE_CDN_URL, BUNDLED_OFFICE_URL]);
});

test('the CDN never answers: after the timeout the bundled copy is used', async () => {
  const scope: { Office?: unknown } = {};
  const { doc } = fakeDocument({ [OFFICE_CDN_URL]: 'hang', [BUNDLED_OFFICE_URL]: 'load' }, scope);
  await expect(loadOfficeJs({ document: doc, scope, cdnTimeoutMs: 30 })).resolves.toBe('bundled');
});

test('a closed-network build goes straight to the bundled copy', async () => {
  const scope: { Office?: unknown } = {};
  const { doc, requested } = fakeDocument({ [BUNDLED_OFFICE_URL]: 'load' }, scope);
  await expect(loadOfficeJs({ document: doc, scope, bundledOnly: true })).resolves.toBe('bundled');
  expect(requested).toEqual([BUNDLED_OFFICE_URL]);
});

test('neither loads: none, so the pane can say so', async () => {
  const scope: { Office?: unknown } = {};
  const { doc } = fakeDocument({}, scope);
  await expect(loadOfficeJs({ document: doc, scope })).resolves.toBe('none');
});

test('an Office already there (a host that injected it, or the test double) is used as it is', async () => {
  const scope: { Office?: unknown } = { Office: {} };
  const { doc, requested } = fakeDocument({}, scope);
  await expect(loadOfficeJs({ document: doc, scope })).resolves.toBe('present');
  expect(requested).toEqual([]);
});
