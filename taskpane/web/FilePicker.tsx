/**
 * The web page's file area, one look and one behaviour wherever the page takes files (打开文件 for the master, 选择报送文件
 * in 合并报送): a dashed box that lights up while files are dragged over it, a real button (Tab, Enter and Space reach
 * it; the file input behind it is hidden) with the box's words read out as its description, and one message naming
 * the files of a type the page does not read. The files themselves go through useFileDrop.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useId, useRef, type ReactNode } from 'react';
import { useLanguage } from '../context';
import type { FileDrop } from './useFileDrop';
import { webTranslator } from './webText';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    padding: tokens.spacingHorizontalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dropping: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
  rejected: { flexBasis: '100%' },
});

export interface FilePickerProps {
  drop: FileDrop;
  /** The button's words (打开文件, 选择报送文件…). */
  label: string;
  icon: JSX.Element;
  /** What the box says beside the button: what to drop here, or which file is open. */
  hint: ReactNode;
  /** The button is off (the page is busy, or there is nothing to add the files to yet). */
  disabled?: boolean;
  appearance?: 'primary' | 'secondary';
  zoneTestId: string;
  inputTestId: string;
  /** False when a larger area around the box (the whole page) takes the drops; the box still lights up. */
  catchesDrops?: boolean;
  className?: string;
  /** More controls in the box (the page's sheet picker, its privacy line). */
  children?: ReactNode;
}

export function FilePicker({ drop, label, icon, hint, disabled = false, appearance = 'primary', zoneTestId, inputTestId, catchesDrops = true, className, children }: FilePickerProps) {
  const { lang, t } = useLanguage();
  const tw = webTranslator(lang);
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const list = lang === 'zh-CN' ? '、' : ', ';
  return (
    <section className={mergeClasses(styles.zone, className, drop.dropping && styles.dropping)} data-testid={zoneTestId} {...(catchesDrops ? drop.handlers : {})}>
      <Button appearance={appearance} icon={icon} disabled={disabled} aria-describedby={hintId} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple={drop.multiple}
        accept={drop.accept}
        tabIndex={-1}
        aria-hidden="true"
        data-testid={inputTestId}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Emptied, so that picking the same file again (after fixing it) is a change too.
          event.target.value = '';
          drop.take(files);
        }}
      />
      <span id={hintId}>{hint}</span>
      {children}
      {drop.rejected.length > 0 && (
        <MessageBar intent="warning" layout="multiline" className={styles.rejected} data-testid="file-rejected">
          <MessageBarBody>{tw('web.wrongType', { files: drop.rejected.join(list), types: drop.accept.split(',').join(list) })}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={t('app.dismiss')} onClick={drop.dismissRejected} />} />
        </MessageBar>
      )}
    </section>
  );
}
