/** One `[header]` block of an AWS config or credentials file. Repeated headers come out as repeats. */
export interface IniSection {
  /** The text between the brackets, trimmed. */
  header: string;
  line: number;
  settings: Record<string, string>;
  /** Where each setting was written, so later checks can name the line too. */
  lines: Record<string, number>;
}

export interface IniProblem {
  line: number;
  message: string;
}

export interface ParsedIni {
  sections: IniSection[];
  problems: IniProblem[];
}

// A comment starts at `#` or `;` at the start of a line or after whitespace, as in the SDK's parser,
// so `region = us-east-1 # mine` is read as the SDK reads it, and `a#b` keeps its `#`.
const COMMENT = /(^|\s)[;#]/;

/**
 * Reads the INI dialect of `~/.aws/config` and `~/.aws/credentials` the way the SDK does (settings,
 * indented sub-settings under `key =`, comments), and reports each line the SDK would silently skip,
 * so a user learns why a profile is missing instead of guessing.
 */
export function parseIni(text: string): ParsedIni {
  const sections: IniSection[] = [];
  const problems: IniProblem[] = [];
  let current: IniSection | undefined;
  let subsection: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.split(COMMENT)[0]?.trim() ?? '';
    if (content === '') return;
    if (content.startsWith('[')) {
      subsection = undefined;
      current = sectionOf(content, line, problems);
      if (current) sections.push(current);
      return;
    }
    const eq = content.indexOf('=');
    if (eq <= 0) {
      problems.push({ line, message: notASetting(eq) });
      return;
    }
    if (!current) {
      problems.push({ line, message: 'a setting before any [section] header; it belongs to no profile' });
      return;
    }
    const key = content.slice(0, eq).trim();
    const value = content.slice(eq + 1).trim();
    const indented = raw.trimStart() !== raw;
    if (value === '') {
      // `s3 =` opens nested settings on the indented lines below it.
      subsection = key;
      return;
    }
    if (subsection && !indented) subsection = undefined;
    const name = subsection ? `${subsection}.${key}` : key;
    current.settings[name] = value;
    current.lines[name] = line;
  });
  return { sections, problems };
}

function sectionOf(content: string, line: number, problems: IniProblem[]): IniSection | undefined {
  if (!content.endsWith(']')) {
    problems.push({ line, message: `the section header ${quote(content)} has no closing ']'` });
    return undefined;
  }
  const header = content.slice(1, -1).trim();
  if (header === '') {
    problems.push({ line, message: 'an empty section header []' });
    return undefined;
  }
  return { header, line, settings: {}, lines: {} };
}

// The line's text is left out of the message: a stray line may well be a pasted secret key.
function notASetting(eq: number): string {
  return eq === 0
    ? "a setting with no name before '='"
    : "neither 'name = value' nor a [section] header; the SDK skips it";
}

/** Quotes a section header for a message, shortened. */
function quote(content: string): string {
  const short = content.length > 60 ? `${content.slice(0, 60)}…` : content;
  return `'${short}'`;
}
