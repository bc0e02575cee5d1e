//! Checks `examples/taxonomy.rs`.
//!
//! Cargo gives tests no path to example binaries, so the example's source is compiled
//! into this test as a module and its `run` function (everything `main` does except
//! reading `std::env::args` and exiting) is called with in-memory stdout and stderr. That
//! checks the exact bytes `cargo run --example taxonomy -- …` prints without spawning a
//! nested cargo. An ignored test does run the real binary through cargo:
//! `cargo test --test example_taxonomy -- --ignored`.

use oauth_errors::{Endpoint, OAuthError};
use serde_json::Value;

#[allow(dead_code)]
#[path = "../examples/taxonomy.rs"]
mod example;

/// Runs the example in-process: (exit code, stdout, stderr).
fn run(args: &[&str], default_width: Option<usize>) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = example::run(&args, &mut out, &mut err, default_width);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

fn check_json(stdout: &str) {
    let value: Value = serde_json::from_str(stdout).expect("stdout is one valid JSON document");
    let array = value.as_array().expect("a JSON array");
    assert_eq!(array.len(), 69);
    assert_eq!(array.len(), OAuthError::KNOWN.len());

    let codes: Vec<&str> =
        array.iter().map(|o| o["code"].as_str().expect("`code` string")).collect();
    let known: Vec<&str> = OAuthError::KNOWN.iter().map(OAuthError::as_str).collect();
    assert_eq!(codes, known, "codes in `OAuthError::KNOWN` order");

    for (object, code) in array.iter().zip(OAuthError::KNOWN) {
        let info = code.info();
        let object = object.as_object().unwrap_or_else(|| panic!("{code:?}: not an object"));
        let field =
            |key: &str| object.get(key).unwrap_or_else(|| panic!("{code:?}: missing `{key}`"));
        let string = |key: &str| {
            field(key).as_str().unwrap_or_else(|| panic!("{code:?}: `{key}` is not a string"))
        };

        assert_eq!(field("status").as_u64(), Some(u64::from(info.status)), "{code:?}: status");
        let statuses = field("statuses").as_object().expect("`statuses` object");
        assert_eq!(statuses.len(), Endpoint::ALL.len(), "{code:?}: one status per endpoint");
        for endpoint in Endpoint::ALL {
            assert_eq!(
                statuses.get(endpoint.as_str()).and_then(Value::as_u64),
                Some(u64::from(code.status_at(endpoint))),
                "{code:?}: status at {endpoint}"
            );
        }
        assert_eq!(string("spec"), info.spec.to_string());
        assert!(string("spec").contains('§'), "{code:?}: spec names a section");
        assert_eq!(string("spec_url"), info.spec.url);
        assert!(string("spec_url").starts_with("https://"));
        assert_eq!(string("registry"), info.registry.to_string());
        assert_eq!(string("action"), info.action.as_str());
        assert_eq!(string("description"), info.description);
        assert!(!string("description").is_empty());
        assert_eq!(string("remedy"), info.remedy);
        let causes: Vec<&str> = field("causes")
            .as_array()
            .expect("`causes` array")
            .iter()
            .map(|c| c.as_str().expect("causes are strings"))
            .collect();
        assert_eq!(causes, info.causes, "{code:?}: causes");
        assert_eq!(field("redirectable").as_bool(), Some(info.redirectable), "{code:?}");
        assert_eq!(
            field("access_token_error").as_bool(),
            Some(info.access_token_error),
            "{code:?}"
        );
        let challenged: Vec<&str> = field("challenged_at")
            .as_array()
            .expect("`challenged_at` array")
            .iter()
            .map(|e| e.as_str().expect("endpoint names"))
            .collect();
        let want: Vec<&str> = Endpoint::ALL
            .into_iter()
            .filter(|&e| info.challenged_at(e))
            .map(Endpoint::as_str)
            .collect();
        assert_eq!(challenged, want, "{code:?}: challenged_at");
    }
    // Spot checks against the specifications rather than the table.
    let object = |code: &str| array.iter().find(|o| o["code"] == code).unwrap();
    assert_eq!(
        object("insufficient_scope")["challenged_at"],
        serde_json::json!(["resource", "introspection", "registration", "api"])
    );
    assert_eq!(object("invalid_request")["challenged_at"], serde_json::json!(["resource"]));
    assert_eq!(object("not_found")["redirectable"], false);
}

#[test]
fn json_output_has_one_object_per_known_code() {
    let (code, stdout, stderr) = run(&["--json"], Some(80));
    assert_eq!(code, 0);
    assert_eq!(stderr, "");
    assert_eq!(stdout, example::taxonomy_json());
    check_json(&stdout);
}

#[test]
fn help_prints_usage_on_stdout() {
    for flag in ["--help", "-h"] {
        let (code, stdout, stderr) = run(&[flag], None);
        assert_eq!(code, 0);
        assert!(stdout.starts_with("usage: taxonomy"), "{stdout}");
        assert!(stdout.contains("--json"));
        assert_eq!(stderr, "");
    }
}

#[test]
fn unknown_arguments_print_usage_on_stderr_and_exit_2() {
    for args in
        [&["--bogus"][..], &["--json", "extra"], &["--width"], &["--width", "wide"], &["-j"]]
    {
        let (code, stdout, stderr) = run(args, None);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(stdout, "", "{args:?}");
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        assert!(stderr.contains("usage: taxonomy"), "{args:?}: {stderr}");
    }
}

#[test]
fn unwrapped_text_has_one_aligned_line_per_code() {
    let (code, stdout, stderr) = run(&[], None);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let lines: Vec<&str> = stdout.lines().collect();
    // Header, 69 rows, blank line, footer.
    assert_eq!(lines.len(), 1 + 69 + 2, "{stdout}");
    assert!(lines[0].starts_with("CODE"));
    let description_column = lines[0].find("DESCRIPTION").expect("DESCRIPTION header");

    for (line, known) in lines[1..70].iter().zip(OAuthError::KNOWN) {
        let info = known.info();
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(fields[0], info.code, "{line}");
        assert_eq!(fields[1], info.status.to_string(), "{line}");
        assert!(line.contains(&info.spec.to_string()), "{line}");
        assert!(line.contains(&format!("  {}  ", info.action.as_str())), "{line}");
        // Every description starts in the same column (in characters: `§` is one column).
        let chars: Vec<char> = line.chars().collect();
        let description: String = chars[description_column..].iter().collect();
        assert_eq!(description, info.description, "{line}");
        assert_eq!(chars[description_column - 1], ' ', "{line}");
    }
    for known in OAuthError::KNOWN {
        let info = known.info();
        for endpoint in Endpoint::ALL {
            let status = info.status_at(endpoint);
            if status != info.status {
                let row = lines.iter().find(|l| l.starts_with(&format!("{} ", info.code))).unwrap();
                assert!(row.contains(&format!("{endpoint}: {status}")), "{row}");
            }
        }
    }
    assert!(lines[71].starts_with("69 codes"));
}

#[test]
fn text_is_wrapped_to_the_width() {
    for width in [100, 120, 160, 200] {
        let (code, stdout, _) = run(&["--width", &width.to_string()], None);
        assert_eq!(code, 0);
        assert_eq!(stdout, run(&[&format!("--width={width}")], None).1);
        assert_eq!(stdout, run(&[], Some(width)).1, "the default width is used");
        for line in stdout.lines() {
            assert!(line.chars().count() <= width, "wider than {width}: {line}");
            assert_eq!(line, line.trim_end(), "trailing whitespace");
        }
        // Every code and every word of every description is still there.
        let words: Vec<&str> = stdout.split_whitespace().collect();
        for known in OAuthError::KNOWN {
            assert!(words.contains(&known.as_str()), "{width}: {known:?} missing");
        }
        let text = words.join(" ");
        for known in OAuthError::KNOWN {
            let first_words: Vec<&str> =
                known.info().description.split_whitespace().take(3).collect();
            assert!(text.contains(&first_words.join(" ")), "{width}: {known:?} description");
        }
    }
    // `--width 0` turns wrapping off, whatever the default.
    assert_eq!(run(&["--width", "0"], Some(100)).1, run(&[], None).1);
}

/// Runs the real example binary through cargo. Ignored by default: it starts a nested
/// cargo, which rebuilds the crate if the sources changed since this test was built.
#[test]
#[ignore = "runs a nested `cargo run --example taxonomy`"]
fn example_binary_through_cargo() {
    use std::process::Command;

    let cargo = || {
        let mut command = Command::new(env!("CARGO"));
        command.current_dir(env!("CARGO_MANIFEST_DIR")).args([
            "run",
            "--quiet",
            "--example",
            "taxonomy",
            "--",
        ]);
        command
    };

    let output = cargo().arg("--json").output().expect("cargo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    check_json(std::str::from_utf8(&output.stdout).expect("UTF-8 stdout"));

    let output = cargo().arg("--no-such-flag").output().expect("cargo runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: taxonomy"));
}
