//! Small, dependency-free HTTP helpers shared by the demo servers: form decoding
//! (`application/x-www-form-urlencoded`), base64 for `Basic` credentials, form encoding
//! for success redirects, HTML escaping and media-type checks.
//!
//! Everything here is total: malformed input gives `None`/`Err`, never a panic.

#![allow(dead_code)]

use http::HeaderMap;
use http::header::CONTENT_TYPE;

/// Why a form (request body or query string) could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError {
    /// A name or value is not UTF-8 after percent-decoding.
    NotUtf8,
}

/// Decoded form parameters (RFC 6749 Appendix B), in received order.
///
/// Parameters sent without a value are treated as omitted (RFC 6749 §3.1), so `get`
/// never returns an empty string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes `application/x-www-form-urlencoded` bytes: `&`-separated `name=value`
    /// pairs, `+` is a space, `%XX` a byte; a `%` not followed by two hex digits is kept
    /// literally (as browsers do). Empty pairs and empty values are dropped.
    ///
    /// # Errors
    ///
    /// [`FormError::NotUtf8`] when a decoded name or value is not UTF-8.
    pub fn parse(input: &[u8]) -> Result<Params, FormError> {
        let mut pairs = Vec::new();
        for piece in input.split(|&b| b == b'&') {
            if piece.is_empty() {
                continue;
            }
            let (name, value) = match piece.iter().position(|&b| b == b'=') {
                Some(i) => (&piece[..i], &piece[i + 1..]),
                None => (piece, &b""[..]),
            };
            let (name, value) = (decode_component(name)?, decode_component(value)?);
            if !name.is_empty() && !value.is_empty() {
                pairs.push((name, value));
            }
        }
        Ok(Params { pairs })
    }

    /// The value of `name`, if present (the first one if repeated: see
    /// [`Params::repeated`]).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Whether `name` is present.
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The first parameter name that occurs more than once (RFC 6749 §3.1: "Request and
    /// response parameters MUST NOT be included more than once").
    pub fn repeated(&self) -> Option<&str> {
        self.pairs
            .iter()
            .enumerate()
            .find(|(i, (n, _))| self.pairs[..*i].iter().any(|(m, _)| m == n))
            .map(|(_, (n, _))| n.as_str())
    }

    /// Whether `name` occurs more than once.
    pub fn is_repeated(&self, name: &str) -> bool {
        self.pairs.iter().filter(|(n, _)| n == name).count() > 1
    }
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-decodes one form component (`+` is a space).
///
/// # Errors
///
/// [`FormError::NotUtf8`] when the decoded bytes are not UTF-8.
pub fn decode_component(input: &[u8]) -> Result<String, FormError> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = input.get(i + 1).copied().and_then(hex_value);
                let lo = input.get(i + 2).copied().and_then(hex_value);
                if let (Some(hi), Some(lo)) = (hi, lo) {
                    out.push(hi << 4 | lo);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| FormError::NotUtf8)
}

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

/// Decodes standard base64 (RFC 4648 §4), with or without `=` padding. Rejects any
/// other character, impossible lengths and non-zero trailing bits.
pub fn base64_decode(input: &[u8]) -> Option<Vec<u8>> {
    let unpadded = input.len() - input.iter().rev().take_while(|&&b| b == b'=').count();
    let padding = input.len() - unpadded;
    if padding > 2 || (padding > 0 && input.len() % 4 != 0) || unpadded % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(unpadded * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in &input[..unpadded] {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0).then_some(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64() {
        assert_eq!(base64_decode(b"ZGVtbzp4").as_deref(), Some(&b"demo:x"[..]));
        assert_eq!(base64_decode(b"YQ==").as_deref(), Some(&b"a"[..]));
        assert_eq!(base64_decode(b"YQ").as_deref(), Some(&b"a"[..]));
        assert_eq!(base64_decode(b"YR=="), None); // non-zero trailing bits
        assert_eq!(base64_decode(b"Y"), None);
        assert_eq!(base64_decode(b"YQ==="), None);
        assert_eq!(base64_decode(b"Y Q=="), None);
    }

    #[test]
    fn forms() {
        let p = Params::parse(b"a=1+2&b=%22x%22&c=&&d&e=%zz&a=3").unwrap();
        assert_eq!(p.get("a"), Some("1 2"));
        assert_eq!(p.get("b"), Some("\"x\""));
        assert_eq!(p.get("c"), None);
        assert_eq!(p.get("e"), Some("%zz"));
        assert_eq!(p.repeated(), Some("a"));
        assert_eq!(Params::parse(b"a=%FF"), Err(FormError::NotUtf8));
    }
}
