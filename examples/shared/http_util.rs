//! Small, dependency-free HTTP helpers shared by the demo servers: form encoding for
//! success redirects, HTML escaping, media-type checks and a constant-time comparison.
//! (Reading forms and credentials is the crate's `oauth_errors::extract`.)
//!
//! Everything here is total: malformed input gives `None`/`Err`, never a panic.

#![allow(dead_code)]

use http::HeaderMap;
use http::header::CONTENT_TYPE;

/// Appends `application/x-www-form-urlencoded` pairs to `out` with the encoding the
/// crate uses for error redirects: unreserved characters kept, space as `+`, every other
/// byte as `%XX`.
pub fn form_urlencode(out: &mut String, params: &[(&str, &str)]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for (i, (name, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        for (j, part) in [name, value].into_iter().enumerate() {
            if j == 1 {
                out.push('=');
            }
            for b in part.bytes() {
                match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        out.push(char::from(b));
                    }
                    b' ' => out.push('+'),
                    _ => {
                        out.push('%');
                        out.push(char::from(HEX[usize::from(b >> 4)]));
                        out.push(char::from(HEX[usize::from(b & 0xF)]));
                    }
                }
            }
        }
    }
}

/// Appends `params` to a redirect URI's query, following the crate's rules for error
/// redirects: `?` when the URI has no query yet, `&` unless it already ends with `?` or
/// `&`.
pub fn append_query(base: &str, params: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(base.len() + 64);
    out.push_str(base);
    if !base.contains('?') {
        out.push('?');
    } else if !(base.ends_with('?') || base.ends_with('&')) {
        out.push('&');
    }
    form_urlencode(&mut out, params);
    out
}

/// Appends `params` as the redirect URI's fragment.
pub fn append_fragment(base: &str, params: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(base.len() + 64);
    out.push_str(base);
    out.push('#');
    form_urlencode(&mut out, params);
    out
}

/// Escapes text for an HTML attribute value or text node.
pub fn html_escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Whether the request's `Content-Type` is `essence` (case-insensitive, parameters such
/// as `charset` ignored). A missing or non-ASCII header is not a match.
pub fn content_type_is(headers: &HeaderMap, essence: &str) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(essence))
}

/// Compares two secrets without an early exit on the first differing byte.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
