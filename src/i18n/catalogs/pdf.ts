import type { Catalog } from '../index.js';

// The PDF report: its page footer, and what to do when no browser can print it. Each message
// is one line: it is the whole of what a run without Chromium says.
export const pdfMessages: Catalog = {
  en: {
    'pdf.footerPage': 'page {page} of {pages}',
    'pdf.noBrowser':
      'cannot make the PDF: no Chromium on this machine (looked for chromium, chromium-browser and google-chrome on PATH, the installed Chrome and Edge, and Playwright’s browsers). Install one (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or set CHROMIUM_PATH to its executable.',
    'pdf.browserVariableWrong':
      'cannot make the PDF: {variable} is "{path}", which is not an executable file. Set it to Chromium or Chrome (for example /usr/bin/chromium), or unset it to use the one on PATH.',
    'pdf.browserFailed':
      'cannot make the PDF: {browser} did not start ({detail}). Check that it runs ("{browser}" --version), or set CHROMIUM_PATH to another Chromium.',
    'pdf.printFailed': 'cannot make the PDF: {browser} failed while printing the report ({detail}).',
    'pdf.needsPath': 'a PDF is not sent to the terminal: give it a file, for example --format pdf:report.pdf.',
  },
  zh: {
    'pdf.footerPage': '第 {page} / {pages} 页',
    'pdf.noBrowser':
      '无法生成 PDF：本机没有 Chromium（已查找 PATH 中的 chromium、chromium-browser、google-chrome，已安装的 Chrome、Edge，以及 Playwright 下载的浏览器）。请安装一个（Debian/Ubuntu：apt-get install chromium；macOS：brew install --cask chromium），或把 CHROMIUM_PATH 设为浏览器可执行文件的路径。',
    'pdf.browserVariableWrong':
      '无法生成 PDF：{variable} 为“{path}”，不是可执行文件。请设为 Chromium 或 Chrome 的路径（如 /usr/bin/chromium），或取消该变量以使用 PATH 中的浏览器。',
    'pdf.browserFailed':
      '无法生成 PDF：{browser} 未能启动（{detail}）。请确认它能运行（"{browser}" --version），或把 CHROMIUM_PATH 设为另一个 Chromium。',
    'pdf.printFailed': '无法生成 PDF：{browser} 打印报告时出错（{detail}）。',
    'pdf.needsPath': 'PDF 不能输出到终端，请指定文件，例如 --format pdf:报告.pdf。',
  },
};
