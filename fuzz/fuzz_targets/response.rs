//! A whole response as text → `ResponseReader` (every dialect, every endpoint hint).
//!
//! Input format (so that seeds are readable): a first line with the status (`401`), then
//! `Name: value` header lines, a blank line, and the body. Anything else is read the
//! same way, as far as it goes: a missing status line is 400, a header line without `:`
//! is skipped.
//!
//! Invariants:
//! * a 4xx or 5xx is always an error, a 1xx never; a 2xx is an error only with a body;
//! * on an error: `received_status` is the status; rendering it at every endpoint gives
//!   a 4xx/5xx with visible-ASCII header values; its `to_body()` reads back (as plain
//!   RFC 6749, where no vendor code is mapped) to the same code; the rendered response
//!   reads back (`ResponseReader`, plain RFC 6749) to the same code, description and
//!   members;
//! * `action`, `scope`, `realm`, `next_poll_interval` and the other accessors never panic.
#![no_main]

use std::time::Duration;

use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use libfuzzer_sys::fuzz_target;
use oauth_errors::parse::{Dialect, ResponseReader};
use oauth_errors::Endpoint;

fn split(data: &[u8]) -> (StatusCode, HeaderMap, &[u8]) {
    let (head, body) = match data.windows(2).position(|w| w == b"\n\n") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[][..]),
    };
    let mut lines = head.split(|&b| b == b'\n');
    let status = lines
        .next()
        .and_then(|l| core::str::from_utf8(l).ok())
        .and_then(|l| l.trim().parse::<u16>().ok())
        .and_then(|n| StatusCode::from_u16(n).ok())
        .unwrap_or(StatusCode::BAD_REQUEST);
    let mut headers = HeaderMap::new();
    for line in lines {
        let Some(colon) = line.iter().position(|&b| b == b':') else { continue };
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        let value = value.strip_prefix(b" ").unwrap_or(value);
        if let (Ok(n), Ok(v)) = (HeaderName::from_bytes(name), HeaderValue::from_bytes(value)) {
            headers.append(n, v);
        }
    }
    (status, headers, body)
}

fuzz_target!(|data: &[u8]| {
    let (status, headers, body) = split(data);
    // The endpoint hint and forced dialect come from the body's length, so every input
    // exercises one combination deterministically.
    let endpoint = Endpoint::ALL[body.len() % Endpoint::ALL.len()];
    let mut readers = vec![ResponseReader::new(), ResponseReader::new().endpoint(endpoint)];
    readers.push(ResponseReader::new().dialect(Dialect::ALL[data.len() % Dialect::ALL.len()]));
    for reader in readers {
        let read = reader.read(status, &headers, body);
        if status.is_client_error() || status.is_server_error() {
            assert!(read.is_some(), "an error status read as no error");
        }
        if status.is_informational() || (status.is_success() && body.is_empty()) {
            assert!(read.is_none(), "{status} read as an error");
        }
        let Some(err) = read else { continue };
        assert_eq!(err.received_status(), Some(status));
        let _ = (err.action(), err.is_retryable(), err.scope(), err.realm(), err.dialect());
        let _ = err.next_poll_interval(Duration::from_secs(5));
        // Read back as plain RFC 6749: an extension code that happens to be a vendor code
        // stays itself (automatic reading would map it).
        let plain = ResponseReader::new().dialect(Dialect::Rfc6749);
        let back = plain.read_body(&err.to_body()).expect("the body of what was read reads back");
        assert_eq!(back.code(), err.code());
        for e in Endpoint::ALL {
            let r = err.to_response(e);
            assert!(r.status().is_client_error() || r.status().is_server_error());
            for (n, v) in r.headers() {
                assert!(
                    v.as_bytes().iter().all(|b| (0x20..0x7F).contains(b)),
                    "{n}: {v:?} is not visible ASCII"
                );
            }
            let again = plain.endpoint(e).read_response(&r).expect("a rendered error reads back");
            assert_eq!(again.code(), err.code(), "code at {e}");
            assert_eq!(again.description(), err.description(), "description at {e}");
            assert_eq!(again.members(), err.members(), "members at {e}");
        }
    }
});
