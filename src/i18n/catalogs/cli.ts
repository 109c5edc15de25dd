import type { Catalog } from '../index.js';

export const cliMessages: Catalog = {
  en: {
    'program.description': "Tells a brand where it stands on Kuaishou e-commerce's STEPS path, and what to do next.",
    'option.version': 'print the version',
    'option.help': 'show help',
    'error.prefix': 'Error: ',
    'error.internal': 'Internal error: {message} (run again with --verbose for details)',
  },
  zh: {
    'program.description': '诊断品牌在快手电商 STEPS 路径上所处的阶段，并给出下一步该做什么。',
    'option.version': '显示版本号',
    'option.help': '显示帮助',
    'error.prefix': '错误：',
    'error.internal': '内部错误：{message}（加 --verbose 重新运行可查看详情）',
  },
};
