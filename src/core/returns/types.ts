/** The data of a reporting round: the tasks sent out, the returns read back, the merged master and the comparison. */
import type { Analysis, Finding, SubItem, TaskRecord } from '../types';
import type { SheetSpec } from '../sheets/types';
import type { DiffPart, TaskKey } from './text';

/**
 * A sheet as the file layer writes it (`OutputSheet` of src/files): the engine's SheetSpec plus title rows, frozen
 * panes, drop-down lists and protection. Declared here so that the engine does not depend on the file layer.
 */
export interface RoundSheet extends SheetSpec {
  /** Lines above the header row (the unit's name and the period). */
  title?: string[];
  /** Rows and columns kept in view: the title and header, the number column. */
  freeze?: { rows: number; columns: number };
  autoFilter?: boolean;
  /** Wrap text in the cells (progress texts hold line breaks). */
  wrap?: boolean;
  /** Drop-down lists (Excel data validation) over A1 ranges. */
  dataValidations?: Array<{ range: string; list: string[] }>;
  /** Sheet protected without a password; these A1 ranges stay editable. */
  protection?: { unlocked: string[] };
}

/** One line of the master a unit reports on: a task, or one sub-item of a task (each has its own units and progress). */
export interface MasterTask {
  /** Stable within one master: the sheet row of the entry. */
  id: string;
  record: TaskRecord;
  sub: SubItem | null;
  /** 1-based sheet row of the entry in the master. */
  row: number;
  section: number | null;
  official: string | null;
  /** 序号 as written, with the sub-item's label: 5, 5（2）. */
  number: string;
  /**
   * The number that tells the task apart in the whole table: numbering restarts in each section, so it is
   * section.number (3.5) when the table has sections. A unit's sheet shows this one.
   */
  ref: string;
  /** The task text, and the sub-item's text below it. */
  task: string;
  plan: string;
  units: string[];
  persons: string[];
  /** The unit that answers for the task: the （牵头单位：…） note or the 牵头单位 column, else the first unit. */
  lead: string | null;
  /** Progress as the master holds it (last period's when the round starts). */
  progress: string;
  status: string | null;
  key: TaskKey;
}

/** A return as handed to the merge: a file's analysed table and, when known, the unit that sent it. */
export interface ReturnInput {
  file: string;
  analysis: Analysis;
  /** The sender, when the caller knows it (the pane asks); otherwise read from the title or the file name. */
  unit?: string | null;
}

/** One task as a unit returned it. */
export interface ReturnedTask {
  /** 1-based sheet row in the return. */
  row: number;
  /** A1 address of the task cell in the return, null when the return has no task column. */
  taskCell: string | null;
  number: string;
  /** section.number when the return has sections of its own (a return pasted in the master's layout). */
  ref: string;
  task: string;
  /** The progress text as written (its first line may state the status). */
  progress: string;
  /** Canonical status: the 进展状态 column, else the first line of the progress. */
  status: string | null;
  /** The status as written, '' when none. */
  statusWritten: string;
  key: TaskKey;
}

export type SenderSource = 'given' | 'title' | 'file-name' | 'units-column' | null;

export interface ReturnedTable {
  file: string;
  unit: string | null;
  /** How the sender was known: said by the caller, named in the title, in the file name, or the only unit listed. */
  unitSource: SenderSource;
  tasks: ReturnedTask[];
}

/** A returned task placed on a master task. */
export interface TaskMatch {
  master: MasterTask;
  returned: ReturnedTask;
  file: string;
  unit: string | null;
  /** Text similarity 0..1 (1: the same task text once spaces, punctuation and notes are ignored). */
  score: number;
  sameNumber: boolean;
}

/** A finding of the round; `file` says which return it points into (null: the master). */
export interface RoundFinding extends Finding {
  file: string | null;
  /** For returns.text-changed: the master's text against the return's. */
  diff?: DiffPart[];
}

/** One cell of the merged master and where its new value came from. */
export interface MergedCell {
  /** 1-based row in the merged sheet (as `rows`). */
  outputRow: number;
  /** 0-based column in the merged sheet. */
  column: number;
  columnLabel: string;
  /** The master task's sheet row in the original table. */
  masterRow: number;
  number: string;
  /** section.number: tells the task apart where numbering restarts in each section. */
  ref: string;
  task: string;
  before: string;
  after: string;
  sources: Array<{ file: string; unit: string | null; row: number }>;
}

/** Who answered: per unit of the master, what it leads and shares and what came back. */
export interface UnitAnswer {
  unit: string;
  files: string[];
  leads: number;
  shares: number;
  /** Tasks of the master this unit's returns were matched to. */
  returned: number;
  /** Tasks it leads that its returns did not cover (all of them when it sent nothing). */
  missingLeads: number;
}

export interface MergePlan {
  period: string | null;
  /** The merged master: the repaired table's columns and rows (title, header, sections, records) with the new values. */
  columns: string[];
  rows: string[][];
  cells: MergedCell[];
  units: UnitAnswer[];
  returns: Array<{ file: string; unit: string | null; unitSource: SenderSource; tasks: number; matched: number }>;
  matches: TaskMatch[];
  findings: RoundFinding[];
}
