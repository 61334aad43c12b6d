import type { Lang } from '../core/types';

/** Every way a file cannot be used: a stable code and one line per language, never JavaScript internals. */
export class FileError extends Error {
  readonly code: string;
  readonly messages: Record<Lang, string>;
  constructor(code: string, messages: Record<Lang, string>) {
    super(messages['en-US']);
    this.name = 'FileError';
    this.code = code;
    this.messages = messages;
  }
}

export function fileError(code: string, zh: string, en: string): FileError {
  return new FileError(code, { 'zh-CN': zh, 'en-US': en });
}
