//! Prints the whole OAuth error taxonomy, from the crate's code table.
//!
//! ```text
//! cargo run --example taxonomy                  # aligned plain-text table
//! cargo run --example taxonomy -- --width 120   # wrap to 120 columns
//! cargo run --example taxonomy -- --json        # JSON array, one object per code
//! ```
//!
//! The text table has one row per code: the wire code, its default HTTP status, the
//! statuses that differ at particular endpoints, the defining specification section, the
//! client action and the one-line description. It is wrapped to `--width`, else to
//! `$COLUMNS`, else to 100 columns when stdout is a terminal; piped output is not wrapped.
//! When the width is too small for the description column, each description is printed
//! on its own indented lines under its row.
//!
//! The JSON output is an array in table order (`OAuthError::KNOWN`); each object has
//! `code`, `status` (default), `statuses` (every endpoint → status), `spec`, `spec_url`,
//! `registry`, `usage`, `action`, `retryable`, `redirectable`, `access_token_error`,
//! `challenged_at` (the endpoints where a response carries a `WWW-Authenticate` challenge
//! whatever its status), `description`, `causes`, `remedy` and `status_note`.

use std::io::{self, IsTerminal as _, Write};

use oauth_errors::{CodeInfo, Endpoint, OAuthError};

const USAGE: &str = "\
usage: taxonomy [--json] [--width <columns>]

Prints every known OAuth error code with its default HTTP status, per-endpoint statuses,
defining specification, client action and description.

options:
  --json             print a JSON array (one object per code) instead of a table
  --width <columns>  wrap the table to this many columns (0: no wrapping);
                     default: $COLUMNS, else 100 on a terminal, else no wrapping
  -h, --help         print this help
";

/// Width used on a terminal when neither `--width` nor `$COLUMNS` says otherwise.
const TERMINAL_WIDTH: usize = 100;

/// The narrowest description column worth printing beside the other columns; below
/// this, descriptions go on their own lines under each row.
const MIN_DESCRIPTION_WIDTH: usize = 30;

/// The order in which columns are narrowed to fit the width: spec (whose widest
/// document names are outliers), per-endpoint (empty for most codes), description.
const SHRINK_ORDER: [usize; 3] = [3, 2, 5];

/// Gap between columns.
const GAP: &str = "  ";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let default_width = default_width();
    let code = run(&args, &mut io::stdout().lock(), &mut io::stderr().lock(), default_width);
    std::process::exit(code);
}

/// The wrapping width when `--width` is not given.
fn default_width() -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()) {
        return (columns > 0).then_some(columns);
    }
    io::stdout().is_terminal().then_some(TERMINAL_WIDTH)
}

/// Runs the example with `args` (without the program name) and returns the exit code:
/// 0 on success, 2 for a usage error, 1 if writing the output failed.
pub fn run(
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
    default_width: Option<usize>,
) -> i32 {
    let mut json = false;
    let mut width = default_width;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let width_value = match arg.as_str() {
            "--json" => {
                json = true;
                continue;
            }
            "-h" | "--help" => return finish(out.write_all(USAGE.as_bytes()), err),
            "--width" => args.next().map(String::as_str),
            other => match other.strip_prefix("--width=") {
                Some(value) => Some(value),
                None => return usage_error(err, &format!("unknown argument `{other}`")),
            },
        };
        width = match width_value.map(str::parse::<usize>) {
            Some(Ok(0)) => None,
            Some(Ok(columns)) => Some(columns),
            _ => return usage_error(err, "`--width` needs a number of columns"),
        };
    }

    let output = if json { taxonomy_json() } else { taxonomy_text(width) };
    finish(out.write_all(output.as_bytes()).and_then(|()| out.flush()), err)
}

fn usage_error(err: &mut dyn Write, message: &str) -> i32 {
    // Nothing useful can be done if stderr itself fails.
    let _ = write!(err, "error: {message}\n\n{USAGE}");
    2
}

fn finish(result: io::Result<()>, err: &mut dyn Write) -> i32 {
    match result {
        Ok(()) => 0,
        // `taxonomy | head` is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "error: cannot write output: {e}");
            1
        }
    }
}

// ---------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------

/// A JSON value whose object members keep their insertion order (a `serde_json::Map`
/// sorts them unless serde_json's `preserve_order` feature is on).
enum Json {
    Leaf(serde_json::Value),
    Array(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

impl Json {
    fn string(s: &str) -> Json {
        Json::Leaf(serde_json::Value::from(s))
    }

    /// Pretty-prints with two-space indentation, like `serde_json::to_string_pretty`.
    fn write(&self, out: &mut String, indent: usize) {
        match self {
            // `Value`'s `Display` is compact, escaped JSON.
            Json::Leaf(value) => out.push_str(&value.to_string()),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    push_indent(out, indent + 1);
                    item.write(out, indent + 1);
                }
                out.push('\n');
                push_indent(out, indent);
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    push_indent(out, indent + 1);
                    out.push_str(&serde_json::Value::from(*key).to_string());
                    out.push_str(": ");
                    value.write(out, indent + 1);
                }
                out.push('\n');
                push_indent(out, indent);
                out.push('}');
            }
        }
    }
}

fn push_indent(out: &mut String, level: usize) {
    out.extend(std::iter::repeat_n("  ", level));
}

/// One JSON object per known code, in table order.
fn code_json(info: &CodeInfo) -> Json {
    let statuses = Endpoint::ALL
        .iter()
        .map(|&endpoint| (endpoint.as_str(), Json::Leaf(info.status_at(endpoint).into())))
        .collect();
    Json::Object(vec![
        ("code", Json::string(info.code)),
        ("status", Json::Leaf(info.status.into())),
        ("statuses", Json::Object(statuses)),
        ("spec", Json::string(&info.spec.to_string())),
        ("spec_url", Json::string(info.spec.url)),
        ("registry", Json::string(&info.registry.to_string())),
        ("usage", Json::string(info.usage)),
        ("action", Json::string(info.action.as_str())),
        ("retryable", Json::Leaf(info.action.is_retryable().into())),
        ("redirectable", Json::Leaf(info.redirectable.into())),
        ("access_token_error", Json::Leaf(info.access_token_error.into())),
        (
            "challenged_at",
            Json::Array(
                Endpoint::ALL
                    .iter()
                    .filter(|&&endpoint| info.challenged_at(endpoint))
                    .map(|endpoint| Json::string(endpoint.as_str()))
                    .collect(),
            ),
        ),
        ("description", Json::string(info.description)),
        ("causes", Json::Array(info.causes.iter().map(|c| Json::string(c)).collect())),
        ("remedy", Json::string(info.remedy)),
        ("status_note", Json::string(info.status_note)),
    ])
}

/// The `--json` output: a pretty-printed array followed by a newline.
pub fn taxonomy_json() -> String {
    let array = Json::Array(OAuthError::KNOWN.iter().map(|code| code_json(code.info())).collect());
    let mut out = String::new();
    array.write(&mut out, 0);
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------------------
// Plain text
// ---------------------------------------------------------------------------------------

/// Display width in terminal columns. Every character in the table is one column wide
/// (ASCII plus `§`), so this counts characters, not bytes.
fn display_width(s: &str) -> usize {
    s.chars().count()
}

/// Greedy word wrap to `width` columns; words longer than a line are split.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        let line_width = display_width(&line);
        if line_width > 0 && line_width + 1 + word.len() <= width {
            line.push(' ');
            line.extend(&word);
            continue;
        }
        if line_width > 0 {
            lines.push(std::mem::take(&mut line));
        }
        while word.len() > width {
            lines.push(word.drain(..width).collect());
        }
        line.extend(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Renders rows as aligned columns, returning each row's lines. When `width` is set and
/// the natural widths do not fit, the columns with a `min` entry are narrowed, in the
/// order of `SHRINK_ORDER`, each down to its minimum, and their cells wrapped; columns
/// with `None` keep their natural width.
fn table(rows: &[Vec<String>], min: &[Option<usize>], width: Option<usize>) -> Vec<Vec<String>> {
    let columns = min.len();
    let mut widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|row| display_width(&row[c])).max().unwrap_or(0))
        .collect();
    if let Some(width) = width {
        let budget = width.saturating_sub(GAP.len() * (columns - 1));
        let mut excess = widths.iter().sum::<usize>().saturating_sub(budget);
        for &c in SHRINK_ORDER.iter().filter(|&&c| c < columns) {
            let floor = min[c].map_or(widths[c], |m| m.min(widths[c]));
            let cut = excess.min(widths[c] - floor);
            widths[c] -= cut;
            excess -= cut;
        }
    }

    let mut rendered = Vec::new();
    for row in rows {
        let mut lines = Vec::new();
        let cells: Vec<Vec<String>> =
            row.iter().zip(&widths).map(|(cell, &w)| wrap(cell, w)).collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for i in 0..height {
            let mut line = String::new();
            for (c, cell) in cells.iter().enumerate() {
                let text = cell.get(i).map_or("", String::as_str);
                if c > 0 {
                    line.push_str(GAP);
                }
                line.push_str(text);
                if c + 1 < columns {
                    line.extend(std::iter::repeat_n(' ', widths[c] - display_width(text)));
                }
            }
            lines.push(line.trim_end().to_owned());
        }
        rendered.push(lines);
    }
    rendered
}

/// The statuses that differ from the default, e.g. `resource: 401`, or `-`.
fn per_endpoint(info: &CodeInfo) -> String {
    let differing: Vec<String> = Endpoint::ALL
        .iter()
        .filter(|&&endpoint| info.status_at(endpoint) != info.status)
        .map(|&endpoint| format!("{endpoint}: {}", info.status_at(endpoint)))
        .collect();
    if differing.is_empty() { "-".to_owned() } else { differing.join(", ") }
}

/// The default output: an aligned table wrapped to `width` (`None`: no wrapping).
pub fn taxonomy_text(width: Option<usize>) -> String {
    const HEADERS: [&str; 6] = ["CODE", "STATUS", "PER-ENDPOINT", "SPEC", "ACTION", "DESCRIPTION"];
    // Code, status and action are never wrapped; per-endpoint and spec can narrow.
    const MIN: [Option<usize>; 5] = [None, None, Some(13), Some(16), None];

    let infos: Vec<&CodeInfo> = OAuthError::KNOWN.iter().map(OAuthError::info).collect();
    let row = |info: &CodeInfo| {
        vec![
            info.code.to_owned(),
            info.status.to_string(),
            per_endpoint(info),
            info.spec.to_string(),
            info.action.as_str().to_owned(),
        ]
    };
    let mut rows: Vec<Vec<String>> = vec![HEADERS[..5].iter().map(|h| (*h).to_owned()).collect()];
    rows.extend(infos.iter().map(|info| row(info)));

    // Side by side if the description column can be at least MIN_DESCRIPTION_WIDTH wide
    // once the other columns are at their narrowest.
    let narrowest_others: usize = (0..5)
        .map(|c| {
            let natural = rows.iter().map(|r| display_width(&r[c])).max().unwrap_or(0);
            MIN[c].map_or(natural, |m| m.min(natural))
        })
        .sum::<usize>()
        + GAP.len() * 5;
    let side_by_side = width.is_none_or(|w| w >= narrowest_others + MIN_DESCRIPTION_WIDTH);

    let mut lines = Vec::new();
    if side_by_side {
        rows[0].push(HEADERS[5].to_owned());
        for (row, info) in rows[1..].iter_mut().zip(&infos) {
            row.push(info.description.to_owned());
        }
        let min = [MIN[0], MIN[1], MIN[2], MIN[3], MIN[4], Some(MIN_DESCRIPTION_WIDTH)];
        lines.extend(table(&rows, &min, width).into_iter().flatten());
    } else {
        // Each row, then its description on indented lines, then a blank line.
        let indent = "    ";
        let width = width.unwrap_or(usize::MAX);
        let mut rendered = table(&rows, &MIN, Some(width)).into_iter();
        lines.extend(rendered.next().into_iter().flatten());
        for (row_lines, info) in rendered.zip(&infos) {
            lines.extend(row_lines);
            for line in wrap(info.description, width.saturating_sub(indent.len())) {
                lines.push(format!("{indent}{line}"));
            }
            lines.push(String::new());
        }
        lines.pop();
    }
    lines.push(String::new());
    lines.push(format!(
        "{} codes. STATUS is the default; PER-ENDPOINT lists only the endpoints where it differs.",
        infos.len()
    ));
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
