/**
 * 与上期对比 on the web page: the summary step's ComparePanel backed by the page's worker (last period's file is read
 * there, off the page's thread; the comparison sheets are written into the in-memory workbook and that file is
 * downloaded), and the comparison's chart beside the pane — ECharts like the summary's, with a PNG download.
 */
import { useMemo, useState } from 'react';
import type { Analysis } from '../../src/core';
import type { Comparison } from '../../src/core/returns';
import { officialLabel } from '../../src/core/summary/officialLabel';
import type { Lang } from '../../src/core/types';
import { cancelledError } from '../../src/host';
import { baseName } from '../../src/web/fileNames';
import { CHANGE_COLORS, SHOWN_CHANGES, type CompareBackend, type ComparedFile } from '../components/ComparePanel';
import { compareTranslator } from '../components/CompareText';
import { useLanguage } from '../context';
import { ChartCard, FONT, bracket, type ChartOption } from './SummaryCharts';
import { saveFile, type WebState } from './useWebWorkbench';
import { CANCELLED } from './workerClient';

export interface WebCompare {
  backend: CompareBackend | null;
  result: ComparedFile | null;
  onResult: (result: ComparedFile | null) => void;
}

/** The panel's backend over the worker; the comparison is kept here so the page can draw its chart. */
export function useWebCompare(web: WebState, analysis: Analysis | null, lang: Lang): WebCompare {
  const [result, setResult] = useState<ComparedFile | null>(null);
  const { request, cancel, showSheets } = web;
  const backend = useMemo<CompareBackend | null>(
    () =>
      analysis === null
        ? null
        : {
            action: 'download',
            chart: 'page',
            async compare(file, signal) {
              const bytes = new Uint8Array(await file.arrayBuffer());
              // 取消 stops the worker (the page opens the file again in a fresh one).
              const stop = () => cancel();
              signal.addEventListener('abort', stop, { once: true });
              try {
                return await request({ type: 'compare', bytes, fileName: file.name }, undefined, [bytes.buffer]);
              } catch (failure) {
                throw failure === CANCELLED ? cancelledError() : failure;
              } finally {
                signal.removeEventListener('abort', stop);
              }
            },
            async write(_comparison, options) {
              const written = await request({ type: 'compareWrite', lang, replace: options.replace });
              showSheets(written.allSheets);
              if (!written.download) return { sheets: written.sheets, ...(written.needsConfirmation ? { needsConfirmation: written.needsConfirmation } : {}) };
              saveFile(written.download.bytes, written.download.fileName);
              return { sheets: written.sheets, downloaded: written.download.fileName };
            },
          },
    [analysis, request, cancel, showSheets, lang],
  );
  return { backend, result, onResult: setResult };
}

export function compareChartOption(comparison: Comparison, lang: Lang): ChartOption {
  const t = compareTranslator(lang);
  const rows = comparison.byOfficial.filter((o) => SHOWN_CHANGES.some((c) => o.counts[c] > 0));
  const officials = rows.map((o) => officialLabel(o.official, lang));
  return {
    textStyle: { fontFamily: FONT },
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'plain', itemWidth: 14, itemHeight: 10 },
    grid: { left: 40, right: 16, top: 16, bottom: 72 },
    xAxis: { type: 'category', data: officials, axisLabel: { interval: 0, rotate: officials.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: SHOWN_CHANGES.map((change) => ({
      name: t(`compare.count.${change}`),
      type: 'bar',
      barMaxWidth: 32,
      itemStyle: { color: CHANGE_COLORS[change] },
      data: rows.map((o) => o.counts[change]),
    })),
  };
}

/** The comparison per official as a column chart (one series per change), as the add-in writes it beside the sheet. */
export function CompareCharts({ comparison, fileName }: { comparison: Comparison; fileName: string }) {
  const { lang } = useLanguage();
  const t = compareTranslator(lang);
  const option = useMemo(() => compareChartOption(comparison, lang), [comparison, lang]);
  return <ChartCard title={t('compare.chart')} option={option} fileName={`${baseName(fileName)}${bracket(t('compare.chart'), lang)}.png`} testId="chart-compare" />;
}
