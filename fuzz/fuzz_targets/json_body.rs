//! Arbitrary bytes → `ErrorResponse::from_json`.
//!
//! Invariants on `Ok(err)`:
//! * `err.to_body()` is valid JSON, a JSON object, with no top-level `null` and no raw
//!   control character (members are carried exactly, control characters escaped);
//! * it starts with the `error` member and that member is `err.code()`;
//! * it parses back (`from_json`) to an `ErrorResponse` equal to `err`;
//! * rendering is a fixed point: the re-parsed error renders to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oauth_errors::ErrorResponse;

fuzz_target!(|data: &[u8]| {
    let Ok(err) = ErrorResponse::from_json(data) else {
        return;
    };
    let body = err.to_body();

    assert!(
        !body.iter().any(|&b| b < 0x20 || b == 0x7F),
        "raw control character in {:?}",
        String::from_utf8_lossy(&body)
    );
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            panic!("to_body() is not valid JSON ({e}): {:?}", String::from_utf8_lossy(&body))
        }
    };
    let Some(map) = value.as_object() else {
        panic!("to_body() is not a JSON object: {:?}", String::from_utf8_lossy(&body));
    };
    for (k, v) in map {
        assert!(!v.is_null(), "top-level null for {k:?} in {value}");
    }
    assert!(
        body.starts_with(b"{\"error\":"),
        "body does not start with `error`: {:?}",
        String::from_utf8_lossy(&body)
    );
    assert_eq!(
        map.get("error").and_then(|e| e.as_str()),
        Some(err.code().as_str()),
        "`error` member differs from the code"
    );
    if let Some(d) = err.description() {
        assert_eq!(map.get("error_description").and_then(|e| e.as_str()), Some(d.as_str()));
    }
    if let Some(u) = err.uri() {
        assert_eq!(map.get("error_uri").and_then(|e| e.as_str()), Some(u.as_str()));
    }

    let again = match ErrorResponse::from_json(&body) {
        Ok(e) => e,
        Err(e) => {
            panic!("rendered body does not parse back ({e}): {:?}", String::from_utf8_lossy(&body))
        }
    };
    assert_eq!(
        again,
        err,
        "round trip changed the error; body = {:?}",
        String::from_utf8_lossy(&body)
    );
    assert_eq!(again.to_body(), body, "rendering is not a fixed point");
});
