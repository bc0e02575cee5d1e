//! Checks `examples/explain.rs`: in-process (its `run` function, with in-memory stdin,
//! stdout and stderr) for exact output, and as the built binary for the command line and
//! exit status.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

#[allow(dead_code)]
#[path = "../examples/explain.rs"]
mod example;

/// (exit status, stdout, stderr)
fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = example::run(&args, &mut stdin.as_bytes(), &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

fn run_json(args: &[&str], stdin: &str) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all, stdin);
    assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

#[test]
fn json_for_a_github_200() {
    let v = run_json(
        &[
            "--status",
            "200",
            r#"{"error":"bad_verification_code","error_description":"The code is wrong."}"#,
        ],
        "",
    );
    assert_eq!(v["is_error"], json!(true));
    assert_eq!(v["code"], json!("bad_verification_code"));
    assert_eq!(v["canonical"], json!("invalid_grant"));
    assert_eq!(v["known"], json!(true));
    assert_eq!(v["status"], json!(200));
    assert_eq!(v["description"], json!("The code is wrong."));
    assert_eq!(v["action"], json!("reauthenticate"));
    assert_eq!(v["retryable"], json!(false));
    assert_eq!(v["dialect"], json!("github"));
    for absent in ["state", "iss", "scope", "realm", "retry_after", "dpop_nonce", "uri"] {
        assert!(v.get(absent).is_none(), "{absent}");
    }
}

#[test]
fn json_with_headers() {
    let v = run_json(
        &[
            "--status",
            "401",
            "--header",
            r#"WWW-Authenticate: Bearer realm="api", error="insufficient_scope", scope="read write""#,
            "--header",
            "Retry-After: 30",
            "--header",
            "DPoP-Nonce: n-1",
            r#"{"message":"Token does not have the required scope."}"#,
        ],
        "",
    );
    assert_eq!(v["code"], json!("insufficient_scope"));
    assert_eq!(v["canonical"], json!("insufficient_scope"));
    assert_eq!(v["status"], json!(401));
    assert_eq!(v["description"], json!("Token does not have the required scope."));
    assert_eq!(v["action"], json!("request_scope"));
    assert_eq!(v["scope"], json!("read write"));
    assert_eq!(v["realm"], json!("api"));
    assert_eq!(v["retry_after"], json!(30));
    assert_eq!(v["dpop_nonce"], json!("n-1"));
    assert_eq!(v["dialect"], json!("message"));
}

#[test]
fn json_for_codes_not_received_or_not_known() {
    // No code at all: inferred from the status.
    let v = run_json(&["--status", "503", "<html>down</html>"], "");
    assert_eq!(
        (v["code"].clone(), v["canonical"].clone(), v["known"].clone()),
        (Value::Null, json!("temporarily_unavailable"), json!(true))
    );
    assert_eq!(v["action"], json!("retry_later"));
    assert_eq!(v["retryable"], json!(true));
    assert_eq!(v["dialect"], json!("unrecognised"));
    // An extension code.
    let v = run_json(&[r#"{"error":"acme_quota","error_description":"Quota"}"#], "");
    assert_eq!(
        (v["code"].clone(), v["canonical"].clone(), v["known"].clone()),
        (json!("acme_quota"), Value::Null, json!(false))
    );
    assert_eq!(v["status"], Value::Null);
    assert_eq!(v["action"], json!("fix_request"));
    assert!(v.get("meaning").is_none());
}

#[test]
fn json_for_redirects_and_stdin() {
    let v = run_json(
        &[
            "--redirect",
            "https://client.example/cb?error=login_required&state=xyz&iss=https%3A%2F%2Fas.example",
        ],
        "",
    );
    assert_eq!(v["code"], json!("login_required"));
    assert_eq!(v["state"], json!("xyz"));
    assert_eq!(v["iss"], json!("https://as.example"));
    assert_eq!(v["dialect"], json!("redirect"));
    assert_eq!(v["status"], Value::Null);
    assert_eq!(v["action"], json!("user_action_needed"));
    let v = run_json(&["-"], r#"{"ok":false,"error":"invalid_code"}"#);
    assert_eq!(
        (v["code"].clone(), v["canonical"].clone()),
        (json!("invalid_code"), json!("invalid_grant"))
    );
}

#[test]
fn successes_are_not_errors() {
    for args in [
        vec![r#"{"access_token":"x","token_type":"Bearer"}"#],
        vec!["--status", "200", r#"{"access_token":"x","token_type":"Bearer"}"#],
        vec!["--redirect", "https://client.example/cb?code=abc&state=xyz"],
    ] {
        let (code, out, err) = run(&args, "");
        assert_eq!(code, 0, "{args:?}");
        assert!(out.starts_with("Not an error: "), "{out}");
        assert_eq!(err, "");
        let mut json_args = vec!["--json"];
        json_args.extend(args.iter().copied());
        let v = run_json(&json_args[1..], "");
        assert_eq!(v["is_error"], json!(false), "{args:?}");
    }
    assert_eq!(
        run(&["--status", "204", ""], "").1,
        "Not an error: a 204 response that carries no error.\n"
    );
}

#[test]
fn text_explains_meaning_causes_and_what_to_do() {
    let (code, out, err) = run(&["--status", "400", r#"{"error":"slow_down","interval":10}"#], "");
    assert_eq!((code, err.as_str()), (0, ""));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Error: slow_down (HTTP 400)");
    assert_eq!(lines[1], "  dialect:       rfc6749");
    assert_eq!(lines[2], "  interval:      10");
    assert!(out.contains("\nWhat it means: "), "{out}");
    assert!(out.contains("\nLikely causes:\n  - "), "{out}");
    assert!(out.contains("\nRemedy: "), "{out}");
    assert!(
        out.ends_with(
            "What to do: poll again, 5 seconds slower (slow_down); retrying can succeed.\n"
        ),
        "{out}"
    );
}

#[test]
fn unusable_input_and_arguments_exit_2() {
    for (args, message) in [
        (vec!["<html>"], "error: cannot read the input: the body is neither JSON nor a form"),
        (vec!["[1,2]"], "error: cannot read the input: error body is not a JSON object"),
        (vec![r#"{"error":"bad\ncode"}"#], "error: cannot read the input: invalid `error` code"),
        (
            vec!["--redirect", "https://client.example/cb"],
            "error: cannot read the input: the URI has neither",
        ),
        (vec![], "error: nothing to explain"),
        (vec!["--status", "abc", "{}"], "error: `--status` needs an HTTP status"),
        (vec!["--status", "99", "{}"], "error: `--status` needs an HTTP status"),
        (vec!["--header", "X-A: b", "{}"], "error: `--header` needs `--status`"),
        (
            vec!["--status", "400", "--header", "no colon", "{}"],
            "error: `--header no colon`: expected 'Name: value'",
        ),
        (vec!["--frobnicate"], "error: unknown argument `--frobnicate`"),
        (vec!["{}", "{}"], "error: give one BODY"),
    ] {
        let (code, out, err) = run(&args, "");
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(out, "", "{args:?}");
        assert!(err.starts_with(message), "{args:?}: {err}");
    }
    let (code, out, _) = run(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: explain [--status N] [--header 'Name: value']... [--json] (BODY | --redirect URI | -)"));
}

/// The example binary, built by `cargo test` with the other targets; built here when it
/// is missing (a test run that builds only this test).
fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|deps| deps.parent()).expect("target profile dir");
    let path = dir.join("examples").join(format!("explain{}", std::env::consts::EXE_SUFFIX));
    if !path.exists() {
        let mut features = Vec::new();
        for (on, name) in [
            (cfg!(feature = "axum"), "axum"),
            (cfg!(feature = "actix-web"), "actix-web"),
            (cfg!(feature = "tracing"), "tracing"),
            (cfg!(feature = "oauth2"), "oauth2"),
        ] {
            if on {
                features.push(name);
            }
        }
        let status = Command::new(env!("CARGO"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "build",
                "--quiet",
                "--example",
                "explain",
                "--no-default-features",
                "--features",
                &features.join(","),
            ])
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the example failed");
    }
    path
}

fn binary_run(args: &[&str], stdin: &str) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("output")
}

#[test]
fn the_built_example() {
    let ok = binary_run(&["--json", "--status", "400", "-"], r#"{"error":"invalid_grant"}"#);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    let v: Value = serde_json::from_slice(&ok.stdout).expect("one JSON object");
    assert_eq!(
        (v["is_error"].clone(), v["code"].clone(), v["status"].clone()),
        (json!(true), json!("invalid_grant"), json!(400))
    );
    // The binary prints exactly what `run` prints.
    let (_, expected, _) = run(&["--json", "--status", "400", "-"], r#"{"error":"invalid_grant"}"#);
    assert_eq!(String::from_utf8(ok.stdout).unwrap(), expected);

    let success = binary_run(&[r#"{"access_token":"x"}"#], "");
    assert_eq!(success.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&success.stdout),
        "Not an error: a body that carries no error (such as a token response).\n"
    );

    let unreadable = binary_run(&["-"], "<html>oops</html>");
    assert_eq!(unreadable.status.code(), Some(2));
    assert!(unreadable.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&unreadable.stderr).starts_with("error: cannot read the input: ")
    );

    let usage = binary_run(&["--nope"], "");
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("usage: explain"));
}
