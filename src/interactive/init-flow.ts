// The questions `init` asks: brand name, category (which picks the threshold profile), and the
// brand's own live accounts. Defaults come from the flags given, so a flag pre-fills its answer.

import type { Translate } from '../i18n/index.js';
import type { Prompts } from './prompts.js';

export interface InitAnswers {
  name: string;
  /** A shipped profile name. */
  category: string;
  ownAccounts: string[];
}

export interface CategoryOption {
  /** The shipped profile name, written to brand.json. */
  name: string;
  label: string;
  description: string;
}

/** "店铺A, 店铺B，店铺C、店铺D": commas of either width and the enumeration comma all separate. */
export function parseAccounts(text: string): string[] {
  const accounts = text
    .split(/[,，、;；\n]/)
    .map((account) => account.trim())
    .filter((account) => account !== '');
  return [...new Set(accounts)];
}

export async function askInit(
  defaults: InitAnswers,
  categories: readonly CategoryOption[],
  io: { prompts: Prompts; t: Translate },
): Promise<InitAnswers> {
  const { prompts, t } = io;
  const name = await prompts.input({
    message: t('init.ask.name'),
    default: defaults.name,
    validate: (value) => (value.trim() === '' ? t('init.ask.nameRequired') : true),
  });
  const category = await prompts.select({
    message: t('init.ask.category'),
    choices: categories.map((option) => ({
      name: `${option.name} · ${option.label}`,
      value: option.name,
      description: option.description,
    })),
    default: defaults.category,
  });
  const accounts = await prompts.input({ message: t('init.ask.accounts'), default: defaults.ownAccounts.join(', ') });
  return { name: name.trim(), category, ownAccounts: parseAccounts(accounts) };
}
