/**
 * The summary as a manager shows it: tasks by official, stacked by status, and the share of lagging tasks. ECharts
 * from `echarts/core` with only the bar and pie charts, their components and the canvas renderer, so the bundle
 * carries nothing else; each chart downloads as a PNG.
 */
import { Button, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { officialLabel } from '../../src/core/summary/officialLabel';
import { statusLabel } from '../../src/core/summary/statusLabel';
import type { Lang, Summary } from '../../src/core/types';
import { statusColors } from '../components/OfficialChart';
import { clickDownloadLink } from '../../src/host/download';
import { baseName } from '../../src/web/fileNames';
import { useLanguage } from '../context';
import { webTranslator } from './webText';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];


export interface StatusGroups {
  lagging: readonly string[];
  onSchedule: readonly string[];
}


export const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

const useStyles = makeStyles({
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: tokens.spacingHorizontalM },
  chart: { width: '100%', height: '320px' },
});

function useChart(option: ChartOption) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return { element, chart };
}

function downloadPng(chart: echarts.ECharts | null, fileName: string): void {
  if (!chart) return;
  clickDownloadLink(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), fileName);
}

/** A chart with its title and a PNG download (the comparison's chart uses it too). */
export function ChartCard(props: { title: string; option: ChartOption; fileName: string; testId: string }) {
  const { lang } = useLanguage();
  const tw = webTranslator(lang);
  const styles = useStyles();
  const { element, chart } = useChart(props.option);
  return (
    <Card data-testid={props.testId}>
      <CardHeader
        header={<Text weight="semibold">{props.title}</Text>}
        action={
          <Button size="small" icon={<ArrowDownloadRegular />} onClick={() => downloadPng(chart.current, props.fileName)}>
            {tw('web.chart.png')}
          </Button>
        }
      />
      <div ref={element} className={styles.chart} role="img" aria-label={props.title} />
    </Card>
  );
}

export function SummaryCharts({ summary, fileName, groups }: { summary: Summary; fileName: string; groups: StatusGroups }) {
  const { lang } = useLanguage();
  const tw = webTranslator(lang);
  const styles = useStyles();
  const [byOfficial, share] = useMemo(() => chartOptions(summary, lang, groups), [summary, lang, groups]);
  const stem = baseName(fileName);
  return (
    <div className={styles.charts}>
      <ChartCard title={tw('web.chart.byOfficial')} option={byOfficial} fileName={`${stem}${bracket(tw('web.chart.byOfficial'), lang)}.png`} testId="chart-by-official" />
      <ChartCard title={tw('web.chart.lagging')} option={share} fileName={`${stem}${bracket(tw('web.chart.lagging'), lang)}.png`} testId="chart-lagging" />
    </div>
  );
}

export function bracket(text: string, lang: Lang): string {
  return lang === 'zh-CN' ? `（${text}）` : ` (${text})`;
}

function chartOptions(summary: Summary, lang: Lang, groups: StatusGroups): [ChartOption, ChartOption] {
  const tw = webTranslator(lang);
  // The colours of the pane's bars beside it (OfficialChart), by each status's kind in the settings: one status, one colour.
  const lagging = new Set(groups.lagging);
  const onSchedule = new Set(groups.onSchedule);
  const colors = statusColors(summary.statuses, (status) => (lagging.has(status) ? 'lagging' : onSchedule.has(status) ? 'on-schedule' : 'other'));
  const officials = summary.byOfficial.map((row) => officialLabel(row.official, lang));
  const byOfficial: ChartOption = {
    textStyle: { fontFamily: FONT },
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'plain', itemWidth: 14, itemHeight: 10 },
    grid: { left: 40, right: 16, top: 16, bottom: summary.statuses.length > 4 ? 96 : 72 },
    xAxis: { type: 'category', data: officials, axisLabel: { interval: 0, rotate: officials.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: summary.statuses.map((status) => ({
      // The legend and tooltip name 未填写 / 未识别 in the page's language; colours stay keyed by the status itself.
      name: statusLabel(status, lang),
      type: 'bar',
      stack: 'status',
      barMaxWidth: 48,
      itemStyle: { color: colors[status] },
      data: summary.byOfficial.map((row) => row.counts[status] ?? 0),
    })),
  };
  const laggingCount = summary.lagging.length;
  const other = Math.max(0, summary.total - summary.onSchedule - laggingCount);
  const share: ChartOption = {
    textStyle: { fontFamily: FONT },
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{d}%' },
        data: [
          { name: tw('web.chart.lagging.part'), value: laggingCount, itemStyle: { color: '#C50F1F' } },
          { name: tw('web.chart.onSchedule.part'), value: summary.onSchedule, itemStyle: { color: '#107C10' } },
          ...(other > 0 ? [{ name: tw('web.chart.other.part'), value: other, itemStyle: { color: '#8A8886' } }] : []),
        ],
      },
    ],
  };
  return [byOfficial, share];
}
