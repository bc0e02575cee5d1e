//! Explains an OAuth error as a client received it: what it is, what it means, likely
//! causes and what to do.
//!
//! ```text
//! cargo run --example explain -- [--status N] [--header 'Name: value']... [--json] (BODY | --redirect URI | -)
//! ```
//!
//! * `BODY` is the response body as received (`-` reads it from stdin). With `--status`
//!   (and any `--header`), the whole response is read as a client reads it
//!   (`ResponseReader`); without, the body alone (`ResponseReader::read_body`).
//! * `--redirect URI` reads an authorization response (the query or fragment of the URI
//!   the browser came back to), without `state` or `iss` expectations.
//!
//! Exit status: 0 when the input was read — an error, or a success response (such as a
//! token response), which is reported as not an error; 2 when the arguments are wrong or
//! the input cannot be read (with a message on stderr); 1 when writing the output fails.
//!
//! `--json` prints one JSON object: `is_error`, `code` (as received, or `null`),
//! `canonical` (the code this crate reads it as when it knows it, or `null`), `known`,
//! `status` (the HTTP status given, or `null`), `description`, `action`, `retryable`,
//! and when present `uri`, `state`, `iss`, `scope`, `realm`, `retry_after` (seconds),
//! `dpop_nonce`, `dialect`, `meaning`, `causes`, `remedy`. For a success response:
//! `is_error: false` and `status`.

use std::io::{self, Read, Write};
use std::time::SystemTime;

use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use oauth_errors::parse::{ParseError, ResponseReader};
use oauth_errors::{ClientAction, ErrorResponse, OAuthError};
use serde_json::{Value, json};

const USAGE: &str = "\
usage: explain [--status N] [--header 'Name: value']... [--json] (BODY | --redirect URI | -)

Reads an OAuth error as received and explains it: what it is, what it means, likely
causes and what to do.

  BODY              the response body (`-`: read it from stdin)
  --redirect URI    an authorization response: the URI the browser came back to
  --status N        the HTTP status (reads the whole response: status, headers, body)
  --header 'N: v'   a response header (repeatable; needs --status)
  --json            print one JSON object instead of text
  -h, --help        print this help

exit status: 0 read (an error, or not an error), 2 unusable arguments or unreadable input
";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code =
        run(&args, &mut io::stdin().lock(), &mut io::stdout().lock(), &mut io::stderr().lock());
    std::process::exit(code);
}

enum Input {
    Body(Vec<u8>),
    Redirect(String),
}

/// What was read.
enum Reading {
    Error(Box<ErrorResponse>),
    /// Not an error; why.
    NotAnError(String),
}

/// Runs the example with `args` (without the program name), reading `-` from `stdin`;
/// returns the exit status.
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut json = false;
    let mut status = None;
    let mut headers = HeaderMap::new();
    let mut input = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return finish(out.write_all(USAGE.as_bytes()), err),
            "--json" => json = true,
            "--status" => {
                let Some(n) = args.next().and_then(|v| v.parse::<u16>().ok()) else {
                    return usage_error(err, "`--status` needs an HTTP status (100-599)");
                };
                match StatusCode::from_u16(n) {
                    Ok(s) => status = Some(s),
                    Err(_) => return usage_error(err, "`--status` needs an HTTP status (100-599)"),
                }
            }
            "--header" => {
                let Some(line) = args.next() else {
                    return usage_error(err, "`--header` needs 'Name: value'");
                };
                let Some((name, value)) = line.split_once(':') else {
                    return usage_error(err, &format!("`--header {line}`: expected 'Name: value'"));
                };
                match (
                    HeaderName::from_bytes(name.trim().as_bytes()),
                    HeaderValue::from_str(value.trim()),
                ) {
                    (Ok(n), Ok(v)) => {
                        headers.append(n, v);
                    }
                    _ => {
                        return usage_error(err, &format!("`--header {line}`: not a valid header"));
                    }
                }
            }
            "--redirect" => {
                let Some(uri) = args.next() else {
                    return usage_error(err, "`--redirect` needs a URI");
                };
                if input.is_some() {
                    return usage_error(err, "give one BODY, `-` or `--redirect URI`");
                }
                input = Some(Input::Redirect(uri.clone()));
            }
            other if other.starts_with("--") => {
                return usage_error(err, &format!("unknown argument `{other}`"));
            }
            body => {
                if input.is_some() {
                    return usage_error(err, "give one BODY, `-` or `--redirect URI`");
                }
                let bytes = if body == "-" {
                    let mut buf = Vec::new();
                    if let Err(e) = stdin.read_to_end(&mut buf) {
                        let _ = writeln!(err, "error: cannot read stdin: {e}");
                        return 2;
                    }
                    buf
                } else {
                    body.as_bytes().to_vec()
                };
                input = Some(Input::Body(bytes));
            }
        }
    }
    let Some(input) = input else {
        return usage_error(err, "nothing to explain: give a BODY, `-` or `--redirect URI`");
    };
    if !headers.is_empty() && status.is_none() {
        return usage_error(err, "`--header` needs `--status`: headers belong to a response");
    }
    let reading = match read(input, status, &headers) {
        Ok(r) => r,
        Err(message) => {
            let _ = writeln!(err, "error: cannot read the input: {message}");
            return 2;
        }
    };
    // The status printed is the one given: a redirect is read as a 303, but none was given.
    let text = if json { to_json(&reading, status) } else { to_text(&reading, status) };
    finish(out.write_all(text.as_bytes()).and_then(|()| out.flush()), err)
}

fn read(input: Input, status: Option<StatusCode>, headers: &HeaderMap) -> Result<Reading, String> {
    match (input, status) {
        (Input::Redirect(uri), _) => match ErrorResponse::from_redirect(&uri) {
            Ok((err, _)) => {
                // Read as the redirect it arrived in, which keeps `iss` and the dialect.
                let via_reader = HeaderValue::from_str(&uri).ok().and_then(|location| {
                    let mut h = HeaderMap::new();
                    h.insert(http::header::LOCATION, location);
                    ResponseReader::new().read(StatusCode::SEE_OTHER, &h, b"")
                });
                Ok(Reading::Error(Box::new(via_reader.unwrap_or(err))))
            }
            Err(ParseError::MissingError) => {
                let has = |name: &str| {
                    uri.split(['?', '#', '&']).any(|p| p.split('=').next() == Some(name))
                };
                if has("code") || has("access_token") || has("id_token") {
                    Ok(Reading::NotAnError(
                        "an authorization response without `error` (a success)".into(),
                    ))
                } else {
                    Err("the URI has neither an `error` nor a `code` parameter".into())
                }
            }
            Err(e) => Err(e.to_string()),
        },
        (Input::Body(body), Some(status)) => {
            match ResponseReader::new().read(status, headers, &body) {
                Some(err) => Ok(Reading::Error(Box::new(err))),
                None => Ok(Reading::NotAnError(format!(
                    "a {} response that carries no error",
                    status.as_u16()
                ))),
            }
        }
        (Input::Body(body), None) => match ResponseReader::new().read_body(&body) {
            Ok(err) => Ok(Reading::Error(Box::new(err))),
            Err(ParseError::MissingError) => Ok(Reading::NotAnError(
                "a body that carries no error (such as a token response)".into(),
            )),
            Err(ParseError::Json(_)) => {
                Err("the body is neither JSON nor a form (give `--status` to read any response)"
                    .into())
            }
            Err(e) => Err(e.to_string()),
        },
    }
}

fn action_text(action: ClientAction) -> &'static str {
    match action {
        ClientAction::FixRequest => "fix the request before sending it again",
        ClientAction::FixClientConfiguration => {
            "fix the client's configuration (credentials, registration, grant types)"
        }
        ClientAction::Reauthenticate => {
            "get a new grant or token: refresh it, or run the authorization again"
        }
        ClientAction::RequestScope => {
            "get a token with the scope the error names (a new authorization if needed)"
        }
        ClientAction::StepUp => {
            "authenticate the user again with the acr_values / max_age the challenge names"
        }
        ClientAction::UserActionNeeded => {
            "send the user to the authorization server to act (log in, consent, choose an account)"
        }
        ClientAction::Stop => "stop and tell the user: access was refused",
        ClientAction::KeepPolling => "keep polling at the same interval",
        ClientAction::SlowDown => "poll again, 5 seconds slower",
        ClientAction::RetryWithNonce => "retry with the DPoP nonce the server sent",
        ClientAction::RetryLater => "retry later, after Retry-After when given",
        ClientAction::ContactProvider => {
            "do not retry automatically; contact the provider if it persists"
        }
        _ => "see the provider's documentation",
    }
}

fn canonical(err: &ErrorResponse) -> Option<&OAuthError> {
    err.code().is_known().then_some(err.code())
}

fn to_text(reading: &Reading, status: Option<StatusCode>) -> String {
    let err = match reading {
        Reading::NotAnError(why) => return format!("Not an error: {why}.\n"),
        Reading::Error(err) => err,
    };
    let mut t = String::new();
    let info = err.code().info();
    let received = err.received_code();
    t.push_str(&format!("Error: {}", err.code()));
    if let Some(s) = status {
        t.push_str(&format!(" (HTTP {})", s.as_u16()));
    }
    t.push('\n');
    match (received, canonical(err)) {
        (Some(r), Some(c)) if r != c.as_str() => {
            t.push_str(&format!("  received as:   {r} (read as {c})\n"))
        }
        (None, _) => t.push_str("  received as:   no code; inferred from the response\n"),
        (Some(_), None) => {
            t.push_str("  received as:   an extension code this crate does not know\n")
        }
        _ => {}
    }
    if let Some(d) = err.dialect() {
        t.push_str(&format!("  dialect:       {d}\n"));
    }
    let mut line = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            t.push_str(&format!("  {name:<14} {v}\n"));
        }
    };
    line("description:", err.description().map(|d| d.to_string()));
    line("uri:", err.uri().map(|u| u.to_string()));
    line("state:", err.state().map(|s| s.as_str().to_owned()));
    line("iss:", err.received_iss().map(str::to_owned));
    line("scope:", err.scope().map(|s| s.as_str().to_owned()));
    line("realm:", err.realm().map(str::to_owned));
    line("retry after:", err.retry_delay(SystemTime::now()).map(|d| format!("{} s", d.as_secs())));
    line("dpop nonce:", err.dpop_nonce().map(|n| n.as_str().to_owned()));
    for (name, value) in err.members() {
        line(&format!("{}:", name.as_str()), Some(value.to_json().to_string()));
    }
    t.push('\n');
    if err.code().is_known() {
        t.push_str(&format!("What it means: {} ({})\n", info.description, info.spec));
        if !info.causes.is_empty() {
            t.push_str("Likely causes:\n");
            for c in info.causes {
                t.push_str(&format!("  - {c}\n"));
            }
        }
        t.push_str(&format!("Remedy: {}\n", info.remedy));
    } else {
        t.push_str("What it means: a code this crate does not know; the provider's documentation defines it.\n");
    }
    let action = err.action();
    t.push_str(&format!(
        "What to do: {} ({action}); {}.\n",
        action_text(action),
        if err.is_retryable() {
            "retrying can succeed"
        } else {
            "retrying unchanged will not help"
        }
    ));
    t
}

/// One JSON object, members in a fixed order.
fn to_json(reading: &Reading, status: Option<StatusCode>) -> String {
    let mut members: Vec<(&str, Value)> = Vec::new();
    match reading {
        Reading::NotAnError(why) => {
            members.push(("is_error", json!(false)));
            members.push(("status", json!(status.map(|s| s.as_u16()))));
            members.push(("note", json!(why)));
        }
        Reading::Error(err) => {
            let info = err.code().info();
            members.push(("is_error", json!(true)));
            members.push(("code", json!(err.received_code())));
            members.push(("canonical", json!(canonical(err).map(OAuthError::as_str))));
            members.push(("known", json!(err.code().is_known())));
            members.push(("status", json!(status.map(|s| s.as_u16()))));
            members.push(("description", json!(err.description().map(|d| d.as_str()))));
            members.push(("action", json!(err.action().as_str())));
            members.push(("retryable", json!(err.is_retryable())));
            let mut optional = |name: &'static str, value: Option<Value>| {
                if let Some(v) = value {
                    members.push((name, v));
                }
            };
            optional("uri", err.uri().map(|u| json!(u.as_str())));
            optional("state", err.state().map(|s| json!(s.as_str())));
            optional("iss", err.received_iss().map(|i| json!(i)));
            optional("scope", err.scope().map(|s| json!(s.as_str())));
            optional("realm", err.realm().map(|r| json!(r)));
            optional("retry_after", err.retry_delay(SystemTime::now()).map(|d| json!(d.as_secs())));
            optional("dpop_nonce", err.dpop_nonce().map(|n| json!(n.as_str())));
            optional("dialect", err.dialect().map(|d| json!(d.as_str())));
            if err.code().is_known() {
                optional("meaning", Some(json!(info.description)));
                optional("causes", Some(json!(info.causes)));
                optional("remedy", Some(json!(info.remedy)));
            }
        }
    }
    let mut out = String::from("{\n");
    for (i, (name, value)) in members.iter().enumerate() {
        out.push_str(&format!(
            "  {}: {}{}\n",
            json!(name),
            value,
            if i + 1 < members.len() { "," } else { "" }
        ));
    }
    out.push_str("}\n");
    out
}

fn usage_error(err: &mut dyn Write, message: &str) -> i32 {
    let _ = write!(err, "error: {message}\n\n{USAGE}");
    2
}

fn finish(result: io::Result<()>, err: &mut dyn Write) -> i32 {
    match result {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "error: cannot write output: {e}");
            1
        }
    }
}
