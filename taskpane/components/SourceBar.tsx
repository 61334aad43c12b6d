import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TableSearchRegular } from '@fluentui/react-icons';
import type { Analysis } from '../../src/core/types';
import type { SourceSnapshot } from '../../src/excel/host';
import { useLanguage } from '../context';
import type { Workbench } from '../useWorkbench';
import { JobStatus } from './StatusBars';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  info: { color: tokens.colorNeutralForeground2 },
});

/** The table the pane works on: read (again) from the selection, and what was read. */
export function SourceBar(props: {
  source: SourceSnapshot | null;
  analysis: Analysis | null;
  disabled: boolean;
  label?: string;
  onRead: () => void;
  /** Shows the reading's progress and result under the button. */
  workbench?: Workbench;
}) {
  const { t } = useLanguage();
  const styles = useStyles();
  const { source, analysis } = props;
  return (
    <div className={styles.root}>
      {!source && <Text>{t('source.hint')}</Text>}
      <Button appearance={source ? 'secondary' : 'primary'} icon={<TableSearchRegular />} disabled={props.disabled} onClick={props.onRead}>
        {props.label ?? (source ? t('source.reread') : t('source.read'))}
      </Button>
      {props.workbench && <JobStatus workbench={props.workbench} jobs={['read']} />}
      {source && analysis && (
        <Text size={200} className={styles.info} data-testid="source-info">
          {/* A table without section rows has no "0 个部分" to report. */}
          {t(analysis.table.sections.length > 0 ? 'source.info' : 'source.infoNoSections', {
            sheet: source.sheet,
            address: source.address,
            records: analysis.table.records.length,
            sections: analysis.table.sections.length,
          })}
        </Text>
      )}
    </div>
  );
}
