// What reaches a terminal is read by a person, and a terminal obeys what it is sent: an escape
// sequence in a product name can clear the screen, write the clipboard (OSC 52) or plant a
// link (OSC 8); a line feed or a TAB can print a correctly indented fake check line; a
// right-to-left override can make `gpj.exe` read as `exe.jpg`. Two guards:
// - visibleText, for every string that came from outside (cells, file names, arguments): it
//   drops escape sequences and control characters and shows line breaks, tabs and bidi
//   controls as visible marks, so the text says what it holds and no more;
// - guardTerminalStream, at the stream itself, for what a call site forgot: only the colour and
//   erase-line sequences the tool writes itself get through.

/** CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC (… ST), and two-byte ESC x. */
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[ -~]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;

/** Bidirectional formatting characters: they reorder what is shown without being seen. */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** C0 controls other than line feed and tab (shown visibly instead), DEL and the C1 range. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** A UTF-16 half with no partner: a terminal shows garbage and a JSON reader may refuse it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function codePointMark(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * Text from the data as a terminal (or a report) may show it: no escape sequence or control
 * character, a line feed shown as `\n` and a tab as `\t` (so a name cannot start a new line),
 * a bidi control as `<U+202E>`, a lone surrogate as U+FFFD.
 */
export function visibleText(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/\r\n|\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROL, codePointMark)
    .replace(LONE_SURROGATE, '\ufffd');
}

/** A message-maker whose every message is shown through visibleText (the words hold no controls). */
export function visibleWords<A extends unknown[]>(words: (...args: A) => string): (...args: A) => string {
  return (...args: A) => visibleText(words(...args));
}

/** What the tool itself writes to a terminal: SGR colour (ESC[…m) and erase-line (ESC[…K). */
const OWN_SEQUENCE = /^\u001b\[[0-9;]*[mK]$/;

/**
 * Output as the stream gets it: the tool's own colour and erase-line sequences, line feeds,
 * carriage returns (progress lines) and tabs pass; any other escape sequence, control or bidi
 * character is dropped. The last line of defence: data should have gone through visibleText.
 */
export function terminalOutput(chunk: string): string {
  return chunk
    .replace(ESCAPE_SEQUENCE, (sequence) => (OWN_SEQUENCE.test(sequence) ? sequence : ''))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]/g, '')
    .replace(/\u001b(?!\[[0-9;]*[mK])/g, '')
    .replace(BIDI_CONTROL, '')
    .replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Routes every string written to `stream` through terminalOutput. Buffers (a report piped as
 * bytes) pass untouched: they are data for a file or a program, not text for a person.
 */
export function guardTerminalStream(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === 'string' ? terminalOutput(chunk) : chunk, ...rest)) as typeof stream.write;
}
