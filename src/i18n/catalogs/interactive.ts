// The words of the two commands that ask questions, `checklist` and `init`, and of the
// checklist.json reader. The STAGE items' own questions and "why" lines live in their rule files
// (src/diagnosis/stage-items/).

import type { Catalog } from '../index.js';

export const interactiveMessages: Catalog = {
  en: {
    'checklist.file.notObject':
      '{file}, line {line}: the checklist must be an object: {"sessions": {"<live id>": {"script": {"rhythmPlanned": true, …}}}}.',
    'checklist.file.noSessions':
      '{file}, line {line}: "sessions" must be an object keyed by live id (直播ID): {"sessions": {"<live id>": {…}}}.',
    'checklist.file.emptyLiveId': '{file}, line {line}: a session under "sessions" has an empty live id.',
    'checklist.file.badSession':
      '{file}, line {line}: the answers for session "{liveId}" must be an object of STAGE items, e.g. {"script": {"rhythmPlanned": true}}.',
    'checklist.file.unknownItem':
      '{file}, line {line}: session "{liveId}" has an unknown STAGE item "{item}"; the items are {items}.',
    'checklist.file.badItem':
      '{file}, line {line}: "{item}" of session "{liveId}" must be an object of question ids with true or false.',
    'checklist.file.unknownQuestion':
      '{file}, line {line}: "{item}" of session "{liveId}" has an unknown question "{question}"; its questions are {questions}.',
    'checklist.file.notBoolean':
      '{file}, line {line}: "{question}" ("{item}" of session "{liveId}") is {value}; write true, false, or null when not known.',
    'checklist.yamlNotRead':
      '{file} was not read: only checklist.json is. Convert the answers to JSON (steps-doctor checklist writes it).',
    'checklist.command':
      'answer the STAGE checklist of live sessions and save it in checklist.json (asks in a terminal; scriptable with --live, --all-yes, --answers)',
    'checklist.option.live': 'the live session (直播ID) to answer for; repeatable',
    'checklist.option.allYes': 'answer every question yes for the sessions named with --live',
    'checklist.option.answers':
      'import answers from a JSON file: checklist.json’s shape, or one session’s {"script": {…}} together with --live',
    'checklist.noTty':
      'checklist asks its questions in a terminal, and stdin is not one. Pass the answers instead: --live ID --all-yes, or --answers FILE (checklist.json’s shape; with --live ID, one session’s answers).',
    'checklist.allYesNeedsLive': 'without a terminal, --all-yes needs --live ID to say which sessions to mark.',
    'checklist.allYesAndAnswers': 'use either --all-yes or --answers, not both.',
    'checklist.answersNeedLive':
      '{file} holds one session’s answers (no "sessions" key): name the session with --live ID, or write the file in checklist.json’s shape.',
    'checklist.unknownLive':
      'no live session "{liveId}" in the live sessions export of the folder "{dir}". Sessions found there include {known}.',
    'checklist.noSessions':
      'the folder "{dir}" has no live session to answer for: add the live sessions export (直播ID, 观看人数 …) first.',
    'checklist.pick': 'Which live session?',
    'checklist.sessionChoice': '{date} · {account} · GMV {gmv} · {liveId}',
    'checklist.sessionAnswered': '{choice} · answered {count}',
    'checklist.items': 'Which STAGE items can you answer for {session}? (space toggles, enter confirms)',
    'checklist.itemChoice': '{letter} {name}',
    'checklist.itemHeading': '{letter} {name}: {why}',
    'checklist.another': 'Answer another session?',
    'checklist.yes': 'yes',
    'prompt.action.navigate': 'navigate',
    'prompt.action.select': 'select',
    'prompt.action.submit': 'submit',
    'prompt.action.all': 'all',
    'prompt.action.invert': 'invert',
    'prompt.key.space': 'space',
    'checklist.no': 'no',
    'checklist.saved': 'Saved {count} answers for {session} in {file}.',
    'checklist.nothingSaved': 'No answer given: {file} is unchanged.',
    'checklist.cancelled': 'Stopped. The sessions answered before this point are saved in checklist.json.',
    'checklist.option.by':
      'answer by session (one session at a time, yes or no) or by item (each question once, ticking the sessions where it was done); asked first when not given',
    'checklist.badBy': '--by takes session or item, not "{value}".',
    'checklist.order': 'Answer by session or by item?',
    'checklist.order.session': 'By session: one session at a time, yes or no to each question',
    'checklist.order.session.why': 'For the session that just ended.',
    'checklist.order.item': 'By item: each question once, ticking the sessions where it was done',
    'checklist.order.item.why': 'For catching up on many sessions at once.',
    'checklist.pickSessions': 'Which sessions are you answering for? (space toggles, enter confirms)',
    'checklist.itemsAcross':
      'Which STAGE items can you answer for these {count} sessions? (space toggles, enter confirms)',
    'checklist.questionAcross': '{question} Tick the sessions where it was done.',
    'checklist.sessionJudged': '{choice} · data: {mark} {result}',
    'checklist.data.held':
      'The data has already judged this session: {result} ({evidence}). A “yes” records what was done but does not change that verdict; a “no” adds its reason.',
    'checklist.data.passed':
      'The data already passes this session ({evidence}). All “yes” keeps the pass; any “no” lowers it to a warning.',
    'checklist.data.across':
      'The data has already judged {judged} of these {sessions} sessions (marked in the list). For those, a tick records what was done but does not lift a warning or a failure; an unticked box lowers a pass to a warning.',
    'checklist.data.none': 'No figure in the exports judges this item for this session: your answers decide it.',
    'checklist.data.noneAcross':
      'No figure in the exports judges this item for these sessions: your answers decide it.',
    'checklist.result.pass': 'pass',
    'checklist.result.warn': 'warning',
    'checklist.result.fail': 'fail',
    'checklist.result.unknown': 'not judged',
    'checklist.listJoin': '; ',
    'checklist.summary.session': 'Data vs answers for {session}: {summary}.',
    'checklist.summary.item': 'Data vs answers on {letter} {name}: {summary}.',
    'checklist.summary.data': '{count} verdict(s) stay as the data set them ({results})',
    'checklist.summary.held': '{count} of them a warning or a failure although every answer was “yes”',
    'checklist.summary.lowered': '{count} passed by the data, lowered to a warning by a “no”',
    'checklist.summary.answers': '{count} set by your answers alone, the data having no figure for them ({results})',
    'checklist.summary.join': '; ',
    'checklist.savedItem': 'Saved {count} answers on {letter} {name} for {sessions} session(s) in {file}.',
    'init.command': 'set up a client folder: brand.json (asked, or --yes with flags) and header-only CSV templates',
    'init.option.yes':
      'ask nothing: take --name, --category and --accounts (defaults: the folder name, default, no accounts)',
    'init.option.name': 'brand name',
    'init.option.category':
      'category, which picks the threshold profile: default, apparel, beauty, food, home, jewelry (or 美妆, 服饰 …)',
    'init.option.accounts': 'the brand’s own live accounts, comma-separated, as the exports name them',
    'init.option.headers': 'language of the CSV template headers: zh or en (default: the output language)',
    'init.option.force': 'replace files that already exist',
    'init.noTty':
      'init asks its questions in a terminal, and stdin is not one. Pass the answers as flags: --yes --name NAME --category CATEGORY --accounts "account 1,account 2".',
    'init.exists':
      'not replacing files that already exist in the folder "{dir}": {files}. Pass --force to replace them.',
    'init.badCategory': 'unknown category "{value}": use one of {categories}.',
    'init.badHeaders': 'unknown header language "{value}": use zh or en.',
    'init.ask.name': 'Brand name',
    'init.ask.nameRequired': 'The brand needs a name.',
    'init.ask.category': 'Category (it picks the threshold profile)',
    'init.ask.accounts': 'Own live accounts, comma-separated, as the exports name them (leave empty if unsure)',
    'init.category.default': 'general',
    'init.category.apparel': 'apparel (服饰)',
    'init.category.beauty': 'beauty and personal care (美妆个护)',
    'init.category.food': 'food and drink (食品饮料)',
    'init.category.home': 'home and household (家居日用)',
    'init.category.jewelry': 'jewelry (珠宝饰品)',
    'init.wrote': 'Wrote {files} in the folder "{dir}".',
    'init.next':
      'Next: put the client’s exports in the folder beside the templates (the *.template.csv files show the columns and are never read; fill a copy under another name if there is no export). Then run: steps-doctor validate {dir}',
    'init.cancelled': 'Stopped: nothing was written.',
  },
  zh: {
    'checklist.file.notObject':
      '{file} 第 {line} 行：清单必须是一个对象：{"sessions": {"<直播ID>": {"script": {"rhythmPlanned": true, …}}}}。',
    'checklist.file.noSessions':
      '{file} 第 {line} 行："sessions" 必须是以直播ID为键的对象：{"sessions": {"<直播ID>": {…}}}。',
    'checklist.file.emptyLiveId': '{file} 第 {line} 行："sessions" 下有一场的直播ID为空。',
    'checklist.file.badSession':
      '{file} 第 {line} 行：场次“{liveId}”的回答必须是由 STAGE 项目组成的对象，例如 {"script": {"rhythmPlanned": true}}。',
    'checklist.file.unknownItem':
      '{file} 第 {line} 行：场次“{liveId}”中有未知的 STAGE 项目“{item}”；可用的项目有 {items}。',
    'checklist.file.badItem': '{file} 第 {line} 行：场次“{liveId}”的“{item}”必须是问题ID对应 true 或 false 的对象。',
    'checklist.file.unknownQuestion':
      '{file} 第 {line} 行：场次“{liveId}”的“{item}”中有未知的问题“{question}”；该项目的问题有 {questions}。',
    'checklist.file.notBoolean':
      '{file} 第 {line} 行：“{question}”（场次“{liveId}”的“{item}”）的值是 {value}；请写 true、false，不确定时写 null。',
    'checklist.yamlNotRead':
      '未读取 {file}：只读取 checklist.json。请把回答转成 JSON（steps-doctor checklist 会写出该文件）。',
    'checklist.command':
      '回答直播场次的 STAGE 清单并保存到 checklist.json（在终端中逐项提问；也可用 --live、--all-yes、--answers 脚本化）',
    'checklist.option.live': '要回答的直播场次（直播ID）；可重复',
    'checklist.option.allYes': '对 --live 指定的场次，所有问题都回答“是”',
    'checklist.option.answers':
      '从 JSON 文件导入回答：与 checklist.json 同样的结构，或配合 --live 使用单场的 {"script": {…}}',
    'checklist.noTty':
      'checklist 需要在终端中提问，而标准输入不是终端。请改为直接给出回答：--live ID --all-yes，或 --answers FILE（checklist.json 的结构；配合 --live ID 时为单场的回答）。',
    'checklist.allYesNeedsLive': '不在终端中运行时，--all-yes 需要配合 --live ID 指明要标记的场次。',
    'checklist.allYesAndAnswers': '--all-yes 和 --answers 只能二选一。',
    'checklist.answersNeedLive':
      '{file} 是单场的回答（没有 "sessions" 键）：请用 --live ID 指明场次，或按 checklist.json 的结构书写。',
    'checklist.unknownLive': '目录“{dir}”的直播场次导出中没有直播场次“{liveId}”。已有的场次包括 {known}。',
    'checklist.noSessions': '目录“{dir}”中没有可回答的直播场次：请先放入直播场次导出（直播ID、观看人数……）。',
    'checklist.pick': '回答哪一场直播？',
    'checklist.sessionChoice': '{date} · {account} · GMV {gmv} · {liveId}',
    'checklist.sessionAnswered': '{choice} · 已回答 {count} 题',
    'checklist.items': '{session} 的哪些 STAGE 项目你能回答？（空格选择，回车确认）',
    'checklist.itemChoice': '{letter} {name}',
    'checklist.itemHeading': '{letter} {name}：{why}',
    'checklist.another': '继续回答另一场吗？',
    'checklist.yes': '是',
    'prompt.action.navigate': '移动',
    'prompt.action.select': '选择',
    'prompt.action.submit': '确认',
    'prompt.action.all': '全选',
    'prompt.action.invert': '反选',
    'prompt.key.space': '空格',
    'checklist.no': '否',
    'checklist.saved': '已把 {session} 的 {count} 个回答保存到 {file}。',
    'checklist.nothingSaved': '没有给出回答：{file} 未改动。',
    'checklist.cancelled': '已中止。此前回答的场次已保存在 checklist.json 中。',
    'checklist.option.by':
      '回答方式：session（一场一场，逐题选是或否）或 item（每题只问一次，勾选做到了的场次）；不指定时先询问',
    'checklist.badBy': '--by 只能是 session 或 item，不能是“{value}”。',
    'checklist.order': '按场次回答，还是按项目回答？',
    'checklist.order.session': '按场次：一场一场回答，每题选是或否',
    'checklist.order.session.why': '适合刚下播的这一场。',
    'checklist.order.item': '按项目：每个问题只问一次，勾选做到了的场次',
    'checklist.order.item.why': '适合一次补填多场。',
    'checklist.pickSessions': '要回答哪些场次？（空格选择，回车确认）',
    'checklist.itemsAcross': '这 {count} 场的哪些 STAGE 项目你能回答？（空格选择，回车确认）',
    'checklist.questionAcross': '{question}请勾选做到了的场次。',
    'checklist.sessionJudged': '{choice} · 数据：{mark} {result}',
    'checklist.data.held':
      '这一场的数据已经给出判断：{result}（{evidence}）。回答“是”会记下已做的准备，但不会改变这个判断；回答“否”会补充原因。',
    'checklist.data.passed': '这一场的数据已判为通过（{evidence}）。全部回答“是”则保持通过；任何一个“否”都会降为注意。',
    'checklist.data.across':
      '这 {sessions} 场中有 {judged} 场的数据已经给出判断（列表中已标出）。对这些场次，勾选只记下已做的准备，不会把“注意”或“未通过”改为通过；不勾选则会把“通过”降为“注意”。',
    'checklist.data.none': '导出数据中没有能判断这一场这一项的指标：以你的回答为准。',
    'checklist.data.noneAcross': '导出数据中没有能判断这些场次这一项的指标：以你的回答为准。',
    'checklist.result.pass': '通过',
    'checklist.result.warn': '注意',
    'checklist.result.fail': '未通过',
    'checklist.result.unknown': '无法判断',
    'checklist.listJoin': '；',
    'checklist.summary.session': '{session} 的数据与回答：{summary}。',
    'checklist.summary.item': '{letter} {name}的数据与回答：{summary}。',
    'checklist.summary.data': '{count} 个判断以数据为准（{results}）',
    'checklist.summary.held': '其中 {count} 个虽然全部回答“是”，仍为注意或未通过',
    'checklist.summary.lowered': '{count} 个数据判为通过，因回答“否”降为注意',
    'checklist.summary.answers': '{count} 个没有数据可判断，按回答判定（{results}）',
    'checklist.summary.join': '；',
    'checklist.savedItem': '已把 {sessions} 场“{letter} {name}”的 {count} 个回答保存到 {file}。',
    'init.command': '初始化客户目录：brand.json（逐项提问，或用 --yes 加参数）以及只有表头的 CSV 模板',
    'init.option.yes': '不提问：使用 --name、--category 和 --accounts（默认：目录名、default、无账号）',
    'init.option.name': '品牌名称',
    'init.option.category':
      '类目，决定使用的阈值配置：default、apparel、beauty、food、home、jewelry（也可写 美妆、服饰……）',
    'init.option.accounts': '品牌自有直播账号，用逗号分隔，与导出文件中的写法一致',
    'init.option.headers': 'CSV 模板表头的语言：zh 或 en（默认：与输出语言相同）',
    'init.option.force': '覆盖已存在的文件',
    'init.noTty':
      'init 需要在终端中提问，而标准输入不是终端。请用参数给出回答：--yes --name 名称 --category 类目 --accounts "账号1,账号2"。',
    'init.exists': '目录“{dir}”中已有这些文件，不会覆盖：{files}。如需替换请加 --force。',
    'init.badCategory': '未知类目“{value}”：请使用 {categories} 之一。',
    'init.badHeaders': '未知的表头语言“{value}”：请用 zh 或 en。',
    'init.ask.name': '品牌名称',
    'init.ask.nameRequired': '请填写品牌名称。',
    'init.ask.category': '类目（决定使用的阈值配置）',
    'init.ask.accounts': '自有直播账号，用逗号分隔，与导出文件中的写法一致（不确定可留空）',
    'init.category.default': '通用',
    'init.category.apparel': '服饰',
    'init.category.beauty': '美妆个护',
    'init.category.food': '食品饮料',
    'init.category.home': '家居日用',
    'init.category.jewelry': '珠宝饰品',
    'init.wrote': '已在目录“{dir}”中写入 {files}。',
    'init.next':
      '下一步：把客户的导出文件放进该目录，与模板放在一起（*.template.csv 只用来展示表头，不会被读取；没有导出文件时，另存一份改名后再填写）。然后运行：steps-doctor validate {dir}',
    'init.cancelled': '已中止：没有写入任何文件。',
  },
};
