import type { RoundRule } from './context';

/** returns.unknown-sender: a return whose unit cannot be told; without it, who answered and who is silent is guesswork. */
export const unknownSender: RoundRule = {
  id: 'returns.unknown-sender',
  severity: 'warning',
  description: { 'zh-CN': '每份报送都应能看出报送单位（标题或文件名）。', 'en-US': 'Each return names its unit (in the title or the file name).' },
  check(ctx, emit) {
    for (const table of ctx.returns) {
      if (table.unit !== null) continue;
      emit({ file: table.file, row: 1, cell: null, number: null, params: {}, value: table.file, suggestion: null });
    }
  },
};
