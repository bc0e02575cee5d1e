//! One pass over the commonest error body: `{"error":…,"error_description":…,
//! "error_uri":…}`, in any order, each member at most once, with JSON whitespace between
//! tokens, and every string plain: the code and the description all NQSCHAR (RFC 6749
//! §5.2, which excludes `"` and `\`, so the closing quote is the first byte outside the
//! class), the URI all RFC 3986 URI-reference characters (`%` only as `%XX`, at most one
//! `#`). Each string is checked while it is found, so the values are copied once and
//! never checked again.
//!
//! Anything else (another member, an escape, a non-ASCII or control character, an empty
//! or over-long string, a repeated member, a code `from_code` refuses) returns `None`
//! and the caller reads the body on its other paths (a serde reader of the same shape,
//! then the general reader), which therefore give every answer and every error exactly
//! as before. A unit test and a property test check that
//! both paths agree wherever this one answers.

use crate::taxonomy::code::OAuthError;
use crate::text::{ErrorText, ErrorUri, MAX_TEXT_LEN, MAX_URI_LEN};
use crate::wire::error::{Details, ErrorResponse};
use crate::wire::text::{is_uri_char, nqschar_prefix_len, uri_violation_fast};

/// An RFC 3986 URI-reference character (`%` and `#` included; their rules are checked on
/// the whole reference).
const URI: u8 = 1;
/// JSON whitespace: space, tab, line feed, carriage return.
const WS: u8 = 2;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut class = 0;
        if is_uri_char(c) {
            class |= URI;
        }
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            class |= WS;
        }
        table[b] = class;
        b += 1;
    }
    table
};

#[inline]
fn class(c: u8) -> u8 {
    CLASS[usize::from(c)]
}

/// `rest` after any JSON whitespace.
#[inline]
fn trim_ws(rest: &[u8]) -> &[u8] {
    match rest.iter().position(|&c| class(c) & WS == 0) {
        Some(i) => rest.get(i..).unwrap_or_default(),
        None => &[],
    }
}

/// `rest` after whitespace and the byte `want`.
#[inline]
fn after(rest: &[u8], want: u8) -> Option<&[u8]> {
    trim_ws(rest).strip_prefix(&[want])
}

/// After an opening quote: the NQSCHAR string up to the closing quote (found eight
/// bytes at a time), and what follows that quote.
#[inline]
fn nqschar_string(rest: &[u8]) -> Option<(&[u8], &[u8])> {
    let (s, tail) = rest.split_at_checked(nqschar_prefix_len(rest))?;
    Some((s, tail.strip_prefix(b"\"")?))
}

/// After an opening quote: a URI-reference up to the closing quote, and what follows that
/// quote. The characters are found by the byte class, then the reference is checked by the
/// rule [`ErrorUri::new`] applies (`%` only as `%XX`, at most one `#`).
fn uri_of(rest: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = rest.iter().position(|&c| class(c) & URI == 0)?;
    let (s, tail) = rest.split_at_checked(end)?;
    if uri_violation_fast(s).is_some() {
        return None;
    }
    Some((s, tail.strip_prefix(b"\"")?))
}

/// An owned copy of ASCII bytes.
fn owned(ascii: &[u8]) -> Option<String> {
    String::from_utf8(ascii.to_vec()).ok()
}

/// The error of `body`, when it is the plain common shape (see the module docs).
pub(crate) fn scan(body: &[u8]) -> Option<ErrorResponse> {
    let (mut code, mut description, mut uri) = (None, None, None);
    let mut rest = after(body, b'{')?;
    loop {
        let (key, tail) = nqschar_string(after(rest, b'"')?)?;
        let tail = after(after(tail, b':')?, b'"')?;
        let (slot, (value, tail)) = match key {
            b"error" => (&mut code, nqschar_string(tail)?),
            b"error_description" => (&mut description, nqschar_string(tail)?),
            b"error_uri" => (&mut uri, uri_of(tail)?),
            _ => return None,
        };
        if value.is_empty() || slot.replace(value).is_some() {
            return None;
        }
        match trim_ws(tail) {
            [b',', tail @ ..] => rest = tail,
            [b'}', tail @ ..] => {
                rest = tail;
                break;
            }
            _ => return None,
        }
    }
    if !trim_ws(rest).is_empty() {
        return None;
    }
    let code = match OAuthError::lookup_known_bytes(code?) {
        Some(known) => known,
        None => OAuthError::from_code(core::str::from_utf8(code?).ok()?).ok()?,
    };
    let description = match description {
        Some(d) if d.len() > MAX_TEXT_LEN => return None,
        Some(d) => Some(ErrorText::from_checked_nqschar(owned(d)?)),
        None => None,
    };
    let uri = match uri {
        Some(u) if u.len() > MAX_URI_LEN => return None,
        Some(u) => Some(ErrorUri::from_checked(owned(u)?)),
        None => None,
    };
    let mut err = ErrorResponse::new(code);
    if description.is_some() || uri.is_some() {
        err.details = Some(Box::new(Details { description, uri, ..Details::default() }));
    }
    Some(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::parse::json_members;
    use proptest::prelude::*;

    /// What the general path of `from_json` reads from `body`.
    fn general(body: &[u8]) -> Option<ErrorResponse> {
        ErrorResponse::from_entries(json_members(body).ok()?.into_iter()).ok()
    }

    fn strictness(e: &ErrorResponse) -> Option<bool> {
        e.description().map(ErrorText::is_strict)
    }

    fn agrees(body: &[u8]) -> Option<ErrorResponse> {
        let fast = scan(body)?;
        let slow = general(body).expect("the general path reads what the fast path reads");
        assert_eq!(fast, slow, "{}", String::from_utf8_lossy(body));
        assert_eq!(format!("{fast:?}"), format!("{slow:?}"));
        assert_eq!(strictness(&fast), strictness(&slow));
        Some(fast)
    }

    #[test]
    fn reads_the_common_shapes() {
        let answered: &[&[u8]] = &[
            br#"{"error":"invalid_grant","error_description":"The authorization code has expired","error_uri":"https://auth.example.com/docs/errors#invalid_grant"}"#,
            br#"{"error":"invalid_grant"}"#,
            b" \t\r\n{ \"error\" :\t\"slow_down\" ,\n\"error_description\" : \"a b!\" } \n",
            br#"{"error_uri":"https://x.example/a%20b?q=1#f","error":"acme_quota"}"#,
            br#"{"error":"an_extension_code_longer_than_twenty_two"}"#,
            br#"{"error_description":"first the text","error":"access_denied"}"#,
        ];
        for body in answered {
            assert!(agrees(body).is_some(), "{}", String::from_utf8_lossy(body));
        }
        let long = format!(
            r#"{{"error":"invalid_request","error_description":"{}"}}"#,
            "a".repeat(MAX_TEXT_LEN)
        );
        assert!(agrees(long.as_bytes()).is_some());
    }

    #[test]
    fn declines_everything_else() {
        let over = format!(
            r#"{{"error":"invalid_request","error_description":"{}"}}"#,
            "a".repeat(MAX_TEXT_LEN + 1)
        );
        let long_uri = format!(
            r#"{{"error":"invalid_request","error_uri":"https://x.example/{}"}}"#,
            "a".repeat(MAX_URI_LEN)
        );
        let declined: &[&[u8]] = &[
            over.as_bytes(),
            long_uri.as_bytes(),
            br#"{"error":"invalid_request","error_description":"caf\u00e9"}"#,
            br#"{"error":"invalid_request","error_description":"a \"quote\""}"#,
            "{\"error\":\"invalid_request\",\"error_description\":\"café\"}".as_bytes(),
            b"{\"error\":\"invalid_request\",\"error_description\":\"tab\there\"}",
            br#"{"error":"invalid_request","error_description":""}"#,
            br#"{"error":"invalid_request","error_uri":""}"#,
            br#"{"error":"invalid_request","error_uri":"https://x.example/#a#b"}"#,
            br#"{"error":"invalid_request","error_uri":"https://x.example/100%"}"#,
            br#"{"error":"invalid_request","error_uri":"https://x.example/%zz"}"#,
            br#"{"error":"invalid_request","error_uri":"https://x.example/a b"}"#,
            br#"{"error":"invalid_grant","error":"invalid_grant"}"#,
            br#"{"error":"invalid_grant","extra":"1"}"#,
            br#"{"error":"invalid_grant","error_description":5}"#,
            br#"{"err\u006fr":"access_denied"}"#,
            br#"{"error_description":"no code"}"#,
            br#"{"error":"slow_down"} x"#,
            br#"{"error":"slow_down",}"#,
            br#"{"error":"slow_down""#,
            br#"{}"#,
            br#"["error"]"#,
            b"",
        ];
        for body in declined {
            assert!(scan(body).is_none(), "{}", String::from_utf8_lossy(body));
        }
    }

    fn member() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec!["error", "error_description", "error_uri", "x"]);
        // Plain characters and every kind of byte that sends a body elsewhere.
        let value = prop::collection::vec(
            prop::sample::select(vec![
                "a", "Z", "0", " ", "_", "-", "!", "#", "%", "%4F", "%4", "/", ":", "?", "\\\"",
                "\\u0041", "\\n", "\t", "é", "\u{2028}", "<", "{", "'", "[", "~",
            ]),
            0..12,
        )
        .prop_map(|parts| parts.concat());
        let ws = prop::sample::select(vec!["", "", " ", "\n", "\t ", "\r\n"]);
        (ws.clone(), key, ws.clone(), ws, value)
            .prop_map(|(a, k, b, c, v)| format!("{a}\"{k}\"{b}:{c}\"{v}\""))
    }

    proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        /// Wherever the one-pass reader answers, the general path gives the same error.
        #[test]
        fn agrees_with_the_general_path(
            members in prop::collection::vec(member(), 1..4),
            tail in prop::sample::select(vec!["", " ", "\n", ",", "x"]),
        ) {
            let body = format!("{{{}}}{tail}", members.join(","));
            agrees(body.as_bytes());
        }

        /// And it answers every body of the plain shape, in any member order.
        #[test]
        fn answers_every_plain_body(
            code in "[a-z_]{1,30}",
            description in "[ -!#-\\[\\]-~]{1,80}",
            uri in "https://[a-z]{1,10}\\.example/[a-zA-Z0-9/_.~%-]{0,30}(#[a-z]{0,5})?",
            order in prop::sample::subsequence(vec![0, 1, 2], 0..=3).prop_shuffle(),
        ) {
            let uri = uri.replace('%', "%2F");
            let mut members = vec![format!(r#""error":"{code}""#)];
            for i in order {
                match i {
                    1 => members.push(format!(r#""error_description":"{description}""#)),
                    2 => members.push(format!(r#""error_uri":"{uri}""#)),
                    _ => {}
                }
            }
            let body = format!("{{{}}}", members.join(","));
            prop_assert!(agrees(body.as_bytes()).is_some(), "{}", body);
        }
    }
}
