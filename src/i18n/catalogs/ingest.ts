import type { Catalog } from '../index.js';

// Keys are prefixed "ingest." so catalogs can be merged without clashes.
// File-level messages name the file and, where there is one, the line, and end with the fix.
// Row-level messages (ingest.row.*) are shown after "line N" by whoever lists them.
export const ingestMessages: Catalog = {
  en: {
    'ingest.dir.notFound': '{file}: folder not found. Check the path of the client folder.',
    'ingest.dir.notDirectory': '{file} is a file, not a folder. Give the client folder that holds the exports.',
    'ingest.dir.portfolio':
      '{file} holds no exports itself but {count} client folders ({examples} …). Did you mean batch? steps-doctor batch {file} --out OUT_DIR diagnoses them all.',
    'ingest.dir.unreadable': '{file}: the folder cannot be read (permission denied?). Check its permissions.',

    'ingest.file.notFound': '{file}: file not found. Check the path and the file name.',
    'ingest.file.isDirectory': '{file} is a folder, not a file. Give the CSV file itself.',
    'ingest.file.noPermission': '{file}: permission denied, the file cannot be read. Check its permissions (chmod +r).',
    'ingest.file.unreadable': '{file}: the file cannot be read ({detail}).',
    'ingest.file.notRegular': '{file}: not a regular file (a pipe, socket or device), so it was not read.',
    'ingest.file.tooLarge':
      '{file} is larger than 4 GB, more than any export of one shop holds, so it was not read. Export a shorter period (a month at a time), or remove it from the folder.',
    'ingest.file.empty': '{file} is empty (0 bytes). Export it again, or remove it from the folder.',
    'ingest.file.noRows': '{file} holds only blank lines. Export it again, or remove it from the folder.',
    'ingest.file.headerOnly': '{file}, line {line}: there is a header row but no data rows under it. {hint}',
    'ingest.headerOnlyHint.orders': 'Export a period with orders, or remove the file.',
    'ingest.headerOnlyHint.traffic': 'Export the live sessions of a period the brand went live in, or remove the file.',
    'ingest.headerOnlyHint.products': 'Export the product list with its products in it, or remove the file.',
    'ingest.headerOnlyHint.customers': 'Export the customer list with its buyers in it, or remove the file.',
    'ingest.headerOnlyHint.settlement': 'Export the settlement of a period with settled orders, or remove the file.',
    'ingest.file.template': '{file}: a header-only template from init, never read; the real exports go beside it.',
    'ingest.file.binary':
      '{file}, line {line}: this is not a CSV text file (it holds binary data). Save it from Excel as "CSV UTF-8".',
    'ingest.file.excel':
      '{file} is an Excel workbook, not CSV. Open it in Excel and save it as "CSV UTF-8 (comma delimited)".',
    'ingest.file.locked':
      '{file} is a password-protected workbook. Give its password with --password PW, or put it in brand.json as "exportPassword".',
    'ingest.file.wrongPassword':
      '{file}: the password given does not open this workbook. Check --password (or "exportPassword" in brand.json); 快手 sends it with the export.',
    'ingest.file.badWorkbook':
      '{file} cannot be read as an Excel workbook ({detail}): it is damaged or cut short. Download or export it again.',
    'ingest.file.emptyWorkbook': '{file}: the workbook has no sheet with any rows. Export it again.',
    'ingest.file.lockFile':
      '{file} is the lock file Excel keeps while a workbook is open, not an export. Close the workbook in Excel; the file then goes away.',
    'ingest.file.legacyXls':
      '{file} is a legacy Excel 97-2003 workbook (.xls), which is not read. Open it in Excel or WPS and save it as .xlsx or "CSV UTF-8".',
    'ingest.file.xlsb':
      '{file} is an Excel binary workbook (.xlsb), which is not read. Open it in Excel and save it as .xlsx ("Excel Workbook").',
    'ingest.file.numbers':
      '{file} is an Apple Numbers file, which is not read. In Numbers choose File › Export To › Excel (.xlsx) or CSV.',
    'ingest.file.archive': '{file} is an archive. Unpack it into the client folder; the exports inside are then read.',
    'ingest.file.notAnExport':
      '{file} is not an export the tool reads (it reads .csv, .txt, .tsv and .xlsx files). Move it out of the folder, or save the data as one of those.',
    'ingest.file.badUtf16':
      '{file} starts as UTF-16 ("Unicode text") but holds bytes that are not UTF-16 text: it is damaged. Save it again from Excel as "Unicode text" or "CSV UTF-8".',
    'ingest.file.foreignEncoding':
      '{file} is encoded as {encoding}, not UTF-8 or GB18030/GBK: read as GB18030 its names would be garbled, so it was not read. Save it again as "CSV UTF-8".',
    'ingest.file.notText':
      '{file}, line {line}: the text is neither UTF-8 nor GB18030/GBK, so it cannot be read without garbling it. Save the file again as "CSV UTF-8".',
    'ingest.file.mixedEncoding':
      '{file}, line {line}: this line is not valid UTF-8 although the lines before it are: the file mixes encodings or is damaged. Save it again as "CSV UTF-8".',
    'ingest.file.unclosedQuote':
      '{file}, line {line}: a quote (") opens in this row and never closes, so the rest of the file would be one cell. Close or remove the quote; --lenient keeps the rows before this line.',
    'ingest.file.badQuote':
      '{file}, line {line}: a quote (") stands where CSV does not allow one (inside a cell, quotes are doubled: ""). Fix that cell; --lenient keeps the rows before this line.',
    'ingest.file.malformed':
      '{file}, line {line}: the CSV cannot be read here ({detail}). Fix the row; --lenient keeps the rows before this line.',
    'ingest.file.tooManyColumns':
      '{file}, line {line}: this row has more than {limit} columns, which no export has, so the file was not read further. Check the delimiter, or save the file again from Excel as "CSV UTF-8".',
    'ingest.file.ragged':
      '{file}, line {line}: this row has {found} cells but the header (line {headerLine}) has {expected}. Fix or remove the row; --lenient keeps the rows before this line.',
    'ingest.file.missingColumns':
      '{file}, line {line}: the header has no column for {fields}. Any of these headers would do: {aliases}. Rename the column, or map it in columns.json ({"orders": {"your header": "amount"}}).',
    'ingest.file.noHeader':
      '{file}: no header row with known columns in its first {rows} rows, so it was not used. Needed at least ({needs}); map other headers in columns.json, or pass the file with --orders/--traffic/--products/--customers.',
    'ingest.file.noHeaderForKind':
      '{file}: no header row of this kind of export in its first {rows} rows. It needs the columns {needs}; rename them, or map them in columns.json.',
    'ingest.file.overridden': '{file}: not used, because --{kind} names the {kind} files to read.',
    'ingest.noOrdersRecognised': '{file}: no orders export recognised among {files}. {reason}',
    'ingest.emptyPeriod':
      '{file}: no counted order in the period {from} → {to} (set by {source}); the order lines cover {dataFrom} → {dataTo}. Choose a period within those dates, or add the orders export of the period asked.',
    'ingest.emptyPeriod.undated':
      '{file}: no counted order in the period {from} → {to} (set by {source}), and no order line has a readable payment time to say which dates the export covers. Run validate to see why the rows were not counted.',
    'ingest.noOrders':
      '{file}: no orders export found. Put the 快手小店 order export (订单导出 CSV) in the folder, or name it with --orders FILE.',
    'ingest.strict':
      '{file}, line {line}: this row was skipped (column "{column}", value "{value}") and --strict allows no skipped rows; rows skipped in this file: {count}. Run validate to see them all.',

    'ingest.strictCount':
      '{file}: rows skipped in this file: {count}, and --strict allows none. Run validate to see them.',
    'ingest.json.tooLarge':
      '{file} is larger than 1 MB: that is not a settings file. Check that the right file is named.',
    'ingest.json.invalid': '{file}, line {line}: not valid JSON ({detail}). Fix the syntax (commas, quotes, brackets).',
    'ingest.columns.notObject':
      '{file}, line {line}: a column map is an object of kinds, each mapping headers to fields: {"orders": {"付款金额": "amount"}}.',
    'ingest.columns.unknownKind': '{file}, line {line}: "{kind}" is not a kind of export. Use one of: {kinds}.',
    'ingest.columns.unknownField':
      '{file}, line {line}: header "{header}" is mapped to "{field}", which is not a {kind} field. Valid names: {fields}.',
    'ingest.brand.notObject': '{file}, line {line}: brand.json must be an object: {"name": "…", "ownAccounts": ["…"]}.',
    'ingest.brand.notText': '{file}, line {line}: "{field}" must be text in quotes.',
    'ingest.brand.badScore': '{file}, line {line}: "{field}" is {value}; a score is a number from 0 to 100.',
    'ingest.brand.badScores':
      '{file}, line {line}: "scores" must be an object: {"shopExperience": 85, "creatorReputation": 80, "product": 90}.',
    'ingest.brand.badPeriod':
      '{file}, line {line}: the period {value} cannot be read; write it as {"from": "2024-06-01", "to": "2024-06-30"}.',
    'ingest.brand.badOwnAccounts':
      '{file}, line {line}: "ownAccounts" must be a list of account ids or names in quotes.',
    'ingest.brand.unsafeAccountId':
      '{file}, line {line}: the account id {value} is too long to be written as a number (its last digits are lost); put it in quotes.',
    'ingest.brand.profileOutside':
      '{file}, line {line}: the profile "{value}" points outside the client folder. Use a built-in profile name or a file inside the folder.',

    'ingest.note.normalisedIds':
      '{file}: {count} ids (order, buyer, creator, product or live ids) had invisible characters or full-width digits, first on line {line} ("{value}"); read as the ids they show, so the same order counts once.',
    'ingest.row.missingValue': 'column "{column}" is empty; the row cannot be used without it.',
    'ingest.row.badMoney':
      'column "{column}": "{value}" is not an amount of money. Write it like 1299.00, ¥1,299.90 or 1.2万.',
    'ingest.row.fractionOfFen':
      'column "{column}": "{value}" has fractions of a fen (more than 2 decimals); it is not rounded, so the row is skipped. Check that this column holds the amount paid, to the fen.',
    'ingest.row.badCount': 'column "{column}": "{value}" is not a whole number. Write it like 1234, 1,234 or 1.2万.',
    'ingest.row.badNumber': 'column "{column}": "{value}" is not a number. Write it like 12.5 or 1.2万.',
    'ingest.row.badPercent': 'column "{column}": "{value}" is not a share. Write it as 30% or 0.3.',
    'ingest.row.badDuration':
      'column "{column}": "{value}" is not a duration. Write it as seconds (83), 00:01:23, 1分23秒 or 2小时15分.',
    'ingest.row.badTime': 'column "{column}": "{value}" is not a date and time. Write it like 2024-06-18 20:15:03.',
    'ingest.row.badYesNo': 'column "{column}": "{value}" is not yes or no. Write 是/否, Y/N or 1/0.',
    'ingest.row.mangledId':
      'column "{column}": "{value}" is an id that Excel turned into a rounded number; its last digits are lost. Export the file again and do not re-save it in Excel (or format the column as text).',
    'ingest.row.duplicate':
      'the same order line (order {orderId}, product {productId}, SKU {sku}) appeared before; counted once.',
  },
  zh: {
    'ingest.dir.notFound': '{file}：找不到该目录。请检查客户目录的路径。',
    'ingest.dir.notDirectory': '{file} 是文件而不是目录。请给出存放导出文件的客户目录。',
    'ingest.dir.portfolio':
      '{file} 本身没有导出文件，但里面有 {count} 个客户目录（{examples} …）。是不是想用 batch？运行 steps-doctor batch {file} --out 输出目录 可一次诊断全部客户。',
    'ingest.dir.unreadable': '{file}：无法读取该目录（没有权限？）。请检查目录权限。',

    'ingest.file.notFound': '{file}：找不到文件。请检查路径和文件名。',
    'ingest.file.isDirectory': '{file} 是目录而不是文件。请给出 CSV 文件本身。',
    'ingest.file.noPermission': '{file}：没有读取权限。请检查文件权限（chmod +r）。',
    'ingest.file.unreadable': '{file}：无法读取文件（{detail}）。',
    'ingest.file.notRegular': '{file}：不是普通文件（管道、套接字或设备），未读取。',
    'ingest.file.tooLarge':
      '{file} 超过 4 GB，比任何一家店铺的导出都大，未读取。请按更短的周期（逐月）导出，或把它移出目录。',
    'ingest.file.empty': '{file} 是空文件（0 字节）。请重新导出，或将其移出目录。',
    'ingest.file.noRows': '{file} 只有空行。请重新导出，或将其移出目录。',
    'ingest.file.headerOnly': '{file} 第 {line} 行：只有表头，下面没有数据行。{hint}',
    'ingest.headerOnlyHint.orders': '请导出有订单的时间段，或移除该文件。',
    'ingest.headerOnlyHint.traffic': '请导出有开播的时间段的直播场次数据，或移除该文件。',
    'ingest.headerOnlyHint.products': '请导出含有商品的商品列表，或移除该文件。',
    'ingest.headerOnlyHint.customers': '请导出含有买家的客户列表，或移除该文件。',
    'ingest.headerOnlyHint.settlement': '请导出有已结算订单的时间段的结算明细，或移除该文件。',
    'ingest.file.template': '{file}：init 生成的表头模板，不会被读取；真实导出文件放在它旁边即可。',
    'ingest.file.binary': '{file} 第 {line} 行：这不是 CSV 文本文件（含二进制数据）。请在 Excel 中另存为“CSV UTF-8”。',
    'ingest.file.excel': '{file} 是 Excel 工作簿，不是 CSV。请在 Excel 中打开并另存为“CSV UTF-8（逗号分隔）”。',
    'ingest.file.locked':
      '{file} 是加密的工作簿。请用 --password 密码 给出打开密码，或写入 brand.json 的 "exportPassword"。',
    'ingest.file.wrongPassword':
      '{file}：给出的密码打不开这个工作簿。请核对 --password（或 brand.json 的 "exportPassword"）；密码随快手导出一同下发。',
    'ingest.file.badWorkbook': '{file} 无法作为 Excel 工作簿读取（{detail}）：文件已损坏或不完整。请重新下载或导出。',
    'ingest.file.emptyWorkbook': '{file}：工作簿里没有任何有数据的工作表。请重新导出。',
    'ingest.file.lockFile':
      '{file} 是 Excel 打开工作簿时生成的锁定文件，不是导出文件。在 Excel 中关闭该工作簿后它会自动消失。',
    'ingest.file.legacyXls':
      '{file} 是旧版 Excel 97-2003 工作簿（.xls），无法读取。请用 Excel 或 WPS 打开，另存为 .xlsx 或“CSV UTF-8”。',
    'ingest.file.xlsb':
      '{file} 是 Excel 二进制工作簿（.xlsb），无法读取。请在 Excel 中打开，另存为 .xlsx（“Excel 工作簿”）。',
    'ingest.file.numbers':
      '{file} 是苹果 Numbers 文件，无法读取。请在 Numbers 中选择“文件 › 导出为 › Excel（.xlsx）”或 CSV。',
    'ingest.file.archive': '{file} 是压缩包。请把它解压到客户目录中，里面的导出文件就会被读取。',
    'ingest.file.notAnExport':
      '{file} 不是本工具读取的导出文件（可读取 .csv、.txt、.tsv 和 .xlsx）。请将其移出目录，或把数据另存为上述格式之一。',
    'ingest.file.badUtf16':
      '{file} 开头是 UTF-16（“Unicode 文本”），后面却有不是 UTF-16 文本的字节：文件已损坏。请在 Excel 中重新另存为“Unicode 文本”或“CSV UTF-8”。',
    'ingest.file.foreignEncoding':
      '{file} 的编码是 {encoding}，不是 UTF-8 或 GB18030/GBK：按 GB18030 读取商品名、达人名都会乱码，因此未读取。请重新另存为“CSV UTF-8”。',
    'ingest.file.notText':
      '{file} 第 {line} 行：文本既不是 UTF-8 也不是 GB18030/GBK，无法在不乱码的情况下读取。请将文件重新保存为“CSV UTF-8”。',
    'ingest.file.mixedEncoding':
      '{file} 第 {line} 行：此前各行都是有效的 UTF-8，这一行却不是：文件混用了编码或已损坏。请重新保存为“CSV UTF-8”。',
    'ingest.file.unclosedQuote':
      '{file} 第 {line} 行：这一行有一个引号（"）没有闭合，文件其余部分都会被当成一个单元格。请补上或删除该引号；加 --lenient 可保留此行之前的数据。',
    'ingest.file.badQuote':
      '{file} 第 {line} 行：引号（"）出现在 CSV 不允许的位置（单元格内的引号应写成两个：""）。请修正该单元格；加 --lenient 可保留此行之前的数据。',
    'ingest.file.malformed':
      '{file} 第 {line} 行：此处 CSV 无法解析（{detail}）。请修正该行；加 --lenient 可保留此行之前的数据。',
    'ingest.file.tooManyColumns':
      '{file} 第 {line} 行：这一行超过 {limit} 列，没有哪种导出会这么宽，文件没有继续读取。请检查分隔符，或在 Excel 中重新另存为“CSV UTF-8”。',
    'ingest.file.ragged':
      '{file} 第 {line} 行：这一行有 {found} 个单元格，而表头（第 {headerLine} 行）有 {expected} 个。请修正或删除该行；加 --lenient 可保留此行之前的数据。',
    'ingest.file.missingColumns':
      '{file} 第 {line} 行：表头缺少 {fields} 列。以下任一表头均可：{aliases}。请重命名该列，或在 columns.json 中映射（{"orders": {"你的表头": "amount"}}）。',
    'ingest.file.noHeader':
      '{file}：前 {rows} 行中没有可识别的表头，因此未使用。至少需要（{needs}）；其他表头可在 columns.json 中映射，或用 --orders/--traffic/--products/--customers 指定该文件。',
    'ingest.file.noHeaderForKind':
      '{file}：前 {rows} 行中没有这类导出文件的表头。需要的列：{needs}；请重命名这些列，或在 columns.json 中映射。',
    'ingest.file.overridden': '{file}：未使用，因为 --{kind} 已指定要读取的文件。',
    'ingest.noOrdersRecognised': '{file}：{files} 中没有可识别的订单导出文件。{reason}',
    'ingest.emptyPeriod':
      '{file}：所选周期 {from} → {to}（由 {source} 指定）内没有计入的订单；订单数据覆盖的是 {dataFrom} → {dataTo}。请在这段日期内重新选择周期，或补上所选周期的订单导出。',
    'ingest.emptyPeriod.undated':
      '{file}：所选周期 {from} → {to}（由 {source} 指定）内没有计入的订单，而且没有一行订单带可识别的支付时间，无法判断导出覆盖哪些日期。请先运行 validate 查看这些行为何没有计入。',
    'ingest.noOrders': '{file}：没有找到订单导出文件。请把快手小店的订单导出 CSV 放进目录，或用 --orders FILE 指定。',
    'ingest.strict':
      '{file} 第 {line} 行：这一行被跳过（“{column}”列，值“{value}”），而 --strict 不允许跳过任何行；该文件共跳过 {count} 行。运行 validate 可查看全部问题。',

    'ingest.strictCount': '{file}：该文件共跳过 {count} 行，而 --strict 不允许跳过任何行。运行 validate 可查看。',
    'ingest.json.tooLarge': '{file} 超过 1 MB，不像是配置文件。请确认指定的文件是否正确。',
    'ingest.json.invalid': '{file} 第 {line} 行：不是有效的 JSON（{detail}）。请检查逗号、引号和括号。',
    'ingest.columns.notObject':
      '{file} 第 {line} 行：列名映射应是按导出类型分组、表头对应字段的对象：{"orders": {"付款金额": "amount"}}。',
    'ingest.columns.unknownKind': '{file} 第 {line} 行：“{kind}”不是导出类型。请使用：{kinds}。',
    'ingest.columns.unknownField':
      '{file} 第 {line} 行：表头“{header}”被映射到“{field}”，这不是 {kind} 的字段。可用的字段名：{fields}。',
    'ingest.brand.notObject': '{file} 第 {line} 行：brand.json 应是一个对象：{"name": "…", "ownAccounts": ["…"]}。',
    'ingest.brand.notText': '{file} 第 {line} 行：“{field}”应是加引号的文本。',
    'ingest.brand.badScore': '{file} 第 {line} 行：“{field}”为 {value}；分数应是 0 到 100 之间的数字。',
    'ingest.brand.badScores':
      '{file} 第 {line} 行："scores" 应是对象：{"shopExperience": 85, "creatorReputation": 80, "product": 90}。',
    'ingest.brand.badPeriod':
      '{file} 第 {line} 行：无法识别时间段 {value}；请写成 {"from": "2024-06-01", "to": "2024-06-30"}。',
    'ingest.brand.badOwnAccounts': '{file} 第 {line} 行："ownAccounts" 应是加引号的账号 ID 或名称列表。',
    'ingest.brand.unsafeAccountId': '{file} 第 {line} 行：账号 ID {value} 太长，写成数字会丢失末尾几位；请加上引号。',
    'ingest.brand.profileOutside':
      '{file} 第 {line} 行：配置档“{value}”指向客户目录之外。请使用内置配置档名称，或目录内的文件。',

    'ingest.note.normalisedIds':
      '{file}：{count} 个编号（订单号、买家ID、达人ID、商品ID或直播ID）带不可见字符或全角数字，首见于第 {line} 行（“{value}”）；已按显示的编号读取，同一订单只计一次。',
    'ingest.row.missingValue': '“{column}”列为空；缺少它这一行无法使用。',
    'ingest.row.badMoney': '“{column}”列：“{value}”不是金额。请写成 1299.00、¥1,299.90 或 1.2万。',
    'ingest.row.fractionOfFen':
      '“{column}”列：“{value}”精确到了分以下（超过两位小数），不按金额读取，也不四舍五入。请确认这一列是精确到分的实付金额。',
    'ingest.row.badCount': '“{column}”列：“{value}”不是整数。请写成 1234、1,234 或 1.2万。',
    'ingest.row.badNumber': '“{column}”列：“{value}”不是数字。请写成 12.5 或 1.2万。',
    'ingest.row.badPercent': '“{column}”列：“{value}”不是占比。请写成 30% 或 0.3。',
    'ingest.row.badDuration': '“{column}”列：“{value}”不是时长。请写成秒数（83）、00:01:23、1分23秒 或 2小时15分。',
    'ingest.row.badTime': '“{column}”列：“{value}”不是日期时间。请写成 2024-06-18 20:15:03 这样的格式。',
    'ingest.row.badYesNo': '“{column}”列：“{value}”不是“是/否”。请写 是/否、Y/N 或 1/0。',
    'ingest.row.mangledId':
      '“{column}”列：“{value}”是被 Excel 改成科学计数法的 ID，末尾几位已经丢失。请重新导出，不要在 Excel 中另存（或把该列设为文本格式）。',
    'ingest.row.duplicate': '同一订单行（订单 {orderId}，商品 {productId}，SKU {sku}）此前已出现；只计一次。',
  },
};
