/** The add-in's Workbench as the 合并报送 panels see it after 读取总表 (or before, without a master): nothing else runs. */
import { defaultConfig, type Config } from '../../src/core';
import type { Workbench } from '../../taskpane/useWorkbench';
import { seedMaster } from './round';

export function roundWorkbench(withMaster: boolean, config: Config = defaultConfig()): Workbench {
  const { analysis, grid } = seedMaster();
  const noop = async () => undefined;
  return {
    connected: true,
    source: withMaster ? { grid, sheet: 'Sheet1', address: 'A1:E900', fingerprint: 'x' } : null,
    analysis: withMaster ? analysis : null,
    busy: null,
    error: null,
    notice: null,
    config,
    storedSettings: null,
    readAndAnalyze: noop,
    applyRepair: noop,
    highlightFindings: noop,
    clearHighlights: noop,
    goToFinding: noop,
    writeSummary: noop,
    saveSettings: async () => true,
    dismissError: () => undefined,
    dismissNotice: () => undefined,
  };
}
